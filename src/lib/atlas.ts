// The whole corpus indexed once: every page asks this object instead of scanning the
// collections again. Pure (data in, indices out) so it can be tested without Astro.
import type { City, Clause, Policy } from '../schema';
import { provenance, type Provenance } from './status';

export interface Atlas {
  /** Policies sorted by city slug, then year, then id. */
  policies: Policy[];
  /** Clauses sorted by policy order, then ordinal. */
  clauses: Clause[];
  policyById: Map<string, Policy>;
  clauseById: Map<string, Clause>;
  /** Clauses of each policy in printed order (empty array for a policy with none). */
  clausesByPolicy: Map<string, Clause[]>;
  /** Cities in display order (by slug), each once. */
  cities: City[];
  /** Policies of each city slug. */
  policiesByCity: Map<string, Policy[]>;
  /** Clauses whose primary or other rendition lies in each source file. */
  clausesBySourceFile: Map<string, Clause[]>;
  /** Source file name → its policy. */
  policyBySourceFile: Map<string, Policy>;
  /** Total awards over all clauses (0 until extraction has run). */
  awardTotal: number;
  /** The day statuses are computed for (YYYY-MM-DD), passed in: never read from the clock here. */
  today: string;
  /** Each policy's status on `today` and the kind of its primary source. */
  provenanceById: Map<string, Provenance>;
}

function byKey<T>(key: (x: T) => string | number) {
  return (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

export function buildAtlas(policiesIn: readonly Policy[], clausesIn: readonly Clause[], today: string): Atlas {
  const policies = [...policiesIn].sort(
    (a, b) => byKey<Policy>((p) => p.city.slug)(a, b) || (a.year ?? 0) - (b.year ?? 0) || byKey<Policy>((p) => p.id)(a, b),
  );
  const policyOrder = new Map(policies.map((p, i) => [p.id, i]));
  const clauses = [...clausesIn].sort(
    (a, b) => (policyOrder.get(a.policyId) ?? 1e9) - (policyOrder.get(b.policyId) ?? 1e9) || a.ordinal - b.ordinal || byKey<Clause>((c) => c.id)(a, b),
  );
  const clausesByPolicy = new Map<string, Clause[]>(policies.map((p) => [p.id, []]));
  for (const clause of clauses) {
    let list = clausesByPolicy.get(clause.policyId);
    if (!list) clausesByPolicy.set(clause.policyId, (list = []));
    list.push(clause);
  }
  const cities: City[] = [];
  const policiesByCity = new Map<string, Policy[]>();
  for (const policy of policies) {
    let list = policiesByCity.get(policy.city.slug);
    if (!list) {
      policiesByCity.set(policy.city.slug, (list = []));
      cities.push(policy.city);
    }
    list.push(policy);
  }
  const clausesBySourceFile = new Map<string, Clause[]>();
  for (const clause of clauses) {
    for (const loc of [clause.source, ...clause.alsoIn]) {
      let list = clausesBySourceFile.get(loc.file);
      if (!list) clausesBySourceFile.set(loc.file, (list = []));
      list.push(clause);
    }
  }
  const policyBySourceFile = new Map<string, Policy>();
  for (const policy of policies) for (const source of policy.sources) policyBySourceFile.set(source.file, policy);
  return {
    policies,
    clauses,
    policyById: new Map(policies.map((p) => [p.id, p])),
    clauseById: new Map(clauses.map((c) => [c.id, c])),
    clausesByPolicy,
    cities,
    policiesByCity,
    clausesBySourceFile,
    policyBySourceFile,
    awardTotal: awardCount(clauses),
    today,
    provenanceById: new Map(policies.map((p) => [p.id, provenance(p, today)])),
  };
}

/** The provenance of a policy of the atlas; throws with the id when it is not one. */
export function provenanceOf(atlas: Atlas, policy: Pick<Policy, 'id'>): Provenance {
  const found = atlas.provenanceById.get(policy.id);
  if (!found) throw new Error(`Policy \`${policy.id}\` is not in the atlas`);
  return found;
}

/**
 * The atlas restricted to policies in force on its day (the “in force only” pages), with how
 * many of the whole atlas's policies that leaves out.
 */
export function inForceAtlas(atlas: Atlas): { atlas: Atlas; hiddenPolicies: Policy[] } {
  let found = inForceCache.get(atlas);
  if (!found) inForceCache.set(atlas, (found = computeInForce(atlas)));
  return found;
}

// Both “in force only” pages and their links ask for it; the restricted atlas is built once.
const inForceCache = new WeakMap<Atlas, { atlas: Atlas; hiddenPolicies: Policy[] }>();

function computeInForce(atlas: Atlas): { atlas: Atlas; hiddenPolicies: Policy[] } {
  const kept = atlas.policies.filter((p) => provenanceOf(atlas, p).status === 'in-force');
  const keep = new Set(kept.map((p) => p.id));
  return {
    atlas: buildAtlas(kept, atlas.clauses.filter((c) => keep.has(c.policyId)), atlas.today),
    hiddenPolicies: atlas.policies.filter((p) => !keep.has(p.id)),
  };
}

/** The policy a clause belongs to; throws with the id when the data is inconsistent. */
export function policyOf(atlas: Atlas, clause: Pick<Clause, 'id' | 'policyId'>): Policy {
  const policy = atlas.policyById.get(clause.policyId);
  if (!policy) throw new Error(`Clause \`${clause.id}\` names policy \`${clause.policyId}\`, which does not exist`);
  return policy;
}

/** Total awards in a list of clauses. */
export function awardCount(clauses: readonly Clause[]): number {
  return clauses.reduce((n, c) => n + c.awards.length, 0);
}
