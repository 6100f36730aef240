// The data downloads (scripts/site/downloads.ts) over the real corpus: one value per CSV cell, the
// policy's status on every row, columns from the row schemas in src/schema.
import { describe, expect, it } from 'vitest';
import { buildDownloads, buildRows, toCsv } from '../scripts/site/downloads';
import { AwardRowSchema, AwardSchema, ClauseDownloadSchema, ClauseRowSchema, PolicyDownloadSchema, PolicyRowSchema, TargetRowSchema, TargetSchema } from '../src/schema';
import { realOutput } from './fixtures/ingest-helpers';
import { award, clause, policy, TODAY } from './site-fixtures';

const { policies, clauses } = realOutput().result;
const made = { today: TODAY, release: realOutput().release };
const rows = buildRows(clauses, policies, made);
const files = buildDownloads(clauses, policies, made);

/** RFC 4180 as csv-stringify writes it (quoted cells, doubled quotes), read back into records by header. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') records.at(-1)!.push(cell), (cell = '');
    else if (ch === '\n') records.at(-1)!.push(cell), (cell = ''), records.push([]);
    else cell += ch;
  }
  if (records.at(-1)!.length === 0) records.pop();
  const [header, ...body] = records;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const csv = (name: string) => parseCsv(files.get(`data/${name}.csv`)!);

describe('downloads', () => {
  it('builds award rows with the clause facts and the policy status, in clause order', () => {
    const first = rows.awards.find((r) => r.clauseId === 'changsha-2025-measures/1');
    expect(first).toMatchObject({ id: 'changsha-2025-measures/1#a1', policyId: 'changsha-2025-measures', city: '长沙', citySlug: 'changsha', amountYuan: 500_000, kind: 'fixed', tier: 'little-giant', primaryCategory: 'cultivation', status: 'in-force', sourceKind: 'official-document', sourceCount: 2, effective: '2025-03-01' });
    expect(rows.awards.find((r) => r.clauseId === 'hangzhou-action-plan/2.4.10')).toMatchObject({ status: 'draft', recognition: false });
    expect(rows.awards.map((r) => r.policyId)).toEqual([...rows.awards.map((r) => r.policyId)].sort());
  });

  it('gives award and target rows every flat field of an Award and a Target, and the span as two columns', () => {
    for (const field of Object.keys(AwardSchema.shape).filter((f) => f !== 'span')) expect(Object.keys(rows.awards[0]!)).toContain(field);
    for (const field of Object.keys(TargetSchema.shape).filter((f) => f !== 'span')) expect(Object.keys(rows.targets[0]!)).toContain(field);
    const a = rows.awards[0]!;
    expect(clauses.flatMap((c) => c.awards).find((x) => x.id === a.id)!.span).toEqual({ start: a.spanStart, end: a.spanEnd });
  });

  it('fits every row to its schema', () => {
    for (const r of rows.awards) AwardRowSchema.parse(r);
    for (const r of rows.targets) TargetRowSchema.parse(r);
    for (const r of rows.clauseRows) ClauseRowSchema.parse(r);
    for (const r of rows.policyRows) PolicyRowSchema.parse(r);
    for (const r of rows.clauses) ClauseDownloadSchema.parse(r);
    for (const r of rows.policies) PolicyDownloadSchema.parse(r);
  });

  it('puts one value per cell in every CSV: no JSON object or array in any cell', () => {
    for (const name of ['clauses', 'awards', 'targets', 'policies']) {
      const table = csv(name);
      expect(table.length, name).toBeGreaterThan(0);
      for (const row of table) for (const [column, cell] of Object.entries(row)) expect(cell, `${name}.${column}`).not.toMatch(/^\s*[{[]/);
    }
  });

  it('gives policies.csv the city name and slug apart, status, source kind, source count and the dates', () => {
    const table = csv('policies');
    expect(Object.keys(table[0]!)).toEqual(Object.keys(PolicyRowSchema.shape));
    const changsha = table.find((r) => r.id === 'changsha-2025-measures')!;
    expect(changsha).toMatchObject({ city: '长沙', citySlug: 'changsha', status: 'in-force', sourceKind: 'official-document', sourceCount: '2', effective: '2025-03-01', expires: '2028-02-29' });
    expect(table.find((r) => r.id === 'hangzhou-action-plan')).toMatchObject({ status: 'draft', issued: '' });
    expect(table.find((r) => r.id === 'jiaxing-2022-opinions')).toMatchObject({ status: 'unknown', sourceKind: 'consultancy-article' });
  });

  it('gives clauses.csv the status and the categories as one text cell', () => {
    const table = csv('clauses');
    expect(Object.keys(table[0]!)).toEqual(Object.keys(ClauseRowSchema.shape));
    const row = table.find((r) => r.id === 'shenzhen-2022-measures/1.1')!;
    expect(row.status).toBe('draft');
    expect(row.categories!.split('; ')).toContain(row.primaryCategory);
  });

  it('stamps every row of every file with the data version and the build day', () => {
    for (const name of ['clauses', 'awards', 'targets', 'policies']) {
      for (const row of csv(name)) expect(row, name).toMatchObject({ dataVersion: made.release.dataVersion, built: TODAY });
      for (const row of JSON.parse(files.get(`data/${name}.json`)!) as object[]) expect(row, name).toMatchObject({ dataVersion: made.release.dataVersion, built: TODAY });
    }
    expect(JSON.parse(files.get('data/release.json')!)).toMatchObject({ dataVersion: made.release.dataVersion, built: TODAY });
  });

  it('writes CSV with a BOM and JSON-encodes a nested value only when a caller passes one', () => {
    const text = toCsv([{ a: '长沙', b: { start: 1, end: 2 }, c: null }], ['a', 'b', 'c']);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFa,b,c\n长沙,"{""start"":1,""end"":2}",\n');
  });

  it('is deterministic whatever order the records arrive in, and includes a JSON Schema of every file', () => {
    const b = buildDownloads([...clauses].reverse(), [...policies].reverse(), made);
    expect([...files.keys()].sort()).toEqual(['data/awards.csv', 'data/awards.json', 'data/clauses.csv', 'data/clauses.json', 'data/policies.csv', 'data/policies.json', 'data/release.json', 'data/schema.json', 'data/targets.csv', 'data/targets.json']);
    for (const [k, v] of files) expect(b.get(k), k).toBe(v);
    const schema = JSON.parse(files.get('data/schema.json')!);
    expect(schema.files['awards.json'].items.properties.kind.enum).toContain('fee-reduction');
    expect(schema.files['policies.csv'].items.properties.status.enum).toContain('draft');
  });
});

// The CSV downloads open in Excel as text: a cell that would start a formula is neutralised.
const HOSTILE = ['=HYPERLINK("http://evil.example","点此")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];

describe('toCsv', () => {
  it('prefixes every cell starting with =, +, -, @, tab or CR with an apostrophe and reads back otherwise unchanged', () => {
    const rows = HOSTILE.map((text, i) => ({ id: String(i), text }));
    const back = parseCsv(toCsv(rows, ['id', 'text']));
    expect(back.map((r) => r.text)).toEqual(HOSTILE.map((text) => `'${text}`));
  });

  it('leaves ordinary cells, including ones with a formula character later on, as they are', () => {
    const back = parseCsv(toCsv([{ a: '奖励50万元 = 一次性', b: 'a-b', c: '' }], ['a', 'b', 'c']));
    expect(back).toEqual([{ a: '奖励50万元 = 一次性', b: 'a-b', c: '' }]);
  });

  it('neutralises hostile clause text and sidecar fields in every CSV download', () => {
    const p = policy({ id: 'hostile', city: { zh: '@长沙', slug: 'changsha' }, title: '-标题', province: '+湖南省' });
    const text = `${HOSTILE[0]}，对=企业给予奖励50万元`;
    const c = clause(p, '1', text, { title: '=1+1' }, (id, t) => [award(id, 1, t, '奖励50万元', { recipient: '=企业', amountYuan: 500_000 })]);
    const files = buildDownloads([c], [p], made);
    const csvs = [...files.keys()].filter((name) => name.endsWith('.csv'));
    expect(csvs).toEqual(['data/clauses.csv', 'data/awards.csv', 'data/targets.csv', 'data/policies.csv']);
    expect(parseCsv(files.get('data/awards.csv')!)[0]!.recipient).toBe("'=企业");
    for (const name of csvs) {
      for (const row of parseCsv(files.get(name)!)) {
        for (const cell of Object.values(row)) expect(cell, `${name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const [row] = parseCsv(files.get('data/clauses.csv')!);
    expect(row!.text).toBe(`'${text}`);
    expect(row!.city).toBe("'@长沙");
  });
});
