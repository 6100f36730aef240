// The firm's-eye view: given the recognitions a firm holds and what it plans, every award it
// would qualify for in each city, with totals kept apart by kind (fixed sums, ceilings, ratios
// computed for the amounts entered) and by frequency. Pure and free of runtime imports from
// src/schema (types only), so the same code runs at build time and in the browser.
import type { AwardKind, City, PolicyStatus, TierId } from '../schema';

/** One award as the firm view needs it: the award, where it is, its tier's place, its policy's status. */
export interface FirmAward {
  /** Award id `<clauseId>#a<n>`. */
  id: string;
  clauseId: string;
  policyId: string;
  policyTitle: string;
  city: City;
  /** The clause number as printed and its heading, for the link text. */
  clauseNumber: string;
  clauseTitle: string;
  kind: AwardKind;
  amountYuan: number | null;
  ratioPercent: number | null;
  ratioBase: string | null;
  frequency: Frequency;
  tier: TierId | null;
  /** The tier's family and rung (see src/schema/tier.ts), null when the recipient is no tier. */
  tierFamily: string | null;
  tierLadder: number | null;
  recognition: boolean;
  quote: string;
  /** The sentence before the quoted words and the quote's own sentence: what a plan is matched against. */
  context: string;
  status: PolicyStatus;
}

export type Frequency = 'one-off' | 'annual' | 'per-person-per-time' | 'unspecified';
export const FREQUENCIES: readonly Frequency[] = ['one-off', 'annual', 'per-person-per-time', 'unspecified'];

/** A rule the text states that a firm may not take two awards (就高不重复, 不重复享受). */
export interface ExclusivityRule {
  policyId: string;
  clauseId: string;
  /** The sentence that states it. */
  quote: string;
  /** `clause`: stated in a clause with awards, it binds those awards; `policy`: stated elsewhere, it binds the policy's awards of one tier family. */
  scope: 'clause' | 'policy';
}

export interface FirmData {
  awards: FirmAward[];
  rules: ExclusivityRule[];
  /** Cities in display order. */
  cities: City[];
}

export type PlanId = 'listing' | 'digital-retrofit' | 'rd';

/** What a firm holds and plans; the state of the /firm/ page (and of its URL). */
export interface FirmProfile {
  /** Recognitions held (or expected), each counted for its own award. */
  tiers: TierId[];
  /** Plans to list on a stock exchange. */
  listing: boolean;
  /** Planned digital retrofit spend, yuan; null when none. */
  digitalRetrofitYuan: number | null;
  /** Planned R&D (projects, equipment) spend, yuan; null when none. */
  rdYuan: number | null;
  /** Statuses whose awards are added up; the rest are listed and marked. Default: in force only. */
  statuses: PolicyStatus[];
}

export const DEFAULT_STATUSES: readonly PolicyStatus[] = ['in-force'];

export function emptyProfile(): FirmProfile {
  return { tiers: [], listing: false, digitalRetrofitYuan: null, rdYuan: null, statuses: [...DEFAULT_STATUSES] };
}

/** Activities a plan stands for, as the texts word them. */
export const PLAN_WORDS: Record<PlanId, RegExp> = {
  listing: /上市|挂牌/,
  'digital-retrofit': /数字化改造|智能化改造|数字化转型|技术改造|技改/,
  rd: /研发/,
};

export const PLAN_LABELS: Record<PlanId, { zh: string; en: string }> = {
  listing: { zh: '计划上市', en: 'Plans a listing' },
  'digital-retrofit': { zh: '数字化改造投入', en: 'Digital retrofit spend' },
  rd: { zh: '研发投入', en: 'R&D spend' },
};

// Support for doing something the profile cannot express (relocating, borrowing, vouchers,
// buying first-set products): listed for the firm's tier, never added up.
const UNCOVERED_CONDITION = /迁入|贷款|创新券|应用企业/;

/** Words by which a text says awards are not cumulative. */
export const EXCLUSIVITY_WORDS = /就高不重复|不重复享受|不得重复享受|不重复支持|不重复奖励|不重复补助|按就高原则|从高不重复|不可兼得/;

/** Exclusivity rules stated in a clause's sentences (one per sentence that states one). */
export function exclusivityRules(clause: { id: string; policyId: string; text: string; awards: readonly unknown[] }): ExclusivityRule[] {
  return sentences(clause.text)
    .filter((s) => EXCLUSIVITY_WORDS.test(s))
    .map((quote) => ({ policyId: clause.policyId, clauseId: clause.id, quote, scope: clause.awards.length > 0 ? 'clause' : 'policy' }));
}

function sentences(text: string): string[] {
  return text.split(/(?<=[。；;！!])/).map((s) => s.trim()).filter(Boolean);
}

/** The quote's sentence and the one before it: where a clause names the activity an award pays for. */
export function awardContext(text: string, span: { start: number; end: number }): string {
  const before = text.slice(0, span.start);
  const stops = [...before.matchAll(/[。；;]/g)].map((m) => m.index);
  const from = stops.length >= 2 ? stops[stops.length - 2]! + 1 : 0;
  const afterStop = text.slice(span.end).search(/[。；;]/);
  return text.slice(from, afterStop < 0 ? text.length : span.end + afterStop + 1);
}

/** How a line stands in the firm's result. */
export type LineRole =
  /** Paid for a recognition the firm holds. */
  | 'recognition'
  /** For enterprises of a tier the firm holds or exceeds, for an activity the firm plans. */
  | 'plan'
  /** For enterprises of a tier the firm holds or exceeds, on no further condition the text names. */
  | 'tier-benefit'
  /** For enterprises of the firm's tier, on a condition the profile does not cover: listed, not added. */
  | 'conditional';

/** Why a listed award is left out of the totals. */
export type Exclusion =
  | { reason: 'status'; status: PolicyStatus }
  | { reason: 'exclusivity'; rule: ExclusivityRule; keptAwardId: string }
  | { reason: 'conditional' }
  | { reason: 'no-amount' }
  | { reason: 'needs-amount'; plan: PlanId };

/** How the line's sum is meant: a fixed sum, a ceiling, a ratio computed for the amount entered (and capped). */
export type ValueKind = 'fixed' | 'cap' | 'computed';

export interface FirmLine {
  award: FirmAward;
  role: LineRole;
  /** The plan that makes the firm eligible, when one does. */
  plan: PlanId | null;
  /** Yuan this line is worth to the firm (the ceiling for `cap`), null when not a sum. */
  value: number | null;
  valueKind: ValueKind | null;
  /** For `computed`: the ratio's result before its cap, and whether the cap bit. */
  uncapped: number | null;
  capped: boolean;
  /** Null when the line counts towards the totals. */
  excluded: Exclusion | null;
}

export type ByFrequency = Record<Frequency, number>;

export interface FirmTotals {
  /** Fixed sums: what the firm gets. */
  fixed: ByFrequency;
  /** Ceilings (最高 / 不超过): at most this much. */
  cap: ByFrequency;
  /** Ratios computed for the amounts entered, each already capped. */
  computed: ByFrequency;
}

export interface CityResult {
  city: City;
  lines: FirmLine[];
  totals: FirmTotals;
  /** The exclusivity rules of this city's policies that bound at least one of the firm's awards. */
  appliedRules: ExclusivityRule[];
  /** Whether any line is counted. */
  anyCounted: boolean;
}

function zero(): ByFrequency {
  return { 'one-off': 0, annual: 0, 'per-person-per-time': 0, unspecified: 0 };
}

/** Which plan, if any, an award pays for (by the words of its sentence and its ratio base). */
export function planOf(award: Pick<FirmAward, 'quote' | 'context' | 'ratioBase'>): PlanId | null {
  for (const plan of ['listing', 'digital-retrofit', 'rd'] as const) {
    if (PLAN_WORDS[plan].test(award.quote) || (award.ratioBase !== null && PLAN_WORDS[plan].test(award.ratioBase))) return plan;
  }
  for (const plan of ['listing', 'digital-retrofit', 'rd'] as const) if (PLAN_WORDS[plan].test(award.context)) return plan;
  return null;
}

function planned(profile: FirmProfile, plan: PlanId): boolean {
  return plan === 'listing' ? profile.listing : plan === 'digital-retrofit' ? profile.digitalRetrofitYuan !== null : profile.rdYuan !== null;
}

function planAmount(profile: FirmProfile, plan: PlanId): number | null {
  return plan === 'digital-retrofit' ? profile.digitalRetrofitYuan : plan === 'rd' ? profile.rdYuan : null;
}

/** Whether the firm holds the award's tier, or (for support to enterprises of a tier) one at least as high in its family. */
function holdsTier(award: FirmAward, held: readonly HeldTier[], exact: boolean): boolean {
  if (award.tier === null) return false;
  if (held.some((t) => t.id === award.tier)) return true;
  if (exact) return false;
  return held.some((t) => t.family === award.tierFamily && award.tierLadder !== null && t.ladder >= award.tierLadder);
}

export interface HeldTier {
  id: TierId;
  family: string;
  ladder: number;
}

/**
 * Every award the firm would qualify for, per city, with totals. `tierInfo` gives the family and
 * rung of each held tier (from src/schema/tier.ts; passed in so this module needs no runtime schema).
 */
export function firmResults(data: FirmData, profile: FirmProfile, tierInfo: (id: TierId) => HeldTier): CityResult[] {
  const held = profile.tiers.map(tierInfo);
  const counted = new Set<PolicyStatus>(profile.statuses);
  return data.cities.map((city) => {
    const lines: FirmLine[] = [];
    for (const award of data.awards) {
      if (award.city.slug !== city.slug) continue;
      const line = lineFor(award, profile, held);
      if (!line) continue;
      if (!line.excluded && !counted.has(award.status)) line.excluded = { reason: 'status', status: award.status };
      lines.push(line);
    }
    const appliedRules = applyExclusivity(lines, data.rules.filter((r) => lines.some((l) => l.award.policyId === r.policyId)));
    const totals: FirmTotals = { fixed: zero(), cap: zero(), computed: zero() };
    for (const line of lines) {
      if (line.excluded || line.value === null || line.valueKind === null) continue;
      totals[line.valueKind][line.award.frequency] += line.value;
    }
    return { city, lines, totals, appliedRules, anyCounted: lines.some((l) => !l.excluded) };
  });
}

function lineFor(award: FirmAward, profile: FirmProfile, held: readonly HeldTier[]): FirmLine | null {
  let role: LineRole;
  let plan: PlanId | null = null;
  if (award.recognition && award.tier !== null) {
    if (!holdsTier(award, held, true)) return null;
    role = 'recognition';
  } else {
    const forTier = award.tier !== null;
    if (forTier && !holdsTier(award, held, false)) return null;
    const uncovered = UNCOVERED_CONDITION.test(award.quote);
    plan = uncovered ? null : planOf(award);
    if (plan !== null && planned(profile, plan)) role = 'plan';
    else if (!forTier) return null;
    else role = uncovered || plan !== null ? 'conditional' : 'tier-benefit';
  }
  const line: FirmLine = { award, role, plan: role === 'plan' ? plan : null, value: null, valueKind: null, uncapped: null, capped: false, excluded: null };
  if (role === 'conditional') line.excluded = { reason: 'conditional' };
  value(line, profile);
  return line;
}

/** The line's sum: fixed and cap as stated; a ratio computed on the planned amount and capped. */
function value(line: FirmLine, profile: FirmProfile): void {
  const a = line.award;
  if (a.kind === 'fixed' && a.amountYuan !== null) Object.assign(line, { value: a.amountYuan, valueKind: 'fixed' });
  else if (a.kind === 'cap' && a.amountYuan !== null) Object.assign(line, { value: a.amountYuan, valueKind: 'cap' });
  else if (a.kind === 'ratio' && a.ratioPercent !== null && line.plan !== null && line.plan !== 'listing') {
    const base = planAmount(profile, line.plan);
    if (base === null) {
      line.excluded ??= { reason: 'needs-amount', plan: line.plan };
      return;
    }
    // Whole yuan, rounded down: a subsidy is never more than the stated share.
    const uncapped = Math.floor((base * a.ratioPercent) / 100);
    const capped = a.amountYuan !== null && uncapped > a.amountYuan;
    Object.assign(line, { value: capped ? a.amountYuan : uncapped, valueKind: 'computed', uncapped, capped });
  }
  if (line.value === null) line.excluded ??= { reason: 'no-amount' };
}

/**
 * 就高不重复: within each rule's scope the firm keeps only its largest counted sum. A clause's rule
 * binds that clause's awards; a rule stated apart binds the policy's awards of one tier family
 * (the usual meaning: a firm recognised at two rungs is paid for the higher). Ties keep the
 * first in printed order. Returns the rules that excluded something.
 */
function applyExclusivity(lines: FirmLine[], rules: readonly ExclusivityRule[]): ExclusivityRule[] {
  const applied: ExclusivityRule[] = [];
  for (const rule of rules) {
    const bound = lines.filter(
      (l) =>
        !l.excluded &&
        l.value !== null &&
        l.award.policyId === rule.policyId &&
        (rule.scope === 'clause' ? l.award.clauseId === rule.clauseId : l.award.tierFamily !== null),
    );
    const groups = new Map<string, FirmLine[]>();
    for (const l of bound) {
      const key = rule.scope === 'clause' ? '' : l.award.tierFamily!;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
    let used = false;
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const kept = group.reduce((best, l) => (l.value! > best.value! ? l : best));
      for (const l of group) if (l !== kept) l.excluded = { reason: 'exclusivity', rule, keptAwardId: kept.award.id };
      used = true;
    }
    if (used) applied.push(rule);
  }
  return applied;
}

// --- The profile in the URL: `?t=little-giant.academician-workstation&list=1&dx=200&rd=500&s=in-force.draft`
// (amounts in 万元, the unit the texts use). Unknown tiers and statuses are dropped, never guessed.

export function profileToQuery(profile: FirmProfile): string {
  const params: string[] = [];
  if (profile.tiers.length) params.push(`t=${profile.tiers.join('.')}`);
  if (profile.listing) params.push('list=1');
  if (profile.digitalRetrofitYuan !== null) params.push(`dx=${profile.digitalRetrofitYuan / 1e4}`);
  if (profile.rdYuan !== null) params.push(`rd=${profile.rdYuan / 1e4}`);
  const statuses = [...profile.statuses].sort();
  if (statuses.join('.') !== [...DEFAULT_STATUSES].sort().join('.')) params.push(`s=${statuses.join('.')}`);
  return params.length ? `?${params.join('&')}` : '';
}

export function profileFromQuery(query: string, knownTiers: ReadonlySet<string>, knownStatuses: ReadonlySet<string>): FirmProfile {
  const params = new URLSearchParams(query);
  const list = (key: string, known: ReadonlySet<string>) =>
    // `t=a.b` from a shared link, `t=a&t=b` from the form without JavaScript.
    params.getAll(key).flatMap((v) => v.split(/[.,]/)).filter((x, i, all) => known.has(x) && all.indexOf(x) === i);
  const wan = (key: string): number | null => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') return null;
    const n = Number(raw);
    return Number.isFinite(n) && n >= 0 && n <= 1e8 ? Math.round(n * 1e4) : null;
  };
  const statuses = params.has('s') ? (list('s', knownStatuses) as PolicyStatus[]) : [...DEFAULT_STATUSES];
  return {
    tiers: list('t', knownTiers) as TierId[],
    listing: params.get('list') === '1',
    digitalRetrofitYuan: wan('dx'),
    rdYuan: wan('rd'),
    statuses,
  };
}

/** Sum of a by-frequency record. */
export function sumOf(by: ByFrequency): number {
  return FREQUENCIES.reduce((n, f) => n + by[f], 0);
}
