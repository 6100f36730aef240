// Every sum of money a clause states, and what became of it: an award, a known non-award
// (target, threshold, budget, loan principal, the base of a rate, …) or nothing the parser
// understood. "Nothing" is listed for a curator (`npm run report`, `npm run check-source`) and
// a source whose sums all end there is warned about: a number is never dropped silently.
import type { Clause } from '../../src/schema';
import { findMoney } from './extract-amounts';
import { extractAwards, type SkipReason } from './extract-awards';
import { simplifiedFold } from './script';

export interface AuditedAmount {
  /** Offsets in the clause text. */
  start: number;
  end: number;
  /** The sum as printed. */
  text: string;
  yuan: number;
  /** `award`, a known non-award reason, or `unread` when the parser did not understand it. */
  use: 'award' | 'target' | Exclude<SkipReason, 'no-award-word'> | 'unread';
}

const inside = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start >= b.start && a.end <= b.end;

/**
 * The sums of money in a clause and their use. Traditional text is folded first (the fold keeps
 * offsets), so `萬元` is read as `万元`.
 */
export function auditAmounts(clause: Pick<Clause, 'text' | 'awards' | 'targets'>): AuditedAmount[] {
  const folded = simplifiedFold(clause.text);
  const skipped = extractAwards(folded).skipped;
  return findMoney(folded).map((m) => {
    const base = { start: m.start, end: m.end, text: clause.text.slice(m.start, m.end), yuan: m.yuan };
    const skip = skipped.find((s) => s.start === m.start);
    if (clause.targets.some((t) => inside(m, t.span))) return { ...base, use: 'target' };
    // A sum with no award word near it is one the parser could not place: a curator looks at it.
    if (skip) return { ...base, use: skip.reason === 'no-award-word' ? 'unread' : skip.reason };
    if (clause.awards.some((a) => a.amountYuan !== null && inside(m, a.span))) return { ...base, use: 'award' };
    // A share's base or a rate's amount sits inside an award's quote without being its amount.
    if (clause.awards.some((a) => inside(m, a.span))) return { ...base, use: 'award' };
    return { ...base, use: 'unread' };
  });
}
