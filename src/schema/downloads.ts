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
  status: PolicyStatusSchema.describe("The policy's status on the build day: `in-force`, `draft` (征求意见稿), `expired`, `not-yet-in-force` or `unknown`."),
  sourceKind: z.enum(SOURCE_KINDS).describe("What kind of text the figures were read from (the policy's primary source)."),
  sourceCount: z.number().int().positive().describe("How many renditions of the policy were read (2 when an official text and a reprint agree)."),
  issued: IsoDateSchema.nullable().describe("Date of issue (印发), empty when unknown."),
  effective: IsoDateSchema.nullable().describe("First day in force (施行), empty when unknown."),
  expires: IsoDateSchema.nullable().describe("Last day in force, empty when not stated."),
});
export type PolicyContext = z.output<typeof PolicyContextSchema>;

/** One row of `data/policies.csv`: one value per cell. */
export const PolicyRowSchema = z.object({
  id: PolicySchema.shape.id.describe("Policy id, e.g. `changsha-2025-measures`."),
  city: z.string().min(1).describe("City name in Chinese, e.g. `长沙`."),
  citySlug: z.string().min(1).describe("City slug, e.g. `changsha`."),
  province: PolicySchema.shape.province.describe("Province in Chinese."),
  title: PolicySchema.shape.title.describe("Full title of the policy."),
  issuer: PolicySchema.shape.issuer.describe("Issuing body, empty when unknown."),
  docNumber: PolicySchema.shape.docNumber.describe("文号, empty when the text has none."),
  year: PolicySchema.shape.year.describe("Approximate year when no exact date is known."),
  draft: PolicySchema.shape.draft.describe("True for 征求意见稿 and other drafts."),
  ...PolicyContextSchema.shape,
  primarySource: z.string().min(1).describe("File name of the primary source under `content/sources/`."),
  publisher: z.string().min(1).nullable().describe("Publisher of the primary source, empty when unknown."),
  url: z.string().nullable().describe("URL of the primary source, empty when unknown."),
  clauseCount: z.number().int().nonnegative().describe("Number of clauses parsed from the policy."),
  ...ReleaseColumnsSchema.shape,
});
export type PolicyRow = z.output<typeof PolicyRowSchema>;

/** One row of `data/clauses.csv`: one value per cell. */
export const ClauseRowSchema = z.object({
  id: ClauseSchema.shape.id.describe("Permalink id `<policyId>/<path>`."),
  policyId: ClauseSchema.shape.policyId.describe("The policy the clause belongs to."),
  city: ClauseSchema.shape.city.describe("City name in Chinese."),
  citySlug: ClauseSchema.shape.citySlug.describe("City slug."),
  ...PolicyContextSchema.shape,
  number: ClauseSchema.shape.number.describe("The number as printed, e.g. `（三）`."),
  path: ClauseSchema.shape.path.describe("Dotted number path, e.g. `2.2.3`."),
  ordinal: ClauseSchema.shape.ordinal.describe("Position in the policy, from 1."),
  title: ClauseSchema.shape.title.describe("The clause's own heading (its first phrase when it has none)."),
  text: ClauseSchema.shape.text.describe("The clause text as printed, without the 责任单位 bracket."),
  departmentsText: ClauseSchema.shape.departmentsText.describe("The 责任单位 bracket as printed, empty when none."),
  primaryCategory: ClauseSchema.shape.primaryCategory.describe("The primary category id."),
  categories: z.string().describe("Every category id, primary first, separated by `; `."),
  sourceFile: z.string().min(1).describe("Source file of the shown rendition."),
  lineStart: z.number().int().positive().describe("First line of the clause in that file."),
  lineEnd: z.number().int().positive().describe("Last line of the clause in that file."),
  awardCount: z.number().int().nonnegative().describe("Number of awards extracted from the clause."),
  targetCount: z.number().int().nonnegative().describe("Number of targets extracted from the clause."),
  ...ReleaseColumnsSchema.shape,
});
export type ClauseRow = z.output<typeof ClauseRowSchema>;

/** One row of `data/awards.json|csv`: an award with its clause and policy facts. */
export const AwardRowSchema = z.object({
  id: AwardSchema.shape.id.describe("Award id `<clauseId>#a<n>`."),
  policyId: ClauseSchema.shape.policyId.describe("The policy the award belongs to."),
  clauseId: ClauseSchema.shape.id.describe("Id of the clause the award comes from (its permalink id)."),
  city: ClauseSchema.shape.city.describe("City name in Chinese."),
  citySlug: ClauseSchema.shape.citySlug.describe("City slug."),
  ...PolicyContextSchema.shape,
  amountYuan: AwardSchema.shape.amountYuan.describe("Amount in whole yuan: the sum, the ceiling for `cap`, the cap of a ratio; empty when none is stated."),
  kind: AwardSchema.shape.kind.describe("How the amount is meant: `fixed`, `cap`, `ratio`, `matching`, `fee-reduction`, `non-monetary`, `unquantified`."),
  ratioPercent: AwardSchema.shape.ratioPercent.describe("The share for ratio, matching and fee-reduction awards, in percent."),
  ratioBase: AwardSchema.shape.ratioBase.describe("What the ratio applies to, as written."),
  frequency: AwardSchema.shape.frequency.describe("How often it is paid."),
  form: AwardSchema.shape.form.describe("The award word as written (奖励, 补助, …)."),
  recipient: AwardSchema.shape.recipient.describe("Who receives it, as written."),
  tier: AwardSchema.shape.tier.describe("Canonical recognition tier of the recipient."),
  recognition: AwardSchema.shape.recognition.describe("True when paid for attaining `tier` itself; false when an enterprise of the tier is paid for something else (上市, 迁入)."),
  reason: AwardSchema.shape.reason.describe("For unquantified awards: why there is no amount."),
  reference: AwardSchema.shape.reference.describe("For delegated awards: the document the amount is delegated to."),
  primaryCategory: ClauseSchema.shape.primaryCategory.describe("Primary category of the clause."),
  quote: AwardSchema.shape.quote.describe("The exact words of the clause that state the award."),
  spanStart: z.number().int().nonnegative().describe("Offset of the quote in the clause text (start, inclusive)."),
  spanEnd: z.number().int().nonnegative().describe("Offset of the quote in the clause text (end, exclusive)."),
  ...ReleaseColumnsSchema.shape,
});
export type AwardRow = z.output<typeof AwardRowSchema>;

/** One row of `data/targets.json|csv`. */
export const TargetRowSchema = z.object({
  id: TargetSchema.shape.id.describe("Target id `<clauseId>#t<n>`."),
  policyId: ClauseSchema.shape.policyId.describe("The policy the target belongs to."),
  clauseId: ClauseSchema.shape.id.describe("Id of the clause the target comes from."),
  city: ClauseSchema.shape.city.describe("City name in Chinese."),
  citySlug: ClauseSchema.shape.citySlug.describe("City slug."),
  ...PolicyContextSchema.shape,
  metric: TargetSchema.shape.metric.describe("What is counted, as written."),
  value: TargetSchema.shape.value.describe("The number, in `unit`."),
  unit: TargetSchema.shape.unit.describe("The counting unit as written."),
  year: TargetSchema.shape.year.describe("The target year when stated."),
  annual: TargetSchema.shape.annual.describe("True for 每年… targets."),
  primaryCategory: ClauseSchema.shape.primaryCategory.describe("Primary category of the clause."),
  quote: TargetSchema.shape.quote.describe("The exact words of the clause that state the target."),
  spanStart: z.number().int().nonnegative().describe("Offset of the quote in the clause text (start, inclusive)."),
  spanEnd: z.number().int().nonnegative().describe("Offset of the quote in the clause text (end, exclusive)."),
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
