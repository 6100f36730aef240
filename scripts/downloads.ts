// The data downloads: clauses, awards and targets as JSON and as CSV (UTF-8 with BOM so Excel
// reads the Chinese), plus a JSON Schema generated from the Zod contract. `buildDownloads` is
// pure (records in, file contents out); `writeDownloads` only writes what it returns.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { AwardSchema, ClauseSchema, PolicySchema, TargetSchema, type Clause, type Policy } from '../src/schema';

/** One row of `data/awards.json|csv`: an award with the clause facts needed to chart it. */
export const AwardRowSchema = z.object({
  id: AwardSchema.shape.id,
  policyId: ClauseSchema.shape.policyId,
  clauseId: ClauseSchema.shape.id,
  city: ClauseSchema.shape.city,
  amountYuan: AwardSchema.shape.amountYuan,
  kind: AwardSchema.shape.kind,
  ratioPercent: AwardSchema.shape.ratioPercent,
  ratioBase: AwardSchema.shape.ratioBase,
  frequency: AwardSchema.shape.frequency,
  form: AwardSchema.shape.form,
  recipient: AwardSchema.shape.recipient,
  tier: AwardSchema.shape.tier,
  recognition: AwardSchema.shape.recognition,
  reason: AwardSchema.shape.reason,
  reference: AwardSchema.shape.reference,
  primaryCategory: ClauseSchema.shape.primaryCategory,
  quote: AwardSchema.shape.quote,
  span: AwardSchema.shape.span,
});
export type AwardRow = z.output<typeof AwardRowSchema>;

/** One row of `data/targets.json|csv`. */
export const TargetRowSchema = z.object({
  id: TargetSchema.shape.id,
  policyId: ClauseSchema.shape.policyId,
  clauseId: ClauseSchema.shape.id,
  city: ClauseSchema.shape.city,
  metric: TargetSchema.shape.metric,
  value: TargetSchema.shape.value,
  unit: TargetSchema.shape.unit,
  year: TargetSchema.shape.year,
  annual: TargetSchema.shape.annual,
  primaryCategory: ClauseSchema.shape.primaryCategory,
  quote: TargetSchema.shape.quote,
  span: TargetSchema.shape.span,
});
export type TargetRow = z.output<typeof TargetRowSchema>;

type Row = Record<string, unknown>;

/** Nested values with keys sorted, so output never depends on insertion order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Row)
        .sort()
        .map((k) => [k, canonical((value as Row)[k])]),
    );
  }
  return value;
}

/** A row with its top-level keys in `columns` order and nested keys sorted. */
function ordered(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, canonical(row[c] ?? null)]));
}

function byClauseOrder(a: Clause, b: Clause): number {
  return a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : a.ordinal - b.ordinal;
}

export interface DownloadRows {
  clauses: Row[];
  awards: AwardRow[];
  targets: TargetRow[];
  policies: Row[];
}

/** The rows of every download, in a stable order (policy id, then clause order, then award order). */
export function buildRows(clauses: readonly Clause[], policies: readonly Policy[]): DownloadRows {
  const sorted = [...clauses].sort(byClauseOrder);
  const clauseColumns = Object.keys(ClauseSchema.shape);
  const awardColumns = Object.keys(AwardRowSchema.shape);
  const targetColumns = Object.keys(TargetRowSchema.shape);
  const policyColumns = Object.keys(PolicySchema.shape);
  return {
    clauses: sorted.map((c) => ordered(c as unknown as Row, clauseColumns)),
    awards: sorted.flatMap((c) =>
      c.awards.map((a) => ordered({ ...a, policyId: c.policyId, clauseId: c.id, city: c.city, primaryCategory: c.primaryCategory }, awardColumns) as AwardRow),
    ),
    targets: sorted.flatMap((c) =>
      c.targets.map((t) => ordered({ ...t, policyId: c.policyId, clauseId: c.id, city: c.city, primaryCategory: c.primaryCategory }, targetColumns) as TargetRow),
    ),
    policies: [...policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((p) => ordered(p as unknown as Row, policyColumns)),
  };
}

/**
 * CSV with a BOM (Excel needs it for UTF-8); objects and arrays are JSON in their cell. Every
 * cell is a string, and one starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`
 * (csv-stringify's escape_formulas, as OWASP's CSV-injection guidance says), so source text such
 * as `=HYPERLINK(…)` opens in a spreadsheet as text, never as a formula.
 */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return stringify(
    rows.map((r) => columns.map((c) => cell(r[c]))),
    { bom: true, header: true, columns: [...columns], record_delimiter: '\n', escape_formulas: true },
  );
}

/** JSON Schema of every download, generated from the Zod contract. */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: '专精特新 policy atlas downloads',
    description: 'Each file in data/ is a JSON array of the records described here; the CSV twins have the same columns, with nested values JSON-encoded.',
    files: {
      'clauses.json': { type: 'array', items: schema(ClauseSchema) },
      'awards.json': { type: 'array', items: schema(AwardRowSchema) },
      'targets.json': { type: 'array', items: schema(TargetRowSchema) },
      'policies.json': { type: 'array', items: schema(PolicySchema) },
    },
  };
}

/** Every download file's path (relative to the site root) and contents. */
export function buildDownloads(clauses: readonly Clause[], policies: readonly Policy[]): Map<string, string> {
  const rows = buildRows(clauses, policies);
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const files = new Map<string, string>();
  const tables: Array<[string, Row[], string[]]> = [
    ['clauses', rows.clauses, Object.keys(ClauseSchema.shape)],
    ['awards', rows.awards, Object.keys(AwardRowSchema.shape)],
    ['targets', rows.targets, Object.keys(TargetRowSchema.shape)],
    ['policies', rows.policies, Object.keys(PolicySchema.shape)],
  ];
  for (const [name, table, columns] of tables) {
    files.set(`data/${name}.json`, json(table));
    files.set(`data/${name}.csv`, toCsv(table, columns));
  }
  files.set('data/schema.json', json(buildJsonSchema()));
  return files;
}

/** Write the downloads under `outDir` (e.g. `dist`), each file atomically (temp, then rename). */
export async function writeDownloads(clauses: readonly Clause[], policies: readonly Policy[], outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [relative, contents] of buildDownloads(clauses, policies)) {
    const target = join(outDir, relative);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    await writeFile(temp, contents, 'utf8');
    await rename(temp, target);
    written.push(relative);
  }
  return written;
}
