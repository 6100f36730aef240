import { describe, expect, it } from 'vitest';
import { findTiers, isRecognitionAward, recipientTier } from '../scripts/ingest/tiers';

describe('tiers', () => {
  const cases: Array<[string, string[]]> = [
    ['构建“专精特新中小企业—专精特新‘小巨人’后备企业—专精特新‘小巨人’企业”的梯度培育体系', ['provincial-srdi', 'little-giant-reserve', 'little-giant']],
    ['对首次获得认定的国家级专精特新“小巨人”企业、省级“专精特新”中小企业', ['little-giant', 'provincial-srdi']],
    ['国家制造业“单项冠军”(培育)企业15家', ['single-champion-cultivation']],
    ['对新认定的国家制造业“单项冠军”示范企业给予200万元的奖励、“单项冠军”产品给予150万元的奖励', ['single-champion-demo', 'single-champion-product']],
    ['省级“隐形冠军”企业', ['hidden-champion']],
    ['累计入库培育创新型中小企业3万家', ['innovative-sme']],
    ['对认定为国际、国内、省内首台（套）的产品', ['first-set-international', 'first-set-national', 'first-set-provincial']],
    ['对经认定的国内、省内、市内重大技术装备首台套', ['first-set-national', 'first-set-provincial', 'first-set-municipal']],
    ['对评定为“链主工厂”“智能工厂”和“数字化车间”的企业', ['chain-leader-factory', 'smart-factory', 'digital-workshop']],
    ['对获得中国质量奖(提名奖)、浙江省人民政府质量奖(创新奖)、嘉兴市人民政府质量奖(提名奖)的单位', ['quality-award-national', 'quality-award-provincial', 'quality-award-municipal']],
    ['对参与制定国际、国家和市级地方标准的企业', ['standard-international', 'standard-national', 'standard-industry']],
    ['对制定国际标准、国家标准、行业(或地方、军用)标准、“品字标浙江制造”团体标准的企业', ['standard-international', 'standard-national', 'standard-industry', 'standard-group']],
    ['对认定为国家级、省级中小企业服务平台', ['service-platform-national', 'service-platform-provincial']],
    ['建设院士工作站、专家工作站', ['academician-workstation', 'expert-workstation']],
    ['申请认定院士专家工作站，或推荐博士后工作站', ['academician-workstation', 'postdoc-station']],
    ['国家级、省级、市级工业产品生态(绿色)设计示范企业', ['green-design-demo-national', 'green-design-demo-provincial', 'green-design-demo-municipal']],
  ];
  it.each(cases)('finds the tiers in %s', (text, tiers) => {
    expect(findTiers(text)).toEqual(tiers);
  });

  it('finds no standard tier in 标准化技术委员会 and no first-set tier without a reach', () => {
    expect(findTiers('积极争取国际、国家标准化技术委员会')).toEqual([]);
    expect(findTiers('完善首台（套）产品保险补偿机制')).toEqual([]);
  });

  it('prefers the rewarded thing over its owner’s status, and gives no tier to a mixed list', () => {
    expect(recipientTier('符合条件的专精特新“小巨人”企业建设院士工作站')).toBe('academician-workstation');
    expect(recipientTier('认定为国际首台（套）的“专精特新”中小企业产品')).toBe('first-set-international');
    expect(recipientTier('参与制定国际、国家和市级地方标准的企业')).toBeNull();
    expect(recipientTier(null)).toBeNull();
  });
});

describe('isRecognitionAward', () => {
  it.each([
    ['little-giant', '对首次认定的专精特新“小巨人”企业,每家给予一次性50万元奖励', true],
    ['hidden-champion', '对获得国家级专精特新“小巨人”企业、省级“隐形冠军”企业、省级“专精特新”中小企业分别给予150万元、100万元、10万元的奖励', true],
    ['single-champion-product', '“单项冠军”产品给予150万元的奖励', true],
    ['provincial-srdi', '对于成功上市的“专精特新”中小企业，按市“凤凰行动”政策给予300万元一次性奖励', false],
    ['single-champion-demo', '对嘉兴市以外总部迁入本市的国家级“单项冠军”、专精特新“小巨人”,在用地、用能、排污等方面给予政策倾斜,并分别给予200万元、150万元的一次性扶持', false],
    ['provincial-srdi', '省级及以上“专精特新”中小企业申请创新券额度可提高至50万元', false],
    ['first-set-national', '对经认定的国内、省内、市内重大技术装备首台套分别给予150万元、50万元和20万元的奖励', true],
    [null, '对首台（套）产品应用企业给予10%、最高不超过300万奖励', false],
  ] as const)('judges %s in 「%s」 a recognition award: %s', (tier, quote, expected) => {
    expect(isRecognitionAward(tier, quote)).toBe(expected);
  });
});

describe('levels and cultivation lists on the SRDI ladder', () => {
  it.each([
    ['市级专精特新中小企业', 'municipal-srdi'],
    ['县级“专精特新”中小企业', 'municipal-srdi'],
    ['省级专精特新中小企业', 'provincial-srdi'],
    ['宁波专精特新中小培育企业', 'srdi-cultivation'],
    ['省“隐形冠军”培育企业', 'hidden-champion-cultivation'],
    ['专精特新“小巨人”培育企业', 'little-giant-reserve'],
  ])('reads %s as %s', (name, tier) => {
    expect(recipientTier(name)).toBe(tier);
  });
});
