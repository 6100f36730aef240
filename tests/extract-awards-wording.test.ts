// Award wording met in real published texts beyond the seeds (the issue on real texts lists
// them): rates with totals, caps after shares and matching, 其中 caps of a share, 分别 by
// level, cultivation lists, Chinese-numeral and 千万 sums, per-mille and ranges.
import { describe, expect, it } from 'vitest';
import { extractAwards } from '../scripts/ingest/extract-awards';

const read = (text: string) => extractAwards(text);
const money = (text: string) =>
  read(text).awards.filter((a) => a.amountYuan !== null || a.ratioPercent !== null).map((a) => ({ kind: a.kind, yuan: a.amountYuan, percent: a.ratioPercent }));

describe('rates and their totals', () => {
  const text = '对规上企业按其较上年度营收增量部分给予奖励，每增100万元最高奖励500元（不足100万元部分不予奖励），总额不超过30万元。';

  it('reads 每增…奖励…元 with 总额不超过 as one share capped by the total', () => {
    expect(money(text)).toEqual([{ kind: 'ratio', yuan: 300_000, percent: 0.05 }]);
  });

  it('never makes the base or the remainder an award, and says why', () => {
    expect(read(text).skipped.map((s) => [s.yuan, s.reason])).toEqual([
      [1_000_000, 'rate-base'],
      [1_000_000, 'remainder'],
    ]);
  });

  it('names what the rate is counted on', () => {
    expect(read(text).awards[0]?.ratioBase).toBe('较上年度营收增量');
  });
});

describe('caps written after a share', () => {
  it.each([
    ['a share with a total', '对企业按营收增量部分给予最高5%奖励，总额不超过50万元。', { kind: 'ratio', yuan: 500_000, percent: 5 }],
    ['matching with a cap per firm', '对获评企业按1:1配套奖励，每个企业最高不超过20万元。', { kind: 'matching', yuan: 200_000, percent: 100 }],
    ['matching of a higher level award', '对企业按上级奖励金额的50%配套奖励。', { kind: 'matching', yuan: null, percent: 50 }],
  ])('reads %s', (_what, text, expected) => {
    expect(money(text)).toEqual([expected]);
  });

  it('takes a cap in a later 其中 sentence as the share stated once per kind of project', () => {
    const text = '对重大工业投资项目，按照实际投入给予10%的分类补助。其中：集成电路产业项目最高补助5000万元，其他细分行业项目最高补助3000万元﹔其他项目最高补助2000万元。';
    expect(money(text)).toEqual([
      { kind: 'ratio', yuan: 50_000_000, percent: 10 },
      { kind: 'ratio', yuan: 30_000_000, percent: 10 },
      { kind: 'ratio', yuan: 20_000_000, percent: 10 },
    ]);
  });

  it('does not make instalments of one subsidy into awards', () => {
    expect(money('按项目开工、竣工投产两个阶段，分别给予补助总额30%、70%的补助。')).toEqual([]);
  });

  it('keeps a cap with no share as a cap when the sentence grants', () => {
    expect(money('对企业给予一次性奖励，最高不超过50万元。')).toEqual([{ kind: 'cap', yuan: 500_000, percent: null }]);
  });

  it('does not make a budget ceiling an award', () => {
    expect(money('市财政每年统筹安排不超过2000万元，按照结果导向、竞争性分配用于支持大孵化集群建设。')).toEqual([]);
  });
});

describe('分别 lists paired by level', () => {
  it('pairs amounts with 国家级 / 省级 when the levels head a list of organisations, and says it chose', () => {
    const out = read('对新认定的国家级及省级制造业创新中心、技术创新示范企业，分别给予50万元、20万元奖励。');
    expect(out.awards.map((a) => [a.recipient, a.amountYuan])).toEqual([
      ['新认定的国家级制造业创新中心、技术创新示范企业', 500_000],
      ['新认定的省级制造业创新中心、技术创新示范企业', 200_000],
    ]);
    expect(out.diagnostics.map((d) => d.ruleId)).toEqual(['pairing-ambiguous']);
  });

  it('pairs a plain level list without a diagnostic', () => {
    const out = read('新认定为国家级、省级科技企业孵化器的，每家分别给予最高奖励200万元、100万元。');
    expect(out.awards.map((a) => [a.recipient, a.kind, a.amountYuan])).toEqual([
      ['新认定为国家级科技企业孵化器的', 'cap', 2_000_000],
      ['新认定为省级科技企业孵化器的', 'cap', 1_000_000],
    ]);
    expect(out.diagnostics).toEqual([]);
  });
});

describe('cultivation lists', () => {
  it('gives 培育企业 their own tiers, never the recognised tier', () => {
    const out = read('对当年获评宁波“单项冠军”示范企业、省“隐形冠军”培育企业、宁波专精特新中小培育企业和宁波“单项冠军”培育企业的，一次性分别给予50万元、10万元、5万元、5万元的奖励。');
    expect(out.awards.map((a) => [a.tier, a.amountYuan])).toEqual([
      ['single-champion-demo', 500_000],
      ['hidden-champion-cultivation', 100_000],
      ['srdi-cultivation', 50_000],
      ['single-champion-cultivation', 50_000],
    ]);
  });
});

describe('how sums and shares are written', () => {
  it.each([
    ['千万元', '对首次入选的企业给予5千万元奖励。', 50_000_000],
    ['Chinese numerals', '对符合条件的企业，给予一百万元奖励。', 1_000_000],
    ['Chinese numerals with 千', '给予一千二百万元奖励。', 12_000_000],
    ['亿元 after a space', '给予1 亿元奖励。', 100_000_000],
  ])('reads %s', (_what, text, yuan) => {
    expect(money(text).map((a) => a.yuan)).toEqual([yuan]);
  });

  it('does not read 数十万元 as ten', () => {
    expect(read('对年营收数十万元的小微企业给予支持。').awards.every((a) => a.amountYuan === null)).toBe(true);
  });

  it('reads per-mille as a tenth of a percent and a range at its upper bound', () => {
    expect(money('按贷款额的5‰给予贴息补助。')).toEqual([{ kind: 'ratio', yuan: null, percent: 0.5 }]);
    expect(money('给予设备投资额15%—30%的补助。')).toEqual([{ kind: 'ratio', yuan: null, percent: 30 }]);
  });
});

describe('statements end at a paragraph or table cell', () => {
  it('does not take a recipient from the cell before the award', () => {
    const out = read('竞争分配\n市科技局\n企业孵化器奖励\n对新认定的省级科技企业孵化器给予100万元奖励。');
    expect(out.awards.map((a) => a.recipient)).toEqual(['新认定的省级科技企业孵化器']);
  });
});

describe('lists and labels', () => {
  it('pairs 单项冠军示范企业（产品） with two sums as the name and its bracketed alternative', () => {
    const out = read('对获得国家制造业单项冠军示范企业（产品）称号的企业，分别给予200万元、100万元奖励。');
    expect(out.awards.map((a) => [a.tier, a.amountYuan])).toEqual([
      ['single-champion-demo', 2_000_000],
      ['single-champion-product', 1_000_000],
    ]);
  });

  it('gives levels without a head noun the head of the recipient before them', () => {
    const out = read('对认定的市级企业技术中心给予10万元奖励，国家级、省级分别给予100万元、50万元奖励。');
    expect(out.awards.map((a) => a.recipient)).toEqual(['认定的市级企业技术中心', '国家级企业技术中心', '省级企业技术中心']);
  });

  it.each([
    ['after a colon', '对入选的企业给予一次性奖励：国家级100万元、省级50万元。'],
    ['after 其中', '对入选的企业给予一次性奖励，其中国家级100万元、省级50万元。'],
  ])('labels each sum of a list %s', (_where, text) => {
    expect(read(text).awards.map((a) => [a.recipient, a.amountYuan])).toEqual([
      ['入选的企业（国家级）', 1_000_000],
      ['入选的企业（省级）', 500_000],
    ]);
  });

  it('keeps a list of thresholds what it began as', () => {
    const out = read('对当年营业收入首次突破10亿元、50亿元的工业企业，分别给予50万元、100万元奖励。');
    expect(out.skipped.map((s) => s.reason)).toEqual(['threshold', 'threshold']);
    expect(out.awards.map((a) => a.amountYuan)).toEqual([500_000, 1_000_000]);
  });
});

describe('more ways a sum is written', () => {
  it.each([
    ['以内 as a cap', '给予500万元以内的补助。', 'cap'],
    ['可达 as a cap', '对企业给予最高可达500万元的补助。', 'cap'],
  ])('reads %s', (_what, text, kind) => {
    expect(read(text).awards.map((a) => a.kind)).toEqual([kind]);
  });

  it('reads 以下 after a sum as a threshold', () => {
    expect(read('对年营收2000万元以下的小微企业给予10万元奖励。').skipped.map((s) => s.reason)).toEqual(['threshold']);
  });

  it('reads a sum through a pinyin gloss a mirror site inserted', () => {
    expect(money('对企业给予50万(wàn)元奖励。')).toEqual([{ kind: 'fixed', yuan: 500_000, percent: null }]);
  });

  it('keeps a per-year sum and its award words in the quote', () => {
    const [award] = read('给予每家企业10万元/年的租金补贴，连续补贴3年。').awards;
    expect(award?.quote).toBe('给予每家企业10万元/年的租金补贴');
    expect(award?.frequency).toBe('annual');
  });
});

describe('a table cell that holds only the support standard', () => {
  it.each([
    ['最高200万元', 'cap', 2_000_000],
    ['50万元/家', 'fixed', 500_000],
  ])('reads %s as paid', (cell, kind, yuan) => {
    expect(money(`企业研究院奖励\n${cell}\n市科技局`)).toEqual([{ kind, yuan, percent: null }]);
  });

  it('does not read a bare sum in a cell as paid', () => {
    expect(read('资金规模\n2000万元\n市财政局').skipped.map((s) => s.reason)).toEqual(['no-award-word']);
  });
});

describe('ranges and standards', () => {
  it.each([
    ['5万—10万元', '对认定的企业给予5万—10万元奖励。'],
    ['5-10万元', '对认定的企业给予5-10万元奖励。'],
    ['5万至10万元', '对认定的企业给予5万至10万元补助。'],
  ])('reads the range %s as a cap at its upper end', (_range, text) => {
    const out = read(text);
    expect(out.awards.map((a) => [a.kind, a.amountYuan])).toEqual([['cap', 100_000]]);
  });

  it('gives a sentence that only states the standard the recipient of the promise before it, and keeps one award', () => {
    const out = read('对新认定的国家级专精特新“小巨人”企业，给予一次性奖励。奖励标准为每家100万元。');
    expect(out.awards.map((a) => [a.kind, a.amountYuan, a.tier])).toEqual([['fixed', 1_000_000, 'little-giant']]);
  });
});

describe('sums that are not paid', () => {
  it.each([
    ['a turnover that qualifies a firm', '对年销售收入1亿元的企业给予10万元奖励。', 'threshold', [100_000]],
    ['the size of a fund', '设立10亿元产业基金，对专精特新企业给予支持。', 'budget', []],
    ['a budget the city pools', '市财政统筹安排5000万元支持企业发展。', 'budget', []],
    ['a loan the firm may take', '对企业可申请最高500万元的信用贷款给予贴息。', 'loan-principal', []],
  ])('skips %s', (_what, text, reason, paid) => {
    const out = read(text);
    expect(out.skipped.map((s) => s.reason)).toEqual([reason]);
    expect(out.awards.flatMap((a) => (a.amountYuan === null ? [] : [a.amountYuan]))).toEqual(paid);
  });
});
