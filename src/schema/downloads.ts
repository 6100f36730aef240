import { z } from 'zod';
import { AwardSchema, TargetSchema } from './award';
import { ClauseSchema } from './clause';
import { IsoDateSchema } from './date';
import { IdSchema, PolicySchema, SOURCE_KINDS } from './policy';
import { ReleaseColumnsSchema } from './release';

/** A policy's status on the build day: computed from its dates, never stored in the sources. */
export const PolicyStatusSchema = z.enum(['draft', 'in-force', 'not-yet-in-force', 'expired', 'unknown']);
export type PolicyStatus = z.output<typeof PolicyStatusSchema>;

/**
 * Facts of the policy a download row belongs to, repeated on every clause, award and target
 * row so each file stands alone and a figure is never read without its status.
 */
export const PolicyContextSchema = z.object({
  /** The policy's status on the build day: `in-force`, `draft` (征求意见稿), `expired`, `not-yet-in-force` or `unknown`. */
  status: PolicyStatusSchema,
  /** What kind of text the figures were read from (the policy's primary source). */
  sourceKind: z.enum(SOURCE_KINDS),
  /** How many renditions of the policy were read (2 when an official text and a reprint agree). */
  sourceCount: z.number().int().positive(),
  /** Date of issue (印发), empty when unknown. */
  issued: IsoDateSchema.nullable(),
  /** First day in force (施行), empty when unknown. */
  effective: IsoDateSchema.nullable(),
  /** Last day in force, empty when not stated. */
  expires: IsoDateSchema.nullable(),
});
export type PolicyContext = z.output<typeof PolicyContextSchema>;

/** One row of `data/policies.csv`: one value per cell. */
export const PolicyRowSchema = z.object({
  /** Policy id, e.g. `changsha-2025-measures`. */
  id: PolicySchema.shape.id,
  /** City name in Chinese, e.g. `长沙`. */
  city: z.string().min(1),
  /** City slug, e.g. `changsha`. */
  citySlug: z.string().min(1),
  /** Province in Chinese. */
  province: PolicySchema.shape.province,
  /** Full title of the policy. */
  title: PolicySchema.shape.title,
  /** Issuing body, empty when unknown. */
  issuer: PolicySchema.shape.issuer,
  /** 文号, empty when the text has none. */
  docNumber: PolicySchema.shape.docNumber,
  /** Approximate year when no exact date is known. */
  year: PolicySchema.shape.year,
  /** True for 征求意见稿 and other drafts. */
  draft: PolicySchema.shape.draft,
  ...PolicyContextSchema.shape,
  /** File name of the primary source under `content/sources/`. */
  primarySource: z.string().min(1),
  /** Publisher of the primary source, empty when unknown. */
  publisher: z.string().min(1).nullable(),
  /** URL of the primary source, empty when unknown. */
  url: z.string().nullable(),
  /** Number of clauses parsed from the policy. */
  clauseCount: z.number().int().nonnegative(),
  ...ReleaseColumnsSchema.shape,
});
export type PolicyRow = z.output<typeof PolicyRowSchema>;

/** One row of `data/clauses.csv`: one value per cell. */
export const ClauseRowSchema = z.object({
  /** Permalink id `<policyId>/<path>`. */
  id: ClauseSchema.shape.id,
  /** The policy the clause belongs to. */
  policyId: ClauseSchema.shape.policyId,
  /** City name in Chinese. */
  city: ClauseSchema.shape.city,
  /** City slug. */
  citySlug: ClauseSchema.shape.citySlug,
  ...PolicyContextSchema.shape,
  /** The number as printed, e.g. `（三）`. */
  number: ClauseSchema.shape.number,
  /** Dotted number path, e.g. `2.2.3`. */
  path: ClauseSchema.shape.path,
  /** Position in the policy, from 1. */
  ordinal: ClauseSchema.shape.ordinal,
  /** The clause's own heading (its first phrase when it has none). */
  title: ClauseSchema.shape.title,
  /** The clause text as printed, without the 责任单位 bracket. */
  text: ClauseSchema.shape.text,
  /** The 责任单位 bracket as printed, empty when none. */
  departmentsText: ClauseSchema.shape.departmentsText,
  /** The primary category id. */
  primaryCategory: ClauseSchema.shape.primaryCategory,
  /** Every category id, primary first, separated by `; `. */
  categories: z.string(),
  /** Source file of the shown rendition. */
  sourceFile: z.string().min(1),
  /** First line of the clause in that file. */
  lineStart: z.number().int().positive(),
  /** Last line of the clause in that file. */
  lineEnd: z.number().int().positive(),
  /** Number of awards extracted from the clause. */
  awardCount: z.number().int().nonnegative(),
  /** Number of targets extracted from the clause. */
  targetCount: z.number().int().nonnegative(),
  ...ReleaseColumnsSchema.shape,
});
export type ClauseRow = z.output<typeof ClauseRowSchema>;

/** One row of `data/awards.json|csv`: an award with its clause and policy facts. */
export const AwardRowSchema = z.object({
  /** Award id `<clauseId>#a<n>`. */
  id: AwardSchema.shape.id,
  /** The policy the award belongs to. */
  policyId: ClauseSchema.shape.policyId,
  /** Id of the clause the award comes from (its permalink id). */
  clauseId: ClauseSchema.shape.id,
  /** City name in Chinese. */
  city: ClauseSchema.shape.city,
  /** City slug. */
  citySlug: ClauseSchema.shape.citySlug,
  ...PolicyContextSchema.shape,
  /** Amount in whole yuan: the sum, the ceiling for `cap`, the cap of a ratio; empty when none is stated. */
  amountYuan: AwardSchema.shape.amountYuan,
  /** How the amount is meant: `fixed`, `cap`, `ratio`, `matching`, `fee-reduction`, `non-monetary`, `unquantified`. */
  kind: AwardSchema.shape.kind,
  /** The share for ratio, matching and fee-reduction awards, in percent. */
  ratioPercent: AwardSchema.shape.ratioPercent,
  /** What the ratio applies to, as written. */
  ratioBase: AwardSchema.shape.ratioBase,
  /** How often it is paid. */
  frequency: AwardSchema.shape.frequency,
  /** The award word as written (奖励, 补助, …). */
  form: AwardSchema.shape.form,
  /** Who receives it, as written. */
  recipient: AwardSchema.shape.recipient,
  /** Canonical recognition tier of the recipient. */
  tier: AwardSchema.shape.tier,
  /** True when paid for attaining `tier` itself; false when an enterprise of the tier is paid for something else (上市, 迁入). */
  recognition: AwardSchema.shape.recognition,
  /** For unquantified awards: why there is no amount. */
  reason: AwardSchema.shape.reason,
  /** For delegated awards: the document the amount is delegated to. */
  reference: AwardSchema.shape.reference,
  /** Primary category of the clause. */
  primaryCategory: ClauseSchema.shape.primaryCategory,
  /** The exact words of the clause that state the award. */
  quote: AwardSchema.shape.quote,
  /** Offset of the quote in the clause text (start, inclusive). */
  spanStart: z.number().int().nonnegative(),
  /** Offset of the quote in the clause text (end, exclusive). */
  spanEnd: z.number().int().nonnegative(),
  ...ReleaseColumnsSchema.shape,
});
export type AwardRow = z.output<typeof AwardRowSchema>;

/** One row of `data/targets.json|csv`. */
export const TargetRowSchema = z.object({
  /** Target id `<clauseId>#t<n>`. */
  id: TargetSchema.shape.id,
  /** The policy the target belongs to. */
  policyId: ClauseSchema.shape.policyId,
  /** Id of the clause the target comes from. */
  clauseId: ClauseSchema.shape.id,
  /** City name in Chinese. */
  city: ClauseSchema.shape.city,
  /** City slug. */
  citySlug: ClauseSchema.shape.citySlug,
  ...PolicyContextSchema.shape,
  /** What is counted, as written. */
  metric: TargetSchema.shape.metric,
  /** The number, in `unit`. */
  value: TargetSchema.shape.value,
  /** The counting unit as written. */
  unit: TargetSchema.shape.unit,
  /** The target year when stated. */
  year: TargetSchema.shape.year,
  /** True for 每年… targets. */
  annual: TargetSchema.shape.annual,
  /** Primary category of the clause. */
  primaryCategory: ClauseSchema.shape.primaryCategory,
  /** The exact words of the clause that state the target. */
  quote: TargetSchema.shape.quote,
  /** Offset of the quote in the clause text (start, inclusive). */
  spanStart: z.number().int().nonnegative(),
  /** Offset of the quote in the clause text (end, exclusive). */
  spanEnd: z.number().int().nonnegative(),
  ...ReleaseColumnsSchema.shape,
});
export type TargetRow = z.output<typeof TargetRowSchema>;

/** One record of `data/clauses.json`: the full clause record with its policy's status and dates, and the data version. */
export const ClauseDownloadSchema = ClauseSchema.extend({ ...PolicyContextSchema.shape, ...ReleaseColumnsSchema.shape });
/**
 * One record of `data/policies.json`: the full policy record with its status on the build day, and
 * the data version. Every record has every field, so the version links are null when absent.
 */
export const PolicyDownloadSchema = PolicySchema.extend({
  /** Id of the earlier policy this one replaces; null when it names none. */
  supersedes: IdSchema.nullable(),
  /** Id of the draft this policy is the adopted form of; null when it names none. */
  adoptsDraft: IdSchema.nullable(),
  status: PolicyStatusSchema,
  ...ReleaseColumnsSchema.shape,
});
