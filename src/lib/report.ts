// Read what the site needs from generated/ingest-report.json: character accounting per
// source and removed boilerplate by line. The report belongs to the ingest stage; this module
// reads it defensively (unknown in, typed out) so a report without these parts still builds.
import type { BoilerplateRange } from './source-view';

export interface AccountingRow {
  file: string;
  totalChars: number;
  clauseChars: number;
  preambleChars: number;
  headingChars: number;
  metadataChars: number;
  boilerplateChars: Record<string, number>;
  unaccounted: number;
}

export interface IngestReportSummary {
  accounting: AccountingRow[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Objects anywhere in the report that describe one source file (have a string `file`). */
function fileEntries(report: unknown): Obj[] {
  const found: Obj[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(node)) for (const item of node) walk(item, depth + 1);
    else if (isObj(node)) {
      if (typeof node.file === 'string') found.push(node);
      for (const value of Object.values(node)) walk(value, depth + 1);
    }
  };
  walk(report, 0);
  return found;
}

export function summariseReport(report: unknown): IngestReportSummary | null {
  if (!report) return null;
  const accounting = fileEntries(report)
    .filter((e) => typeof e.totalChars === 'number')
    .map((e) => ({
      file: baseName(e.file as string),
      totalChars: num(e.totalChars),
      clauseChars: num(e.clauseChars),
      preambleChars: num(e.preambleChars),
      headingChars: num(e.headingChars),
      metadataChars: num(e.metadataChars),
      boilerplateChars: isObj(e.boilerplateChars)
        ? Object.fromEntries(Object.entries(e.boilerplateChars).map(([k, v]) => [k, num(v)]))
        : {},
      unaccounted: num(e.unaccounted),
    }));
  const unique = new Map(accounting.map((a) => [a.file, a]));
  return { accounting: [...unique.values()].sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/**
 * Boilerplate of one file. Reads the ingest report's `removedBoilerplate` list
 * (`{file, line, column, rule, text}`; `file` may carry the `content/sources/` prefix), where a
 * removal spans as many lines as its text has line breaks. Null when the report lists no
 * removals at all (the page then only says which lines belong to no clause).
 */
export function boilerplateFromReport(report: unknown, file: string): BoilerplateRange[] | null {
  if (!isObj(report) || !Array.isArray(report.removedBoilerplate)) return null;
  const ranges: BoilerplateRange[] = [];
  for (const item of report.removedBoilerplate) {
    if (!isObj(item) || typeof item.file !== 'string' || baseName(item.file) !== baseName(file)) continue;
    if (typeof item.rule !== 'string' || typeof item.line !== 'number') continue;
    const text = typeof item.text === 'string' ? item.text : '';
    const body = text.replace(/(\r\n|\r|\n)$/, '');
    const span = body === '' ? 0 : body.split(/\r\n|\r|\n/).length - 1;
    ranges.push({ lineStart: item.line, lineEnd: item.line + span, rule: item.rule, column: num(item.column) || 1, text });
  }
  return ranges;
}
