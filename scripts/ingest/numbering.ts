// The numbering of Chinese policy texts, in one place: which markers start a numbered unit
// (第X章 / 第X节 / 第X条 / 一、 / （一） / 1. / (1) / `01 heading` area headings), their values,
// and how a family prints a value. Used by the structure stage, the corpus generator and tests.
// Traditional texts reach this module folded to simplified (第一條 → 第一条, see script.ts).
import { parseNumber } from './normalise';

// ---------------------------------------------------------------------------------------------
// Markers

export type Family = 'chapter' | 'part' | 'article' | 'cn-dun' | 'cn-paren' | 'arabic-paren' | 'arabic-dot' | 'area';

export interface Marker {
  family: Family;
  /** How the family is written here (bracket widths, the dot used); siblings should agree. */
  variant: string;
  value: number;
  /** The marker as printed, e.g. `二、`, `（三十二）`, `23.`, `01`. */
  printed: string;
  /** Characters the marker takes at the start of the line, spaces after it included. */
  length: number;
}

const CN = '[零〇一二两三四五六七八九十百]{1,6}';
const DIGITS = '[0-9０-９]';
const CHAPTER = new RegExp(`^第(${CN})章`);
const PART = new RegExp(`^第(${CN})([节節]|部分)`);
const ARTICLE = new RegExp(`^第(${CN})[条條]`);
const CN_DUN = new RegExp(`^(${CN})、`);
const CN_PAREN = new RegExp(`^([（(])(${CN})([）)])`);
const ARABIC_PAREN = new RegExp(`^([（(])(${DIGITS}{1,4})([）)])`);
const ARABIC_DOT = new RegExp(`^(${DIGITS}{1,5})([.．、])(?!${DIGITS})`);
const AREA = new RegExp(`^(${DIGITS}{2})[ \u00a0\u3000\t]+`);
/** A dash typed for 一 (`—、`, `－、`): a common typesetting slip, read as 一、 only when asked. */
const DASH_DUN = /^([—－―─‒–-])、/;
const SPACES_AFTER = /^[ \u00a0\u3000\t]*/;

function width(open: string, close: string): string {
  const full = (c: string) => c === '（' || c === '）';
  if (full(open) && full(close)) return 'full-width';
  if (!full(open) && !full(close)) return 'half-width';
  return 'mixed-width';
}

/** Heading words: short, and no sentence or clause punctuation. */
export function isHeadingText(text: string): boolean {
  if (text.length === 0) return false;
  if (/[。！？!?；;，,：:]/.test(text)) return false;
  return Array.from(text).length <= 30;
}

export interface MarkerContext {
  /** Admit two-digit area headings that do not start with 0 (`10 …`): a `01 …` heading was seen. */
  areaInUse?: boolean;
  /** Read `—、` as `一、`: the text goes on with `二、` (see `dashStandsForOne`). */
  dashForOne?: boolean;
}

/** The numbering marker at the start of a line, if any. */
export function matchMarker(text: string, context: MarkerContext = {}): Marker | null {
  const { areaInUse = false, dashForOne = false } = context;
  let m: RegExpExecArray | null;
  let marker: Omit<Marker, 'length'> | null = null;
  let consumed = 0;
  if ((m = CHAPTER.exec(text))) {
    marker = { family: 'chapter', variant: '第章', value: parseNumber(m[1]!) ?? 0, printed: m[0] };
    consumed = m[0].length;
  } else if ((m = PART.exec(text))) {
    marker = { family: 'part', variant: m[2] === '部分' ? '第部分' : '第节', value: parseNumber(m[1]!) ?? 0, printed: m[0] };
    consumed = m[0].length;
  } else if ((m = ARTICLE.exec(text))) {
    marker = { family: 'article', variant: '第条', value: parseNumber(m[1]!) ?? 0, printed: m[0] };
    consumed = m[0].length;
  } else if ((m = CN_DUN.exec(text))) {
    marker = { family: 'cn-dun', variant: '、', value: parseNumber(m[1]!) ?? 0, printed: m[0] };
    consumed = m[0].length;
  } else if ((m = CN_PAREN.exec(text))) {
    marker = { family: 'cn-paren', variant: width(m[1]!, m[3]!), value: parseNumber(m[2]!) ?? 0, printed: m[0] };
    consumed = m[0].length;
  } else if ((m = ARABIC_PAREN.exec(text))) {
    marker = { family: 'arabic-paren', variant: width(m[1]!, m[3]!), value: parseNumber(m[2]!) ?? 0, printed: m[0] };
    consumed = m[0].length;
  } else if ((m = ARABIC_DOT.exec(text))) {
    marker = { family: 'arabic-dot', variant: m[2]!, value: parseNumber(m[1]!) ?? 0, printed: m[0] };
    consumed = m[0].length;
  } else if (dashForOne && (m = DASH_DUN.exec(text))) {
    marker = { family: 'cn-dun', variant: '、', value: 1, printed: m[0] };
    consumed = m[0].length;
  } else if ((m = AREA.exec(text))) {
    const rest = text.slice(m[0].length);
    const value = parseNumber(m[1]!) ?? 0;
    if ((value < 10 || areaInUse) && isHeadingText(rest.trim()) && !/^[0-9０-９]/.test(rest)) {
      marker = { family: 'area', variant: 'two-digit', value, printed: m[1]! };
      consumed = m[0].length;
    }
  }
  if (!marker || marker.value <= 0) return null;
  const spaces = SPACES_AFTER.exec(text.slice(consumed))![0].length;
  return { ...marker, length: consumed + spaces };
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 32 → 三十二, 105 → 一百零五 (for messages that say what was expected). */
export function toChineseNumeral(n: number): string {
  if (n <= 0 || n > 999 || !Number.isInteger(n)) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds) out += `${CN_DIGITS[hundreds]}百`;
  if (tens) out += `${hundreds || tens > 1 ? CN_DIGITS[tens] : ''}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += CN_DIGITS[ones];
  return out;
}

/** The marker a family would print for a value, in the style of `like`. */
export function formatMarker(like: Marker, value: number): string {
  const cn = toChineseNumeral(value);
  switch (like.family) {
    case 'chapter':
      return `第${cn}章`;
    case 'part':
      return like.variant === '第部分' ? `第${cn}部分` : `第${cn}节`;
    case 'article':
      return `第${cn}条`;
    case 'cn-dun':
      return `${cn}、`;
    case 'cn-paren':
      return like.variant === 'full-width' ? `（${cn}）` : `(${cn})`;
    case 'arabic-paren':
      return like.variant === 'full-width' ? `（${value}）` : `(${value})`;
    case 'arabic-dot':
      return `${value}${like.variant}`;
    case 'area':
      return String(value).padStart(2, '0');
  }
}


/**
 * True when a dash-dun line (`—、`) stands for 一、: the first 、-numbered heading of the text
 * is the dash and the next is 二、. Decided from the sequence, never from the dash alone.
 */
export function dashStandsForOne(lineTexts: readonly string[]): boolean {
  let sawDash = false;
  for (const text of lineTexts) {
    const trimmed = text.replace(/^[ \u00a0\u3000\t]+/, '');
    if (DASH_DUN.test(trimmed)) {
      if (sawDash) return false;
      sawDash = true;
      continue;
    }
    const m = CN_DUN.exec(trimmed);
    if (m) return sawDash && parseNumber(m[1]!) === 2;
  }
  return false;
}

/**
 * The usual nesting of the families: chapters hold articles; area headings hold 一、, which hold
 * （一）, which hold 1., which hold (1). The parser nests by order of first appearance instead;
 * this is for tools that must guess a depth without parsing (the corpus generator).
 */
export const USUAL_DEPTH: Readonly<Record<Family, number>> = {
  chapter: 0,
  part: 1,
  article: 2,
  area: 2,
  'cn-dun': 3,
  'cn-paren': 4,
  'arabic-dot': 5,
  'arabic-paren': 6,
};
