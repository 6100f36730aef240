import type { Policy } from '../schema';

export type PolicyStatus = 'draft' | 'in-force' | 'not-yet-in-force' | 'expired' | 'unknown';

export const STATUS_LABELS: Record<PolicyStatus, { zh: string; en: string }> = {
  draft: { zh: '征求意见稿', en: 'Draft' },
  'in-force': { zh: '现行有效', en: 'In force' },
  'not-yet-in-force': { zh: '尚未施行', en: 'Not yet in force' },
  expired: { zh: '已失效', en: 'Expired' },
  unknown: { zh: '状态未知', en: 'Status unknown' },
};

/**
 * A policy's status on `today` (YYYY-MM-DD). Computed at build time from the dates, never
 * stored; the caller passes the day so tests can pin it.
 */
export function policyStatus(
  policy: Pick<Policy, 'draft' | 'effective' | 'expires' | 'issued'>,
  today: string,
): PolicyStatus {
  if (policy.draft) return 'draft';
  const start = policy.effective ?? policy.issued;
  if (!start) return 'unknown';
  if (today < start) return 'not-yet-in-force';
  if (policy.expires && today > policy.expires) return 'expired';
  return 'in-force';
}

/** The build day: ATLAS_TODAY when set (for reproducible builds and tests), else the clock. */
export function buildDay(env: Record<string, string | undefined> = process.env): string {
  return env.ATLAS_TODAY ?? new Date().toISOString().slice(0, 10);
}
