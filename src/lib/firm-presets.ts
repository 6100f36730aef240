// The firm profiles that get a static page each, so the firm view works without JavaScript:
// one per recognition that some city pays for, plus the combinations the issue names.
import { TIERS, type TierId } from '../schema';
import { emptyProfile, type FirmData, type FirmProfile } from './firm';

export interface FirmPreset {
  /** URL segment under /firm/. */
  slug: string;
  zh: string;
  profile: FirmProfile;
}

/** Tiers some award is paid for, in ladder order within each family (the form offers these). */
export function awardedTiers(data: FirmData): (typeof TIERS)[number][] {
  const paid = new Set(data.awards.map((a) => a.tier).filter((t): t is TierId => t !== null));
  return TIERS.filter((t) => paid.has(t.id));
}

export function firmPresets(data: FirmData): FirmPreset[] {
  const single = awardedTiers(data).map((t) => ({ slug: t.id, zh: t.zh, profile: { ...emptyProfile(), tiers: [t.id] as TierId[] } }));
  return [
    ...single,
    { slug: 'little-giant-listing', zh: '国家级“小巨人”企业，计划上市', profile: { ...emptyProfile(), tiers: ['little-giant'], listing: true } },
  ];
}

/** Headings for the tier families in the form. */
export const FAMILY_LABELS: Record<string, string> = {
  srdi: '专精特新梯度',
  champion: '制造业单项冠军',
  'first-set': '首台（套）',
  factory: '智能制造',
  'quality-award': '质量奖',
  standard: '标准制定',
  platform: '中小企业服务平台',
  'talent-platform': '人才平台',
  'green-design': '绿色设计',
};

/** The heading and title of a firm page. */
export function firmTitle(presetLabel?: string): string {
  return presetLabel ? `企业画像：${presetLabel}` : '企业画像：可申请的奖补';
}

export const FIRM_DESCRIPTION = '按企业已获认定与计划，逐城市列出可申请的奖补、原文与条款出处，分定额、上限与比例合计。';
