// The amount grammar: sums of money (`50万元`, `100 万元`, `300万`, `3亿`, `５０万元`, `2.5万元`),
// shares (`50%`, `５０％`, `二分之一`, `减半`, `1:1`) and counted quantities (`3万家`, `10000亩`).
// Pure functions: they find tokens; deciding whether a token is an award is extract-awards' job.
import { compact, toOriginal } from './extract-text';

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
const MONEY_RE = new RegExp(String.raw`(${NUMBER})(亿元|亿|万元|万|元)`, 'g');
const PERCENT_RE = new RegExp(String.raw`(${NUMBER})%`, 'g');
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

function precededByDigit(text: string, index: number): boolean {
  const prev = text[index - 1];
  return prev !== undefined && /[\d.]/.test(prev);
}

/** Money tokens in an already compact string (offsets into that string). */
export function findMoneyCompact(text: string): MoneyToken[] {
  const tokens: MoneyToken[] = [];
  for (const m of text.matchAll(MONEY_RE)) {
    const start = m.index;
    const digits = m[1] as string;
    const unitWord = m[2] as string;
    if (precededByDigit(text, start)) continue;
    const end = start + m[0].length;
    // `3万家`, `3亿人`: a count, not money.
    const next = text[end];
    if ((unitWord === '万' || unitWord === '亿') && next !== undefined && COUNT_UNIT_CHARS.includes(next)) continue;
    const unit: MoneyUnit = unitWord.startsWith('亿') ? '亿元' : unitWord.startsWith('万') ? '万元' : '元';
    const power = unit === '亿元' ? 8 : unit === '万元' ? 4 : 0;
    tokens.push({ start, end, value: Number(digits), unit, yuan: scaleDecimal(digits, power) });
  }
  return tokens;
}

/** Shares in an already compact string. */
export function findRatiosCompact(text: string): RatioToken[] {
  const tokens: RatioToken[] = [];
  for (const m of text.matchAll(PERCENT_RE)) {
    if (precededByDigit(text, m.index)) continue;
    const percent = Number(m[1]);
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
