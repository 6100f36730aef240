// The amount grammar: sums of money (`50万元`, `100 万元`, `300万`, `3亿`, `５０万元`, `2.5万元`),
// shares (`50%`, `５０％`, `二分之一`, `减半`, `1:1`) and counted quantities (`3万家`, `10000亩`).
// Pure functions: they find tokens; deciding whether a token is an award is extract-awards' job.
import { compact, toOriginal } from './extract-text';
import { parseChineseNumeral } from './normalise';

export type MoneyUnit = '元' | '万元' | '亿元';

/** A sum of money as written, converted to whole yuan. */
export interface MoneyToken {
  start: number;
  end: number;
  /** The number as written (`300` in `300万`). */
  value: number;
  unit: MoneyUnit;
  /** Whole yuan: 万元 × 10⁴, 亿 × 10⁸. */
  yuan: number;
}

export type RatioForm = 'percent' | 'fraction' | 'half' | 'matching';

/** A share: `30%`, `二分之一`, `减半` (50), `1:1` (matching, 100). */
export interface RatioToken {
  start: number;
  end: number;
  percent: number;
  form: RatioForm;
}

/** A counted quantity (`3万家` → 30000 家); never money. */
export interface QuantityToken {
  start: number;
  end: number;
  value: number;
  unit: string;
}

/** Units that make `3万家` a count rather than `3万` yuan. */
export const COUNT_UNITS = ['家', '项', '件', '名', '个', '场', '亩', '人', '次'] as const;
const COUNT_UNIT_CHARS = '家项件名个场亩人次台套户所座吨';

const NUMBER = String.raw`\d+(?:\.\d+)?`;
// Bounded, linear patterns: no nested quantifiers.
const MONEY_UNITS = '亿元|亿|千万元|千万|万元|万|元';
const MONEY_RE = new RegExp(String.raw`(${NUMBER})(${MONEY_UNITS})`, 'g');
/** Sums in Chinese numerals (`一百万元`, `五千万元`); never after 数/几/上 (`数十万元` is no sum). */
const CN_MONEY_RE = new RegExp(String.raw`(?<![数几上近逾])([一二两三四五六七八九十][零一二两三四五六七八九十百千]{0,6})(${MONEY_UNITS})`, 'g');
// A range (`15%—30%`, `15-30%`) is one share at its upper bound; per-mille (`5‰`) a tenth of one.
const PERCENT_RE = new RegExp(String.raw`(?:(${NUMBER})%?[-—–~～至到])?(${NUMBER})(%|‰)`, 'g');
const MATCHING_RE = new RegExp(String.raw`(${NUMBER}):(${NUMBER})`, 'g');
const FRACTION_RE = /([一二三四五六七八九十])分之([一二三四五六七八九])/g;
const HALF_RE = /减半/g;
const QUANTITY_RE = new RegExp(String.raw`(${NUMBER})(万|亿)?(家|项|件|名|个|场|亩|人|次)`, 'g');

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Multiply a decimal string by 10^power exactly (no float drift: `2.5` × 10⁴ = 25000). */
function scaleDecimal(digits: string, power: number): number {
  const [whole = '0', frac = ''] = digits.split('.');
  const fracPadded = (frac + '0'.repeat(power)).slice(0, power);
  const rest = frac.slice(power);
  const base = Number(whole + fracPadded);
  // Any digits beyond the unit's precision (e.g. 0.00005万元) are rounded half-up.
  return rest.length > 0 && Number(rest[0]) >= 5 ? base + 1 : base;
}

/** A Chinese-numeral amount up to 9999 (`五千`, `一千二百`, `三十`): numbering stops at 999. */
function chineseAmount(text: string): number | null {
  const k = text.indexOf('千');
  if (k < 0) return parseChineseNumeral(text);
  const thousands = parseChineseNumeral(text.slice(0, k));
  const rest = text.slice(k + 1).replace(/^零/, '');
  const below = rest === '' ? 0 : parseChineseNumeral(rest);
  return thousands === null || thousands > 9 || below === null ? null : thousands * 1000 + below;
}

function precededByDigit(text: string, index: number): boolean {
  const prev = text[index - 1];
  return prev !== undefined && /[\d.]/.test(prev);
}

/** Money tokens in an already compact string (offsets into that string). */
export function findMoneyCompact(text: string): MoneyToken[] {
  const tokens: MoneyToken[] = [];
  const push = (start: number, end: number, digits: string, unitWord: string) => {
    // `3万家`, `3亿人`: a count, not money.
    const next = text[end];
    if (!unitWord.endsWith('元') && next !== undefined && COUNT_UNIT_CHARS.includes(next)) return;
    const unit: MoneyUnit = unitWord.startsWith('亿') ? '亿元' : unitWord.includes('万') ? '万元' : '元';
    const power = unitWord.startsWith('亿') ? 8 : unitWord.startsWith('千万') ? 7 : unitWord.startsWith('万') ? 4 : 0;
    const value = Number(digits) * (unitWord.startsWith('千万') ? 1000 : 1);
    tokens.push({ start, end, value, unit, yuan: scaleDecimal(digits, power) });
  };
  for (const m of text.matchAll(MONEY_RE)) {
    if (precededByDigit(text, m.index)) continue;
    push(m.index, m.index + m[0].length, m[1] as string, m[2] as string);
  }
  for (const m of text.matchAll(CN_MONEY_RE)) {
    const value = chineseAmount(m[1] as string);
    if (value !== null) push(m.index, m.index + m[0].length, String(value), m[2] as string);
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** Shares in an already compact string. */
export function findRatiosCompact(text: string): RatioToken[] {
  const tokens: RatioToken[] = [];
  for (const m of text.matchAll(PERCENT_RE)) {
    if (precededByDigit(text, m.index)) continue;
    const percent = Number(m[2]) / (m[3] === '‰' ? 10 : 1);
    if (percent > 0) tokens.push({ start: m.index, end: m.index + m[0].length, percent, form: 'percent' });
  }
  for (const m of text.matchAll(MATCHING_RE)) {
    if (precededByDigit(text, m.index)) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    // `1:1` matching means the city adds b for every a the other side pays.
    if (a > 0 && b > 0) tokens.push({ start: m.index, end: m.index + m[0].length, percent: Math.round((b / a) * 10000) / 100, form: 'matching' });
  }
  for (const m of text.matchAll(FRACTION_RE)) {
    const den = CHINESE_DIGITS[m[1] as string] as number;
    const num = CHINESE_DIGITS[m[2] as string] as number;
    if (num < den) tokens.push({ start: m.index, end: m.index + m[0].length, percent: Math.round((num / den) * 10000) / 100, form: 'fraction' });
  }
  for (const m of text.matchAll(HALF_RE)) tokens.push({ start: m.index, end: m.index + m[0].length, percent: 50, form: 'half' });
  return tokens.sort((x, y) => x.start - y.start);
}

/** Counted quantities in an already compact string. */
export function findQuantitiesCompact(text: string): QuantityToken[] {
  const tokens: QuantityToken[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    if (precededByDigit(text, m.index)) continue;
    const digits = m[1] as string;
    const power = m[2] === '亿' ? 8 : m[2] === '万' ? 4 : 0;
    tokens.push({ start: m.index, end: m.index + m[0].length, value: scaleDecimal(digits, power), unit: m[3] as string });
  }
  return tokens;
}

function mapTokens<T extends { start: number; end: number }>(text: string, find: (c: string) => T[]): T[] {
  const c = compact(text);
  return find(c.text).map((t) => ({ ...t, ...toOriginal(c, t.start, t.end) }));
}

/** Every sum of money in `text`, with offsets into `text` as given (spaces and full-width digits allowed). */
export function findMoney(text: string): MoneyToken[] {
  return mapTokens(text, findMoneyCompact);
}

/** Every share in `text` (`50%`, `５０％`, `二分之一`, `减半`, `1:1`, `1∶1`). */
export function findRatios(text: string): RatioToken[] {
  return mapTokens(text, findRatiosCompact);
}

/** Every counted quantity in `text` (`3万家`, `10000亩`). */
export function findQuantities(text: string): QuantityToken[] {
  return mapTokens(text, findQuantitiesCompact);
}
