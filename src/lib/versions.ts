// A policy's versions (a draft and its adopted form, a policy and the one that replaces it), as
// the sidecars name them, and what changed between two versions clause by clause: added,
// removed, changed wording, changed amounts. Pure.
import type { Award, Clause, Policy } from '../schema';
import type { Atlas } from './atlas';

export type VersionRelation = 'adopts-draft' | 'supersedes';

export interface Version {
  policy: Policy;
  /** How this version relates to the one before it; null for the first. */
  relation: VersionRelation | null;
}

function earlier(policy: Policy): { id: string; relation: VersionRelation } | null {
  if (policy.adoptsDraft) return { id: policy.adoptsDraft, relation: 'adopts-draft' };
  if (policy.supersedes) return { id: policy.supersedes, relation: 'supersedes' };
  return null;
}

/**
 * Every version of a policy, oldest first: back through the versions each names, forward through
 * those naming it (the first found, by id, when two name the same). Stops at a loop, which ingest
 * refuses anyway.
 */
export function versionChain(atlas: Pick<Atlas, 'policies' | 'policyById'>, policyId: string): Version[] {
  const start = atlas.policyById.get(policyId);
  if (!start) return [];
  const seen = new Set([start.id]);
  const chain: Version[] = [{ policy: start, relation: earlier(start)?.relation ?? null }];
  for (let e = earlier(start); e && !seen.has(e.id); ) {
    const p = atlas.policyById.get(e.id);
    if (!p) break;
    seen.add(p.id);
    const next = earlier(p);
    chain.unshift({ policy: p, relation: next && atlas.policyById.has(next.id) ? next.relation : null });
    e = next;
  }
  if (chain[0]) chain[0].relation = null;
  for (let last = start; ; ) {
    const later = [...atlas.policies].sort((a, b) => (a.id < b.id ? -1 : 1)).find((p) => earlier(p)?.id === last.id && !seen.has(p.id));
    if (!later) break;
    seen.add(later.id);
    chain.push({ policy: later, relation: earlier(later)!.relation });
    last = later;
  }
  return chain;
}

export interface TextPiece {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** Character diff of two texts (longest common subsequence), merged into runs. Clauses are short: O(n·m) is fine. */
export function textDiff(a: string, b: string): TextPiece[] {
  const A = [...a];
  const B = [...b];
  const n = A.length;
  const m = B.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = A[i] === B[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pieces: TextPiece[] = [];
  const push = (op: TextPiece['op'], ch: string) => {
    const last = pieces[pieces.length - 1];
    if (last && last.op === op) last.text += ch;
    else pieces.push({ op, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (A[i] === B[j]) {
      push('same', A[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', A[i++]!);
    else push('added', B[j++]!);
  }
  while (i < n) push('removed', A[i++]!);
  while (j < m) push('added', B[j++]!);
  return pieces;
}

export interface AmountChange {
  /** What the award is for: its tier, else its recipient as written, else its position. */
  label: string;
  before: Pick<Award, 'kind' | 'amountYuan' | 'ratioPercent'> | null;
  after: Pick<Award, 'kind' | 'amountYuan' | 'ratioPercent'> | null;
}

export interface ClauseChange {
  change: 'added' | 'removed' | 'changed' | 'same';
  before: Clause | null;
  after: Clause | null;
  /** For `changed`: the wording diff, null when only the amounts differ. */
  wording: TextPiece[] | null;
  amounts: AmountChange[];
}

// Awards are matched by what they pay for, so a reordered list is not read as changed amounts.
function awardKey(a: Award, n: number): string {
  return a.tier ?? a.recipient ?? `#${n}`;
}

function amountChanges(before: readonly Award[], after: readonly Award[]): AmountChange[] {
  const keyed = (list: readonly Award[]) => {
    const map = new Map<string, Award>();
    list.forEach((a, n) => {
      let key = awardKey(a, n);
      while (map.has(key)) key += '′';
      map.set(key, a);
    });
    return map;
  };
  const b = keyed(before);
  const a = keyed(after);
  const pick = (x: Award | undefined) => (x ? { kind: x.kind, amountYuan: x.amountYuan, ratioPercent: x.ratioPercent } : null);
  const changes: AmountChange[] = [];
  for (const key of [...new Set([...b.keys(), ...a.keys()])]) {
    const x = pick(b.get(key));
    const y = pick(a.get(key));
    if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ label: key, before: x, after: y });
  }
  return changes;
}

/** Share of two texts' characters they have in common (0–1). */
export function similarity(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const same = textDiff(a, b).reduce((n, p) => n + (p.op === 'same' ? [...p.text].length : 0), 0);
  return (2 * same) / ([...a].length + [...b].length);
}

/** Below this share of common characters two clauses at the same number are different clauses. */
const SAME_CLAUSE = 0.5;

/**
 * Clause-by-clause changes from one version to the next. Clauses are paired by heading (same
 * number first, then a renumbered one), then the unpaired at the same number when their texts are
 * mostly alike; what is left is added or removed. In the later version's order, then the removed
 * ones in their old order.
 */
export function clauseDiff(before: readonly Clause[], after: readonly Clause[]): ClauseChange[] {
  const pairOf = new Map<Clause, Clause>();
  const used = new Set<Clause>();
  const pairBy = (match: (old: Clause, c: Clause) => boolean) => {
    for (const c of after) {
      if (pairOf.has(c)) continue;
      const old = before.find((o) => !used.has(o) && match(o, c));
      if (old) {
        pairOf.set(c, old);
        used.add(old);
      }
    }
  };
  pairBy((o, c) => o.path === c.path && o.title === c.title);
  pairBy((o, c) => o.title === c.title && c.title !== '');
  pairBy((o, c) => o.path === c.path && similarity(o.text, c.text) >= SAME_CLAUSE);
  const changes: ClauseChange[] = [];
  for (const c of after) {
    const old = pairOf.get(c);
    if (!old) {
      changes.push({ change: 'added', before: null, after: c, wording: null, amounts: amountChanges([], c.awards) });
      continue;
    }
    const amounts = amountChanges(old.awards, c.awards);
    const wordingChanged = old.text !== c.text;
    changes.push({ change: wordingChanged || amounts.length ? 'changed' : 'same', before: old, after: c, wording: wordingChanged ? textDiff(old.text, c.text) : null, amounts });
  }
  for (const old of before) {
    if (used.has(old)) continue;
    changes.push({ change: 'removed', before: old, after: null, wording: null, amounts: amountChanges(old.awards, []) });
  }
  return changes;
}
