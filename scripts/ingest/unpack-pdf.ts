// A PDF → text lines in reading order, each mapped to its page and line. Read with unpdf (PDF.js
// built for servers: no worker, no canvas, no network); text items are grouped into printed
// lines by baseline, and printed lines into paragraphs by the page geometry (a line that
// reaches the right edge continues on the next unindented line, also across a page break), so
// the text reads like the published .txt. What PDFs add is dropped and listed: page numbers and
// lines repeated at the top or bottom of most pages. What cannot be read right is refused with
// its page: a scan without a text layer (OCR is out of scope), text set in two columns or
// rotated.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import type { VFileMessage } from 'vfile-message';
import { PAGE_NUMBER } from './boilerplate';
import { plausibility } from './decode';
import { excerpt, makeMessage } from './diagnostics';
import { fromLines, refused, type DroppedPiece, type Unpacked } from './unpack';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PrintedLine {
  page: number;
  /** 1-based line on its page, from the top, counting every printed line. */
  line: number;
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** Horizontal gaps between items of a character or more, as [from, to]. */
  gaps: [number, number][];
  /** The text between those gaps: a table row's cells (one cell when there is no gap). */
  cells: string[];
}

/**
 * Adobe's predefined CMaps and the standard font data, from pdfjs-dist's package on disk.
 * Chinese 公文 PDFs often draw text in non-embedded fonts encoded GBK-EUC-H without a ToUnicode
 * map; PDF.js reads those only with the CMaps, which unpdf's server build does not carry.
 */
const PDFJS_DATA = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** PDF.js's BinaryDataFactory, reading from PDFJS_DATA instead of fetching (nothing leaves the machine). */
class LocalBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const folder = kind === 'cMapUrl' ? 'cmaps' : kind === 'standardFontDataUrl' ? 'standard_fonts' : null;
    if (folder === null) throw new Error(`PDF.js asked for \`${kind}\` data, which is not bundled`);
    return new Uint8Array(await readFile(join(PDFJS_DATA, folder, basename(filename))));
  }
}

/** Below this share of usual characters the extraction is garbage, not a policy text. */
const MIN_PLAUSIBILITY = 0.8;

/** Share of a page's height at top and bottom where running headers and page numbers sit. */
const MARGIN_BAND = 0.15;

export async function unpackPdf(path: string, bytes: Uint8Array): Promise<Unpacked> {
  // PDF.js takes ownership of the buffer it is given: pass a copy, the caller hashes the original.
  // verbosity 0: font warnings would interleave with the ingest report; problems surface as messages.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), {
    verbosity: 0,
    useWorkerFetch: false,
    cMapUrl: 'cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'standard_fonts/',
    BinaryDataFactory: LocalBinaryData,
  });
  const messages: VFileMessage[] = [];
  const warn = (ruleId: string, severity: 'error' | 'warning' | 'info', reason: string, hint: string) =>
    messages.push(makeMessage({ file: path, ruleId, severity, reason, hint }));
  const pages: { lines: PrintedLine[]; height: number }[] = [];
  const scanned: number[] = [];
  const dropped: DroppedPiece[] = [];
  let glyphs = 0;
  /** Characters of every text item, rotated ones included: zero means there is no text layer. */
  let printed = 0;
  /** Pages that draw text operators (even if none of it could be read as characters). */
  let drawsText = false;
  try {
    const { OPS } = await getResolvedPDFJS();
    const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
    const textOps = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { height, width } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      let rotatedChars = 0;
      let chars = 0;
      const rotated: string[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str === '') continue;
        const [a, b, c, d, x, y] = raw.transform as number[];
        const folded = foldGlyphs(raw.str);
        glyphs += folded.count;
        chars += raw.str.length;
        printed += raw.str.trim().length;
        // Text drawn at an angle (a rotated table, a stamp) would be scrambled among the lines.
        if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01) {
          rotatedChars += raw.str.length;
          rotated.push(folded.text);
          continue;
        }
        items.push({ str: folded.text, x: x!, y: y!, width: raw.width, size: Math.abs(d!) || Math.abs(a!) || raw.height || 10 });
      }
      if (rotatedChars > 0 && rotatedChars >= chars * 0.2) {
        warn('pdf-rotated-text', 'error', `Page ${n} prints ${rotatedChars} of its ${chars} characters rotated (a landscape table or a stamp); they cannot be read in order`, 'save this page’s text by hand in a .txt beside the sidecar, or ask the publisher for a text version');
      }
      // A little rotated text on an upright page (a stamp, a watermark) is dropped and listed.
      else if (rotatedChars > 0) dropped.push({ rule: 'rotated-text', text: rotated.join(''), origin: `p. ${n}`, line: 1, column: 1 });
      if (page.rotate !== 0) warn('pdf-rotated-page', 'info', `Page ${n} is displayed rotated by ${page.rotate}°; its text was read in its own orientation`, 'check that page in the source view');
      const lines = printedLines(n, items);
      if (columns(lines, width)) {
        warn('pdf-two-columns', 'error', `Page ${n} looks set in two columns: most of its lines have a wide gap across the middle of the page`, 'reading across both columns would scramble the text: save the columns in reading order as a .txt beside the sidecar');
      }
      // A page with no text between its margins but an image is a scan (a running header or a
      // page number may still be text).
      if (lines.every((l) => l.y > height * (1 - MARGIN_BAND) || l.y < height * MARGIN_BAND)) {
        const ops = await page.getOperatorList();
        // Text drawn where nothing was read: unmapped fonts, not a scan.
        if (lines.length === 0 && rotatedChars === 0 && ops.fnArray.some((fn) => textOps.has(fn))) drawsText = true;
        else if (ops.fnArray.some((fn) => imageOps.has(fn))) scanned.push(n);
      }
      pages.push({ lines, height });
      page.cleanup();
    }
  } finally {
    await pdf.loadingTask.destroy();
  }

  if (printed === 0 && drawsText) {
    return refused(
      'pdf',
      path,
      'pdf-unmapped-font',
      `\`${path}\` draws its text in fonts without a Unicode map: no character can be read`,
      'save the text from the publisher’s web page, or from a viewer that reads it correctly, as a .txt beside the sidecar',
    );
  }
  if (printed === 0) {
    return refused(
      'pdf',
      path,
      'pdf-no-text-layer',
      `\`${path}\` has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images): it is a scan`,
      'OCR is out of scope: find the text version on the publisher’s site (most publish HTML beside the PDF), or transcribe it into a .txt beside the sidecar',
    );
  }
  for (const n of scanned) {
    warn('pdf-page-without-text', 'error', `Page ${n} is an image without a text layer (a scanned page): its words would be missing`, 'OCR is out of scope: transcribe the page into a .txt version of the whole text, or find a text version of the PDF');
  }
  if (glyphs > 0) {
    warn('pdf-glyph-fold', 'info', `${glyphs} characters were named by the PDF's fonts as radicals or look-alikes (e.g. ⼈ U+2F08 for 人, ― U+2015 for —) and read as the characters they show`, 'nothing to do: PDF fonts often name common ideographs by radical or compatibility code points');
  }

  const body = dropMargins(pages, dropped);
  const unpacked = fromLines('pdf', paragraphs(body), dropped, []);
  // Fonts without a Unicode map read as U+FFFD, private-use or Hangul-like garbage: the same
  // test that tells a wrong decoding of a .txt (decode.ts) tells a garbled PDF.
  const share = plausibility(unpacked.text);
  if (share < MIN_PLAUSIBILITY) {
    warn(
      'pdf-unmapped-font',
      'error',
      `Only ${Math.round(share * 100)}% of the extracted characters are usual in Chinese text (e.g. \`${excerpt(unpacked.text.replace(/\s+/g, ''), 12)}\`): the fonts have no usable Unicode map`,
      'the text would be garbled: save the text from the publisher’s web page, or from a viewer that reads it correctly, as a .txt beside the sidecar',
    );
  }
  return { ...unpacked, messages };
}

/** Items grouped into printed lines (same baseline), top to bottom, each left to right. */
function printedLines(page: number, items: Item[]): PrintedLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Item[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0]!.y - item.y) <= 0.5 * Math.min(last[0]!.size, item.size)) last.push(item);
    else groups.push([item]);
  }
  return groups.map((group, i) => {
    group.sort((p, q) => p.x - q.x);
    let text = '';
    let end = group[0]!.x;
    const gaps: [number, number][] = [];
    const cells: string[] = [''];
    // A gap of a character or more, drawn as distance or as a wide space item, separates table
    // cells (or columns); a narrower one, or a narrow space item, is a space.
    let pendingGap: [number, number] | null = null;
    let pendingSpace = false;
    for (const item of group) {
      if (item.str.trim() === '') {
        if (text !== '' && item.width >= item.size) pendingGap = [end, item.x + item.width];
        else if (text !== '') pendingSpace = true;
        end = Math.max(end, item.x + item.width);
        continue;
      }
      if (text !== '' && (pendingGap !== null || item.x - end >= item.size)) {
        gaps.push(pendingGap ?? [end, item.x]);
        cells.push('');
        text += ' ';
      } else if (text !== '' && (pendingSpace || item.x - end > 0.4 * item.size) && !/\s$/.test(text)) {
        text += ' ';
        cells[cells.length - 1] += ' ';
      }
      pendingGap = null;
      pendingSpace = false;
      text += item.str;
      cells[cells.length - 1] += item.str;
      end = item.x + item.width;
    }
    const size = Math.max(...group.map((g) => g.size));
    return { page, line: i + 1, text: text.trim(), x: group[0]!.x, right: end, y: group[0]!.y, size, gaps, cells: cells.map((c) => c.trim()).filter((c) => c !== '') };
  }).filter((l) => l.text !== '');
}

/**
 * Two columns: most lines (at least six) are two long runs of text (each over a quarter of the
 * page) with one gap of two characters or more across the page's middle, at the same place on
 * every line (the gutter). A table's rows have more cells, short cells, or gaps that wander.
 */
function columns(lines: readonly PrintedLine[], width: number): boolean {
  if (lines.length < 6) return false;
  const gutters = lines.flatMap((l) => {
    const wide = l.gaps.filter(([from, to]) => to - from >= 2 * l.size);
    if (wide.length !== 1 || l.gaps.length !== 1) return [];
    const [from, to] = wide[0]!;
    const halves = from - l.x >= width * 0.25 && l.right - to >= width * 0.25;
    return halves && from < width * 0.65 && to > width * 0.35 ? [(from + to) / 2] : [];
  });
  if (gutters.length < lines.length / 2) return false;
  const middle = percentile(gutters, 0.5);
  return gutters.filter((g) => Math.abs(g - middle) <= 2 * lines[0]!.size).length >= lines.length / 2;
}

/**
 * Page numbers and running headers/footers: among the first and last two lines of each page,
 * inside the top or bottom margin band, those that read as a page number, or whose words
 * (digits aside) recur on at least half the pages (and two or more).
 */
function dropMargins(pages: readonly { lines: PrintedLine[]; height: number }[], dropped: DroppedPiece[]): PrintedLine[] {
  const key = (text: string) => text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
  const edge = (p: { lines: PrintedLine[]; height: number }) =>
    p.lines.filter((l, i) => (i < 2 || i >= p.lines.length - 2) && (l.y > p.height * (1 - MARGIN_BAND) || l.y < p.height * MARGIN_BAND));
  const seen = new Map<string, Set<number>>();
  for (const p of pages) for (const l of edge(p)) seen.set(key(l.text), (seen.get(key(l.text)) ?? new Set()).add(l.page));
  const withText = pages.filter((p) => p.lines.length > 0).length;
  const out: PrintedLine[] = [];
  for (const p of pages) {
    const margins = new Set(edge(p));
    for (const l of p.lines) {
      const repeated = (seen.get(key(l.text))?.size ?? 0) >= Math.max(2, Math.ceil(withText / 2));
      const rule = !margins.has(l)
        ? null
        : PAGE_NUMBER.test(l.text.replace(/\s+/g, ' ').trim())
          ? 'page-number'
          : repeated
            ? l.y > p.height / 2
              ? 'running-header'
              : 'running-footer'
            : null;
      if (rule) dropped.push({ rule, text: l.text, origin: `p. ${l.page}, l. ${l.line}`, line: 1, column: 1 });
      else out.push(l);
    }
  }
  return out;
}

/**
 * Printed lines → paragraphs: a line that ends near the right edge of the text block continues
 * on the next line when that one starts at the left edge (not indented), on the same page or at
 * the top of the next. Chinese wraps join without a space; a wrap between two Latin words gets one.
 */
function paragraphs(lines: readonly PrintedLine[]): { text: string; origin: string }[] {
  if (lines.length === 0) return [];
  const left = percentile(lines.map((l) => l.x), 0.1);
  const right = percentile(lines.map((l) => l.right), 0.9);
  // Where paragraphs open indented (公文 indent two characters), the indent marks them and a
  // line may end up to four characters short of the edge (a number or a closing mark that did
  // not fit moves to the next line); without indents only a line that reaches the edge runs on.
  const indented = lines.filter((l) => l.x >= left + 1.5 * l.size && l.x <= left + 2.5 * l.size).length >= lines.length * 0.1;
  const slack = indented ? 4 : 1.5;
  const out: { text: string; from: PrintedLine; to: PrintedLine; cell?: boolean }[] = [];
  for (const line of lines) {
    // A table row: one line per cell, as flattened tables read in the .txt sources; never joined.
    if (line.gaps.length > 0) {
      for (const cell of line.cells) out.push({ text: cell, from: line, to: line, cell: true });
      continue;
    }
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      !prev.cell &&
      prev.to.right >= right - slack * prev.to.size &&
      line.x <= left + 0.5 * line.size &&
      Math.abs(prev.to.size - line.size) <= 0.2 * line.size &&
      (line.page === prev.to.page || line.page === prev.to.page + 1);
    if (continues) {
      prev.text += (/[A-Za-z]$/.test(prev.text) && /^[A-Za-z]/.test(line.text) ? ' ' : '') + line.text;
      prev.to = line;
    } else out.push({ text: line.text, from: line, to: line });
  }
  return out.map(({ text, from, to }) => ({
    text,
    origin:
      from.page === to.page
        ? `p. ${from.page}, l. ${from.line}${to.line > from.line ? `–${to.line}` : ''}`
        : `pp. ${from.page}–${to.page} (p. ${from.page}, l. ${from.line} – p. ${to.page}, l. ${to.line})`,
  }));
}

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** CJK Radicals Supplement code points that stand for a simplified ideograph (no NFKC mapping). */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻗': '雨',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼',
  '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻯': '龙', '⻰': '龙', '⻳': '龟',
};

/**
 * Code points that CJK fonts' ToUnicode tables give for a glyph they share with the intended
 * character: the horizontal bar U+2015 for the em dash of a 破折号 (GB 2312's A1AA), and 戶
 * for 户 (pan-CJK fonts such as Noto draw both with one glyph). Simplified texts never mean the
 * first; a traditional text is read through the script fold, which makes the same change.
 */
const SHARED_GLYPHS: Record<string, string> = { '\u2015': '\u2014', '\u6236': '\u6237' };

/**
 * Characters as PDF fonts name them → the characters they show: Kangxi radicals (U+2F00–U+2FD5,
 * which NFKC maps to the ideographs), the radical supplement's simplified forms, canonical
 * singletons (U+2329 〈 → U+3008 〈, compatibility ideographs; NFC) and shared glyphs.
 */
export function foldGlyphs(text: string): { text: string; count: number } {
  let count = 0;
  const out = Array.from(text, (ch) => {
    // The radical ⼾ U+2F3E is NFKC's 戶: shared glyphs apply after the radical fold.
    const shown = ch >= '\u2f00' && ch <= '\u2fd5' ? ch.normalize('NFKC') : (RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFC'));
    const mapped = SHARED_GLYPHS[shown] ?? shown;
    if (mapped === ch) return ch;
    count++;
    return mapped;
  }).join('');
  return { text: out, count };
}
