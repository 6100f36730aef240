import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../src/lib/atlas';
import { headlineLittleGiant, representative, spread, tierLadder, categoryLevels, awardPoints } from '../src/lib/benchmark';
import { clauseCategories, compareColumns, compareMatrix, largestAward } from '../src/lib/compare';
import { awardShortLabel, awardValueLabel, clauseLabel, numberCore, wan, zhDate } from '../src/lib/format';
import { markedParagraphs, markRuns } from '../src/lib/highlight';
import { comparePaths, policyOutline } from '../src/lib/outline';
import { boilerplateFromReport, parseReport, summariseReport } from '../src/lib/report';
import { describeType, fieldDocs } from '../src/lib/schema-docs';
import { bigrams, similarityIndex } from '../src/lib/similar';
import { annotateSource } from '../src/lib/source-view';
import { joinBase, routes, sourceSlug } from '../src/lib/url';
import { award, clause, policy, TODAY } from './site-fixtures';
import { z } from 'zod';
import { AwardRowSchema, ClauseRowSchema, PolicyRowSchema, TargetRowSchema } from '../src/schema';

const A = policy({ id: 'alpha-2024', city: { zh: '甲市', slug: 'alpha' }, issuer: '甲市人民政府办公室', docNumber: '甲政办发〔2024〕1号', issued: '2024-03-01' });
const B = policy({ id: 'beta-2023', city: { zh: '乙市', slug: 'beta' }, year: 2023 });
const C = policy({ id: 'gamma-2022', city: { zh: '丙市', slug: 'gamma' } });

const a1Text = '加强认定奖励。对首次认定的专精特新“小巨人”企业，每家给予一次性50万元奖励。';
const a1 = clause(A, '1', a1Text, {}, (id, t) => [award(id, 1, t, '每家给予一次性50万元奖励', { amountYuan: 500_000, tier: 'little-giant', frequency: 'one-off' })]);
const a2Text = '支持上市。对成功上市的专精特新“小巨人”企业给予300万元奖励。';
const a2 = clause(A, '2', a2Text, { primaryCategory: 'finance', categories: ['finance'], categoryEvidence: [{ category: 'finance', words: ['上市'], by: 'rules' }] }, (id, t) => [
  award(id, 1, t, '给予300万元奖励', { amountYuan: 3_000_000, tier: 'little-giant', recognition: false }),
]);
const a3Text = '强化人才支撑。支持企业引进人才，每年最高不超过20万元补助。';
const a3 = clause(A, '3', a3Text, { primaryCategory: 'talent', categories: ['talent'], categoryEvidence: [{ category: 'talent', words: ['人才'], by: 'rules' }] }, (id, t) => [
  award(id, 1, t, '每年最高不超过20万元补助', { amountYuan: 200_000, kind: 'cap', frequency: 'annual', form: '补助' }),
]);
const b1Text = '强化资金奖励。对“小巨人”企业按照我市实施意见予以奖励。';
const b1 = clause(B, '1', b1Text, {}, (id, t) => [
  award(id, 1, t, '按照我市实施意见予以奖励', { kind: 'unquantified', tier: 'little-giant', reason: 'delegated-to-other-document', reference: '我市实施意见' }),
]);
const b2Text = '加分支持。对“小巨人”企业在评价中给予加分。';
const b2 = clause(B, '2', b2Text, {}, (id, t) => [award(id, 1, t, '给予加分', { kind: 'non-monetary', tier: 'little-giant', form: null })]);

const atlas = buildAtlas([C, B, A], [b2, a3, a1, b1, a2], TODAY);

describe('url helpers', () => {
  it('join a base path and a site path with exactly one slash', () => {
    expect(joinBase('/', '/policy/x/')).toBe('/policy/x/');
    expect(joinBase('/atlas/', '/policy/x/')).toBe('/atlas/policy/x/');
    expect(joinBase('/atlas', 'policy/x/')).toBe('/atlas/policy/x/');
  });
  it('write page links absolute with a trailing slash and anchors after it', () => {
    expect(routes.clause('alpha-2024/2.1.3')).toMatch(/\/clause\/alpha-2024\/2\.1\.3\/$/);
    expect(routes.source('alpha.official.txt', 12)).toMatch(/\/source\/alpha\.official\/#L12$/);
    expect(routes.policyClause('alpha-2024', '2.1')).toMatch(/\/policy\/alpha-2024\/#c-2\.1$/);
    expect(sourceSlug('x.reprint.txt')).toBe('x.reprint');
    expect(sourceSlug('x.official.pdf')).toBe('x.official');
    expect(routes.sourceOriginal('x.official.pdf')).toMatch(/\/source\/x\.official\/x\.official\.pdf$/);
  });
});

describe('format', () => {
  it('shows yuan in 万元 and tells a fixed sum from a ceiling', () => {
    expect(wan(500_000)).toBe('50');
    expect(wan(15_000)).toBe('1.5');
    expect(awardValueLabel(a1.awards[0]!)).toBe('50 万元');
    expect(awardValueLabel(a3.awards[0]!)).toBe('最高 20 万元');
  });
  it('names a delegated amount by the document it is delegated to', () => {
    expect(awardValueLabel(b1.awards[0]!)).toBe('金额由其他文件规定：《我市实施意见》');
  });
  it('writes ratios, matching funds and their caps in words', () => {
    const base = { amountYuan: 30_000_000, ratioPercent: 50, ratioBase: '新购研发设备总价', reason: null, reference: null } as const;
    expect(awardValueLabel({ ...base, kind: 'ratio' })).toBe('按 50%（基数：新购研发设备总价），最高 3000 万元');
    expect(awardValueLabel({ ...base, kind: 'matching', ratioPercent: 100, amountYuan: null })).toBe('1:1 配套');
    expect(awardShortLabel({ ...base, kind: 'ratio' })).toBe('按 50%，最高 3000 万元');
    expect(awardShortLabel(a3.awards[0]!)).toBe('最高 20 万元');
  });
  it('strips printed numbers to their core and dates to Chinese', () => {
    expect(numberCore('（三十二）')).toBe('三十二');
    expect(numberCore('23.')).toBe('23');
    expect(numberCore('六、')).toBe('六');
    expect(clauseLabel({ number: '六、', title: '强化人才服务' })).toBe('六、强化人才服务');
    expect(clauseLabel({ number: '(一)', title: '强化资金奖励' })).toBe('(一) 强化资金奖励');
    expect(zhDate('2025-03-01')).toBe('2025年3月1日');
    expect(zhDate(null)).toBe('未注明');
  });
});

describe('markRuns', () => {
  it('covers the text exactly once and merges overlapping award spans', () => {
    const runs = markRuns('分别给予150万元、100万元的奖励。', [
      { start: 0, end: 16 },
      { start: 0, end: 16 },
      { start: 4, end: 10 },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe('分别给予150万元、100万元的奖励。');
    expect(runs.filter((r) => r.marked)).toHaveLength(1);
  });
  it('clips spans that run past the text instead of trusting them', () => {
    const runs = markRuns('abc', [{ start: 2, end: 99 }]);
    expect(runs).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
  });
  it('keeps offsets of the whole text when splitting into paragraphs', () => {
    const paragraphs = markedParagraphs('第一行\n第二行奖励', [{ start: 7, end: 9 }]);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]!.find((r) => r.marked)?.text).toBe('奖励');
  });
});

describe('similarityIndex', () => {
  const items = [
    { id: 'a/1', group: 'a', text: '对首台套产品给予奖励' },
    { id: 'a/2', group: 'a', text: '对首台套产品给予奖励支持' },
    { id: 'b/1', group: 'b', text: '对认定的首台套产品给予100万元奖励' },
    { id: 'c/1', group: 'c', text: '建立人才引进绿色通道' },
  ];
  it('counts character bigrams and ignores punctuation', () => {
    expect([...bigrams('首台（套）').keys()]).toEqual(['首台']);
  });
  it('suggests only clauses of other cities, most similar first', () => {
    const index = similarityIndex(items);
    expect(index.get('a/1')!.map((m) => m.id)).toEqual(['b/1']);
    expect(index.get('b/1')![0]!.id).toMatch(/^a\//);
    expect(index.get('c/1')).toEqual([]);
  });
  it('still finds a near-duplicate in another city among many clauses with bounded work', () => {
    const filler = Array.from({ length: 300 }, (_, i) => ({ id: `f/${i}`, group: `g${i % 7}`, text: `支持企业开展第${i}项数字化改造并给予补助${i * 13}` }));
    const pair = [
      { id: 'x/1', group: 'x', text: '对认定为国际、国内、省内首台（套）的产品分别给予200万元、100万元、50万元的资助' },
      { id: 'y/1', group: 'y', text: '对经认定的国内、省内、市内重大技术装备首台套分别给予150万元、50万元和20万元的奖励' },
    ];
    const index = similarityIndex([...filler, ...pair], { maxPostings: 20, candidates: 5 });
    expect(index.get('x/1')![0]!.id).toBe('y/1');
  });
  it('gives the same answer for the same input', () => {
    expect(similarityIndex(items)).toEqual(similarityIndex([...items]));
  });
});

describe('buildAtlas', () => {
  it('orders policies by city and clauses by policy then printed order', () => {
    expect(atlas.policies.map((p) => p.id)).toEqual(['alpha-2024', 'beta-2023', 'gamma-2022']);
    expect(atlas.clauses.map((c) => c.id)).toEqual(['alpha-2024/1', 'alpha-2024/2', 'alpha-2024/3', 'beta-2023/1', 'beta-2023/2']);
    expect(atlas.clausesByPolicy.get('gamma-2022')).toEqual([]);
    expect(atlas.awardTotal).toBe(5);
  });
});

describe('compare', () => {
  it('lists a clause under its primary and other categories, and none before classification', () => {
    expect(clauseCategories({ ...a1, categories: ['fiscal'] })).toEqual(['cultivation', 'fiscal']);
    expect(clauseCategories({ ...a1, categories: [], categoryEvidence: [] })).toEqual([]);
  });
  it('says why a city has no clause: none of this kind, or nothing parsed', () => {
    const columns = compareColumns(atlas, 'talent');
    expect(columns.map((c) => [c.city.slug, c.state])).toEqual([
      ['alpha', 'clauses'],
      ['beta', 'none'],
      ['gamma', 'not-parsed'],
    ]);
  });
  it('says clauses are not classified yet when classification has not run', () => {
    const raw = buildAtlas([A], [{ ...a1, categories: [], categoryEvidence: [] }], TODAY);
    expect(compareColumns(raw, 'cultivation')[0]!.state).toBe('not-classified');
  });
  it('finds the largest stated sum, ignoring awards without one and awards a tier\'s enterprises get for something else', () => {
    // a2's 300万 is paid to little giants that list on an exchange: not the tier's price.
    expect(largestAward([a1, a2, b1])!.award.amountYuan).toBe(500_000);
    expect(largestAward([a2, a3])!.award.amountYuan).toBe(200_000);
    expect(largestAward([b1, b2])).toBeNull();
  });
  it('fills the matrix with a count and the largest award per cell', () => {
    const row = compareMatrix(atlas).find((r) => r.category.id === 'cultivation')!;
    expect(row.cells.map((c) => c.count)).toEqual([1, 2, 0]);
    expect(row.cells[0]!.largest!.award.amountYuan).toBe(500_000);
    expect(row.total).toBe(3);
  });
});

describe('policyOutline', () => {
  const sections = [
    { path: '1', marker: '一、', title: '总体要求', depth: 1 },
    { path: '2', marker: '二、', title: '重点任务', depth: 1 },
    { path: '2.1', marker: '（一）', title: '主体培育', depth: 2 },
    { path: '3', marker: '三、', title: '保障措施', depth: 1 },
  ];
  const p = policy({ id: 'outline', city: { zh: '甲', slug: 'a' } });
  const c11 = clause(p, '1.1', '工作目标。', { ordinal: 1 });
  const c211 = clause(p, '2.1.1', '夯实基础。', { ordinal: 2 });
  it('compares dotted paths numerically with a prefix first', () => {
    expect(comparePaths('2', '10')).toBeLessThan(0);
    expect(comparePaths('2', '2.1')).toBeLessThan(0);
    expect(comparePaths('2.10', '2.9')).toBeGreaterThan(0);
  });
  it('puts headings before the clauses under them, in printed order, without skipping levels', () => {
    const items = policyOutline(sections, [c211, c11]);
    expect(items.map((i) => (i.type === 'section' ? `s${i.section.path}@${i.level}` : `c${i.clause.path}@${i.level}`))).toEqual([
      's1@2',
      'c1.1@3',
      's2@2',
      's2.1@3',
      'c2.1.1@4',
      's3@2',
    ]);
  });
});

describe('benchmark', () => {
  it('takes the first-time recognition award, shows a delegated one, and names absence', () => {
    const rows = headlineLittleGiant(atlas);
    expect(rows.map((r) => [r.policy.id, r.state])).toEqual([
      ['alpha-2024', 'quantified'],
      ['beta-2023', 'unquantified'],
      ['gamma-2022', 'not-parsed'],
    ]);
    // The 300万 listing award names the same tier but is not paid for the recognition.
    expect(rows[0]!.point!.award.amountYuan).toBe(500_000);
    expect(rows[1]!.point!.award.reason).toBe('delegated-to-other-document');
  });
  it('does not count an annual payment as the first-time award', () => {
    const annual = clause(C, '1', a1Text, {}, (id, t) => [
      award(id, 1, t, '每家给予一次性50万元奖励', { amountYuan: 500_000, tier: 'little-giant', frequency: 'annual' }),
    ]);
    const rows = headlineLittleGiant(buildAtlas([C], [annual], TODAY));
    expect(rows[0]!.state).toBe('absent');
  });
  it('compares one representative sum per city and leaves ceilings out of the ratio', () => {
    const points = awardPoints(atlas).filter((p) => p.award.tier === 'little-giant');
    expect(representative(points.filter((p) => p.policy.id === 'alpha-2024'))!.award.amountYuan).toBe(500_000);
    expect(representative(points.filter((p) => p.award.recognition === false))).toBeNull();
    expect(spread(points)).toMatchObject({ ratio: null, min: null, max: null }); // only one city states a sum
    const other = clause(C, '1', '认定奖励。给予“小巨人”企业最高150万元奖励。', {}, (id, t) => [
      award(id, 1, t, '最高150万元奖励', { amountYuan: 1_500_000, kind: 'cap', tier: 'little-giant' }),
    ]);
    const both = awardPoints(buildAtlas([A, B, C], [a1, a2, other], TODAY)).filter((p) => p.award.tier === 'little-giant');
    const s = spread(both)!;
    expect(s.ratio).toBeNull();
    expect(s.compared.map((p) => p.policy.id)).toEqual(['alpha-2024']);
    expect(s.excluded.map((e) => [e.point.policy.id, e.why])).toEqual([['gamma-2022', 'not-in-force']]);
  });
  it('builds the ladder from paid tiers only, with a row per policy', () => {
    const ladder = tierLadder(atlas);
    expect(ladder.map((f) => f.family)).toEqual(['srdi']);
    const tier = ladder[0]!.tiers[0]!;
    expect(tier.tier.id).toBe('little-giant');
    expect(tier.rows.map((r) => [r.policy.id, r.points.length, r.state])).toEqual([
      ['alpha-2024', 1, 'awarded'], // the 300万 listing award is not paid for the tier
      ['beta-2023', 1, 'awarded'], // the delegated award; the 加分 is not money
      ['gamma-2022', 0, 'not-parsed'],
    ]);
  });
  it('lists award levels by policy within a category', () => {
    expect(categoryLevels(atlas, 'talent').map((r) => r.points.length)).toEqual([1, 0, 0]);
  });
});


describe('source view', () => {
  // Lines as ingest writes them to generated/sources (tests/ingest-pipeline.test.ts checks the split).
  const text = ['封面', '', '一、条款正文[bookmark: _GoBack]', '续行', '版权所有'];
  it('marks clause lines, whole-line boilerplate with its rule, and partial removals', () => {
    const c = clause(A, '1', '条款正文', { source: { file: 'x.txt', lineStart: 3, lineEnd: 4 } });
    const lines = annotateSource(text, 'x.txt', [c], [
      { lineStart: 1, lineEnd: 1, rule: 'cover-page', text: '封面\r\n' },
      { lineStart: 3, lineEnd: 3, rule: 'word-residue', column: 7, text: '[bookmark: _GoBack]' },
      { lineStart: 5, lineEnd: 5, rule: 'site-footer', text: '版权所有' },
    ]);
    expect(lines.map((l) => l.role)).toEqual(['boilerplate', 'blank', 'clause', 'clause', 'boilerplate']);
    expect(lines[0]!.rule).toBe('cover-page');
    expect(lines[2]).toMatchObject({ clauseId: c.id, clauseStart: true, partial: [{ rule: 'word-residue', text: '[bookmark: _GoBack]' }] });
    expect(lines[3]!.clauseStart).toBeUndefined();
  });
  it('calls lines outside clauses "outside" when no boilerplate list is known', () => {
    expect(annotateSource(['甲', '乙'], 'x.txt', [], null).map((l) => l.role)).toEqual(['outside', 'outside']);
  });
  it('gives each line of a PDF’s extracted text its page and line, and marks where each page starts', () => {
    const lines = annotateSource(['甲', '乙', '丙', '丁'], 'x.pdf', [], [], ['p. 1, l. 2', 'p. 1, l. 3–5', 'pp. 1–2 (p. 1, l. 6 – p. 2, l. 2)', 'p. 2, l. 3']);
    expect(lines.map((l) => l.origin)).toEqual(['p. 1, l. 2', 'p. 1, l. 3–5', 'pp. 1–2 (p. 1, l. 6 – p. 2, l. 2)', 'p. 2, l. 3']);
    expect(lines.map((l) => l.pageStart)).toEqual([1, undefined, undefined, 2]);
  });
  it('gives Word lines their paragraph and no page marks', () => {
    const lines = annotateSource(['甲', '乙'], 'x.docx', [], [], ['¶ 1', '¶ 3']);
    expect(lines.map((l) => [l.origin, l.pageStart])).toEqual([['¶ 1', undefined], ['¶ 3', undefined]]);
  });
});

describe('ingest report reading', () => {
  const accounting = { file: 'content/sources/x.txt', totalChars: 10, clauses: 1, clauseChars: 6, preambleChars: 0, headingChars: 0, metadataChars: 0, boilerplateChars: { 'site-nav': 4 }, unaccounted: 0 };
  const report = parseReport({
    ok: true,
    strict: false,
    policies: [],
    messages: [],
    removedBoilerplate: [
      { file: 'content/sources/x.txt', line: 1, column: 1, rule: 'site-nav', text: '导航\n图片\n' },
      { file: 'content/sources/y.txt', line: 4, column: 1, rule: 'site-footer', text: '版权所有' },
    ],
    sources: [accounting],
  });
  it('refuses a report that does not match the schema', () => {
    expect(parseReport({ sources: [{ file: 'x.txt' }] })).toBeNull();
    expect(parseReport(null)).toBeNull();
  });
  it('turns removals into line ranges of the file asked for', () => {
    expect(boilerplateFromReport(report, 'x.txt')).toEqual([{ lineStart: 1, lineEnd: 2, rule: 'site-nav', column: 1, text: '导航\n图片\n' }]);
    expect(boilerplateFromReport(null, 'x.txt')).toBeNull();
    // What extraction dropped from a published file is not a line of its text.
    const withDropped = parseReport({ ...report, removedBoilerplate: [{ file: 'x.html', line: 3, column: 1, rule: 'html-script', text: 'alert(1)', origin: 'HTML 3:1' }] });
    expect(boilerplateFromReport(withDropped, 'x.html')).toEqual([]);
  });
  it('reads the accounting per source by file name', () => {
    expect(summariseReport(report)!.accounting[0]).toMatchObject({ file: 'x.txt', totalChars: 10, unaccounted: 0 });
    expect(summariseReport(null)).toBeNull();
  });
});

describe('schema docs', () => {
  it('reads each field of a z.object with its type and its description from the schema', () => {
    const schema = z.object({ id: z.string().describe('The id.'), plain: z.number(), when: z.string().nullable().describe('A date.') });
    expect(fieldDocs(schema)).toEqual([
      { name: 'id', type: 'string', doc: 'The id.' },
      { name: 'plain', type: 'number', doc: '' },
      { name: 'when', type: 'string | null', doc: 'A date.' },
    ]);
  });
  it('describes every download column, the repeated policy and release columns included', () => {
    for (const schema of [PolicyRowSchema, ClauseRowSchema, AwardRowSchema, TargetRowSchema]) {
      for (const f of fieldDocs(schema)) expect(f.doc, f.name).not.toBe('');
    }
  });
  it('describes JSON Schema types in one line', () => {
    expect(describeType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(describeType({ type: 'array', items: { type: 'integer' } })).toBe('array of integer');
    expect(describeType({ enum: ['a', 'b'] })).toBe('"a" | "b"');
  });
});
