import { z } from 'zod';
import { TierIdSchema } from './tier';

/** Character offsets into a clause's `text` (start inclusive, end exclusive). */
export const SpanSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, { message: 'span end must not precede start' });
export type Span = z.output<typeof SpanSchema>;

export const AWARD_KINDS = [
  'fixed', // 给予50万元奖励
  'cap', // 最高 / 不超过 / 最高不超过 30万元
  'ratio', // 按…的50%; may carry a cap in amountYuan
  'matching', // 1:1 配套
  'fee-reduction', // 按50%比例收取服务费用, 减半征收
  'non-monetary', // 加分, 直通资格, 人才认定
  'unquantified', // money is promised but the amount is not in this document
] as const;
export const AwardKindSchema = z.enum(AWARD_KINDS);
export type AwardKind = z.output<typeof AwardKindSchema>;

export const AWARD_FORMS = ['奖励', '补助', '补贴', '资助', '经费支持', '资金支持', '扶持', '贴息', '配套', '奖金'] as const;
export const AwardFormSchema = z.enum(AWARD_FORMS);

/**
 * The award vocabulary, in one place: scripts/ingest/extract-awards.ts builds every pattern
 * from these lists (traditional texts are folded to simplified before they are read).
 */
export const AWARD_VOCABULARY = {
  /** Words that name the money (the `form`), plus 奖补 which names no single form. */
  money: [...AWARD_FORMS, '奖补'],
  /** Verbs that grant. */
  grant: ['给予', '予以'],
  /** Words that make a sum a ceiling (`kind: cap`), or a cap on a ratio or rate. */
  cap: ['最高不超过', '最高', '不超过', '不高于', '上限为', '上限', '至多', '最多', '封顶', '可达'],
  /** Words that make a cap a total over a rate or a ratio (`总额不超过30万元`). */
  total: ['总额', '总计', '合计', '累计', '年度总额', '每年最高'],
  /** Words before a sum that make it the base a rate is counted on (`每增100万元`). */
  rateBase: ['每新增', '每增加', '每增长', '每增', '每提高', '每'],
  /** Words before a sum that make it a remainder that is not paid (`不足100万元部分`). */
  remainder: ['不足', '未满', '低于'],
} as const;

/**
 * One benefit a clause promises. Every award carries the exact words it came from, so a
 * number on a chart can be traced to the clause and the quote.
 */
export const AwardSchema = z.object({
  /** Stable id: `<clauseId>#a<n>`, n counting awards in clause order from 1. */
  id: z.string().min(1),
  /** Amount in whole yuan (万元 × 10⁴, 亿 × 10⁸). For `cap` the ceiling; for `ratio` the cap if one is given. Null when no sum is stated. */
  amountYuan: z.number().int().nonnegative().nullable(),
  /** How the amount is meant: a fixed sum, a ceiling, a share of a base, matching funds, … */
  kind: AwardKindSchema,
  /** The share for `ratio`, `matching` (1:1 → 100) and `fee-reduction` awards, in percent. */
  ratioPercent: z.number().positive().nullable(),
  /** What the ratio applies to, as written (e.g. `数字化改造采购总额`, `LPR`). */
  ratioBase: z.string().nullable(),
  /** How often the benefit is paid. Defaults to `unspecified` when the text does not say. */
  frequency: z.enum(['one-off', 'annual', 'per-person-per-time', 'unspecified']),
  /** The award word as written (奖励, 补助, …); null when the text names none. */
  form: AwardFormSchema.nullable(),
  /** Who receives it, as written in the clause. */
  recipient: z.string().nullable(),
  /** Canonical recognition tier of the recipient, when it is one. */
  tier: TierIdSchema.nullable(),
  /**
   * True when the award is paid for attaining `tier` itself (认定, 获得, 评定 …), so the tier
   * benchmark may compare it across cities; false when an enterprise of that tier is paid for
   * something else (上市, 总部迁入, 贷款贴息, 创新券).
   */
  recognition: z.boolean(),
  /** For `unquantified`: why there is no amount, e.g. `delegated-to-other-document`. */
  reason: z.enum(['delegated-to-other-document', 'amount-not-stated']).nullable(),
  /** For `unquantified` delegations: the document the amount is delegated to, as written. */
  reference: z.string().nullable(),
  /** Offsets of the quoted words in the clause text. */
  span: SpanSchema,
  /** The exact words of the clause that state this award (clause text sliced by `span`). */
  quote: z.string().min(1),
});
export type Award = z.output<typeof AwardSchema>;

/** A quantitative goal (到2025年…3万家) — never an award. */
export const TargetSchema = z.object({
  /** Stable id: `<clauseId>#t<n>`. */
  id: z.string().min(1),
  /** What is counted, as written (e.g. `创新型中小企业`). */
  metric: z.string().min(1),
  /** The number as a plain value in `unit`. */
  value: z.number().nonnegative(),
  /** The counting unit as written (家, 项, 件, 名, 亩, 场, 万元, …). */
  unit: z.string().min(1),
  /** The target year when stated (到2025年), else null; annual targets say `annual: true`. */
  year: z.number().int().nullable(),
  /** True for 每年… targets. */
  annual: z.boolean(),
  span: SpanSchema,
  quote: z.string().min(1),
});
export type Target = z.output<typeof TargetSchema>;
