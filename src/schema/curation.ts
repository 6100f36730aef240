import { z } from 'zod';
import { CategoryIdSchema } from './category';

/** An override the ingest applied: what the rules said and what the written clause now says. */
export const AppliedOverrideSchema = z.object({
  /** The clause id the override names (and the clause it changed). */
  clause: z.string().min(1),
  /** The curator's reason, as written in the curation file. */
  reason: z.string().min(1),
  /** What the keyword rules decided before the override. */
  rules: z.object({ primaryCategory: CategoryIdSchema, categories: z.array(CategoryIdSchema) }),
  /** What the written clause record says after it (`generated/data/clauses.json`). */
  result: z.object({ primaryCategory: CategoryIdSchema, categories: z.array(CategoryIdSchema) }),
});
export type AppliedOverride = z.output<typeof AppliedOverrideSchema>;

/** An override the ingest could not apply, and why. */
export const UnappliedOverrideSchema = z.object({
  /** The clause id as written, or null when the entry itself could not be read. */
  clause: z.string().nullable(),
  /** The rule id of the diagnostic ingest reported for it. */
  ruleId: z.enum(['curation-unknown-clause', 'curation-invalid']),
  /** Why it was not applied. */
  problem: z.string().min(1),
});
export type UnappliedOverride = z.output<typeof UnappliedOverrideSchema>;

/**
 * generated/curation.json: the curation overrides of this build as the pipeline applied them.
 * The site lists these, never its own reading of the curation files, so what it says was
 * applied is what the data says.
 */
export const CurationReportSchema = z.object({
  /** The curation file read (e.g. `content/curation/categories.yaml`), or null when there was none. */
  file: z.string().nullable(),
  applied: z.array(AppliedOverrideSchema),
  unapplied: z.array(UnappliedOverrideSchema),
});
export type CurationReport = z.output<typeof CurationReportSchema>;
