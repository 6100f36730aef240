// Shared by every stage (not a pass of its own): two views of the same characters. Display
// keeps the source's own characters; the parse form folds widths (（）：，；．０-９％ → ASCII),
// turns NBSP and ideographic spaces into spaces and removes the spaces PDF exports put around numbers (`100 万元`, `2025 年 3 月`).
// Runs tie text back to source offsets, so joining a sentence broken by a PDF page keeps
// every character traceable to its line and column.

/** A stretch of the decoded source, by offsets (start inclusive, end exclusive). */
export interface Segment {
  start: number;
  end: number;
}

/**
 * Text assembled from pieces of the source. `text` is exactly the concatenation of the
 * segments' characters, so any offset in `text` maps back to the source.
 */
export interface Run {
  text: string;
  segments: Segment[];
}

export const EMPTY_RUN: Run = { text: '', segments: [] };

export function runOf(source: string, start: number, end: number): Run {
  if (end <= start) return EMPTY_RUN;
  return { text: source.slice(start, end), segments: [{ start, end }] };
}

export function concatRuns(runs: readonly Run[]): Run {
  const segments: Segment[] = [];
  const texts: string[] = [];
  for (const run of runs) {
    texts.push(run.text);
    for (const seg of run.segments) {
      const last = segments[segments.length - 1];
      // Adjacent pieces merge so a run over one line stays one segment.
      if (last && last.end === seg.start) last.end = seg.end;
      else segments.push({ start: seg.start, end: seg.end });
    }
  }
  return { text: texts.join(''), segments };
}

/** The source offset of the character at `index` in `run.text` (index may equal its length). */
export function sourceOffset(run: Run, index: number): number {
  let remaining = index;
  for (const seg of run.segments) {
    const len = seg.end - seg.start;
    if (remaining < len) return seg.start + remaining;
    remaining -= len;
  }
  const last = run.segments[run.segments.length - 1];
  return last ? last.end : 0;
}

/** The part of a run between two offsets of its text. */
export function sliceRun(run: Run, from: number, to: number = run.text.length): Run {
  const start = Math.max(0, from);
  const end = Math.min(run.text.length, to);
  if (end <= start) return EMPTY_RUN;
  const segments: Segment[] = [];
  let pos = 0;
  for (const seg of run.segments) {
    const len = seg.end - seg.start;
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + len);
    if (a < b) segments.push({ start: seg.start + (a - pos), end: seg.start + (b - pos) });
    pos += len;
    if (pos >= end) break;
  }
  return { text: run.text.slice(start, end), segments };
}

/** Whitespace as it appears in these sources: ASCII, NBSP, ideographic space, BOM, zero-width. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x200b ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f
  );
}

export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Offsets of the first and last non-space characters (end exclusive); [0,0] when blank. */
export function trimBounds(text: string): [number, number] {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

export function trimRun(run: Run): Run {
  const [a, b] = trimBounds(run.text);
  return sliceRun(run, a, b);
}

const FOLD: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '∶': ':', // the ratio colon of `1∶1`
  // Small form variants, as traditional-script gateways print them (`﹔` between measures).
  '﹐': ',',
  '﹑': '、',
  '﹔': ';',
  '﹕': ':',
  '﹖': '?',
  '﹗': '!',
  '﹙': '(',
  '﹚': ')',
  '，': ',',
  '；': ';',
  '．': '.',
  '％': '%',
  '！': '!',
  '？': '?',
  '［': '[',
  '］': ']',
  '\u00a0': ' ',
  '\u3000': ' ',
  '\u202f': ' ',
  '\t': ' ',
};

/** One character's parse form (full-width digits and Latin letters fold to ASCII). */
export function foldChar(ch: string): string {
  const mapped = FOLD[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0); // ０-９
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0);
  return ch;
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

export interface ParseForm {
  /** The folded text used by parsers and regexes. */
  text: string;
  /** For each character of `text` (and one past its end), the offset in the input it came from. */
  toInput: Int32Array;
}

/**
 * The parse form of a display text: widths folded, odd spaces made ASCII, and spaces around
 * numbers removed (`100 万元` → `100万元`, `自 2025 年 3 月` → `自2025年3月`). Linear time.
 */
export function parseForm(input: string): ParseForm {
  const folded: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < input.length; i++) {
    folded.push(foldChar(input[i]!));
    origin.push(i);
  }
  const out: string[] = [];
  const toInput: number[] = [];
  let i = 0;
  while (i < folded.length) {
    const ch = folded[i]!;
    if (ch === ' ') {
      let j = i;
      while (j < folded.length && folded[j] === ' ') j++;
      const before = out[out.length - 1];
      const after = folded[j];
      // Drop the gap when it sits between a number and a number, a unit or a Chinese word.
      const dropsAroundNumber =
        ((isAsciiDigit(before) || before === '%') && (isAsciiDigit(after) || isCjk(after) || after === '%')) ||
        (isAsciiDigit(after) && isCjk(before));
      if (!dropsAroundNumber) {
        out.push(' ');
        toInput.push(origin[i]!);
      }
      i = j;
      continue;
    }
    out.push(ch);
    toInput.push(origin[i]!);
    i++;
  }
  toInput.push(input.length);
  return { text: out.join(''), toInput: Int32Array.from(toInput) };
}

/**
 * The form two renditions are compared in: parse form without any whitespace. Returns the
 * input offset of each character too, so a difference can be reported at its place.
 */
export function canonical(input: string): ParseForm {
  const form = parseForm(input);
  const out: string[] = [];
  const toInput: number[] = [];
  for (let i = 0; i < form.text.length; i++) {
    const ch = form.text[i]!;
    if (isSpace(ch.charCodeAt(0))) continue;
    out.push(ch);
    toInput.push(form.toInput[i]!);
  }
  toInput.push(input.length);
  return { text: out.join(''), toInput: Int32Array.from(toInput) };
}

/** Characters that end a sentence or a paragraph-level unit. */
const TERMINATORS = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '》', '）', ')', '〕', ']', '】', '"', "'"]);
const OPEN_ENDINGS = new Set(['，', ',', '、', '（', '(', '《', '“', '‘', '〔', '【', '—', '-', '/']);

const QUOTE_CLOSERS = new Set(['”', '’', '」', '』']);
const BRACKET_PAIRS: Record<string, string> = { '）': '（', ')': '(' };
/** Function words no heading ends with (`…服务机构按` is cut before its object, however short). */
const DANGLING = new Set(['按', '对', '的', '和', '及', '与', '为', '将', '于', '以', '由', '从', '向', '把', '被', '或', '并']);

/** True when the text's last visible character closes a sentence (。！？；： …, maybe before quotes). */
export function endsSentence(text: string): boolean {
  const [, end] = trimBounds(text);
  let i = end - 1;
  while (i >= 0 && CLOSERS.has(text[i]!)) i--;
  if (i < 0) return false;
  return TERMINATORS.has(text[i]!);
}

/**
 * True when a line looks cut in the middle of a sentence by a PDF page or line wrap: it does
 * not end in a terminator or a closing bracket, and either ends in a comma-like mark or is too
 * long to be a heading. Short lines without a stop are headings or title lines, not breaks.
 */
export function endsMidSentence(text: string, minLength = 16): boolean {
  const [start, end] = trimBounds(text);
  if (end <= start) return false;
  const last = text[end - 1]!;
  if (OPEN_ENDINGS.has(last) || DANGLING.has(last)) return true;
  // A sum cut by the wrap (`最高不超过50 万` + `元。`).
  if (/[0-9０-９][\s\u00a0\u3000]*[万亿千百]?$/.test(text.slice(start, end))) return true;
  // A closing quote ends a quoted name, not a sentence (`…按市“凤凰行动”` + `政策给予…`).
  if (QUOTE_CLOSERS.has(last) && end - start >= minLength) return !endsSentence(text);
  // An aside in brackets inside a sentence (`…人才（指董事长、总经理）` + `认定为…`); a bracket after
  // a full stop (a 责任单位 bracket) or on a line of its own ends the unit.
  if (BRACKET_PAIRS[last] && end - start >= minLength) {
    const open = text.lastIndexOf(BRACKET_PAIRS[last]!, end - 1);
    return open > start && !TERMINATORS.has(text[open - 1]!) && !CLOSERS.has(text[open - 1]!);
  }
  if (TERMINATORS.has(last) || CLOSERS.has(last)) return false;
  return end - start >= minLength;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * The value of a Chinese numeral as used in numbering and durations: 一 … 九十九, up to
 * 九百九十九 (十 = 10, 十二 = 12, 二十 = 20, 一百零五 = 105). Null for anything else.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 8) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 1000;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // 二三: two digits in a row
      digit = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 0;
    if (unit === 0 || unit >= lastUnit) return null;
    total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return null;
    digit = null;
    lastUnit = unit;
  }
  if (digit !== null) total += digit;
  return total > 0 ? total : null;
}

/** ASCII or full-width digits, or a Chinese numeral, as a number. */
export function parseNumber(text: string): number | null {
  const folded = Array.from(text, foldChar).join('');
  if (/^\d{1,6}$/.test(folded)) return Number(folded);
  return parseChineseNumeral(text);
}

/**
 * Lines joined into one paragraph, built lazily: appending is O(1), so a paragraph made of
 * thousands of PDF-wrapped lines costs linear time, not quadratic.
 */
export class Paragraph {
  private runs: Run[] = [];
  private built: Run | null = null;

  constructor(first?: Run) {
    if (first && first.text.length > 0) this.runs.push(first);
  }

  /** Continues the paragraph's last sentence (no separator: the break was not in the text). */
  append(run: Run): void {
    if (run.text.length === 0) return;
    this.runs.push(run);
    this.built = null;
  }

  get isEmpty(): boolean {
    return this.runs.length === 0;
  }

  /** The last characters (at least `min` when the paragraph has them), for end-of-paragraph checks. */
  tail(min: number): string {
    const parts: string[] = [];
    let length = 0;
    for (let i = this.runs.length - 1; i >= 0 && length < min; i--) {
      parts.unshift(this.runs[i]!.text);
      length += this.runs[i]!.text.length;
    }
    return parts.join('');
  }

  run(): Run {
    if (!this.built) {
      this.built = this.runs.length === 1 ? this.runs[0]! : concatRuns(this.runs);
      this.runs = this.built.text.length > 0 ? [this.built] : [];
    }
    return this.built;
  }

  replace(run: Run): void {
    this.runs = run.text.length > 0 ? [run] : [];
    this.built = null;
  }
}
