import { z } from 'zod';

/** Characters of one source by where they went. Buckets are assigned, not derived: they add up to `totalChars`. */
export const SourceAccountingSchema = z.object({
  /** Source path as ingest read it, e.g. `content/sources/x.txt`. */
  file: z.string().min(1),
  totalChars: z.number().int().nonnegative(),
  clauses: z.number().int().nonnegative(),
  clauseChars: z.number().int().nonnegative(),
  preambleChars: z.number().int().nonnegative(),
  /** Headings of sections (not clauses), e.g. `二、主要工作`. */
  headingChars: z.number().int().nonnegative(),
  /** Department brackets, title/文号/date lines cross-checked against the sidecar. */
  metadataChars: z.number().int().nonnegative(),
  /** Removed boilerplate, by the rule that removed it. */
  boilerplateChars: z.record(z.string(), z.number().int().nonnegative()),
  /** Must be 0, or ingest fails. */
  unaccounted: z.number().int().nonnegative(),
  /**
   * For a PDF, web page or Word file: characters extraction left out of the text (scripts,
   * navigation, running headers, page numbers), by rule. Not part of `totalChars`, which counts
   * the extracted text; each piece is listed in `removedBoilerplate` with its `origin`.
   */
  droppedChars: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type SourceAccounting = z.output<typeof SourceAccountingSchema>;

/** One removed piece of boilerplate, with the rule that removed it. */
export const RemovedBoilerplateSchema = z.object({
  file: z.string().min(1),
  rule: z.string().min(1),
  /** 1-based place of the first removed character. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The removed characters exactly. */
  text: z.string(),
  /**
   * Set when extraction dropped the piece from a published file (it is not in the extracted
   * text): where it was, e.g. `HTML 12:3` or `p. 2, l. 1`. `line`/`column` are then the HTML's, or 1:1.
   */
  origin: z.string().optional(),
});

/** generated/extracted/<file>.json: the text extracted from a PDF, web page or Word file, with where each line came from. */
export const ExtractedSourceSchema = z.object({
  /** File name under `content/sources/`. */
  file: z.string().min(1),
  format: z.enum(['pdf', 'html', 'docx']),
  /** The text the pipeline parsed (lines end with `\n`). */
  text: z.string(),
  /** One label per line: `p. 3, l. 4–7`, `¶ 12`, `HTML 40:1 div#zoom > p`. */
  origins: z.array(z.string()),
});
export type ExtractedSource = z.output<typeof ExtractedSourceSchema>;
export type RemovedBoilerplate = z.output<typeof RemovedBoilerplateSchema>;

/** A diagnostic as the report lists it (vfile-message fields, flattened). */
export const DiagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  severity: z.enum(['error', 'warning', 'info']),
  ruleId: z.string(),
  reason: z.string(),
  hint: z.string().nullable(),
  expected: z.array(z.string()).nullable(),
  actual: z.string().nullable(),
});

/** generated/ingest-report.json: what `npm run ingest -- --json` prints. */
export const IngestReportSchema = z.object({
  /** False when ingest failed (fatal diagnostic, unaccounted characters, or warnings under --strict). */
  ok: z.boolean(),
  strict: z.boolean(),
  sources: z.array(SourceAccountingSchema),
  policies: z.array(z.object({ id: z.string(), clauses: z.number().int(), sources: z.array(z.string()) })),
  messages: z.array(DiagnosticSchema),
  removedBoilerplate: z.array(RemovedBoilerplateSchema),
});
export type IngestReport = z.output<typeof IngestReportSchema>;
