// Award bars, render: series → static SVG markup. Scale and ticks come from d3-scale; the
// markup is written directly (d3-selection would need a DOM at build time).
import { scaleLinear } from 'd3';
import type { BarMark, BarRow, BarSeries } from './state';
import { SOURCE_KIND_LABELS, STATUS_LABELS, provenanceText } from '../../lib/status';

export interface RenderOptions {
  /** Unique on the page; prefixes ids of <title>, <desc> and the hatch pattern. */
  id: string;
  title: string;
  desc: string;
  /** viewBox width in px. Default 720. */
  width?: number;
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = { fixed: '#0072B2', cap: '#D55E00', text: '#4d4d4d', grid: '#d9d9d9', axis: '#333333', muted: '#6b6b6b' } as const;

const FONT = 13;
const ROW = 26;
const BAR = 14;
const GROUP_HEAD = 24;
const GROUP_NOTE = 18;
const GROUP_GAP = 10;
const LEGEND = 26;
const AXIS = 30;
const VALUE_RESERVE = 150;
/** The status column between row labels and bars: policy status over source kind, in words. */
const STATUS_WIDTH = 84;
const STATUS_FONT = 11;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Estimated width in px: CJK and full-width characters are one em, others about 0.6 em. */
export function textWidth(text: string, size = FONT): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’（）《》]/.test(ch) ? size : size * 0.6;
  return w;
}

/** Cut text to fit `max` px, ending with … when cut. */
export function fitText(text: string, max: number, size = FONT): string {
  if (textWidth(text, size) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A mark's tooltip: row, clause and amount. The quoted words are not repeated here: they are
 * in the data table once, and the mark points at them with aria-describedby (see quoteId).
 */
function markTitle(row: BarRow): string {
  const { label: rowLabel, mark } = row;
  const status = row.provenance ? `（${provenanceText(row.provenance)}）` : '';
  if (!mark.href) return `${rowLabel}${status}：${mark.label}`;
  return `${rowLabel} ${mark.clause}${status}：${mark.label}`;
}

/** Id of the data-table element that holds a mark's quoted words (group and row index in the series). */
export function quoteId(chartId: string, group: number, row: number): string {
  return `${chartId}-q${group}-${row}`;
}

/** Coordinates to a tenth of a pixel: finer is invisible and only makes the markup longer. */
function px(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The chart as an SVG string (no <script>, no external references). */
export function renderBars(series: BarSeries, options: RenderOptions): string {
  return renderChart(series, options).svg;
}

/** The chart as an SVG string with its viewBox size, so a page can reserve its space before drawing it. */
export function renderChart(series: BarSeries, options: RenderOptions): { svg: string; width: number; height: number } {
  const width = options.width ?? 720;
  const id = options.id;
  const rowLabels = series.groups.flatMap((g) => g.rows.map((r) => r.label));
  const labelWidth = px(Math.min(220, Math.max(48, ...rowLabels.map((l) => textWidth(l))) + 14));
  const withStatus = series.groups.some((g) => g.rows.some((r) => r.provenance !== null));
  const x0 = labelWidth + (withStatus ? STATUS_WIDTH : 0);
  const x1 = width - VALUE_RESERVE;
  const scale = scaleLinear()
    .domain([0, series.maxWan > 0 ? series.maxWan : 1])
    .range([x0, x1])
    .nice();
  const x = (v: number) => px(scale(v));
  const ticks = scale.ticks(5);
  const format = scale.tickFormat(5);

  const parts: string[] = [];
  let y = LEGEND + AXIS;
  const body: string[] = [];
  series.groups.forEach((group, g) => {
    if (group.label) {
      y += GROUP_HEAD;
      body.push(`<text class="group-label" x="0" y="${y - 7}" font-weight="bold">${escapeXml(fitText(group.label, width - 8))}</text>`);
    }
    if (group.note) {
      y += GROUP_NOTE;
      body.push(`<text class="group-note" x="0" y="${y - 5}" font-size="12" fill="${PALETTE.muted}">${escapeXml(fitText(group.note, width - 8, 12))}</text>`);
    }
    group.rows.forEach((row, r) => {
      const mid = y + ROW / 2;
      body.push(`<text class="row-label" x="${labelWidth - 8}" y="${mid}" dy="0.35em" text-anchor="end">${escapeXml(fitText(row.label, labelWidth - 10))}</text>`);
      if (row.provenance) {
        // Status in words beside every row, so a draft never passes for law in greyscale or print.
        const inForce = row.provenance.status === 'in-force';
        body.push(
          `<text class="row-status" x="${labelWidth}" y="${mid}" font-size="${STATUS_FONT}" fill="${PALETTE.axis}"${inForce ? '' : ' font-weight="bold"'}>` +
            `<tspan x="${labelWidth}" dy="-0.15em">${escapeXml(STATUS_LABELS[row.provenance.status].zh)}</tspan>` +
            `<tspan x="${labelWidth}" dy="1.1em" fill="${PALETTE.muted}" font-weight="normal">${escapeXml(SOURCE_KIND_LABELS[row.provenance.sourceKind].zh)}</tspan></text>`,
        );
      }
      body.push(renderMark(row, x(0), mid, (v) => x(v), width, id, quoteId(id, g, r)));
      y += ROW;
    });
    if (group.more) {
      // The group shows only its top rows: say so where the bars end, and link the full ranking.
      const text = escapeXml(fitText(group.more.href ? `${group.more.short} · 全部排名 →` : group.more.short, width - x0 - 8, 12));
      const line = `<text x="${x0 + 6}" y="${y + ROW / 2}" dy="0.35em" font-size="12" fill="${PALETTE.muted}">${text}</text>`;
      body.push(group.more.href ? `<a class="more" href="${escapeXml(group.more.href)}">${line}</a>` : line);
      y += ROW;
    }
    y += GROUP_GAP;
  });
  const height = y + 4;

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="${FONT}">`,
  );
  parts.push(`<title id="${id}-title">${escapeXml(options.title)}</title>`);
  parts.push(`<desc id="${id}-desc">${escapeXml(options.desc)}</desc>`);
  parts.push(
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${PALETTE.cap}" stroke-width="2.5"/></pattern></defs>`,
  );
  parts.push(renderLegend(series, id));
  // Axis: gridlines through the plot, tick labels on top, unit at the end.
  const axisY = LEGEND + AXIS - 8;
  parts.push(`<g class="axis" aria-hidden="true">`);
  for (const t of ticks) {
    const tx = x(t);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${axisY}" y2="${height - GROUP_GAP}" stroke="${PALETTE.grid}"/>`);
    parts.push(`<text x="${tx}" y="${axisY - 6}" text-anchor="middle" fill="${PALETTE.axis}" font-size="12">${escapeXml(format(t))}</text>`);
  }
  parts.push(`<text x="${x0 - 8}" y="${axisY - 6}" text-anchor="end" fill="${PALETTE.axis}" font-size="12">${series.unit}</text>`);
  parts.push(`<line x1="${x0}" x2="${x0}" y1="${axisY}" y2="${height - GROUP_GAP}" stroke="${PALETTE.axis}"/>`);
  parts.push(`</g>`);
  parts.push(...body);
  parts.push(`</svg>`);
  return { svg: parts.join(''), width, height };
}

function renderLegend(series: BarSeries, id: string): string {
  const items: string[] = [];
  let lx = 0;
  const add = (swatch: string, label: string) => {
    items.push(`<g transform="translate(${lx},4)">${swatch}<text x="20" y="7" dy="0.35em" font-size="12">${escapeXml(label)}</text></g>`);
    lx += 28 + textWidth(label, 12);
  };
  if (series.kinds.includes('fixed')) add(`<rect width="14" height="14" fill="${PALETTE.fixed}"/>`, '定额（实心）');
  if (series.kinds.includes('cap')) add(`<rect width="14" height="14" fill="url(#${id}-hatch)" stroke="${PALETTE.cap}" stroke-width="1.5"/>`, '最高限额（斜线，上限而非定额）');
  if (series.kinds.includes('text')) add(`<rect width="14" height="14" fill="none" stroke="${PALETTE.muted}" stroke-dasharray="2 2"/>`, '未量化：以文字说明');
  if (series.anyNotInForce) add(`<rect width="14" height="14" fill="${PALETTE.fixed}" fill-opacity="0.35" stroke="${PALETTE.axis}" stroke-dasharray="3 2"/>`, '浅色虚框＝非现行有效（见状态列）');
  return `<g class="legend">${items.join('')}</g>`;
}

function renderMark(row: BarRow, zero: number, mid: number, x: (v: number) => number, width: number, id: string, quote: string): string {
  const mark = row.mark;
  if (!mark.href) {
    // An absent award: the words say it all, so no tooltip and nothing to follow.
    const text = fitText(mark.label, width - zero - 12);
    return `<text class="mark-absent" x="${zero + 6}" y="${mid}" dy="0.35em" fill="${mark.muted ? PALETTE.muted : PALETTE.text}" font-style="italic">${escapeXml(text)}</text>`;
  }
  const title = `<title>${escapeXml(markTitle(row))}</title>`;
  let shape: string;
  if (mark.kind === 'text' || mark.valueWan === null) {
    const text = fitText(mark.label, width - zero - 12);
    shape = `<rect class="hit" x="${zero}" y="${mid - ROW / 2 + 2}" width="${px(Math.min(width - zero, textWidth(text) + 12))}" height="${ROW - 4}" fill="transparent"/><text x="${zero + 6}" y="${mid}" dy="0.35em" fill="${PALETTE.text}" font-style="italic">${escapeXml(text)}</text>`;
  } else {
    const end = x(mark.valueWan);
    const w = px(Math.max(2, end - zero));
    // Not in force: a paler bar with a dashed outline, a shape difference as well as the words.
    const notInForce = row.provenance !== null && row.provenance.status !== 'in-force';
    const fill = mark.kind === 'fixed' ? `fill="${PALETTE.fixed}"` : `fill="url(#${id}-hatch)"`;
    const stroke = notInForce
      ? ` fill-opacity="0.35" stroke="${PALETTE.axis}" stroke-width="1.5" stroke-dasharray="3 2"`
      : mark.kind === 'cap'
        ? ` stroke="${PALETTE.cap}" stroke-width="1.5"`
        : '';
    const label = fitText(mark.label, width - end - 8);
    shape = `<rect class="bar" x="${zero}" y="${mid - BAR / 2}" width="${w}" height="${BAR}" ${fill}${stroke}/><text x="${Math.max(end, zero) + 6}" y="${mid}" dy="0.35em" fill="${PALETTE.axis}">${escapeXml(label)}</text>`;
  }
  return `<a class="mark" href="${escapeXml(mark.href)}" aria-describedby="${quote}">${title}${shape}</a>`;
}
