// Golden clause lists, one per policy, checked by hand against the source texts: number as
// printed, title, path, section markers, and the first and last 8 characters of the text
// (which pins every clause boundary). Regenerate only on purpose: `UPDATE=1 npx vitest run
// tests/ingest-golden.test.ts`, then read the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clause } from '../src/schema';
import { realOutput } from './fixtures/ingest-helpers';

const GOLDEN_DIR = join(import.meta.dirname, 'fixtures', 'golden');
const UPDATE = process.env.UPDATE === '1';

interface GoldenClause {
  number: string;
  title: string;
  path: string;
  sectionPath: string[];
  first8: string;
  last8: string;
  lines: [number, number];
  departments: boolean;
}

function golden(clause: Clause): GoldenClause {
  const chars = Array.from(clause.text);
  return {
    number: clause.number,
    title: clause.title,
    path: clause.path,
    sectionPath: clause.sectionPath.map((s) => s.marker),
    first8: chars.slice(0, 8).join(''),
    last8: chars.slice(-8).join(''),
    lines: [clause.source.lineStart, clause.source.lineEnd],
    departments: clause.departmentsText !== null,
  };
}

const EXPECTED_COUNTS: Record<string, number> = {
  'changsha-2025-measures': 10,
  'jiaxing-2022-opinions': 26,
  'shenzhen-2022-measures': 32,
  'hangzhou-action-plan': 23,
};

describe('golden clause lists', () => {
  const out = realOutput();

  it('ingests the real corpus without errors or warnings', () => {
    const problems = out.messages.filter((m) => m.fatal !== null && m.fatal !== undefined);
    expect(problems.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([]);
  });

  it.each(Object.entries(EXPECTED_COUNTS))('finds the printed number of clauses in %s (%i)', (policyId, count) => {
    expect(out.result.clauses.filter((c) => c.policyId === policyId)).toHaveLength(count);
  });

  it.each(Object.keys(EXPECTED_COUNTS))('matches the golden clause list of %s', (policyId) => {
    const actual = out.result.clauses.filter((c) => c.policyId === policyId).map(golden);
    const file = join(GOLDEN_DIR, `${policyId}.json`);
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(existsSync(file), `missing ${file}: run with UPDATE=1 once and check it by hand`).toBe(true);
    const expected = JSON.parse(readFileSync(file, 'utf8')) as GoldenClause[];
    expect(actual).toEqual(expected);
  });

  it('numbers clauses by printed numbers in printed order (ordinal 1…n)', () => {
    for (const policyId of Object.keys(EXPECTED_COUNTS)) {
      const clauses = out.result.clauses.filter((c) => c.policyId === policyId);
      expect(clauses.map((c) => c.ordinal)).toEqual(clauses.map((_, i) => i + 1));
      expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length);
    }
  });

  it('keeps Shenzhen numbering continuous across its nine areas', () => {
    const shenzhen = out.result.clauses.filter((c) => c.policyId === 'shenzhen-2022-measures');
    expect(shenzhen.map((c) => c.numberValue)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(new Set(shenzhen.map((c) => c.sectionPath[0]!.marker))).toEqual(new Set(['01', '02', '03', '04', '05', '06', '07', '08', '09']));
    expect(shenzhen.at(-1)!.path).toBe('9.32');
  });

  it('joins the Changsha clauses cut by PDF page breaks and keeps the department bracket out of the text', () => {
    const byPath = new Map(out.result.clauses.filter((c) => c.policyId === 'changsha-2025-measures').map((c) => [c.path, c]));
    expect(byPath.get('2')!.text).toContain('承担市级科技重大专项');
    expect(byPath.get('2')!.departmentsText).toBe('（责任单位：市科技局、市工业和信息化局、市市场监管局）');
    expect(byPath.get('2')!.source).toEqual({ file: 'changsha-2025-measures.official.txt', lineStart: 26, lineEnd: 30 });
    expect(byPath.get('4')!.text).toContain('申报中央、省级资金项目。');
    expect(byPath.get('6')!.text).toContain('支持符合条件的专精特新“小巨人”企业建设院士工作站');
    expect(byPath.get('8')!.text).toContain('30% 的比例给予补助');
    expect(byPath.get('10')!.text).toContain('按照每家机构最高不超过 20 万元');
    for (const c of byPath.values()) expect(c.text).not.toMatch(/\n|责任单位/);
  });

  it('splits nested department brackets as printed (Jiaxing 22, Hangzhou 1)', () => {
    const byId = new Map(out.result.clauses.map((c) => [c.id, c]));
    expect(byId.get('jiaxing-2022-opinions/2.8.22')!.departmentsText).toBe('(责任单位:市委组织部(市委人才办)、市人社局、市经信局、各县(市、区)政府)');
    expect(byId.get('hangzhou-action-plan/2.1.1')!.departmentsText).toBe('〔责任单位：市经信局、市科技局，各区、县（市）政府〕');
    expect(byId.get('shenzhen-2022-measures/2.5')!.text.endsWith('给予贴息补助')).toBe(true);
  });

  it('keeps Hangzhou clause 15 and drops only the [bookmark: _GoBack] residue', () => {
    const c = out.result.clauses.find((x) => x.id === 'hangzhou-action-plan/2.5.15')!;
    expect(c.number).toBe('15.');
    expect(c.text.startsWith('助力企业市场开拓。')).toBe(true);
    expect(c.source.lineStart).toBe(32);
  });

  it('takes the Jiaxing 工作目标 heading as the title and the next line as its text', () => {
    const c = out.result.clauses.find((x) => x.id === 'jiaxing-2022-opinions/1')!;
    expect(c.title).toBe('工作目标');
    expect(c.text.startsWith('以总体部署')).toBe(true);
    expect(c.source).toMatchObject({ lineStart: 2, lineEnd: 3 });
  });
});
