// A policy's earlier versions, as its sidecar names them (`supersedes`, `adoptsDraft`): each
// must be another policy of the atlas, an adopted draft must be a draft, and the chain of
// versions must not loop. Problems are errors at the sidecar field.
import type { VFileMessage } from 'vfile-message';
import type { Policy } from '../../src/schema';
import { makeMessage } from './diagnostics';
import type { Rendition } from './renditions';

export function versionProblems(policies: readonly Policy[], renditionOf: (policyId: string) => Rendition | null): VFileMessage[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const messages: VFileMessage[] = [];
  for (const policy of policies) {
    const r = renditionOf(policy.id);
    if (!r) continue;
    for (const field of ['supersedes', 'adoptsDraft'] as const) {
      const target = policy[field];
      if (!target) continue;
      const at = { file: r.sidecarFile, place: r.placeOf([field]), severity: 'error' as const };
      const earlier = byId.get(target);
      if (target === policy.id) {
        messages.push(makeMessage({ ...at, ruleId: 'version-self', reason: `\`${field}\` names the policy itself (\`${target}\`)`, hint: 'name the id of the earlier policy, or remove the field' }));
      } else if (!earlier) {
        messages.push(
          makeMessage({ ...at, ruleId: 'version-unknown-policy', reason: `\`${field}\` names \`${target}\`, which is not a policy of the atlas`, hint: `add the earlier policy's text and sidecar (policy: ${target}), or correct the id` }),
        );
      } else if (field === 'adoptsDraft' && !earlier.draft) {
        messages.push(
          makeMessage({ ...at, ruleId: 'version-not-a-draft', reason: `\`adoptsDraft\` names \`${target}\`, which is not a draft`, hint: 'use `supersedes:` for an earlier policy in force; `adoptsDraft:` is for the 征求意见稿 this text adopts' }),
        );
      }
    }
    // Walk the chain back: a policy met twice means the versions loop.
    const seen = new Set([policy.id]);
    for (let p = earlierOf(policy); p; p = earlierOf(byId.get(p))) {
      if (!seen.has(p)) {
        seen.add(p);
        continue;
      }
      if (p === policy.id) {
        const field = policy.supersedes ? 'supersedes' : 'adoptsDraft';
        messages.push(makeMessage({ file: r.sidecarFile, place: r.placeOf([field]), severity: 'error', ruleId: 'version-cycle', reason: `The versions of \`${policy.id}\` loop back to it`, hint: 'each policy names only the version it replaces; an earlier version never names a later one' }));
      }
      break;
    }
  }
  return messages;
}

/** The version a policy replaces, if it names one (an adopted draft first). */
export function earlierOf(policy: Pick<Policy, 'supersedes' | 'adoptsDraft'> | undefined): string | undefined {
  return policy?.adoptsDraft ?? policy?.supersedes;
}
