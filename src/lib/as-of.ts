// The atlas as of a date: which days get a static page of their own, and which policies end
// soon or have ended. Pure; the day is always passed in.
import type { Policy } from '../schema';
import { policyStatus, type PolicyStatus } from './status';

/** At most this many status-change days get as-of pages (nearest to the build day first), so a large corpus stays a bounded build. */
export const MAX_CHANGE_DAYS = 12;

/** The day after `iso` (YYYY-MM-DD), in UTC. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `iso` plus `months` calendar months, clamped to the month's last day (2027-02-29 → 2027-02-28… as JavaScript's Date would overflow). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

type Dated = Pick<Policy, 'id' | 'draft' | 'issued' | 'effective' | 'expires'>;

/**
 * The days the atlas is built as of: the build day, 1 January of its year, and the days some
 * policy's status changes (issued → not yet in force, effective → in force, the day after
 * expiry → expired), the nearest MAX_CHANGE_DAYS of them. Sorted, each once.
 */
export function asOfDays(policies: readonly Dated[], today: string): string[] {
  const changes = new Set<string>();
  for (const p of policies) {
    if (p.draft) continue;
    for (const day of [p.issued, p.effective, p.expires && nextDay(p.expires)]) if (day) changes.add(day);
  }
  const distance = (day: string) => Math.abs(Date.parse(day) - Date.parse(today));
  const nearest = [...changes].sort((a, b) => distance(a) - distance(b) || (a < b ? -1 : 1)).slice(0, MAX_CHANGE_DAYS);
  return [...new Set([today, `${today.slice(0, 4)}-01-01`, ...nearest])].sort();
}

export interface Ending {
  policy: Dated;
  /** Last day in force. */
  expires: string;
  /** Status on the day asked about. */
  status: PolicyStatus;
}

/**
 * Policies whose term ends within `months` after `today` (in force today, last day at most
 * `today + months`) and those whose term has ended; each sorted by its last day.
 */
export function expiring<P extends Dated>(policies: readonly P[], today: string, months = 12): { endingSoon: (Ending & { policy: P })[]; ended: (Ending & { policy: P })[] } {
  const horizon = addMonths(today, months);
  const endingSoon: (Ending & { policy: P })[] = [];
  const ended: (Ending & { policy: P })[] = [];
  for (const policy of policies) {
    if (!policy.expires) continue;
    const status = policyStatus(policy, today);
    const entry = { policy, expires: policy.expires, status };
    if (policy.expires < today && !policy.draft) ended.push(entry);
    else if (status === 'in-force' && policy.expires <= horizon) endingSoon.push(entry);
  }
  const byEnd = (a: Ending, b: Ending) => (a.expires < b.expires ? -1 : a.expires > b.expires ? 1 : a.policy.id < b.policy.id ? -1 : 1);
  return { endingSoon: endingSoon.sort(byEnd), ended: ended.sort(byEnd) };
}
