// The data downloads: policies, clauses, awards and targets as JSON and as CSV (UTF-8 with BOM
// so Excel reads the Chinese; one value per cell, with the policy's status, source kind and
// dates on every row), plus a JSON Schema generated from the row schemas in src/schema. `buildDownloads` is
// pure (records in, file contents out); `writeDownloads` only writes what it returns.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import {
  AwardRowSchema,
  ClauseDownloadSchema,
  ClauseRowSchema,
  PolicyDownloadSchema,
  PolicyRowSchema,
  ReleaseSchema,
  TargetRowSchema,
  type AwardRow,
  type Clause,
  type Policy,
  type PolicyContext,
  type Release,
  type ReleaseColumns,
  type TargetRow,
} from '../../src/schema';
import { provenance } from '../../src/lib/status';
import { sortKeys } from '../stable-json';

type Row = Record<string, unknown>;

/** A row with its top-level keys in `columns` order and nested keys sorted. */
function ordered(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, sortKeys(row[c] ?? null)]));
}

function byClauseOrder(a: Clause, b: Clause): number {
  return a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : a.ordinal - b.ordinal;
}

export interface DownloadRows {
  /** data/clauses.json: full clause records with their policy's status and dates. */
  clauses: Row[];
  /** data/clauses.csv: one value per cell. */
  clauseRows: Row[];
  awards: AwardRow[];
  targets: TargetRow[];
  /** data/policies.json: full policy records with their status. */
  policies: Row[];
  /** data/policies.csv: one value per cell. */
  policyRows: Row[];
}

/** The status (on `today`), source kind and dates of a policy, as every row repeats them. */
function policyContext(policy: Policy, today: string): PolicyContext {
  const { status, sourceKind, sourceCount } = provenance(policy, today);
  return { status, sourceKind, sourceCount, issued: policy.issued, effective: policy.effective, expires: policy.expires };
}

/** What every download is made from and when: the build day and the data version (generated/release.json). */
export interface DownloadRelease {
  /** The build day statuses are computed for (YYYY-MM-DD). */
  today: string;
  release: Release;
}

/** generated/release.json, validated. */
export async function readRelease(generatedDir: string): Promise<Release> {
  return ReleaseSchema.parse(JSON.parse(await readFile(join(generatedDir, 'release.json'), 'utf8')));
}

/**
 * The rows of every download, in a stable order (policy id, then clause order, then award
 * order), each with the policy's status on the build day and the data version.
 */
export function buildRows(clauses: readonly Clause[], policies: readonly Policy[], { today, release }: DownloadRelease): DownloadRows {
  const sorted = [...clauses].sort(byClauseOrder);
  const stamp: ReleaseColumns = { dataVersion: release.dataVersion, built: today };
  const contextById = new Map(policies.map((p) => [p.id, { ...policyContext(p, today), ...stamp }]));
  const contextOf = (c: Clause): PolicyContext & ReleaseColumns => {
    const found = contextById.get(c.policyId);
    if (!found) throw new Error(`Clause \`${c.id}\` names policy \`${c.policyId}\`, which is not among the policies given`);
    return found;
  };
  const columns = (schema: { shape: object }) => Object.keys(schema.shape);
  /** What an award or target row repeats of its clause and policy, and where in the clause it is. */
  const clauseFacts = (c: Clause, span: { start: number; end: number }) => ({
    ...contextOf(c),
    policyId: c.policyId,
    clauseId: c.id,
    city: c.city,
    citySlug: c.citySlug,
    primaryCategory: c.primaryCategory,
    spanStart: span.start,
    spanEnd: span.end,
  });
  const clauseCounts = new Map<string, number>();
  for (const c of sorted) clauseCounts.set(c.policyId, (clauseCounts.get(c.policyId) ?? 0) + 1);
  const byId = [...policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    clauses: sorted.map((c) => ordered({ ...c, ...contextOf(c) }, columns(ClauseDownloadSchema))),
    clauseRows: sorted.map((c) =>
      ordered(
        {
          ...c,
          ...contextOf(c),
          categories: c.categories.join('; '),
          sourceFile: c.source.file,
          lineStart: c.source.lineStart,
          lineEnd: c.source.lineEnd,
          awardCount: c.awards.length,
          targetCount: c.targets.length,
        },
        columns(ClauseRowSchema),
      ),
    ),
    awards: sorted.flatMap((c) => c.awards.map((a) => ordered({ ...a, ...clauseFacts(c, a.span) }, columns(AwardRowSchema)) as AwardRow)),
    targets: sorted.flatMap((c) => c.targets.map((t) => ordered({ ...t, ...clauseFacts(c, t.span) }, columns(TargetRowSchema)) as TargetRow)),
    policies: byId.map((p) => ordered({ ...p, status: policyContext(p, today).status, ...stamp }, columns(PolicyDownloadSchema))),
    policyRows: byId.map((p) => {
      const primary = p.sources.find((s) => s.primary) ?? p.sources[0]!;
      return ordered(
        {
          ...p,
          ...policyContext(p, today),
          ...stamp,
          city: p.city.zh,
          citySlug: p.city.slug,
          primarySource: primary.file,
          publisher: primary.publisher,
          url: primary.url,
          clauseCount: clauseCounts.get(p.id) ?? 0,
        },
        columns(PolicyRowSchema),
      );
    }),
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
    description:
      'Each file in data/ is a JSON array of the records described here, or a CSV table with one value per cell. awards and targets are flat in both; clauses.json and policies.json are the full records, and their CSV twins flatten them (same names where a field is flat).',
    files: {
      'clauses.json': { type: 'array', items: schema(ClauseDownloadSchema) },
      'clauses.csv': { type: 'array', items: schema(ClauseRowSchema) },
      'awards.json': { type: 'array', items: schema(AwardRowSchema) },
      'awards.csv': { type: 'array', items: schema(AwardRowSchema) },
      'targets.json': { type: 'array', items: schema(TargetRowSchema) },
      'targets.csv': { type: 'array', items: schema(TargetRowSchema) },
      'policies.json': { type: 'array', items: schema(PolicyDownloadSchema) },
      'policies.csv': { type: 'array', items: schema(PolicyRowSchema) },
      'release.json': schema(ReleaseSchema.extend({ built: z.string() })),
    },
  };
}

/** Every download file's path (relative to the site root) and contents. */
export function buildDownloads(clauses: readonly Clause[], policies: readonly Policy[], made: DownloadRelease): Map<string, string> {
  const rows = buildRows(clauses, policies, made);
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const files = new Map<string, string>();
  // name, JSON records, CSV rows (one value per cell) and their columns.
  const tables: Array<[string, Row[], Row[], string[]]> = [
    ['clauses', rows.clauses, rows.clauseRows, Object.keys(ClauseRowSchema.shape)],
    ['awards', rows.awards, rows.awards, Object.keys(AwardRowSchema.shape)],
    ['targets', rows.targets, rows.targets, Object.keys(TargetRowSchema.shape)],
    ['policies', rows.policies, rows.policyRows, Object.keys(PolicyRowSchema.shape)],
  ];
  for (const [name, records, table, columns] of tables) {
    files.set(`data/${name}.json`, json(records));
    files.set(`data/${name}.csv`, toCsv(table, columns));
  }
  files.set('data/schema.json', json(buildJsonSchema()));
  files.set('data/release.json', json({ built: made.today, ...made.release }));
  return files;
}

/** Write the downloads under `outDir` (e.g. `dist`), each file atomically (temp, then rename). */
export async function writeDownloads(clauses: readonly Clause[], policies: readonly Policy[], outDir: string, made: DownloadRelease): Promise<string[]> {
  const written: string[] = [];
  for (const [relative, contents] of buildDownloads(clauses, policies, made)) {
    const target = join(outDir, relative);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    await writeFile(temp, contents, 'utf8');
    await rename(temp, target);
    written.push(relative);
  }
  return written;
}
