import { describe, expect, it } from 'vitest';
import { dashStandsForOne, matchMarker } from '../scripts/ingest/numbering';
import { runIngest } from '../scripts/ingest/pipeline';
import { sidecarText, single } from './fixtures/ingest-helpers';

describe('numbering families', () => {
  it.each([
    ['第四條 本辦法自發布之日起施行', 'article', 4],
    ['第二節 扶持措施', 'part', 2],
    ['第三部分 保障措施', 'part', 3],
    ['０２ 拓宽企业融资渠道', 'area', 2],
    ['１２ 强化人才支撑', 'area', 12],
  ])('reads %s as %s %i', (text, family, value) => {
    const areaInUse = family === 'area' && value >= 10;
    expect(matchMarker(text, { areaInUse })).toMatchObject({ family, value });
  });

  it('reads a dash typed for 一 only when asked', () => {
    expect(matchMarker('—、主攻重点产业')).toBeNull();
    expect(matchMarker('—、主攻重点产业', { dashForOne: true })).toMatchObject({ family: 'cn-dun', value: 1, printed: '—、' });
    expect(matchMarker('－、主攻重点产业', { dashForOne: true })).toMatchObject({ value: 1 });
  });

  it('decides that a dash stands for 一 from the sequence', () => {
    expect(dashStandsForOne(['前言', '—、主攻重点产业', '1.聚焦产业', '二、主攻重点企业'])).toBe(true);
    expect(dashStandsForOne(['—、一段破折号', '三、其他'])).toBe(false);
    expect(dashStandsForOne(['—、甲', '—、乙', '二、丙'])).toBe(false);
    expect(dashStandsForOne(['一、甲', '二、乙'])).toBe(false);
  });
});

describe('numbering in a whole text', () => {
  const ids = (text: string) => runIngest(single(text, sidecarText())).result.clauses.map((c) => c.path);
  const rules = (text: string) => runIngest(single(text, sidecarText())).messages.map((m) => `${m.ruleId}:${m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info'}`);

  it('nests measures under a dash heading as under 一、 and says so', () => {
    const text = '关于测试的若干措施\n—、主攻重点产业\n1.聚焦产业能级提升。给予支持。\n二、主攻重点企业\n2.培育发展优质企业。给予支持。\n';
    expect(ids(text)).toEqual(['1.1', '2.2']);
    expect(rules(text)).toContain('dash-for-one:info');
  });

  it('accepts an excerpt that starts inside a list with an info, not a warning', () => {
    const text = '关于测试的若干措施\n48.加大支持力度。给予支持。\n49.优化服务。给予支持。\n';
    expect(ids(text)).toEqual(['48', '49']);
    expect(rules(text)).toEqual(['starts-mid-sequence:info']);
  });

  it('never tells the user to edit the published text for a duplicated number', () => {
    const out = runIngest(single('关于测试的若干措施\n一、甲。给予支持。\n一、乙。给予支持。\n', sidecarText()));
    const duplicate = out.messages.find((m) => m.ruleId === 'duplicate-number');
    expect(duplicate?.note ?? '').not.toMatch(/correct the numbering in the source/);
    expect(duplicate?.note ?? '').toMatch(/keep the source as published/);
  });
});
