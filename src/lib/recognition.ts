// Recognition vs eligibility: is an award the price of a tier (paid for attaining it), or
// support that an enterprise of the tier gets for doing something else (listing, relocating,
// borrowing, using vouchers)? The rule lives here alone: ingest stores its answer in
// `Award.recognition`, and every comparison on the site files awards through `tierRole`.
import { tierById, type Award, type TierId } from '../schema';

// Words that say a sum rewards the recognition itself, and activities that make it a reward for
// something else even when the recipient is named by its tier.
const RECOGNITION_WORDS = /认定|获得|评定|评为|入选|授予/;
const OTHER_ACTIVITY = /迁入|上市|贷款|创新券|应用企业/;

/**
 * Whether an award with this tier and quote is paid for attaining the tier. Tiers outside the
 * 专精特新 ladder (首台套, factories, quality awards, standards, platforms) are recognitions by
 * nature; on the ladder the quote must say 认定/获得/评定…, because a 小巨人 is also paid for
 * listing or relocating, which is not what the tier benchmark compares.
 */
export function isRecognitionAward(tier: TierId | null, quote: string): boolean {
  if (tier === null || OTHER_ACTIVITY.test(quote)) return false;
  return tierById(tier).family !== 'srdi' || RECOGNITION_WORDS.test(quote);
}

/**
 * How an award stands to its recipient's tier: `recognition` when the tier's recognition
 * triggers it (what the ladder, the home chart and the matrix compare), `other-support` when an
 * enterprise of the tier gets it for something else (listed apart, as
 * “面向该层级企业的其他支持”, never as the tier's price), null when the recipient is no tier.
 */
export type TierRole = 'recognition' | 'other-support';

export function tierRole(award: Pick<Award, 'tier' | 'recognition'>): TierRole | null {
  if (award.tier === null) return null;
  return award.recognition ? 'recognition' : 'other-support';
}

/** The heading under which a tier's other support is listed. */
export const OTHER_SUPPORT_LABEL = { zh: '面向该层级企业的其他支持', en: 'Other support for enterprises of this tier' } as const;
