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

/**
 * The rules by which characters of a source are set aside, each with what it removes: the
 * boilerplate rules of the ingest (scripts/ingest/boilerplate.ts) and what extraction drops from
 * a PDF, web page or Word file (scripts/ingest/unpack*.ts). Every removed piece names one.
 */
export const BOILERPLATE_RULES = {
  bom: 'byte-order mark at the start of the file',
  crlf: 'the CR of a CR LF line ending',
  'blank-line': 'a line of nothing but spaces, NBSP or ideographic spaces',
  'edge-whitespace': 'spaces before the first or after the last visible character of a line',
  'invisible-char': 'control and zero-width characters inside a line',
  'word-residue': 'export residue such as `[bookmark: _GoBack]`',
  'page-number': 'a PDF page number, on a line of its own (`— 2 —`, `- 3 -`, `第4页 共9页`) or in a page margin',
  'site-footer': 'web page footer: copyright, 版权所有, ICP 备案号',
  'prev-next-nav': 'web page links to the previous/next article (上一篇/下一篇)',
  'source-credit': 'web page credit line (信息来源/来源/发布时间/作者)',
  'site-nav': 'web page navigation: short lines without punctuation before the title',
  'site-headline': "the hosting article's own headline before the policy title",
  'site-header': 'other web page header lines before the policy title',
  'cover-page': 'cover page of an official notice: serial code, masthead, 印发…的通知, addressees, 此件主动公开',
  'cc-block': '抄送 distribution block after the last clause',
  'print-block': 'the printing office (印发机关) line of the 印发 footer',
  commentary: 'text after the last clause that is not part of the policy (article commentary)',
} as const;
export type BoilerplateRule = keyof typeof BOILERPLATE_RULES;

export const DROP_RULES = {
  'html-script': 'scripts, inline event handlers, `javascript:` link targets, <noscript> and <template>',
  'html-style': 'style sheets',
  'html-embed': 'embedded frames and objects (<iframe>, <frame>, <object>, <embed>)',
  'html-navigation': 'page navigation, header and footer outside the article (<nav>, <header>, <footer>, <aside>), forms and buttons',
  'html-head': 'the page <head> (its <title> repeats the policy title)',
  'html-comment': 'HTML comments (invisible on the page)',
  'html-hidden': 'elements the page never shows (`hidden`, inline `display: none` or `visibility: hidden`)',
  'html-image': 'images (their alt text is listed)',
  'docx-image': 'images in the Word file (their alt text is listed)',
  'running-header': 'a line repeated at the top of most PDF pages',
  'running-footer': 'a line repeated at the bottom of most PDF pages',
  'rotated-text': 'text drawn at an angle on an otherwise upright PDF page (a stamp, a watermark)',
} as const;
export type DropRule = keyof typeof DROP_RULES | 'page-number';

/** Any rule a removed piece may name. */
export const RemovalRuleSchema = z.enum([...Object.keys(BOILERPLATE_RULES), ...Object.keys(DROP_RULES)] as unknown as [BoilerplateRule | DropRule, ...(BoilerplateRule | DropRule)[]]);
export type RemovalRule = z.output<typeof RemovalRuleSchema>;

/** One removed piece of boilerplate, with the rule that removed it. */
export const RemovedBoilerplateSchema = z.object({
  file: z.string().min(1),
  rule: RemovalRuleSchema,
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
