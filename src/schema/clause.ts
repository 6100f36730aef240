import { z } from 'zod';
import { AwardSchema, TargetSchema } from './award';
import { CategoryEvidenceSchema, CategoryIdSchema } from './category';
import { DepartmentSchema } from './department';
import { TierIdSchema } from './tier';

/** Where in a source file a clause was printed (1-based, inclusive). */
export const SourceLocationSchema = z.object({
  /** File name under `content/sources/`. */
  file: z.string().min(1),
  lineStart: z.number().int().positive(),
  lineEnd: z.number().int().positive(),
  /** Where the lines were printed in a published file, for citations: `p. 3`, `pp. 3–4`, `¶ 12–14` (absent for .txt and web pages). */
  origin: z.string().min(1).optional(),
});
export type SourceLocation = z.output<typeof SourceLocationSchema>;

/** One heading above a clause, outermost first. */
export const SectionRefSchema = z.object({
  /** The marker as printed, e.g. `二、`, `（一）`, `01`. */
  marker: z.string(),
  /** The heading words after the marker. */
  title: z.string(),
});

/**
 * A clause: one numbered leaf of a policy's structure. The frontmatter of every generated
 * clause MDX file, and one row of `data/clauses.json`.
 */
export const ClauseSchema = z.object({
  /**
   * Permalink id `<policyId>/<path>`, e.g. `jiaxing-2022-opinions/2.2.3`. Built from printed
   * numbers only, so adding a clause elsewhere never changes it.
   */
  id: z.string().regex(/^[a-z0-9-]+\/[0-9]+(\.[0-9]+)*$/),
  policyId: z.string().min(1),
  /** City name in Chinese. */
  city: z.string().min(1),
  citySlug: z.string().min(1),
  /** The number as printed, e.g. `六、`, `（三十二）`, `23.`. */
  number: z.string().min(1),
  /** The numeric value of `number` (六 → 6, 三十二 → 32). */
  numberValue: z.number().int().positive(),
  /** Dotted path of printed numbers from the outermost section, e.g. `2.2.3`. */
  path: z.string().regex(/^[0-9]+(\.[0-9]+)*$/),
  /** 1-based position of the clause in its policy. */
  ordinal: z.number().int().positive(),
  /** Headings above the clause, outermost first. */
  sectionPath: z.array(SectionRefSchema),
  /** The heading phrase before the first 。 (or the heading line), without the number. */
  title: z.string(),
  /** The clause text in the source's own characters, without the number and the department bracket. */
  text: z.string().min(1),
  /** The department bracket as printed, e.g. `（责任单位：市科技局）`; null when the clause has none. */
  departmentsText: z.string().nullable(),
  departments: z.array(DepartmentSchema),
  /** The primary rendition's lines. */
  source: SourceLocationSchema,
  /** The same clause in other renditions of the policy. */
  alsoIn: z.array(SourceLocationSchema),
  primaryCategory: CategoryIdSchema,
  categories: z.array(CategoryIdSchema),
  categoryEvidence: z.array(CategoryEvidenceSchema),
  /** Tiers the clause mentions (awarded or not). */
  tiers: z.array(TierIdSchema),
  awards: z.array(AwardSchema),
  targets: z.array(TargetSchema),
});
export type Clause = z.output<typeof ClauseSchema>;
