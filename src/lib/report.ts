// What the site shows of generated/ingest-report.json: character accounting per source and
// removed boilerplate by line. The report's shape is IngestReportSchema, the same schema
// ingest validated it against before writing.
import { IngestReportSchema, type IngestReport, type SourceAccounting } from '../schema';
import type { BoilerplateRange } from './source-view';

export interface IngestReportSummary {
  /** One row per source, by file name, sorted. */
  accounting: SourceAccounting[];
}

/** The report, or null when there is none or it does not match the schema (an older ingest). */
export function parseReport(raw: unknown): IngestReport | null {
  const parsed = IngestReportSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

export function summariseReport(report: IngestReport | null): IngestReportSummary | null {
  if (!report) return null;
  const accounting = report.sources
    .map((a) => ({ ...a, file: baseName(a.file) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { accounting };
}

/**
 * Boilerplate of one file as line ranges: a removal spans as many lines as its text has line
 * breaks. Null when there is no report (the page then only says which lines belong to no clause).
 */
export function boilerplateFromReport(report: IngestReport | null, file: string): BoilerplateRange[] | null {
  if (!report) return null;
  return report.removedBoilerplate
    // Pieces extraction dropped are not lines of the extracted text; the page lists them apart.
    .filter((item) => baseName(item.file) === baseName(file) && item.origin === undefined)
    .map((item) => {
      const body = item.text.replace(/(\r\n|\r|\n)$/, '');
      const span = body === '' ? 0 : body.split(/\r\n|\r|\n/).length - 1;
      return { lineStart: item.line, lineEnd: item.line + span, rule: item.rule, column: item.column, text: item.text };
    });
}
