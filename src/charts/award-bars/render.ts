// Award bars, render: series → static SVG markup. Scale and ticks come from d3-scale; the
// markup is written directly (d3-selection would need a DOM at build time).
//
// Two layouts of the same series, both drawn at build time; AwardBars.astro shows the one that
// fits its container (a CSS container query), so neither is ever scaled below its text size:
//   wide    row labels left of the bars, value labels after them, an axis on top; drawn at
//           WIDE_WIDTH px and shown only where the container is at least that wide;
//   narrow  each row's label (and its value, right-aligned) above a full-width bar, no axis;
//           drawn for a ~320 px phone column and scaled to its container.
// Labels are never cut: they wrap onto as many lines as they need.
import { scaleLinear } from 'd3-scale';
import type { BarMark, BarRow, BarSeries } from './state';
import { SOURCE_KIND_LABELS, STATUS_LABELS, provenanceText } from '../../lib/status';

export type ChartLayout = 'wide' | 'narrow';

export interface RenderOptions {
  /** Unique on the page; prefixes ids of <title>, <desc> and the hatch pattern, and names the data-table quotes. */
  id: string;
  title: string;
  desc: string;
  /** Default `wide`. The narrow layout's own ids get a `-narrow` suffix, so both can share a page. */
  layout?: ChartLayout;
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = { fixed: '#0072B2', cap: '#D55E00', text: '#4d4d4d', grid: '#d9d9d9', axis: '#333333', muted: '#6b6b6b' } as const;

/**
 * viewBox width of each layout. The narrow one is drawn for the text column of a 320–360 px
 * phone: at 296 px (320 px screen) its smallest text (13) still renders at 12 px.
 */
export const LAYOUT_WIDTH: Record<ChartLayout, number> = { wide: 720, narrow: 320 };

interface Metrics {
  /** Body text (row and value labels). */
  font: number;
  /** Secondary text (ticks, legend, notes); at least 12 px where the layout is shown. */
  small: number;
  /** Line height of body text. */
  line: number;
  /** Bar thickness. */
  bar: number;
  /** Smallest row height; the tap area of a mark is the row less 2 px above and below (≥ 24). */
  row: number;
}

const METRICS: Record<ChartLayout, Metrics> = {
  wide: { font: 13, small: 12, line: 17, bar: 20, row: 30 },
  // On a phone the bar itself is a full 24 px target.
  narrow: { font: 14, small: 13, line: 19, bar: 24, row: 30 },
};

const GROUP_GAP = 10;
const AXIS = 30;
/** Widest row-label column of the wide layout; longer labels wrap. */
const MAX_LABEL_COLUMN = 230;
/** Share of the plot the wide layout keeps for bars, however long the value labels. */
const MIN_PLOT_SHARE = 0.45;
/** Room between a bar's end and its label, and slack for the width estimate. */
const GAP = 6;
const SLACK = 4;

/** CJK and full-width characters: one em wide, and a line may break before or after each. */
const CJK_RANGE = '\\u2e80-\\u9fff\\uff00-\\uffef\\u3000-\\u303f“”‘’（）《》';
const CJK = new RegExp(`[${CJK_RANGE}]`);
/** Units of a line: a run of spaces, one CJK character, or a run of anything else (a number, a word). */
const LINE_UNITS = new RegExp(`\\s+|[${CJK_RANGE}]|[^\\s${CJK_RANGE}]+`, 'gu');
/** The status column between row labels and bars (wide layout): policy status over source kind, in words. */
const STATUS_WIDTH = 96;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Estimated width in px: CJK and full-width characters are one em, others about 0.6 em. */
export function textWidth(text: string, size = METRICS.wide.font): number {
  let w = 0;
  for (const ch of text) w += CJK.test(ch) ? size : size * 0.6;
  return w;
}

/** Punctuation that may not start a line (it goes with what precedes it). */
const NO_LINE_START = /^[，。、；：？！）》」』”’%‰,.;:?!)\]…·]/;
/** Punctuation that may not end a line (it goes with what follows it). */
const NO_LINE_END = /[（《「『“‘(\[]$/;

/**
 * Break text into lines of at most `max` px. Lines break between CJK characters or at spaces,
 * never inside a number or a Latin word (unless the word alone is too wide), never before
 * closing or after opening punctuation. Nothing is dropped: the lines joined are the text.
 */
export function wrapText(text: string, max: number, size = METRICS.wide.font): string[] {
  // Units that must stay on one line: a CJK character, a run of other non-space characters,
  // or a run of spaces (where a line may break, the spaces then dropped at the line's edge).
  const raw = text.match(LINE_UNITS) ?? [];
  const units: string[] = [];
  for (const unit of raw) {
    const last = units[units.length - 1];
    if (last !== undefined && !/^\s/.test(unit) && !/^\s/.test(last) && (NO_LINE_START.test(unit) || NO_LINE_END.test(last))) {
      units[units.length - 1] = last + unit;
    } else units.push(unit);
  }
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (/^\s/.test(unit)) {
      if (line !== '' && textWidth(line + unit, size) <= max) line += unit;
      else if (line !== '') {
        lines.push(line);
        line = '';
      }
      continue;
    }
    if (line === '' || textWidth(line + unit, size) <= max) {
      line += unit;
    } else {
      lines.push(line.trimEnd());
      line = unit;
    }
    // A single unit wider than the line (a long Latin word or URL) is split by character.
    while (textWidth(line, size) > max && [...line].length > 1) {
      let head = '';
      for (const ch of line) {
        if (head !== '' && textWidth(head + ch, size) > max) break;
        head += ch;
      }
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.length ? lines : [''];
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

/** A <text> of one or more lines (tspans), first baseline at `y`. */
function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, attrs: string): string {
  if (lines.length === 1) return `<text x="${x}" y="${px(y)}" ${attrs}>${escapeXml(lines[0]!)}</text>`;
  const spans = lines.map((l, i) => `<tspan x="${x}" ${i === 0 ? `y="${px(y)}"` : `dy="${lineHeight}"`}>${escapeXml(l)}</tspan>`);
  return `<text ${attrs}>${spans.join('')}</text>`;
}

/** Baseline offset from a line box's top, for text of `size` in a line of `line`. */
function baseline(size: number, line: number): number {
  return (line - size) / 2 + size * 0.85;
}

/** The chart as an SVG string (no <script>, no external references). */
export function renderBars(series: BarSeries, options: RenderOptions): string {
  return renderChart(series, options).svg;
}

/** The chart as an SVG string with its viewBox size, so a page can reserve its space before drawing it. */
export function renderChart(series: BarSeries, options: RenderOptions): { svg: string; width: number; height: number } {
  const layout = options.layout ?? 'wide';
  const m = METRICS[layout];
  const width = LAYOUT_WIDTH[layout];
  const svgId = layout === 'wide' ? options.id : `${options.id}-narrow`;
  const wide = layout === 'wide';

  // Horizontal scale. Wide: bars start after the row-label column and the plot is narrowed
  // until every value label fits after its bar. Narrow: bars span the whole width.
  const rows = series.groups.flatMap((g) => g.rows);
  // A loop, not Math.max(...rows): spreading an unbounded array into a call overflows the stack.
  const widest = rows.reduce((most, r) => Math.max(most, textWidth(r.label, m.font)), 48);
  const labelColumn = wide ? px(Math.min(MAX_LABEL_COLUMN, widest) + 14) : 0;
  const withStatus = rows.some((r) => r.provenance !== null);
  const x0 = labelColumn + (wide && withStatus ? STATUS_WIDTH : 0);
  const domainMax = series.maxWan > 0 ? series.maxWan : 1;
  let x1 = width;
  if (wide) {
    x1 = width - 8;
    for (const r of rows) {
      if (r.mark.valueWan === null) continue;
      const room = width - GAP - 2 * SLACK - textWidth(r.mark.label, m.font) - x0;
      if (r.mark.valueWan > 0) x1 = Math.min(x1, x0 + (room * domainMax) / r.mark.valueWan);
    }
    x1 = Math.max(x1, x0 + MIN_PLOT_SHARE * (width - x0));
  }
  const scale = scaleLinear().domain([0, domainMax]).range([x0, x1]).nice();
  const x = (v: number) => px(scale(v));
  const zero = x(0);
  const geometry: RowGeometry = { m, width, labelColumn, x0, zero, x, hatch: `url(#${svgId}-hatch)` };

  const body: string[] = [];
  const grid: string[] = [];
  const legend = renderLegend(series, svgId, layout, width);
  let y = legend.height + (wide ? AXIS : 4);
  series.groups.forEach((group, g) => {
    if (group.label) {
      const lines = wrapText(group.label, width - 4, m.font);
      body.push(textLines(lines, 0, y + baseline(m.font, m.line), m.line, 'class="group-label" font-weight="bold"'));
      y += lines.length * m.line + 4;
    }
    if (group.note) {
      const lines = wrapText(group.note, width - 4, m.small);
      body.push(textLines(lines, 0, y + baseline(m.small, m.line - 2), m.line - 2, `class="group-note" font-size="${m.small}" fill="${PALETTE.muted}"`));
      y += lines.length * (m.line - 2) + 4;
    }
    const plotTop = y;
    group.rows.forEach((row, r) => {
      const quote = quoteId(options.id, g, r);
      const drawn = (wide ? wideRow : narrowRow)(row, y, geometry);
      body.push(drawn.label, wrapMark(row, drawn, quote, y));
      y += drawn.height;
    });
    if (wide && group.rows.length) grid.push(gridLines(scale.ticks(5).map(x), x0, plotTop, y));
    if (group.more) {
      // The group shows only its top rows: say so where the bars end, and link the full ranking.
      const text = group.more.href ? `${group.more.short} · 全部排名 →` : group.more.short;
      const left = wide ? x0 + 6 : 0;
      const lines = wrapText(text, width - left - 4, m.small);
      const height = Math.max(m.row, lines.length * m.line + 8);
      const words = textLines(lines, left, y + (height - lines.length * m.line) / 2 + baseline(m.small, m.line), m.line, `font-size="${m.small}" fill="${PALETTE.muted}"`);
      body.push(
        group.more.href
          ? `<a class="more" href="${escapeXml(group.more.href)}"><rect class="hit" x="${left}" y="${px(y + 2)}" width="${px(Math.min(width - left, lines.reduce((most, l) => Math.max(most, textWidth(l, m.small)), 0) + 8))}" height="${px(height - 4)}" fill="transparent"/>${words}</a>`
          : words,
      );
      y += height;
    }
    y += GROUP_GAP;
  });
  const height = px(y + 4);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-${layout}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="${m.font}">`,
  );
  parts.push(`<title id="${svgId}-title">${escapeXml(options.title)}</title>`);
  parts.push(`<desc id="${svgId}-desc">${escapeXml(options.desc)}</desc>`);
  parts.push(
    `<defs><pattern id="${svgId}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${PALETTE.cap}" stroke-width="2.5"/></pattern></defs>`,
  );
  parts.push(legend.svg);
  if (wide) {
    // Axis: tick labels on top with the unit before them; gridlines only through the rows of
    // each group (never through a group's heading or note).
    const axisY = legend.height + AXIS - 8;
    parts.push(`<g class="axis" aria-hidden="true">`);
    for (const t of scale.ticks(5)) {
      parts.push(`<text x="${x(t)}" y="${axisY - 6}" text-anchor="middle" fill="${PALETTE.axis}" font-size="${m.small}">${escapeXml(scale.tickFormat(5)(t))}</text>`);
    }
    parts.push(`<text x="${x0 - 8}" y="${axisY - 6}" text-anchor="end" fill="${PALETTE.axis}" font-size="${m.small}">${series.unit}</text>`);
    parts.push(grid.join(''));
    parts.push(`</g>`);
  }
  parts.push(body.join(''));
  parts.push(`</svg>`);
  return { svg: parts.join(''), width, height };
}

function gridLines(ticks: number[], x0: number, top: number, bottom: number): string {
  const lines = ticks.map((tx) => `<line x1="${tx}" x2="${tx}" y1="${px(top)}" y2="${px(bottom)}" stroke="${PALETTE.grid}"/>`);
  lines.push(`<line x1="${x0}" x2="${x0}" y1="${px(top)}" y2="${px(bottom)}" stroke="${PALETTE.axis}"/>`);
  return lines.join('');
}

interface RowGeometry {
  m: Metrics;
  width: number;
  /** Right edge of the wide layout's row-label column (the status column follows it). */
  labelColumn: number;
  /** Left edge of the plot (after the label and status columns). */
  x0: number;
  zero: number;
  x: (v: number) => number;
  /** Fill of a ceiling's bar. */
  hatch: string;
}

/** One drawn row: its label (outside the link), its mark's shapes, and its height. */
interface DrawnRow {
  label: string;
  mark: string;
  height: number;
  /** Left and right edge of the tap area. */
  hitLeft: number;
  hitRight: number;
}

function barShape(row: BarRow, top: number, { zero, m, x, hatch }: RowGeometry): { svg: string; end: number } {
  const { mark } = row;
  const end = x(mark.valueWan!);
  const w = px(Math.max(2, end - zero));
  // Not in force: a paler bar with a dashed outline, a shape difference as well as the words.
  const notInForce = row.provenance !== null && row.provenance.status !== 'in-force';
  const fill = mark.kind === 'fixed' ? `fill="${PALETTE.fixed}"` : `fill="${hatch}"`;
  const stroke = notInForce
    ? ` fill-opacity="0.35" stroke="${PALETTE.axis}" stroke-width="1.5" stroke-dasharray="3 2"`
    : mark.kind === 'cap'
      ? ` stroke="${PALETTE.cap}" stroke-width="1.5"`
      : '';
  return { svg: `<rect class="bar" x="${zero}" y="${px(top)}" width="${w}" height="${m.bar}" ${fill}${stroke}/>`, end: zero + w };
}

/** A row's policy status and source kind in words (现行有效 · 正式公文), or null. */
function statusWords(row: BarRow): [string, string] | null {
  return row.provenance ? [STATUS_LABELS[row.provenance.status].zh, SOURCE_KIND_LABELS[row.provenance.sourceKind].zh] : null;
}

/** Attributes of a mark's words: the value after a bar, or the words that stand instead of one (italic; muted when they state an absence). */
function valueAttributes(mark: BarMark): string {
  const isBar = mark.valueWan !== null && mark.kind !== 'text';
  const fill = isBar ? PALETTE.axis : mark.muted ? PALETTE.muted : PALETTE.text;
  return `class="value${mark.href ? '' : ' mark-absent'}" fill="${fill}"${isBar ? '' : ' font-style="italic"'}`;
}

/** Wide row: label right-aligned before the plot, bar from zero, value label after the bar. */
function wideRow(row: BarRow, top: number, g: RowGeometry): DrawnRow {
  const { m, width, labelColumn, zero, x } = g;
  const { label: rowLabel, mark } = row;
  const labelLines = wrapText(rowLabel, labelColumn - 12, m.font);
  const isBar = mark.valueWan !== null && mark.kind !== 'text';
  const barEnd = isBar ? x(mark.valueWan!) : zero;
  const valueLeft = (isBar ? Math.max(barEnd, zero) : zero) + GAP;
  const valueLines = wrapText(mark.label, width - valueLeft - SLACK, m.font);
  const status = statusWords(row);
  const height = Math.max(m.row, Math.max(labelLines.length, valueLines.length, status ? 2 : 0) * m.line + 8);
  const labelTop = top + (height - labelLines.length * m.line) / 2;
  const valueTop = top + (height - valueLines.length * m.line) / 2;
  // Status in words beside every row, so a draft never passes for law in greyscale or print.
  const statusText = status
    ? textLines(status, labelColumn, top + (height - 2 * m.line) / 2 + baseline(m.small, m.line), m.line, `class="row-status" font-size="${m.small}" fill="${PALETTE.axis}"${row.provenance!.status === 'in-force' ? '' : ' font-weight="bold"'}`)
    : '';
  const label = textLines(labelLines, labelColumn - 8, labelTop + baseline(m.font, m.line), m.line, 'class="row-label" text-anchor="end"') + statusText;
  const value = textLines(valueLines, valueLeft, valueTop + baseline(m.font, m.line), m.line, valueAttributes(mark));
  const bar = isBar ? barShape(row, top + (height - m.bar) / 2, g).svg : '';
  const valueRight = valueLeft + valueLines.reduce((most, l) => Math.max(most, textWidth(l, m.font)), 0);
  return { label, mark: bar + value, height, hitLeft: zero, hitRight: Math.min(width, valueRight + 4) };
}

/**
 * Narrow row: the row label on top (the value right-aligned beside it when both fit, else on
 * the lines below), then the bar across the full width. Words-only marks take the bar's place.
 */
function narrowRow(row: BarRow, top: number, g: RowGeometry): DrawnRow {
  const { m, width } = g;
  const { mark } = row;
  const status = statusWords(row);
  // On a phone the status follows the row label in words: `国家级…（征求意见稿 · 咨询文章）`.
  const rowLabel = status ? `${row.label}（${status.join(' · ')}）` : row.label;
  const isBar = mark.valueWan !== null && mark.kind !== 'text';
  const valueWidth = textWidth(mark.label, m.font);
  const beside = isBar && valueWidth <= width * 0.5;
  const labelLines = wrapText(rowLabel, beside ? width - valueWidth - 12 : width - SLACK, m.font);
  const valueLines = beside ? [mark.label] : wrapText(mark.label, width - SLACK, m.font);
  const valueAttrs = valueAttributes(mark);
  let y = top + 6;
  const label = textLines(labelLines, 0, y + baseline(m.font, m.line), m.line, 'class="row-label" font-weight="bold"');
  let value: string;
  if (beside) {
    value = textLines(valueLines, width, y + baseline(m.font, m.line), m.line, `${valueAttrs} text-anchor="end"`);
    y += labelLines.length * m.line;
  } else {
    y += labelLines.length * m.line;
    value = textLines(valueLines, 0, y + baseline(m.font, m.line), m.line, valueAttrs);
    y += valueLines.length * m.line;
  }
  let bar = '';
  if (isBar) {
    y += 3;
    bar = barShape(row, y, g).svg;
    y += m.bar;
  }
  const height = Math.max(m.row, y + 8 - top);
  return { label, mark: bar + value, height, hitLeft: 0, hitRight: width };
}

/**
 * A mark with a clause becomes a link whose tap area (a transparent rect over the row, at least
 * 24 px each way) covers its bar and words.
 */
function wrapMark(row: BarRow, drawn: DrawnRow, quote: string, top: number): string {
  const { mark } = row;
  // An absent award: the words say it all, so no tooltip and nothing to follow.
  if (!mark.href) return drawn.mark;
  const title = `<title>${escapeXml(markTitle(row))}</title>`;
  const hit = `<rect class="hit" x="${drawn.hitLeft}" y="${px(top + 2)}" width="${px(Math.max(24, drawn.hitRight - drawn.hitLeft))}" height="${px(drawn.height - 4)}" fill="transparent"/>`;
  return `<a class="mark" href="${escapeXml(mark.href)}" aria-describedby="${quote}">${title}${drawn.mark}${hit}</a>`;
}

function renderLegend(series: BarSeries, id: string, layout: ChartLayout, width: number): { svg: string; height: number } {
  const size = METRICS[layout].small;
  const items: string[] = [];
  let lx = 0;
  let ly = 2;
  const add = (swatch: string, label: string) => {
    const w = 20 + textWidth(label, size);
    // Wide: one line while it fits; narrow: one item a line.
    if (lx > 0 && (layout === 'narrow' || lx + w > width)) {
      lx = 0;
      ly += 20;
    }
    items.push(`<g transform="translate(${px(lx)},${ly})">${swatch}<text x="20" y="7" dy="0.35em" font-size="${size}">${escapeXml(label)}</text></g>`);
    lx += w + 8;
  };
  if (series.kinds.includes('fixed')) add(`<rect width="14" height="14" fill="${PALETTE.fixed}"/>`, '定额（实心）');
  if (series.kinds.includes('cap')) add(`<rect width="14" height="14" fill="url(#${id}-hatch)" stroke="${PALETTE.cap}" stroke-width="1.5"/>`, '最高限额（斜线，上限而非定额）');
  if (series.kinds.includes('text')) add(`<rect width="14" height="14" fill="none" stroke="${PALETTE.muted}" stroke-dasharray="2 2"/>`, '未量化：以文字说明');
  if (series.anyNotInForce) add(`<rect width="14" height="14" fill="${PALETTE.fixed}" fill-opacity="0.35" stroke="${PALETTE.axis}" stroke-dasharray="3 2"/>`, '浅色虚框＝非现行有效（见状态）');
  return { svg: `<g class="legend">${items.join('')}</g>`, height: items.length ? ly + 22 : 0 };
}
