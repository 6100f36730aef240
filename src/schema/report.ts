import { z } from 'zod';
import { SOURCE_FORMATS } from './policy';

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

/**
 * generated/sources/<file>.json: one source's lines as the pipeline read them (the file's own
 * text, or the text extracted from a PDF, web page or Word file), so the site's source view
 * never reads content/ or splits lines a second time.
 */
export const SourceTextSchema = z.object({
  /** File name under `content/sources/`. */
  file: z.string().min(1),
  format: z.enum(SOURCE_FORMATS),
  /** The lines as decoded (line 1 first), with their printed characters and no line ends. */
  lines: z.array(z.string()),
  /** For extracted text, one label per line: `p. 3, l. 4–7`, `¶ 12`, `HTML 40:1 div#zoom > p`; empty for `txt`. */
  origins: z.array(z.string()),
});
export type SourceText = z.output<typeof SourceTextSchema>;
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
