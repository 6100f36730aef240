// Every benefit a clause promises, as Award drafts (the id is added by extract.ts).
//
// The clause is read sentence by sentence (。；, a paragraph or table cell ends one too) and,
// inside a sentence, chunk by chunk (，). `readSentence` first sorts the sentence's sums: the
// base of a rate, a remainder, a known non-award (threshold, budget, loan), a cap on something
// else, or a sum that may be paid. Then one finder per form makes triggers — rates
// (`每增100万元奖励500元`), shares (`按…50%`, `1:1配套`) each with the cap written after it,
// sums (lists paired by recipient or by level), money promised without a sum, benefits in
// kind — and `pairTriggers` gives each the recipient written before it: the `对…` phrase, or
// failing that the nearest noun phrase. When a pairing cannot be read we report it and guess
// nothing. Every word list comes from AWARD_VOCABULARY in src/schema/award.ts.
import type { Award, AwardKind } from '../../src/schema/award';
import { AWARD_FORMS, AWARD_VOCABULARY as WORDS } from '../../src/schema/award';
import { findMoneyCompact, findRatiosCompact, type MoneyToken, type RatioToken } from './extract-amounts';
import { compact, splitSentences, splitTopLevel, toOriginal, type CompactText, type Piece } from './extract-text';
import { recipientTier } from './tiers';

export type AwardDraft = Omit<Award, 'id' | 'recognition'>;
type Form = (typeof AWARD_FORMS)[number];

/** A problem a curator should look at (vfile-message shaped; extract.ts turns it into one). */
export interface AwardDiagnostic {
  ruleId: 'pairing-count-mismatch' | 'pairing-ambiguous';
  message: string;
  hint: string;
  /** Offset in the clause text. */
  offset: number;
}

/** Why a sum of money in the text is not an award. */
export type SkipReason = 'loan-principal' | 'budget' | 'threshold' | 'lower-bound' | 'rate-base' | 'remainder' | 'range-start' | 'no-award-word';

/** A sum of money that was deliberately not made an award (kept for the report and tests). */
export interface SkippedAmount {
  start: number;
  end: number;
  yuan: number;
  reason: SkipReason;
}

export interface AwardExtraction {
  awards: AwardDraft[];
  diagnostics: AwardDiagnostic[];
  skipped: SkippedAmount[];
}

// ---------------------------------------------------------------- vocabulary
/** An alternation of words, longest first so a longer word wins where two share a start. */
const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const CAP_WORDS = new RegExp(alt(WORDS.cap));
const AWARD_WORDS = new RegExp(alt([...WORDS.grant, ...WORDS.money, '支持']));
const FORM_RE = new RegExp(alt(AWARD_FORMS), 'g');
/** A chunk that opens with a cap (`总额不超过`, `每个企业最高不超过`): a ceiling on what came before. */
const CAP_CHUNK = new RegExp(`^[^,;]{0,10}?(?:${alt(WORDS.cap)})$`);
const TOTAL_CAP = new RegExp(`(?:${alt(WORDS.total)})[^,;]{0,4}?(?:${alt(WORDS.cap)})$`);
const RATE_BASE_BEFORE = new RegExp(`(?:${alt(WORDS.rateBase)})$`);
const REMAINDER_BEFORE = new RegExp(`(?:${alt(WORDS.remainder)})$`);
/** Between a rate's base and its amount: `最高奖励`, `给予`, `奖励`. */
const RATE_BETWEEN = new RegExp(`^[^,;]{0,10}?(?:${alt([...WORDS.grant, ...WORDS.money])})(?:${alt(WORDS.cap)})?$`);
/**
 * A table cell that is only a support standard (`最高200万元`, `50万元/家`): a sum paid, though no
 * award word is in its cell. A bare sum is not enough (it may be a budget or a threshold).
 */
const AMOUNT_CELL = new RegExp(`^(?:每家|每个|每项|单个企业)?(?:(?:${alt(WORDS.cap)})[^,;\\d]{0,4}?[\\d.]+(?:万元|亿元|元|万)|[\\d.]+(?:万元|亿元|元|万)/(?:家|个|项|年|人))$`);

/** Between the two ends of a range of sums (`5万—10万元`, `5-10万元`, `5至10万元`). */
const RANGE_DASH = /^[-—–~～至到]/;
/** The lead of a range's upper end: `5万—` or `5-` right before it. */
const RANGE_END = /[\d.]+(?:万元|亿元|元|万|亿)?[-—–~～至到]$/;

/** `补助总额30%、70%`: shares of one sum paid in instalments. */
const INSTALMENT_BEFORE = new RegExp(`(?:${alt(WORDS.money)})总额(?:\\d+(?:\\.\\d+)?%[、和及])*$`);
/** Levels a 分别 list may follow instead of its recipients: `国家级及省级…`, `国家级、省级、市级…`. */
const LEVEL = '(?:国家级|国家|省级|市级|县级|区级|省|市)';
const LEVEL_LIST_RE = new RegExp(`^([^,、]{0,8}?)(${LEVEL}(?:(?:、|及|和|与|或)${LEVEL})+)(.+)$`);
/** Money words that grant on their own (配套 needs a share or a sum: `1:1配套`). */
const GRANTING_MONEY = WORDS.money.filter((w) => w !== '配套');
// After a sum: `/年`, then the award words, maybe with a short modifier (`1000万元建设经费支持`).
const STATEMENT_TAIL = new RegExp(
  `^(?:/(?:年|家|个|人|次|项))?(?:的标准)?(?:的)?(?:一次性)?(?:${alt(WORDS.grant)})?(?:[^,;:、。\\d]{0,4}?(?:${alt(WORDS.money)})(?:补助|支持)?)?`,
);
// Money promised without a sum. Bounded gap between the verb and the money word.
const PROMISE_RE = new RegExp(`(?:${alt(WORDS.grant)})[^,;]{0,6}?(?:${alt(GRANTING_MONEY)})`, 'g');
const SHARE_PROMISE_RE = new RegExp(`(?:按照|按)([^,;]{1,20}?)的?一定比例(?:${alt(WORDS.grant)})(?:${alt([...GRANTING_MONEY, '支持'])})`, 'g');
/** Words after a share that make it paid money. */
const SHARE_PAID = new RegExp(alt([...GRANTING_MONEY, '支持']));
/** What a firm or project measures itself by, when a sum is a bar to clear rather than money paid. */
const THRESHOLD_MEASURES = '产值|营业收入|营收|收入|销售额|营业额|投资额|总投资|投资|规模|注册资本|资产|纳税|税收';

/** A sentence that states only the standard of an award promised before it. */
const STANDARD_LEAD = new RegExp(`^(?:${alt(GRANTING_MONEY)})?(?:标准|金额)(?:为|是|:)`);
/** Words that end a recipient phrase: what follows is how the award is given. */
const CUT_WORDS = /分别|可给予|给予|予以|按照|按|每家|最高|根据|依规|依照|依据|一次性/;
const LEAD_WORDS = /^(?:支持|鼓励|引导|推动|依规定|依规|并|其中:?|、)+/;
const SKIP_PIECE = /^(?:根据|结合|按照|按|其中|在|并)/;
const NOUN_END = /(?:的|企业|项目|机构|站|基地|平台|单位|产品|人才|中心|空间|天地|载体|团队|研究院|园区)$/;
/** `对` that opens a recipient phrase (not 对接, 对标, 对口, 针对, 加大对…). */
const DUI_RE = /(?:^|[,、:]|并|再|还|另)(对于?)(?!接|标|口|象|外|比|照|称|应|话|其他)/g;
const QUALIFIER = '(?:国际|国内|省内|市内|国家级|省级|市级|县级|区级|国家|省)';
const QUAL_END_RE = new RegExp(`^(.{0,8}?)(${QUALIFIER})$`);
const QUAL_ONLY_RE = new RegExp(`^${QUALIFIER}$`);
const QUAL_START_RE = new RegExp(`^(${QUALIFIER})(.+)$`);

// ---------------------------------------------------------------- helpers
interface Ctx {
  original: string;
  c: CompactText;
  /** The sentence in compact text and its offset in the compact clause. */
  s: string;
  so: number;
  chunks: Piece[];
}

interface Recipient {
  /** Compact range of the recipient phrase within the sentence. */
  start: number;
  end: number;
  /** Where the statement quoting this award starts (the `对`, or the recipient). */
  statementStart: number;
}

function chunkAt(ctx: Ctx, pos: number): Piece {
  return ctx.chunks.find((p) => pos >= p.start && pos <= p.end) ?? (ctx.chunks[ctx.chunks.length - 1] as Piece);
}

/** Original text of a sentence range, with the whitespace of line/page breaks removed. */
function originalText(ctx: Ctx, start: number, end: number): string {
  const span = toOriginal(ctx.c, ctx.so + start, ctx.so + end);
  // Drop whitespace unless it separates two ASCII words (`APEC 中小企业` keeps nothing to lose).
  return ctx.original.slice(span.start, span.end).replace(/(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])/g, '');
}

function trimRange(ctx: Ctx, start: number, end: number): { start: number; end: number } {
  let text = ctx.s.slice(start, end);
  const lead = LEAD_WORDS.exec(text);
  if (lead) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const tail = new RegExp(`(?:可|并|均|${alt(GRANTING_MONEY)})$`).exec(text);
  if (tail) end -= tail[0].length;
  return { start, end };
}

function cutAtVerb(ctx: Ctx, start: number, end: number): number {
  const m = CUT_WORDS.exec(ctx.s.slice(start, end));
  return m ? start + m.index : end;
}

/**
 * The recipient of a trigger at `anchor`, looking no further back than `cursor`. For shares,
 * `fallbackEnd` is the start of the share's own chunk (which holds the base, not the recipient).
 */
function findRecipient(ctx: Ctx, cursor: number, anchor: number, fallbackEnd = anchor): Recipient | null {
  const region = ctx.s.slice(cursor, anchor);
  let dui: RegExpMatchArray | undefined;
  for (const m of region.matchAll(DUI_RE)) dui = m;
  if (dui) {
    const duiAt = cursor + (dui.index as number) + dui[0].length - (dui[1] as string).length;
    const phraseStart = duiAt + (dui[1] as string).length;
    // Usually the phrase ends at the first comma; it runs on when only the longer phrase ends
    // in a noun (`对建设线上线下自营门店,销售自主品牌产品的专精特新企业`).
    const comma = splitTopLevel(ctx.s.slice(phraseStart, anchor), [','])[0] as Piece;
    const short = trimRange(ctx, phraseStart, cutAtVerb(ctx, phraseStart, phraseStart + comma.end));
    const long = trimRange(ctx, phraseStart, cutAtVerb(ctx, phraseStart, anchor));
    const endsInNoun = (r: { start: number; end: number }) => NOUN_END.test(ctx.s.slice(r.start, r.end)) || /[”’)]$/.test(ctx.s.slice(r.start, r.end));
    const r = !endsInNoun(short) && endsInNoun(long) && (ctx.s.slice(long.start, long.end).match(/,/g) ?? []).length <= 2 ? long : short;
    if (r.end > r.start) return { ...r, statementStart: duiAt };
  }
  const pieces = splitTopLevel(ctx.s.slice(cursor, Math.min(anchor, fallbackEnd)), [','], cursor).reverse();
  for (const piece of pieces.slice(0, 3)) {
    const lead = LEAD_WORDS.exec(piece.text);
    const body = piece.text.slice(lead ? lead[0].length : 0);
    if (SKIP_PIECE.test(body)) continue;
    const bodyStart = piece.start + (lead ? lead[0].length : 0);
    const r = trimRange(ctx, bodyStart, cutAtVerb(ctx, bodyStart, piece.end));
    const text = ctx.s.slice(r.start, r.end);
    if (text === '') continue;
    if (NOUN_END.test(text)) return { ...r, statementStart: piece.start + (/^[,、]/.test(piece.text) ? 1 : 0) };
  }
  return null;
}

/** Split a recipient list: `A、B、C`, falling back to 和/及/与 and adjacent quotes (`“链主工厂”“智能工厂”`). */
function splitRecipients(ctx: Ctx, r: Recipient, wanted: number): Piece[] {
  const text = ctx.s.slice(r.start, r.end);
  const byComma = splitTopLevel(text, ['、'], r.start).filter((p) => p.text !== '');
  if (byComma.length === wanted) return byComma;
  const byWords = splitTopLevel(text, ['、', '以及', '和', '及', '与'], r.start)
    .flatMap((p) => {
      const parts: Piece[] = [];
      let from = 0;
      for (let i = p.text.indexOf('”“'); i !== -1; i = p.text.indexOf('”“', i + 1)) {
        parts.push({ text: p.text.slice(from, i + 1), start: p.start + from, end: p.start + i + 1 });
        from = i + 1;
      }
      parts.push({ text: p.text.slice(from), start: p.start + from, end: p.end });
      return parts;
    })
    .filter((p) => p.text !== '');
  return byWords.length === wanted ? byWords : byComma;
}

/**
 * Recipient names for a list. When the list heads share a suffix (`国内、省内、市内重大技术装备
 * 首台套`, `国家级、省级、市级工业产品生态(绿色)设计示范企业`) each head gets the suffix.
 */
function recipientNames(ctx: Ctx, items: Piece[]): string[] {
  const plain = items.map((p) => originalText(ctx, p.start, p.end));
  if (items.length < 2) return plain;
  const first = QUAL_END_RE.exec((items[0] as Piece).text);
  const middleOk = items.slice(1, -1).every((p) => QUAL_ONLY_RE.test(p.text));
  const last = QUAL_START_RE.exec((items[items.length - 1] as Piece).text);
  if (!first || !middleOk || !last) return plain;
  const lastItem = items[items.length - 1] as Piece;
  const prefix = originalText(ctx, (items[0] as Piece).start, (items[0] as Piece).start + (first[1] as string).length);
  const suffix = originalText(ctx, lastItem.start + (last[1] as string).length, lastItem.end);
  return plain.map((name, i) => {
    if (i === items.length - 1) return prefix + name;
    const item = items[i] as Piece;
    const qualStart = i === 0 ? item.start + (first[1] as string).length : item.start;
    return prefix + originalText(ctx, qualStart, item.end) + suffix;
  });
}

/**
 * A 分别 list paired with levels instead of recipients: `国家级及省级制造业创新中心、技术创新示范
 * 企业,分别给予50万元、20万元` pays by level (each level's name is the level and the rest of the
 * phrase). `ambiguous` when the rest is itself a list, which could have been the pairing.
 */
function levelNames(ctx: Ctx, r: Recipient, wanted: number): { names: string[]; ambiguous: boolean } | null {
  const phrase = originalText(ctx, r.start, r.end);
  const m = LEVEL_LIST_RE.exec(phrase);
  if (!m) return null;
  const levels = (m[2] as string).split(/、|及|和|与|或/);
  if (levels.length !== wanted) return null;
  const lead = m[1] as string;
  const rest = m[3] as string;
  const ambiguous = splitTopLevel(rest, ['、']).length === wanted;
  return { names: levels.map((level) => `${lead}${level}${rest}`), ambiguous };
}

/**
 * `国家级、省级分别给予100万元、50万元` after `对认定的市级企业技术中心给予10万元`: the levels name no
 * head noun; it is the previous recipient's, after its own level.
 */
function levelsOfPrevious(lead: string, previous: string | null, wanted: number): string[] | null {
  const m = new RegExp(`^(?:对)?(${LEVEL}(?:(?:、|及|和|与|或)${LEVEL})+)(?:的)?(?:分别|每家|各)`).exec(lead);
  const head = previous ? new RegExp(`${LEVEL}(.+)$`).exec(previous) : null;
  if (!m || !head) return null;
  const levels = (m[1] as string).split(/、|及|和|与|或/);
  return levels.length === wanted ? levels.map((level) => `${level}${head[1] as string}`) : null;
}

/** A short label written right before a sum in a list (`：国家级100万元、省级50万元`), or null. */
function sumLabel(lead: string): string | null {
  const at = Math.max(lead.lastIndexOf('、'), lead.lastIndexOf(':'));
  if (at < 0 && !lead.startsWith('其中')) return null;
  const label = at < 0 ? lead.slice(2) : lead.slice(at + 1);
  if (!/^[^\d]{1,10}$/.test(label) || /^(?:对|按|每)/.test(label) || AWARD_WORDS.test(label) || CAP_WORDS.test(label)) return null;
  return label;
}

/** `单项冠军示范企业（产品）`: a name and its alternative in brackets, paired with two sums. */
function bracketAlternative(phrase: string): string[] | null {
  const m = /^(.*?)(示范企业|企业|单位|中心|平台|项目|产品|基地)[（(]([^()（）]{1,8})[)）](.*)$/.exec(phrase);
  if (!m) return null;
  const [, before = '', head = '', alternative = '', after = ''] = m;
  return [`${before}${head}${after}`, `${before}${alternative}${after}`];
}

function frequencyOf(statement: string): AwardDraft['frequency'] {
  if (/每人每次/.test(statement)) return 'per-person-per-time';
  if (/一次性/.test(statement)) return 'one-off';
  if (/每年|\/年/.test(statement)) return 'annual';
  return 'unspecified';
}

function formOf(after: string, before: string): Form | null {
  const firstAfter = after.match(FORM_RE)?.[0];
  if (firstAfter) return firstAfter as Form;
  const all = [...before.matchAll(FORM_RE)];
  const lastBefore = all[all.length - 1]?.[0];
  return (lastBefore as Form | undefined) ?? null;
}

function statementEnd(ctx: Ctx, from: number): number {
  const m = STATEMENT_TAIL.exec(ctx.s.slice(from));
  return from + (m ? m[0].length : 0);
}

function skipReason(ctx: Ctx, t: MoneyToken): SkipReason | null {
  const chunk = chunkAt(ctx, t.start);
  const before = ctx.s.slice(chunk.start, t.start);
  const after = ctx.s.slice(t.end, chunk.end);
  // 每家企业每年可享受贴息的最高贷款金额为2000万元: a loan principal ceiling, not money paid.
  if (/贷款(?:金额|额度|额|规模)/.test(before) || /^的?(?:信用|担保|低息)?贷款/.test(after)) return 'loan-principal';
  // 专项资金每年安排不少于1000万元, 设立10亿元产业基金: the programme's budget or a fund's size.
  if (/安排|统筹|设立/.test(before) || /^的?[^,;]{0,6}?基金/.test(after)) return 'budget';
  // 年产值达3亿以上, 年销售收入1亿元的企业: an eligibility threshold.
  if (/^(?:\(含\))?(?:以上|以下)/.test(after)) return 'threshold';
  if (new RegExp(`(?:${THRESHOLD_MEASURES})[^,]{0,6}(?:达到?|超过|突破|在)$`).test(before)) return 'threshold';
  if (/^的(?:企业|项目|单位|工业企业|制造业企业)/.test(after) && new RegExp(`(?:${THRESHOLD_MEASURES})[^,]{0,4}$`).test(before)) return 'threshold';
  if (/(?:不少于|不低于|至少)$/.test(before)) return 'lower-bound';
  // `给予一次性奖励,其中国家级100万元、省级50万元`: a 其中 chunk lists the sums of the grant before it.
  const granted =
    AWARD_WORDS.test(ctx.s.slice(chunk.start, chunk.end)) ||
    (/^其中/.test(ctx.s.slice(chunk.start)) && AWARD_WORDS.test(ctx.s.slice(0, chunk.start))) ||
    AMOUNT_CELL.test(ctx.s);
  if (!granted) return 'no-award-word';
  return null;
}

/** Where the base of a share is written: the words between the last lead word and the share. */
function ratioBase(before: string, after: string, kind: AwardKind): string | null {
  if (/LPR/.test(before)) return 'LPR';
  const stops = ['不高于', '不超过', '不低于', '按照', '按', '给予', '落实', '实施', '根据', '对'];
  let cut = 0;
  for (const w of stops) {
    const i = before.lastIndexOf(w);
    if (i !== -1 && i + w.length > cut) cut = i + w.length;
  }
  let base = before.slice(cut).replace(/^(?:其|每家企业)/, '').replace(/的$/, '');
  if (base === '' && kind === 'fee-reduction') base = /^(?:的)?(?:比例)?(?:收取|征收)([^,]+)/.exec(after)?.[1] ?? '';
  return base === '' ? null : base;
}

/** A per-unit rate: `每增100万元最高奖励500元` (base 100万元, amount 500元 per base). */
interface Rate {
  base: MoneyToken;
  amount: MoneyToken;
}

function findRates(ctx: Ctx, money: readonly MoneyToken[]): Rate[] {
  const rates: Rate[] = [];
  for (let i = 0; i + 1 < money.length; i++) {
    const base = money[i] as MoneyToken;
    const amount = money[i + 1] as MoneyToken;
    const chunk = chunkAt(ctx, base.start);
    if (chunkAt(ctx, amount.start) !== chunk) continue;
    if (!RATE_BASE_BEFORE.test(ctx.s.slice(chunk.start, base.start))) continue;
    if (!RATE_BETWEEN.test(ctx.s.slice(base.end, amount.start))) continue;
    rates.push({ base, amount });
    i++;
  }
  return rates;
}

/** The base a rate or share is counted on, when written as `按(其)…部分` before it. */
function countedOn(text: string): string | null {
  const m = /按照?(?:其)?([^,;]{2,24}?)(?:的)?(?:部分)?(?:给予|予以)/.exec(text);
  return m ? (m[1] as string) : null;
}

interface Trigger {
  /** Compact position in the sentence the recipient is searched before. */
  anchor: number;
  /** For shares: the recipient is not searched inside the share's own chunk. */
  fallbackEnd?: number;
  end: number;
  /** `previous`: the recipient of the award before this one in the sentence, for `国家级、省级分别给予…` that names no head noun. */
  build: (recipient: Recipient | null, statementStart: number, previous: string | null) => AwardDraft[];
}

// ---------------------------------------------------------------- a sentence being read
/** One sentence: its sums sorted by what they are, and the helpers every finder shares. */
interface Reading {
  ctx: Ctx;
  /** The clause text as printed (quotes are sliced from it). */
  text: string;
  rates: Rate[];
  /** Sums that may be awards. */
  usable: MoneyToken[];
  /** Sums that only cap something else (`总额不超过30万元`): awards only if nothing takes them. */
  capOnly: MoneyToken[];
  /** Sums a share or rate has taken as its cap. */
  consumed: Set<MoneyToken>;
  diagnostics: AwardDiagnostic[];
  skipped: SkippedAmount[];
  /** For a sentence that only states the standard (`奖励标准为每家100万元`): the recipient of the sentence before. */
  carried: string | null;
}

function span(r: Reading, start: number, end: number): { start: number; end: number } {
  return toOriginal(r.ctx.c, r.ctx.so + start, r.ctx.so + end);
}

function skip(r: Reading, t: MoneyToken, reason: SkipReason): void {
  r.skipped.push({ ...span(r, t.start, t.end), yuan: t.yuan, reason });
}

/** An award draft quoting the sentence from `start` to `end`. */
function draft(r: Reading, start: number, end: number, fields: Partial<AwardDraft>): AwardDraft {
  const sp = span(r, start, end);
  return {
    amountYuan: null,
    kind: 'unquantified',
    ratioPercent: null,
    ratioBase: null,
    frequency: frequencyOf(r.ctx.s.slice(start, end)),
    form: null,
    recipient: null,
    tier: null,
    reason: null,
    reference: null,
    span: sp,
    quote: r.text.slice(sp.start, sp.end),
    ...fields,
  };
}

function recipientFields(ctx: Ctx, recipient: Recipient | null): Pick<AwardDraft, 'recipient' | 'tier'> {
  const name = recipient ? originalText(ctx, recipient.start, recipient.end) : null;
  return { recipient: name, tier: recipientTier(name) };
}

/** Sorts the sentence's sums: rate parts, remainders, known non-awards, caps, possible awards. */
function readSentence(ctx: Ctx, text: string, diagnostics: AwardDiagnostic[], skipped: SkippedAmount[], carried: string | null): Reading {
  const money = findMoneyCompact(ctx.s);
  const r: Reading = { ctx, text, rates: findRates(ctx, money), usable: [], capOnly: [], consumed: new Set(), diagnostics, skipped, carried };
  const inRate = new Set(r.rates.flatMap((rate) => [rate.base, rate.amount]));
  let previous: { token: MoneyToken; reason: SkipReason | null } | null = null;
  for (const t of money) {
    const lead = ctx.s.slice(chunkAt(ctx, t.start).start, t.start);
    const skippedBefore = r.skipped.length;
    if (RANGE_DASH.test(ctx.s.slice(t.end, t.end + 2)) && money.some((u) => u.start > t.end && u.start <= t.end + 2)) {
      // `5万—10万元`: a range, paid up to its upper end (read there as a cap).
      skip(r, t, 'range-start');
    } else if (previous?.reason && previous.reason !== 'no-award-word' && /^(?:、|和|及|或)$/.test(ctx.s.slice(previous.token.end, t.start))) {
      // `突破10亿元、50亿元、100亿元的`: the list goes on as what it began as.
      skip(r, t, previous.reason);
    } else if (inRate.has(t)) {
      if (r.rates.some((rate) => rate.base === t)) skip(r, t, 'rate-base');
    } else if (REMAINDER_BEFORE.test(lead)) {
      skip(r, t, 'remainder');
    } else if (/创新券/.test(lead) && /(?:提高至|提高到|可达|最高)$/.test(lead)) {
      // 省级及以上“专精特新”中小企业申请创新券额度可提高至50万元: we count this voucher ceiling as
      // a `cap` award for the tier — it is money a tier can draw that others cannot — with no
      // award form, since 创新券 is none of the schema's forms.
      r.usable.push(t);
    } else {
      const reason = skipReason(ctx, t);
      if (reason === 'no-award-word' && CAP_CHUNK.test(lead)) r.capOnly.push(t);
      else if (reason) skip(r, t, reason);
      else r.usable.push(t);
    }
    previous = { token: t, reason: r.skipped.length > skippedBefore ? (r.skipped[r.skipped.length - 1] as SkippedAmount).reason : null };
  }
  return r;
}

/** Sums that may still become awards or caps, in reading order. */
function openSums(r: Reading): MoneyToken[] {
  return [...r.usable, ...r.capOnly].filter((t) => !r.consumed.has(t)).sort((a, b) => a.start - b.start);
}

/** The cap written after a share or rate: in its chunk, the next one, or a later `总额不超过` chunk. */
function takeCapAfter(r: Reading, from: number, chunk: Piece): MoneyToken | undefined {
  const { ctx } = r;
  const nextChunk = ctx.chunks[ctx.chunks.indexOf(chunk) + 1];
  const cap = openSums(r).find((m) => {
    if (m.start < from) return false;
    const mChunk = chunkAt(ctx, m.start);
    const lead = ctx.s.slice(Math.max(mChunk.start, from), m.start);
    if (mChunk === chunk || mChunk === nextChunk) return CAP_WORDS.test(lead);
    return TOTAL_CAP.test(lead);
  });
  if (cap) r.consumed.add(cap);
  return cap;
}

// ---------------------------------------------------------------- finders
/** Rates (`每增100万元奖励500元`): a share of the base they are counted on, capped by a total when one is written. */
function rateTriggers(r: Reading): Trigger[] {
  const { ctx } = r;
  return r.rates.map((rate) => {
    const chunk = chunkAt(ctx, rate.base.start);
    const cap = takeCapAfter(r, rate.amount.end, chunk);
    const end = cap ? Math.max(chunkAt(ctx, cap.start).end, statementEnd(ctx, cap.end)) : statementEnd(ctx, rate.amount.end);
    return {
      anchor: rate.base.start,
      fallbackEnd: chunk.start,
      end,
      build: (recipient, start) => [
        draft(r, start, end, {
          kind: 'ratio',
          amountYuan: cap ? cap.yuan : null,
          ratioPercent: Math.round((rate.amount.yuan / rate.base.yuan) * 100 * 1e6) / 1e6,
          ratioBase: countedOn(ctx.s.slice(start, rate.base.start)),
          form: formOf(ctx.s.slice(rate.base.end, end), ctx.s.slice(start, rate.base.start)),
          ...recipientFields(ctx, recipient),
        }),
      ],
    };
  });
}

/** Shares (`按…的50%给予补助`, `1:1配套`, `减半收取`), each with the cap written after it. */
function shareTriggers(r: Reading): Trigger[] {
  const { ctx } = r;
  const triggers: Trigger[] = [];
  for (const token of findRatiosCompact(ctx.s)) {
    const chunk = chunkAt(ctx, token.start);
    const before = ctx.s.slice(chunk.start, token.start);
    const after = ctx.s.slice(token.end, chunk.end);
    // `分别给予补助总额30%、70%`: instalments of one subsidy, not awards of their own.
    if (INSTALMENT_BEFORE.test(before)) continue;
    const kind = shareKind(token, before, after);
    if (!kind) continue;
    const cap = takeCapAfter(r, token.end, chunk);
    // The share's statement runs to the end of its chunk, or of the cap's chunk when it has one.
    const end = cap ? Math.max(chunkAt(ctx, cap.start).end, statementEnd(ctx, cap.end)) : chunk.end;
    const base = ratioBase(before, after, kind);
    triggers.push({
      anchor: token.start,
      fallbackEnd: chunk.start,
      end,
      build: (recipient, start) => [
        draft(r, start, end, {
          kind,
          amountYuan: cap ? cap.yuan : null,
          ratioPercent: token.percent,
          ratioBase: kind === 'matching' ? null : base,
          form: kind === 'fee-reduction' ? null : formOf(ctx.s.slice(token.end, end), ctx.s.slice(start, token.start)),
          ...recipientFields(ctx, recipient),
        }),
      ],
    });
  }
  return triggers;
}

function shareKind(token: RatioToken, before: string, after: string): AwardKind | null {
  if (token.form === 'matching' || /^的?(?:比例)?(?:配套|匹配)/.test(after)) return /^[^,]{0,4}(?:配套|匹配)/.test(after) ? 'matching' : null;
  if (token.form === 'half') return /^(?:征收|收取|收费)/.test(after) ? 'fee-reduction' : null;
  if (/收取|征收|收费|费率/.test(before + after)) return 'fee-reduction';
  if (SHARE_PAID.test(after) && !/价格扣除|出让|起价/.test(after)) return 'ratio';
  return null;
}

/** Sums of money, grouped into lists (`150万元、100万元和20万元`) paired with recipients or levels. */
function sumTriggers(r: Reading): Trigger[] {
  const { ctx } = r;
  const groups: MoneyToken[][] = [];
  const grants = AWARD_WORDS.test(ctx.s);
  for (const t of openSums(r)) {
    if (r.capOnly.includes(t) && !grants) {
      skip(r, t, 'no-award-word');
      continue;
    }
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && /^(?:、|和|及|以及|与)$/.test(ctx.s.slice(prev.end, t.start))) last.push(t);
    else groups.push([t]);
  }
  return groups.map((group) => {
    const firstToken = group[0] as MoneyToken;
    const lastToken = group[group.length - 1] as MoneyToken;
    const chunk = chunkAt(ctx, firstToken.start);
    const end = statementEnd(ctx, lastToken.end);
    return {
      anchor: firstToken.start,
      end,
      build: (found, start, previous) => {
        let recipient = found;
        const lead = ctx.s.slice(Math.max(chunk.start, start), firstToken.start);
        const voucher = /创新券/.test(lead);
        // The voucher holder is written before 申请: `省级及以上“专精特新”中小企业申请创新券额度…`.
        const holder = voucher && !recipient ? /^(.+?)申请/.exec(ctx.s.slice(chunk.start, firstToken.start)) : null;
        if (holder) recipient = { start: chunk.start, end: chunk.start + (holder[1] as string).length, statementStart: chunk.start };
        const common: Partial<AwardDraft> = {
          kind: voucher || CAP_WORDS.test(lead) || RANGE_END.test(lead) || /^以内/.test(ctx.s.slice(lastToken.end)) ? 'cap' : 'fixed',
          form: voucher ? null : formOf(ctx.s.slice(lastToken.end, end), ctx.s.slice(start, firstToken.start)),
        };
        if (group.length === 1) {
          const label = sumLabel(ctx.s.slice(chunk.start, firstToken.start));
          const named = recipient || !r.carried ? recipientFields(ctx, recipient) : { recipient: r.carried, tier: recipientTier(r.carried) };
          const base = named.recipient ?? previous?.replace(/（[^（）]*）$/, '') ?? null;
          // `给予奖励：国家级100万元、省级50万元`: each sum carries its own label.
          const fields = label && base ? { recipient: `${base}（${label}）`, tier: recipientTier(`${label}${base}`) } : named;
          return [draft(r, start, end, { ...common, amountYuan: firstToken.yuan, ...fields })];
        }
        const names = recipient ? pairedNames(r, group, recipient) : (levelsOfPrevious(ctx.s.slice(chunk.start, firstToken.start), previous, group.length) ?? pairedNames(r, group, null));
        return group.map((t, i) => draft(r, start, end, { ...common, amountYuan: t.yuan, recipient: names?.[i] ?? null, tier: recipientTier(names?.[i] ?? null) }));
      },
    };
  });
}

/** The recipient of each sum of a 分别 list, by level or by the recipient list; null (with a diagnostic) when the counts differ. */
function pairedNames(r: Reading, group: MoneyToken[], recipient: Recipient | null): string[] | null {
  const { ctx } = r;
  const first = group[0] as MoneyToken;
  const amounts = group.map((t) => ctx.s.slice(t.start, t.end)).join('、');
  const offset = span(r, first.start, first.end).start;
  const byLevel = recipient ? levelNames(ctx, recipient, group.length) : null;
  if (byLevel) {
    if (byLevel.ambiguous)
      r.diagnostics.push({
        ruleId: 'pairing-ambiguous',
        message: `The amounts ${amounts} follow the levels (${byLevel.names.join(' | ')}); the recipient list also has ${group.length} items`,
        hint: 'paired by level, as 分别 after 国家级、省级… usually means; check the clause and add a curation note if it pairs by recipient',
        offset,
      });
    return byLevel.names;
  }
  const items = recipient ? splitRecipients(ctx, recipient, group.length) : [];
  if (items.length === group.length) return recipientNames(ctx, items);
  const alternatives = recipient && group.length === 2 ? bracketAlternative(originalText(ctx, recipient.start, recipient.end)) : null;
  if (alternatives) return alternatives;
  const found = items.map((p) => p.text).join(' | ');
  r.diagnostics.push({
    ruleId: 'pairing-count-mismatch',
    message: `Expected ${group.length} recipients for the amounts ${amounts}, found ${items.length}${found ? ` (${found})` : ''}`,
    hint: 'Check the recipient list before the amounts; the awards are kept without recipients rather than paired by guess',
    offset,
  });
  return null;
}

/** Money promised without a sum (`按规定给予奖励`, `按…政策予以资助`), when the sentence states no sum. */
function promiseTriggers(r: Reading): Trigger[] {
  const { ctx } = r;
  const triggers: Trigger[] = [];
  if (/^鼓励(?:各)?区/.test(ctx.s)) return triggers;
  const shares = [...ctx.s.matchAll(SHARE_PROMISE_RE)];
  const promises = shares.length > 0 ? shares : [...ctx.s.matchAll(PROMISE_RE)];
  for (const m of promises) {
    const at = m.index as number;
    // `给予奖金和研修深造资助`: one promise naming two forms.
    const more = new RegExp(`^(?:和|及)[^,;]{0,8}?(?:${alt(GRANTING_MONEY)})`).exec(ctx.s.slice(at + m[0].length));
    const promiseEnd = at + m[0].length + (more ? more[0].length : 0);
    const tailEnd = statementEnd(ctx, promiseEnd);
    const end = tailEnd + (/^支持/.test(ctx.s.slice(tailEnd)) ? 2 : 0);
    const upTo = ctx.s.slice(0, at + m[0].length);
    const refMatch =
      /《[^》]{2,60}》/.exec(upTo) ??
      /按照?(我市[^,;]{2,30}?(?:实施意见|意见|办法|若干措施|规定|政策))(?:予以|给予)/.exec(upTo) ??
      /按((?!有关|相关|规定|标准)[^,;]{2,12}?政策)(?:予以|给予)/.exec(upTo);
    const reference = refMatch ? (refMatch[1] ?? refMatch[0]) : null;
    // The quote includes the reference even when it is written before the recipient.
    const refStart = refMatch ? (refMatch.index as number) : Infinity;
    const base = shares.length > 0 ? (m[1] as string).replace(/的$/, '') : null;
    triggers.push({
      anchor: at,
      end,
      build: (recipient, start) => {
        const fields: Partial<AwardDraft> = {
          kind: 'unquantified',
          reason: reference ? 'delegated-to-other-document' : 'amount-not-stated',
          reference,
          ratioBase: base,
          form: formOf(ctx.s.slice(at, end), ''),
        };
        const from = Math.min(start, refStart);
        return perTier(ctx, recipient).map(({ name, tier }) => draft(r, from, end, { ...fields, recipient: name, tier }));
      },
    });
  }
  return triggers;
}

/** Benefits in kind, each with the recipient its own words name when they do. */
const IN_KIND_RULES: ReadonlyArray<{ re: RegExp; recipient?: (m: RegExpMatchArray) => Recipient | null }> = [
  { re: /(?:可)?给予[^,;]{0,12}?加分/g },
  { re: /给予提档升级/g },
  { re: /给予[^,;]{0,12}?直通资格/g },
  { re: /可?直接认定为[^,;]{1,20}/g },
  {
    re: /将([^,;]{2,40}?)认定为[^,;]{0,12}?高层次人才/g,
    recipient: (m) => ({ start: (m.index as number) + 1, end: (m.index as number) + 1 + (m[1] as string).length, statementStart: m.index as number }),
  },
  {
    re: /赋予([^,;]{2,30}?企业)[^,;]{1,12}?权/g,
    recipient: (m) => ({ start: (m.index as number) + 2, end: (m.index as number) + 2 + (m[1] as string).length, statementStart: m.index as number }),
  },
];

/** Benefits in kind that belong to a tier: 加分, 提档升级, 直通资格, 直接认定, 人才认定, 举荐权. */
function inKindTriggers(r: Reading): Trigger[] {
  const { ctx } = r;
  const triggers: Trigger[] = [];
  for (const rule of IN_KIND_RULES) {
    for (const m of ctx.s.matchAll(rule.re)) {
      const at = m.index as number;
      const end = at + m[0].length;
      const own = rule.recipient?.(m) ?? null;
      triggers.push({
        anchor: own ? own.statementStart : at,
        end,
        build: (recipient, start) =>
          perTier(ctx, own ?? recipient).map(({ name, tier }) =>
            draft(r, own ? own.statementStart : start, end, { kind: 'non-monetary', recipient: name, tier, frequency: 'unspecified' }),
          ),
      });
    }
  }
  return triggers;
}

/** Triggers paired with recipients in reading order; a recipient is never reused past an award. */
function pairTriggers(ctx: Ctx, triggers: Trigger[]): AwardDraft[] {
  const awards: AwardDraft[] = [];
  let cursor = 0;
  for (const trigger of [...triggers].sort((a, b) => a.anchor - b.anchor)) {
    const recipient = trigger.anchor >= cursor ? findRecipient(ctx, cursor, trigger.anchor, trigger.fallbackEnd) : null;
    const chunkStart = chunkAt(ctx, trigger.anchor).start;
    // A list item's statement starts after its `、`.
    const start = recipient ? recipient.statementStart : chunkStart + (ctx.s[chunkStart] === '、' ? 1 : 0);
    const previous = awards.length > 0 ? (awards[awards.length - 1] as AwardDraft).recipient : null;
    awards.push(...trigger.build(recipient, Math.min(Math.max(start, cursor), trigger.anchor), previous));
    cursor = Math.max(cursor, trigger.end);
  }
  return awards;
}

// ---------------------------------------------------------------- main
export function extractAwards(text: string): AwardExtraction {
  const c = compact(text);
  const awards: AwardDraft[] = [];
  const diagnostics: AwardDiagnostic[] = [];
  const skipped: SkippedAmount[] = [];

  /** An uncapped share whose caps a following `其中…` sentence lists, one per kind of project. */
  let openShare: AwardDraft | null = null;
  /** Inside a `其中` list: sentences joined by `;` go on listing caps of `openShare`. */
  let inList = false;
  for (const sentence of splitSentences(c.text)) {
    const listGoesOn = inList;
    inList = false;
    if (sentence.text === '') continue;
    const ctx: Ctx = { original: text, c, s: sentence.text, so: sentence.start, chunks: splitTopLevel(sentence.text, [',']) };
    // `给予一次性奖励。奖励标准为每家100万元。`: the standard belongs to the promise before it.
    const standard = STANDARD_LEAD.test(ctx.s);
    const promised = standard ? awards.findLast((a) => a.recipient !== null) : undefined;
    const r = readSentence(ctx, text, diagnostics, skipped, promised?.recipient ?? null);
    // Rates and shares first, so a cap written after them (`总额不超过30万元`) is theirs.
    const quantified = [...rateTriggers(r), ...shareTriggers(r), ...sumTriggers(r)];
    const triggers = [...quantified, ...(quantified.length > 0 ? [] : promiseTriggers(r)), ...inKindTriggers(r)];
    const added = pairTriggers(ctx, triggers);
    if (promised?.kind === 'unquantified' && added.some((a) => a.amountYuan !== null && a.recipient === promised.recipient)) awards.splice(awards.indexOf(promised), 1);
    awards.push(...added);

    // `给予10%的分类补助。其中:A项目最高补助5000万元,B项目最高补助3000万元;…`: each cap is
    // that share's ceiling for one kind of project, so the share is stated once per cap.
    const share = openShare;
    if (share && (listGoesOn || /^其中/.test(ctx.s)) && added.length > 0 && added.every((a) => a.kind === 'cap')) {
      for (const a of added) Object.assign(a, { kind: 'ratio', ratioPercent: share.ratioPercent, ratioBase: share.ratioBase, form: a.form ?? share.form });
      const at = awards.indexOf(share);
      if (at >= 0) awards.splice(at, 1);
      inList = c.text[sentence.end] === ';';
      if (!inList) openShare = null;
      continue;
    }
    const uncapped = added.filter((a) => a.kind === 'ratio' && a.amountYuan === null);
    openShare = added.length === 1 && uncapped.length === 1 ? (uncapped[0] as AwardDraft) : added.length > 0 ? null : openShare;
  }
  return { awards, diagnostics, skipped };
}

/**
 * For unquantified and in-kind benefits: one award per tier when the recipient is a list of
 * tiers (`专精特新中小企业、专精特新“小巨人”企业`), else one award for the whole phrase.
 */
function perTier(ctx: Ctx, recipient: Recipient | null): Array<{ name: string | null; tier: Award['tier'] }> {
  if (!recipient) return [{ name: null, tier: null }];
  const whole = originalText(ctx, recipient.start, recipient.end);
  for (const wanted of [2, 3, 4]) {
    const items = splitRecipients(ctx, recipient, wanted);
    if (items.length !== wanted) continue;
    const names = recipientNames(ctx, items);
    const tiers = names.map((n) => recipientTier(n));
    if (tiers.every((t) => t !== null) && new Set(tiers).size === tiers.length) return names.map((name, i) => ({ name, tier: tiers[i] ?? null }));
  }
  return [{ name: whole, tier: recipientTier(whole) }];
}
