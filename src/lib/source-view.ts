// The raw source text as numbered lines, each annotated with where its characters went.
import type { Clause } from '../schema';

/** Removed boilerplate as the ingest report lists it (lines are 1-based, inclusive). */
export interface BoilerplateRange {
  lineStart: number;
  lineEnd: number;
  /** The rule that removed it, e.g. `site-footer`. */
  rule: string;
  /** 1-based column where the removed text starts (default 1). */
  column?: number;
  /** The removed characters, when known; used to tell a whole-line removal from a partial one. */
  text?: string;
}

/** Removals too small to show (they are still counted on the methodology page). */
const QUIET_RULES = new Set(['crlf', 'bom', 'edge-whitespace', 'invisible-char']);

export type LineRole = 'clause' | 'boilerplate' | 'outside' | 'blank';

export interface SourceLine {
  n: number;
  text: string;
  role: LineRole;
  /** The clause printed on this line (role `clause`). */
  clauseId?: string;
  /** True on the first line of that clause. */
  clauseStart?: boolean;
  /** Boilerplate rule (role `boilerplate`); several rules are joined with `, `. */
  rule?: string;
  /** Parts of the line removed while the rest was kept, e.g. `[bookmark: _GoBack]`. */
  partial?: { rule: string; text: string }[];
  /** For text extracted from a PDF or Word file: where the line was printed (`p. 3, l. 4–7`, `¶ 12`). */
  origin?: string;
  /** True on the first line of a new PDF page (the view marks the page break). */
  pageStart?: number;
}

/**
 * Annotate each line. `clauses` may hold clauses of any file; only locations in `file` count
 * (primary or `alsoIn`). With `boilerplate === null` (no report) lines outside clauses are
 * `outside`: the page says they belong to no clause rather than claiming they were removed.
 */
export function annotateSource(
  sourceLines: readonly string[],
  file: string,
  clauses: readonly Clause[],
  boilerplate: readonly BoilerplateRange[] | null,
  origins: readonly string[] = [],
): SourceLine[] {
  let page = 0;
  const lines: SourceLine[] = sourceLines.map((t, i) => {
    const line: SourceLine = { n: i + 1, text: t, role: t.trim() === '' ? 'blank' : 'outside' };
    const origin = origins[i];
    if (origin === undefined) return line;
    line.origin = origin;
    const first = /^pp?\. (\d+)/.exec(origin);
    if (first && Number(first[1]) > page) line.pageStart = page = Number(first[1]);
    return line;
  });
  for (const range of boilerplate ?? []) {
    if (QUIET_RULES.has(range.rule)) continue;
    const first = lines[range.lineStart - 1];
    if (!first) continue;
    const removed = range.text?.replace(/(\r\n|\r|\n)$/, '');
    const wholeLine = range.lineEnd > range.lineStart || removed === undefined || ((range.column ?? 1) === 1 && removed.trim() === first.text.trim());
    if (!wholeLine) {
      first.partial = [...(first.partial ?? []), { rule: range.rule, text: removed ?? '' }];
      continue;
    }
    for (let n = range.lineStart; n <= range.lineEnd && n <= lines.length; n++) {
      const line = lines[n - 1]!;
      if (line.role === 'blank') continue;
      line.role = 'boilerplate';
      line.rule = line.rule ? `${line.rule}, ${range.rule}` : range.rule;
    }
  }
  for (const clause of clauses) {
    for (const loc of [clause.source, ...clause.alsoIn]) {
      if (loc.file !== file) continue;
      let first = true;
      for (let n = loc.lineStart; n <= loc.lineEnd && n <= lines.length; n++) {
        const line = lines[n - 1]!;
        if (line.role === 'blank') continue;
        line.role = 'clause';
        line.clauseId = clause.id;
        if (first) line.clauseStart = true;
        first = false;
      }
    }
  }
  return lines;
}
