import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMoney, findQuantities, findRatios } from '../scripts/ingest/extract-amounts';

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/%/g, '％');

describe('the amount grammar', () => {
  // Each sentence is copied from content/sources/*.txt.
  const money: Array<[string, string, number[]]> = [
    ['万元 (长沙 一)', '对首次认定的专精特新“小巨人”企业，每家给予一次性50万元奖励。', [500_000]],
    ['万元 with spaces (长沙 official 六)', '分别给予每家企业 100 万元、60 万元经费支持。', [1_000_000, 600_000]],
    ['万 without 元 (杭州 6)', '对首台（套）产品应用企业给予10%、最高不超过300万奖励。', [3_000_000]],
    ['亿 without 元 (深圳 二十九)', '对年产值达3亿以上、租用国有产业用房3年以上的专精特新企业', [300_000_000]],
    ['a list joined by 和 (嘉兴 8)', '对经认定的国内、省内、市内重大技术装备首台套分别给予150万元、50万元和20万元的奖励。', [1_500_000, 500_000, 200_000]],
    ['万元 in a cap (杭州 4)', '单个平台补助最高不超过3000万元。', [30_000_000]],
    ['万元 per person (深圳 十四)', '给予每人每次最高2万元补贴', [20_000]],
  ];
  it.each(money)('reads money: %s', (_name, sentence, yuan) => {
    expect(findMoney(sentence).map((t) => t.yuan)).toEqual(yuan);
  });

  it('reads full-width digits, 亿元 and decimals', () => {
    expect(findMoney('给予５０万元奖励').map((t) => t.yuan)).toEqual([500_000]);
    expect(findMoney('3亿元').map((t) => t.yuan)).toEqual([300_000_000]);
    expect(findMoney('2.5万元').map((t) => t.yuan)).toEqual([25_000]);
    expect(findMoney('0.35亿').map((t) => t.yuan)).toEqual([35_000_000]);
  });

  it('keeps offsets into the text as written, spaces included', () => {
    const text = '分别给予每家企业 100 万元、60 万元经费支持';
    const [first] = findMoney(text);
    expect(first && text.slice(first.start, first.end)).toBe('100 万元');
  });

  it('does not read counts as money: 3万家 is 30000 家', () => {
    const sentence = '到2025年，全市累计培育创新型中小企业3万家';
    expect(findMoney(sentence)).toEqual([]);
    expect(findQuantities(sentence).map((q) => [q.value, q.unit])).toEqual([[30_000, '家']]);
  });

  const ratios: Array<[string, string, number[]]> = [
    ['percent (长沙 八)', '按照每家企业不高于数字化改造采购总额30%的比例给予补助', [30]],
    ['percent with spaces (长沙 official 八)', '数字化改造采购总额 30% 的', [30]],
    ['full-width percent', '按５０％比例收取服务费用', [50]],
    ['二分之一 (深圳 五)', '担保费率不高于国家当期银行贷款基准利率的二分之一', [50]],
    ['减半 (嘉兴 15)', '落实非强制性测试认证服务费减半征收等政策', [50]],
    ['1:1 (嘉兴 8)', '根据情况最高可给予1:1配套补助', [100]],
    ['1∶1 with a ratio colon', '最高可给予1∶1配套补助', [100]],
  ];
  it.each(ratios)('reads shares: %s', (_name, sentence, percents) => {
    expect(findRatios(sentence).map((r) => r.percent)).toEqual(percents);
  });
});

describe('amount grammar properties', () => {
  const pieces = ['万元', '万', '亿', '元', '%', '％', '、', '分别给予', '对', '，', '。', '1', '0', '５', ' ', '(', ')', '“', '”', '最高', '不超过', '家', '1:1', '减半', '二分之一', '.', '给予', '奖励'];
  const noisy = fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')));

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        findMoney(text);
        findRatios(text);
        findQuantities(text);
      }),
    );
  });

  const amount = fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('万元', '万', '亿元', '亿', '元'));

  it('gives the same yuan for full-width and half-width digits', () => {
    fc.assert(
      fc.property(amount, ([n, unit]) => {
        const text = `给予${n}${unit}奖励`;
        expect(findMoney(toFullWidth(text)).map((t) => t.yuan)).toEqual(findMoney(text).map((t) => t.yuan));
      }),
    );
  });

  it('gives the same yuan with spaces inside and around numbers', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 5 }), ([n, unit], at) => {
        const digits = String(n);
        const cut = Math.min(at, digits.length);
        const spaced = `给予 ${digits.slice(0, cut)} ${digits.slice(cut)} ${unit}奖励`;
        expect(findMoney(spaced).map((t) => t.yuan)).toEqual(findMoney(`给予${n}${unit}奖励`).map((t) => t.yuan));
      }),
    );
  });

  it('gives the same share for full-width and half-width percentages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (n) => {
        expect(findRatios(toFullWidth(`按${n}%给予补助`)).map((r) => r.percent)).toEqual([n]);
      }),
    );
  });
});
