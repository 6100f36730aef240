// The firm view's data, made at build time from the atlas: one compact record per award (with
// its tier's place and its policy's status), and the exclusivity rules the texts state. The
// /firm/ page embeds it so the browser computes the same results without fetching anything.
import { tierById, type TierId } from '../schema';
import type { Atlas } from './atlas';
import { awardContext, exclusivityRules, type FirmData, type HeldTier } from './firm';

export function firmData(atlas: Atlas): FirmData {
  const awards: FirmData['awards'] = [];
  const rules: FirmData['rules'] = [];
  for (const clause of atlas.clauses) {
    const policy = atlas.policyById.get(clause.policyId);
    if (!policy) continue;
    const status = atlas.provenanceById.get(policy.id)?.status ?? 'unknown';
    rules.push(...exclusivityRules(clause));
    for (const a of clause.awards) {
      const tier = a.tier === null ? null : tierById(a.tier);
      awards.push({
        id: a.id,
        clauseId: clause.id,
        policyId: policy.id,
        policyTitle: policy.title,
        city: policy.city,
        clauseNumber: clause.number,
        clauseTitle: clause.title,
        kind: a.kind,
        amountYuan: a.amountYuan,
        ratioPercent: a.ratioPercent,
        ratioBase: a.ratioBase,
        frequency: a.frequency,
        tier: a.tier,
        tierFamily: tier?.family ?? null,
        tierLadder: tier?.ladder ?? null,
        recognition: a.recognition,
        quote: a.quote,
        context: awardContext(clause.text, a.span),
        status,
      });
    }
  }
  return { awards, rules, cities: atlas.cities };
}

/** A tier's family and rung, as firmResults needs them. */
export function heldTier(id: TierId): HeldTier {
  const t = tierById(id);
  return { id: t.id, family: t.family, ladder: t.ladder };
}
