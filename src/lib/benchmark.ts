// Award benchmarks: the national little-giant headline, the tier ladder, and award levels by
// category. Pure aggregation over the atlas; charts turn these into series.
import { TIERS, type Award, type CategoryId, type City, type Clause, type Policy, type Tier, type TierId } from '../schema';
import { provenanceOf, type Atlas } from './atlas';
import type { Provenance } from './status';
import { inCategory } from './compare';
import { policyShortLabel } from './format';
import { tierRole } from './recognition';

/** One award with the clause and policy it comes from. */
export interface AwardPoint {
  award: Award;
  clause: Clause;
  policy: Policy;
  /** The policy's status on the build day and its source kind: shown on every figure. */
  provenance: Provenance;
}

const FAMILY_LABELS: Partial<Record<Tier['family'], { zh: string; en: string }>> & Record<string, { zh: string; en: string }> = {
  srdi: { zh: '专精特新梯度', en: 'SRDI ladder' },
  champion: { zh: '制造业单项冠军', en: 'Single champions' },
  'first-set': { zh: '首台（套）', en: 'First set of equipment' },
  factory: { zh: '数字化车间与智能工厂', en: 'Digital workshops & smart factories' },
  'quality-award': { zh: '质量奖', en: 'Quality awards' },
  standard: { zh: '标准制定', en: 'Standard setting' },
  platform: { zh: '中小企业服务平台', en: 'SME service platforms' },
  'talent-platform': { zh: '人才平台', en: 'Talent platforms' },
  'green-design': { zh: '绿色设计示范', en: 'Green design demonstration' },
};

/** Display label of a tier family; a family added to the vocabulary later shows its id until labelled here. */
export function familyLabel(family: string): { zh: string; en: string } {
  return FAMILY_LABELS[family] ?? { zh: family, en: family };
}

/** Kinds whose amount can be drawn as a bar: a fixed sum or a ceiling. */
export function isQuantified(award: Award): boolean {
  return award.amountYuan !== null && (award.kind === 'fixed' || award.kind === 'cap');
}

/** Every award of the atlas with its clause and policy, in atlas order. */
export function awardPoints(atlas: Atlas): AwardPoint[] {
  return atlas.clauses.flatMap((clause) => {
    const policy = atlas.policyById.get(clause.policyId);
    if (!policy) return [];
    const provenance = provenanceOf(atlas, policy);
    return clause.awards.map((award) => ({ award, clause, policy, provenance }));
  });
}

/** Row label for a policy: the city, plus the year when the city has several policies. */
export function policyRowLabel(atlas: Atlas, policy: Policy): string {
  return (atlas.policiesByCity.get(policy.city.slug)?.length ?? 1) > 1 ? policyShortLabel(policy) : policy.city.zh;
}

export type HeadlineState = 'quantified' | 'unquantified' | 'absent' | 'not-parsed';

export interface HeadlineRow {
  policy: Policy;
  provenance: Provenance;
  city: City;
  label: string;
  state: HeadlineState;
  /** The award shown; null for `absent` and `not-parsed`. */
  point: AwardPoint | null;
}

const ONE_OFF_LIKE = new Set<Award['frequency']>(['one-off', 'unspecified']);

/**
 * The first-time national little-giant award of each policy: a recognition award (paid for
 * attaining the tier, `recognition: true`) for tier `little-giant`, a fixed sum or a ceiling,
 * paid once (a recognition award that does not say 一次性 counts as one-off; annual payments do
 * not). Among several candidates the earliest clause wins. A policy that only promises an
 * unquantified recognition award shows that award, so its reason (e.g. delegated to another
 * document) can be displayed.
 */
export function headlineLittleGiant(atlas: Atlas): HeadlineRow[] {
  const points = awardPoints(atlas).filter((p) => p.award.tier === 'little-giant' && tierRole(p.award) === 'recognition');
  return atlas.policies.map((policy) => {
    const label = policyRowLabel(atlas, policy);
    const base = { policy, provenance: provenanceOf(atlas, policy), city: policy.city, label };
    const own = points.filter((p) => p.policy.id === policy.id).sort((a, b) => a.clause.ordinal - b.clause.ordinal);
    const quantified = own.find((p) => isQuantified(p.award) && ONE_OFF_LIKE.has(p.award.frequency));
    if (quantified) return { ...base, state: 'quantified', point: quantified };
    const unquantified = own.find((p) => p.award.kind === 'unquantified');
    if (unquantified) return { ...base, state: 'unquantified', point: unquantified };
    const parsed = (atlas.clausesByPolicy.get(policy.id)?.length ?? 0) > 0;
    return { ...base, state: parsed ? 'absent' : 'not-parsed', point: null };
  });
}

/**
 * How far apart the cities' stated sums for one tier are, among comparable figures only: fixed
 * sums of policies in force on the build day. A draft proposes a sum and a status-unknown
 * reprint may be out of date; a ceiling is not a sum paid. Those are named, not counted.
 */
export interface Spread {
  /** The figures compared (one per policy, see representative), smallest first. */
  compared: AwardPoint[];
  /** Representative figures left out of the ratio, each with why. */
  excluded: { point: AwardPoint; why: 'not-in-force' | 'cap' }[];
  /** Smallest and largest compared figures; null when fewer than two are comparable. */
  min: AwardPoint | null;
  max: AwardPoint | null;
  /** max / min, rounded to one decimal; null when fewer than two are comparable. */
  ratio: number | null;
}

/**
 * One stated sum per policy for comparing cities: among a policy's recognition awards with a
 * fixed sum or a ceiling, a one-off one wins, then the earliest clause. Awards paid to
 * enterprises of the tier for something else (上市, 总部迁入) never stand for the tier.
 */
export function representative(points: readonly AwardPoint[]): AwardPoint | null {
  const quantified = points.filter((p) => tierRole(p.award) === 'recognition' && isQuantified(p.award) && (p.award.amountYuan ?? 0) > 0);
  const rank = (p: AwardPoint) => (ONE_OFF_LIKE.has(p.award.frequency) ? 0 : 1);
  return [...quantified].sort((a, b) => rank(a) - rank(b) || a.clause.ordinal - b.clause.ordinal)[0] ?? null;
}

/** The spread of the representative sums of different policies; null when no policy states one. */
export function spread(points: readonly AwardPoint[]): Spread | null {
  const byPolicy = new Map<string, AwardPoint[]>();
  for (const p of points) {
    const list = byPolicy.get(p.policy.id);
    if (list) list.push(p);
    else byPolicy.set(p.policy.id, [p]);
  }
  const reps = [...byPolicy.values()].map(representative).filter((p): p is AwardPoint => p !== null);
  if (reps.length === 0) return null;
  const excluded: Spread['excluded'] = [];
  const compared: AwardPoint[] = [];
  for (const p of reps) {
    if (p.provenance.status !== 'in-force') excluded.push({ point: p, why: 'not-in-force' });
    else if (p.award.kind !== 'fixed') excluded.push({ point: p, why: 'cap' });
    else compared.push(p);
  }
  compared.sort((a, b) => a.award.amountYuan! - b.award.amountYuan!);
  const min = compared.length >= 2 ? compared[0]! : null;
  const max = compared.length >= 2 ? compared[compared.length - 1]! : null;
  const ratio = min && max ? Math.round((max.award.amountYuan! / min.award.amountYuan!) * 10) / 10 : null;
  return { compared, excluded, min, max, ratio };
}

export type PolicyRowState = 'awarded' | 'absent' | 'not-parsed';

export interface PolicyRow {
  policy: Policy;
  provenance: Provenance;
  label: string;
  points: AwardPoint[];
  state: PolicyRowState;
}

export interface LadderTier {
  tier: Tier;
  /** What each policy pays for the recognition itself (one row per policy). */
  rows: PolicyRow[];
  spread: Spread | null;
  /**
   * Awards that enterprises of the tier get for something else (上市, 迁入, 贷款, 创新券), in
   * atlas order: listed under the tier as “面向该层级企业的其他支持”, never as its price.
   */
  otherSupport: AwardPoint[];
}

export interface LadderFamily {
  family: Tier['family'];
  tiers: LadderTier[];
}

function rowsFor(atlas: Atlas, points: readonly AwardPoint[]): PolicyRow[] {
  // Grouped once: a filter per policy would be policies × points, quadratic in the corpus.
  const byPolicy = new Map<string, AwardPoint[]>();
  for (const p of points) {
    const list = byPolicy.get(p.policy.id);
    if (list) list.push(p);
    else byPolicy.set(p.policy.id, [p]);
  }
  return atlas.policies.map((policy) => {
    const own = byPolicy.get(policy.id) ?? [];
    const parsed = (atlas.clausesByPolicy.get(policy.id)?.length ?? 0) > 0;
    return {
      policy,
      provenance: provenanceOf(atlas, policy),
      label: policyRowLabel(atlas, policy),
      points: own,
      state: own.length > 0 ? 'awarded' : parsed ? 'absent' : 'not-parsed',
    };
  });
}

/**
 * The tier ladder: families in vocabulary order, tiers low → high, only tiers some policy
 * pays for; every policy gets a row so an absent award is visible as such. Only recognition
 * awards count (what a city pays for attaining the tier, see tierRole); awards to enterprises
 * of a tier for something else are kept apart in `otherSupport`, and non-monetary recognition
 * benefits (人才认定) show on the category benchmarks.
 */
export function tierLadder(atlas: Atlas): LadderFamily[] {
  let families = ladderCache.get(atlas);
  if (!families) ladderCache.set(atlas, (families = computeLadder(atlas)));
  return families;
}

// Every tier's ranking page asks for the ladder; it is computed once per atlas.
const ladderCache = new WeakMap<Atlas, LadderFamily[]>();

function computeLadder(atlas: Atlas): LadderFamily[] {
  const byTier = new Map<TierId, AwardPoint[]>();
  const otherByTier = new Map<TierId, AwardPoint[]>();
  for (const p of awardPoints(atlas)) {
    const role = tierRole(p.award);
    const into = role === 'recognition' && p.award.kind !== 'non-monetary' ? byTier : role === 'other-support' ? otherByTier : null;
    if (!into) continue;
    const list = into.get(p.award.tier!) ?? [];
    list.push(p);
    into.set(p.award.tier!, list);
  }
  const families: LadderFamily[] = [];
  for (const tier of TIERS) {
    const tierPoints = byTier.get(tier.id);
    if (!tierPoints) continue;
    let family = families.find((f) => f.family === tier.family);
    if (!family) families.push((family = { family: tier.family, tiers: [] }));
    family.tiers.push({ tier, rows: rowsFor(atlas, tierPoints), spread: spread(tierPoints), otherSupport: otherByTier.get(tier.id) ?? [] });
  }
  for (const family of families) family.tiers.sort((a, b) => a.tier.ladder - b.tier.ladder);
  return families;
}

/** Awards by policy within one category (every policy gets a row). */
export function categoryLevels(atlas: Atlas, category: CategoryId): PolicyRow[] {
  const points = awardPoints(atlas).filter((p) => inCategory(p.clause, category));
  return rowsFor(atlas, points);
}

/** Award figures a ladder draws (one per row point): what an “in force only” view counts as hidden. */
export function ladderFigureCount(families: readonly LadderFamily[]): number {
  return families.reduce((n, f) => n + f.tiers.reduce((m, t) => m + t.rows.reduce((k, r) => k + r.points.length, 0), 0), 0);
}
