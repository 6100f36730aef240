import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAwards } from '../scripts/ingest/extract-awards';
import { extract } from '../scripts/ingest/extract';
import { clausesOf } from './extract-clauses';

const short = (text: string) =>
  extractAwards(text).awards.map((a) => ({ yuan: a.amountYuan, kind: a.kind, recipient: a.recipient, tier: a.tier }));

describe('pairing 分别给予 amounts with recipients', () => {
  // [what, the sentence as printed in content/sources, expected (recipient, tier, yuan) in order]
  const cases: Array<[string, string, Array<[string, string | null, number]>]> = [
    [
      '嘉兴 3: 对获得A、B、C分别给予',
      '对获得国家级专精特新“小巨人”企业、省级“隐形冠军”企业、省级“专精特新”中小企业分别给予150万元、100万元、10万元的奖励。',
      [
        ['获得国家级专精特新“小巨人”企业', 'little-giant', 1_500_000],
        ['省级“隐形冠军”企业', 'hidden-champion', 1_000_000],
        ['省级“专精特新”中小企业', 'provincial-srdi', 100_000],
      ],
    ],
    [
      '杭州 8: the cap word applies to every amount; quoted names joined by 和',
      '对评定为“链主工厂”“智能工厂”和“数字化车间”的企业，分别给予不超过500万元、200万元、80万元的一次性补助。',
      [
        ['评定为“链主工厂”', 'chain-leader-factory', 5_000_000],
        ['“智能工厂”', 'smart-factory', 2_000_000],
        ['“数字化车间”的企业', 'digital-workshop', 800_000],
      ],
    ],
    [
      '长沙 六: 分别给予每家企业… with no 对',
      '支持符合条件的专精特新“小巨人”企业建设院士工作站、专家工作站，分别给予每家企业100万元、60万元经费支持。',
      [
        ['符合条件的专精特新“小巨人”企业建设院士工作站', 'academician-workstation', 1_000_000],
        ['专家工作站', 'expert-workstation', 600_000],
      ],
    ],
    [
      '杭州 5: 首台（套） by reach, heads sharing a suffix',
      '对认定为国际、国内、省内首台（套）的“专精特新”中小企业产品，分别给予200万元、100万元、50万元的资助。',
      [
        ['认定为国际首台（套）的“专精特新”中小企业产品', 'first-set-international', 2_000_000],
        ['认定为国内首台（套）的“专精特新”中小企业产品', 'first-set-national', 1_000_000],
        ['认定为省内首台（套）的“专精特新”中小企业产品', 'first-set-provincial', 500_000],
      ],
    ],
    [
      '嘉兴 8: 和 as the last separator of the amounts',
      '对经认定的国内、省内、市内重大技术装备首台套分别给予150万元、50万元和20万元的奖励。',
      [
        ['经认定的国内重大技术装备首台套', 'first-set-national', 1_500_000],
        ['经认定的省内重大技术装备首台套', 'first-set-provincial', 500_000],
        ['经认定的市内重大技术装备首台套', 'first-set-municipal', 200_000],
      ],
    ],
    [
      '嘉兴 13: 国家级、省级、市级 sharing 工业产品生态(绿色)设计示范企业',
      '对经认定的国家级、省级、市级工业产品生态(绿色)设计示范企业，分别给予150万元、50万元、20万元的奖励。',
      [
        ['经认定的国家级工业产品生态(绿色)设计示范企业', 'green-design-demo-national', 1_500_000],
        ['经认定的省级工业产品生态(绿色)设计示范企业', 'green-design-demo-provincial', 500_000],
        ['经认定的市级工业产品生态(绿色)设计示范企业', 'green-design-demo-municipal', 200_000],
      ],
    ],
    [
      '嘉兴 16: a bracket with 、 inside one recipient, spaces inside amounts',
      '对制定国际标准、国家标准、行业(或地方、军用)标准、“品字标浙江制造”团体标准的企业，分别给予 100 万元、30 万元、20 万元、20万元奖励。',
      [
        ['制定国际标准', 'standard-international', 1_000_000],
        ['国家标准', 'standard-national', 300_000],
        ['行业(或地方、军用)标准', 'standard-industry', 200_000],
        ['“品字标浙江制造”团体标准的企业', 'standard-group', 200_000],
      ],
    ],
    [
      '嘉兴 23: a list without 分别',
      '对认定为国家级、省级中小企业服务平台给予60万元、30万元的奖励。',
      [
        ['认定为国家级中小企业服务平台', 'service-platform-national', 600_000],
        ['认定为省级中小企业服务平台', 'service-platform-provincial', 300_000],
      ],
    ],
    [
      '嘉兴 5: the 对 phrase ends at the comma, not at the next 、 list',
      '对嘉兴市以外总部迁入本市的国家级“单项冠军”、专精特新“小巨人”，在用地、用能、排污等方面给予政策倾斜，并分别给予200万元、150万元的一次性扶持。',
      [
        ['嘉兴市以外总部迁入本市的国家级“单项冠军”', 'single-champion-demo', 2_000_000],
        ['专精特新“小巨人”', 'little-giant', 1_500_000],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, sentence, expected) => {
    expect(short(sentence)).toEqual(expected.map(([recipient, tier, yuan]) => expect.objectContaining({ recipient, tier, yuan })));
  });

  it('reports a count mismatch and does not guess a pairing', () => {
    const text = '对获得国家级专精特新“小巨人”企业、省级“专精特新”中小企业分别给予150万元、100万元、10万元的奖励。';
    const { awards, diagnostics } = extractAwards(text);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'pairing-count-mismatch', offset: text.indexOf('150万元') })]);
    expect(diagnostics[0]?.message).toMatch(/Expected 3 recipients.*found 2/);
    expect(awards.map((a) => [a.amountYuan, a.recipient, a.tier])).toEqual([
      [1_500_000, null, null],
      [1_000_000, null, null],
      [100_000, null, null],
    ]);
  });
});

describe('award kinds', () => {
  it('reads 每家给予一次性50万元奖励 as a fixed one-off reward', () => {
    const [a] = extractAwards('对首次认定的专精特新“小巨人”企业，每家给予一次性50万元奖励。').awards;
    expect(a).toMatchObject({ amountYuan: 500_000, kind: 'fixed', frequency: 'one-off', form: '奖励', tier: 'little-giant' });
  });

  it('reads 最高不超过 as a cap and 每年 as annual', () => {
    const [a] = extractAwards('按照每家企业每年最高不超过30万元的标准给予补助。').awards;
    expect(a).toMatchObject({ amountYuan: 300_000, kind: 'cap', frequency: 'annual', form: '补助' });
  });

  it('reads a share of a base with its cap written after it (长沙 八)', () => {
    const text = '对纳入试点的中小企业开展数字化改造给予补贴，按照每家企业不高于数字化改造采购总额30%的比例给予补助，其中每家企业补助金额最高不超过30万元。';
    const { awards } = extractAwards(text);
    expect(awards).toHaveLength(1);
    expect(awards[0]).toMatchObject({ kind: 'ratio', ratioPercent: 30, ratioBase: '数字化改造采购总额', amountYuan: 300_000, form: '补助' });
    expect(awards[0]?.quote).toBe(text.slice(0, -1));
  });

  it('reads an LPR interest subsidy as a 50% ratio of LPR, and the loan ceiling as no cap (杭州 11)', () => {
    const text =
      '省级以上“专精特新”中小企业因重大研发、重大技改、投资扩产等获得银行贷款的，根据企业实际贷款额，按照不超过当年1月份同期限档次贷款市场报价利率（LPR）的50%给予贴息补助，每家企业每年可享受贴息的最高贷款金额为2000万元。';
    const { awards, skipped } = extractAwards(text);
    expect(awards).toEqual([expect.objectContaining({ kind: 'ratio', ratioPercent: 50, ratioBase: 'LPR', form: '贴息', amountYuan: null, tier: 'provincial-srdi' })]);
    expect(skipped).toEqual([expect.objectContaining({ yuan: 20_000_000, reason: 'loan-principal' })]);
  });

  it('reads 给予10%、最高不超过300万奖励 as a 10% ratio capped at 3,000,000 (杭州 6)', () => {
    const [a, ...rest] = extractAwards('对首台（套）产品应用企业给予10%、最高不超过300万奖励。').awards;
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ kind: 'ratio', ratioPercent: 10, amountYuan: 3_000_000, form: '奖励', recipient: '首台（套）产品应用企业' });
  });

  it('reads 最高可给予1:1配套补助 as matching at 100%', () => {
    const [a] = extractAwards('对列入国家、省重点研发专项的，根据情况最高可给予1:1配套补助。').awards;
    expect(a).toMatchObject({ kind: 'matching', ratioPercent: 100, amountYuan: null, form: '配套' });
  });

  it('reads 按50%比例收取服务费用 and 减半征收 as fee reductions', () => {
    expect(extractAwards('纳入名录内的机构对专精特新企业开展的成果转化等事项，按50%比例收取服务费用。').awards).toEqual([
      expect.objectContaining({ kind: 'fee-reduction', ratioPercent: 50, ratioBase: '服务费用', form: null }),
    ]);
    expect(extractAwards('落实非强制性测试认证服务费减半征收等政策。').awards).toEqual([
      expect.objectContaining({ kind: 'fee-reduction', ratioPercent: 50, ratioBase: '非强制性测试认证服务费' }),
    ]);
  });

  it('reads 每人每次 as per person per time (深圳 十四)', () => {
    const [a] = extractAwards('对实施培训项目的承办机构，按参与企业人次，给予每人每次最高2万元补贴，以降低参训人员培训费用。').awards;
    expect(a).toMatchObject({ amountYuan: 20_000, kind: 'cap', frequency: 'per-person-per-time', form: '补贴', recipient: '实施培训项目的承办机构' });
  });

  it('reads money promised without a sum as unquantified, amount not stated', () => {
    for (const sentence of ['对参与制定国际、国家和市级地方标准的企业，按规定给予一次性奖励。', '对专精特新企业改制上市，分阶段予以资助。', '开展管理体系认证、境外产品认证、境外专利申请和境外商标注册，按规定给予资金支持。']) {
      const { awards } = extractAwards(sentence);
      expect(awards).toHaveLength(1);
      expect(awards[0]).toMatchObject({ kind: 'unquantified', amountYuan: null, reason: 'amount-not-stated', reference: null });
    }
  });

  it('reads Shenzhen’s reward as delegated to another document, one award per tier', () => {
    const { awards } = extractAwards('对经认定的专精特新中小企业、专精特新“小巨人”企业,按照我市加快培育壮大市场主体的实施意见予以奖励,鼓励各区加大资金支持力度。');
    expect(awards.map((a) => [a.kind, a.reason, a.reference, a.tier])).toEqual([
      ['unquantified', 'delegated-to-other-document', '我市加快培育壮大市场主体的实施意见', 'provincial-srdi'],
      ['unquantified', 'delegated-to-other-document', '我市加快培育壮大市场主体的实施意见', 'little-giant'],
    ]);
  });

  it('counts the innovation-voucher ceiling 可提高至50万元 as a cap for the provincial tier (a deliberate choice)', () => {
    const { awards } = extractAwards('支持科技创新券在长三角区域通用通兑，省级及以上“专精特新”中小企业申请创新券额度可提高至50万元。');
    expect(awards).toEqual([expect.objectContaining({ kind: 'cap', amountYuan: 500_000, form: null, tier: 'provincial-srdi', recipient: '省级及以上“专精特新”中小企业' })]);
  });

  it('keeps in-kind benefits of a tier few and precise: 加分, 直通资格, D类高层次人才', () => {
    const kinds = (t: string) => extractAwards(t).awards.map((a) => [a.kind, a.tier]);
    expect(kinds('对有效期内的专精特新“小巨人”企业和省级隐形冠军企业，在工业企业绩效综合评价中给予加分。')).toEqual([
      ['non-monetary', 'little-giant'],
      ['non-monetary', 'hidden-champion'],
    ]);
    expect(kinds('将国家级专精特新“小巨人”企业主要经营管理人才（指董事长、总经理）认定为杭州市D类高层次人才。')).toEqual([['non-monetary', 'little-giant']]);
    expect(kinds('对非专门面向中小企业的政府采购项目，小微企业参与政府采购活动给予10%价格扣除。')).toEqual([]);
    expect(kinds('对专精特新企业在出口承保、理赔、资信服务等方面予以支持。')).toEqual([]);
  });

  it('quotes exactly the clause text at the span', () => {
    const text = '分别给予每家企业 100 万元、60 万元经费支持';
    for (const a of extractAwards(`支持符合条件的专精特新“小巨人”企业建设院士工作站、专家工作站，${text}。`).awards) {
      expect(a.quote).toContain('100 万元');
    }
  });
});

describe('numbers that are never awards', () => {
  // Every one of these is a real sentence from the sources.
  const traps: Array<[string, string]> = [
    ['a loan principal ceiling', '每家企业每年可享受贴息的最高贷款金额为2000万元。'],
    ['a programme budget', '市工信专项资金每年安排不少于1000万元，支持“专精特新”中小企业购买第三方机构优质服务产品。'],
    ['an eligibility threshold', '对年产值达3亿以上、租用国有产业用房3年以上的专精特新企业，可按国有资产处置程序受让一定面积产业用房。'],
    ['a land area', '每年全市出让工业用地不少于10000亩，加强“专精特新”中小企业用地要素保障。'],
    ['a Hangzhou 2025 target', '到2025年，全市累计培育创新型中小企业3万家，滚动培育省级“专精特新”中小企业不低于2500家，其中省级“隐形冠军”企业不低于100家，国家级专精特新“小巨人”企业不低于240家。'],
    ['a Jiaxing 2023 target', '到2023年，新增省级科技型中小企业2400家、省级“专精特新”中小企业600家、国家级专精特新“小巨人”和省级“隐形冠军”75家、国家制造业“单项冠军”(培育)企业15家。'],
    ['an annual target', '每年新增高新技术企业300家、“小升规”企业300、省级“专精特新”中小企业180家、省科技型中小企业800家。'],
    ['patents', '到2023年，“专精特新”中小企业新增有效发明专利200件。'],
    ['projects', '到2023年，新增省级首台套60项，中小企业新转化科技成果100项。'],
    ['standards', '到2025年，新增“浙江制造”标准50项，各级“领跑者”企业标准10项。'],
    ['people', '到2023年，力争引进100名以上海外高端人才。'],
    ['events', '每年开展不少于10场“专精特新”中小企业供需对接会。'],
  ];
  it.each(traps)('does not make %s an award', (_name, sentence) => {
    expect(extractAwards(sentence).awards).toEqual([]);
  });

  it('finds no award in any target sentence of any source', () => {
    for (const key of ['changsha', 'jiaxing', 'shenzhen', 'hangzhou'] as const) {
      for (const clause of clausesOf(key)) {
        const { awards, targets } = extract(clause);
        for (const t of targets) {
          const overlapping = awards.filter((a) => a.span.start < t.span.end && t.span.start < a.span.end && a.amountYuan !== null);
          expect(overlapping, `${clause.id}: ${t.quote}`).toEqual([]);
        }
      }
    }
  });
});

describe('award extraction properties', () => {
  it('never throws, and every quote is the text at its span', () => {
    const pieces = ['对', '分别给予', '、', '和', '，', '。', '；', '50万元', '１００万元', '最高不超过', '30%', '二分之一', '减半征收', '1:1配套', '按规定给予奖励', '企业', '“小巨人”', '(', ')', '的', '给予加分', ' '];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''))), (text) => {
        const { awards } = extractAwards(text);
        for (const a of awards) expect(a.quote).toBe(text.slice(a.span.start, a.span.end));
      }),
    );
  });

  it('reads the same awards with full-width digits', () => {
    const text = '对获得国家级专精特新“小巨人”企业、省级“隐形冠军”企业、省级“专精特新”中小企业分别给予150万元、100万元、10万元的奖励。';
    const wide = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(short(wide)).toEqual(short(text));
  });

  it('stays fast on long text with stray brackets and quotes (no runaway backtracking or splitting)', () => {
    const pieces = ['对', '分别给予', '、', '，', '。', '50万元', '最高不超过', '30%', '企业', '“', '”', '(', '的', '给予', '按规定给予奖励', '到2025年', '3万家'];
    let text = '';
    for (let i = 0; i < 20_000; i++) text += pieces[(i * 7919) % pieces.length];
    const started = performance.now();
    extractAwards(text);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
