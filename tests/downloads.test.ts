// The CSV downloads open in Excel as text: a cell that would start a formula is neutralised.
import { describe, expect, it } from 'vitest';
import { buildDownloads, toCsv } from '../scripts/downloads';
import { award, clause, policy } from './site-fixtures';

/** RFC 4180 records (quoted cells, doubled quotes, line breaks inside quotes), without the BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  return rows;
}

const HOSTILE = ['=HYPERLINK("http://evil.example","点此")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];

describe('toCsv', () => {
  it('prefixes every cell starting with =, +, -, @, tab or CR with an apostrophe and reads back otherwise unchanged', () => {
    const rows = HOSTILE.map((text, i) => ({ id: String(i), text }));
    const back = parseCsv(toCsv(rows, ['id', 'text']));
    expect(back[0]).toEqual(['id', 'text']);
    expect(back.slice(1).map((r) => r[1])).toEqual(HOSTILE.map((text) => `'${text}`));
  });

  it('leaves ordinary cells, including ones with a formula character later on, as they are', () => {
    const back = parseCsv(toCsv([{ a: '奖励50万元 = 一次性', b: 'a-b', c: '' }], ['a', 'b', 'c']));
    expect(back[1]).toEqual(['奖励50万元 = 一次性', 'a-b', '']);
  });

  it('neutralises hostile clause text and sidecar fields in every CSV download', () => {
    const p = policy({ id: 'hostile', city: { zh: '@长沙', slug: 'changsha' }, title: '-标题', province: '+湖南省' });
    const text = `${HOSTILE[0]}，对=企业给予奖励50万元`;
    const c = clause(p, '1', text, { title: '=1+1' }, (id, t) => [award(id, 1, t, '奖励50万元', { recipient: '=企业', amountYuan: 500_000 })]);
    const files = buildDownloads([c], [p]);
    const csvs = [...files.keys()].filter((name) => name.endsWith('.csv'));
    expect(csvs).toEqual(['data/clauses.csv', 'data/awards.csv', 'data/targets.csv', 'data/policies.csv']);
    const awards = parseCsv(files.get('data/awards.csv')!);
    expect(awards[1]![awards[0]!.indexOf('recipient')]).toBe("'=企业");
    for (const name of csvs) {
      for (const row of parseCsv(files.get(name)!).slice(1)) {
        for (const cell of row) expect(cell, `${name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const clauses = parseCsv(files.get('data/clauses.csv')!);
    const header = clauses[0]!;
    expect(clauses[1]![header.indexOf('text')]).toBe(`'${text}`);
    expect(clauses[1]![header.indexOf('city')]).toBe('\'@长沙');
  });
});
