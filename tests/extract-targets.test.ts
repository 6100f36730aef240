import { describe, expect, it } from 'vitest';
import { extractTargets } from '../scripts/ingest/extract-targets';

describe('targets', () => {
  it('reads 到2025年，全市累计培育创新型中小企业3万家 as 30000 家 in 2025 (杭州)', () => {
    const text = '到2025年，全市累计培育创新型中小企业3万家，滚动培育省级“专精特新”中小企业不低于2500家，其中省级“隐形冠军”企业不低于100家，国家级专精特新“小巨人”企业不低于240家，为高质量发展建设共同富裕示范区城市范例。';
    expect(extractTargets(text).map((t) => [t.metric, t.value, t.unit, t.year, t.annual])).toEqual([
      ['创新型中小企业', 30_000, '家', 2025, false],
      ['省级“专精特新”中小企业', 2500, '家', 2025, false],
      ['省级“隐形冠军”企业', 100, '家', 2025, false],
      ['国家级专精特新“小巨人”企业', 240, '家', 2025, false],
    ]);
  });

  it('reads 每年新增高新技术企业300家 as annual, and lends the list unit to a bare number (嘉兴)', () => {
    const text = '每年新增高新技术企业300家、“小升规”企业300、省级“专精特新”中小企业180家、省科技型中小企业800家。';
    expect(extractTargets(text).map((t) => [t.metric, t.value, t.unit, t.year, t.annual])).toEqual([
      ['高新技术企业', 300, '家', null, true],
      ['“小升规”企业', 300, '家', null, true],
      ['省级“专精特新”中小企业', 180, '家', null, true],
      ['省科技型中小企业', 800, '家', null, true],
    ]);
  });

  it('reads metrics written after the number', () => {
    const [t] = extractTargets('“深圳产业会客厅”每年举办2次以上专精特新企业新品发布会，提升企业品牌知名度。');
    expect(t).toMatchObject({ metric: '专精特新企业新品发布会', value: 2, unit: '次', annual: true });
  });

  it('keeps land areas and budgets as targets, not awards', () => {
    expect(extractTargets('每年全市出让工业用地不少于10000亩，加强“专精特新”中小企业用地要素保障。')).toEqual([
      expect.objectContaining({ metric: '工业用地', value: 10_000, unit: '亩', annual: true }),
    ]);
    expect(extractTargets('市工信专项资金每年安排不少于1000万元，支持“专精特新”中小企业购买第三方机构优质服务产品。')).toEqual([
      expect.objectContaining({ metric: '市工信专项资金', value: 1000, unit: '万元', annual: true }),
    ]);
  });

  it('quotes exactly the text at its span', () => {
    const text = '到2023年，“专精特新”中小企业新增有效发明专利200件。';
    const [t] = extractTargets(text);
    expect(t?.quote).toBe(text.slice(t?.span.start, t?.span.end));
    expect(t?.quote).toContain('200件');
  });

  it('does not read award sums or thresholds as targets', () => {
    expect(extractTargets('对首次认定的专精特新“小巨人”企业，每家给予一次性50万元奖励。')).toEqual([]);
    expect(extractTargets('对年产值达3亿以上、租用国有产业用房3年以上的专精特新企业，可按国有资产处置程序受让一定面积产业用房。')).toEqual([]);
  });
});
