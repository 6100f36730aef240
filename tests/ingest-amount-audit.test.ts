import { describe, expect, it } from 'vitest';
import { auditAmounts } from '../scripts/ingest/amount-audit';
import { runIngest } from '../scripts/ingest/pipeline';
import { formatReport } from '../scripts/tools/report';
import { sidecarText, single } from './fixtures/ingest-helpers';

const clauseOf = (body: string) => runIngest(single(`关于测试的若干措施\n一、${body}\n`, sidecarText())).result.clauses[0]!;

describe('what became of every sum in a clause', () => {
  it('tells awards, known non-awards and sums it did not understand apart', () => {
    const clause = clauseOf('对年产值达3亿元以上的企业给予50万元奖励。到2027年新增企业投资100万元。');
    expect(auditAmounts(clause).map((m) => [m.text, m.use])).toEqual([
      ['3亿元', 'threshold'],
      ['50万元', 'award'],
      ['100万元', 'unread'],
    ]);
  });

  it('lists the sums it did not understand in the curator report', () => {
    const clause = clauseOf('对企业给予50万元奖励。企业投入研发经费300万元的，按规定执行。');
    expect(formatReport([clause]).filter((l) => l.includes('300万元') || l.includes('sums not understood'))).toEqual([
      '   sums not understood: 1',
      `   ${clause.id}  300万元  「…对企业给予50万元奖励。企业投入研发经费300万元的，按规定执行。…」`,
    ]);
  });

  it('reads traditional sums in their fold', () => {
    const clause = runIngest(single('關於測試的若干措施\n一、對企業給予50萬元獎勵，對機構給予補助。對個人給予30萬元獎勵。\n', sidecarText({ title: '關於測試的若干措施' }))).result.clauses[0]!;
    expect(auditAmounts(clause).map((m) => [m.text, m.use])).toEqual([
      ['50萬元', 'award'],
      ['30萬元', 'award'],
    ]);
  });
});

describe('a text whose sums yield no award', () => {
  it('is warned about, with the lines that hold the sums', () => {
    const out = runIngest(single('关于测试的若干措施\n一、总体目标。到2027年全市工业投资达到500亿元。\n二、保障措施。加强组织领导。\n', sidecarText()));
    const warning = out.messages.find((m) => m.ruleId === 'amounts-without-awards');
    expect(warning?.fatal).toBe(false);
    expect(warning?.line).toBe(2);
    expect(warning?.reason).toContain('lines 2');
  });

  it('is not warned about when an award is read', () => {
    const out = runIngest(single('关于测试的若干措施\n一、对企业给予50万元奖励。\n', sidecarText()));
    expect(out.messages.map((m) => m.ruleId)).not.toContain('amounts-without-awards');
  });
});
