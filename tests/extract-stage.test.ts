import { describe, expect, it } from 'vitest';
import { ClauseSchema } from '../src/schema';
import { extract } from '../scripts/ingest/extract';
import { formatReport } from '../scripts/tools/report';
import { clausesOf } from './extract-clauses';

const allClauses = () =>
  (['changsha', 'jiaxing', 'shenzhen', 'hangzhou'] as const).flatMap((k) =>
    clausesOf(k).map((c) => {
      const { messages: _messages, ...extraction } = extract(c);
      return ClauseSchema.parse({ ...c, ...extraction });
    }),
  );

describe('the extraction stage', () => {
  it('produces records that fit the Clause schema for every clause of every source', () => {
    expect(allClauses().length).toBe(10 + 26 + 32 + 23);
  });

  it('numbers awards and targets from the clause id', () => {
    const hz = clausesOf('hangzhou').find((c) => c.id === 'hangzhou-action-plan/1.1');
    if (!hz) throw new Error('missing hangzhou-action-plan/1.1');
    expect(extract(hz).targets.map((t) => t.id)).toEqual(['1.1#t1', '1.1#t2', '1.1#t3', '1.1#t4'].map((s) => `hangzhou-action-plan/${s}`));
  });

  it('reports pairing problems as vfile messages from source `extract`', () => {
    const base = clausesOf('jiaxing')[0];
    if (!base) throw new Error('no clause');
    const { messages, awards } = extract({ ...base, text: '对获得A企业、B企业分别给予150万元、100万元、10万元的奖励。', departmentsText: '（责任单位：市经信局）' });
    expect(awards).toHaveLength(3);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'pairing-count-mismatch', source: 'extract', field: 'text', offset: '对获得A企业、B企业分别给予'.length });
    expect(messages[0]?.note).toMatch(/without recipients/);
  });
});

describe('the curator report', () => {
  it('lists awards per city in 万元 with kind, tier and quote', () => {
    const lines = formatReport(allClauses());
    expect(lines).toContain('== 长沙: 10 clauses, 12 awards, 0 targets');
    expect(lines.some((l) => l.includes('changsha-2025-measures/1#a1  50万元 fixed one-off tier=little-giant'))).toBe(true);
    expect(lines.some((l) => l.includes('「对首次认定的专精特新“小巨人”企业，每家给予一次性50万元奖励」'))).toBe(true);
  });
});
