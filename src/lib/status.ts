import type { Policy, PolicySource, PolicyStatus } from '../schema';

export type { PolicyStatus } from '../schema';

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

export type SourceKind = PolicySource['sourceKind'];

/** What kind of text a figure was read from, in words (short enough for a chart row). */
export const SOURCE_KIND_LABELS: Record<SourceKind, { zh: string; en: string }> = {
  'official-document': { zh: '正式公文', en: 'Official document' },
  'official-reprint': { zh: '官方转载', en: 'Official reprint' },
  'consultancy-article': { zh: '咨询机构转载', en: 'Consultancy reprint' },
  'draft-for-comment': { zh: '征求意见稿原文', en: 'Draft for comment' },
};

/** Where a figure stands: its policy's status on the build day and the kind of text it was read from. */
export interface Provenance {
  status: PolicyStatus;
  /** Kind of the primary source (the rendition whose words the site shows). */
  sourceKind: SourceKind;
  /** How many renditions of the policy were read. */
  sourceCount: number;
}

export function provenance(policy: Pick<Policy, 'draft' | 'effective' | 'expires' | 'issued' | 'sources'>, today: string): Provenance {
  const primary = policy.sources.find((s) => s.primary) ?? policy.sources[0]!;
  return { status: policyStatus(policy, today), sourceKind: primary.sourceKind, sourceCount: policy.sources.length };
}

/** `征求意见稿 · 咨询机构转载`: a figure's provenance in words, never by colour alone. */
export function provenanceText(p: Provenance): string {
  return `${STATUS_LABELS[p.status].zh} · ${SOURCE_KIND_LABELS[p.sourceKind].zh}`;
}
