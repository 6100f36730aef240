import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../src/lib/atlas';
import { categoryLevels, headlineLittleGiant, tierLadder } from '../src/lib/benchmark';
import { categorySeries, headlineSeries, ladderSeries, pointMark, spreadNote, type BarSeries } from '../src/charts/award-bars/state';
import { escapeXml, LAYOUT_WIDTH, PALETTE, quoteId, renderBars, renderChart, textWidth, wrapText } from '../src/charts/award-bars/render';
import { award, clause, policy, TODAY } from './site-fixtures';
import { provenance } from '../src/lib/status';

const hrefFor = (id: string) => `/clause/${id}/`;
const A = policy({ id: 'alpha', city: { zh: '甲市', slug: 'alpha' }, effective: '2024-01-01' });
const B = policy({ id: 'beta', city: { zh: '乙市', slug: 'beta' }, effective: '2024-01-01' });
const C = policy({ id: 'gamma', city: { zh: '丙市', slug: 'gamma' } });
const aText = '认定奖励。对首次认定的“小巨人”企业给予一次性50万元奖励。';
const a1 = clause(A, '1', aText, {}, (id, t) => [award(id, 1, t, '给予一次性50万元奖励', { amountYuan: 500_000, tier: 'little-giant', frequency: 'one-off' })]);
const bText = '认定奖励。对“小巨人”企业给予最高150万元奖励。';
const b1 = clause(B, '1', bText, {}, (id, t) => [award(id, 1, t, '给予最高150万元奖励', { amountYuan: 1_500_000, kind: 'cap', tier: 'little-giant' })]);
const atlas = buildAtlas([A, B, C], [a1, b1], TODAY);

describe('award-bars state', () => {
  it('draws fixed sums and ceilings as bars and everything else as words', () => {
    const [fixed, cap] = [a1, b1].map((c) => {
      const p = c.policyId === 'alpha' ? A : B;
      return pointMark({ award: c.awards[0]!, clause: c, policy: p, provenance: provenance(p, TODAY) }, hrefFor);
    });
    expect(fixed).toMatchObject({ kind: 'fixed', valueWan: 50, label: '50 万元', href: '/clause/alpha/1/' });
    expect(cap).toMatchObject({ kind: 'cap', valueWan: 150, label: '最高 150 万元' });
    const delegated = { ...a1.awards[0]!, kind: 'unquantified' as const, amountYuan: null, reason: 'delegated-to-other-document' as const, reference: '实施意见' };
    expect(pointMark({ award: delegated, clause: a1, policy: A, provenance: provenance(A, TODAY) }, hrefFor)).toMatchObject({ kind: 'text', valueWan: null, label: '金额由其他文件规定：《实施意见》' });
  });
  it('gives the headline one row per policy and says when a policy has no such award', () => {
    const series = headlineSeries(headlineLittleGiant(atlas), hrefFor);
    const rows = series.groups[0]!.rows;
    expect(rows.map((r) => r.label)).toEqual(['甲市', '乙市', '丙市']);
    expect(rows[2]!.mark).toMatchObject({ kind: 'text', href: null, muted: true, label: '未能解析出条款' });
    expect(series.maxWan).toBe(150);
    expect(series.kinds).toEqual(['fixed', 'cap', 'text']);
  });
  it('groups the ladder by tier and computes the spread only among fixed sums in force, naming what it leaves out', () => {
    const family = tierLadder(atlas)[0]!;
    const series = ladderSeries(family, hrefFor);
    expect(series.groups[0]!.label).toContain('国家级专精特新');
    expect(series.groups[0]!.note).toBe('只有 1 个可比金额（现行有效的定额：甲市 50 万元），不计算倍数；未计入：乙市 最高 150 万元（上限，非定额）');
    expect(series.groups[0]!.rows.map((r) => r.mark.kind)).toEqual(['fixed', 'cap', 'text']);
    expect(spreadNote(null)).toBe('');
  });
  it('leaves a draft\'s figure out of the ratio and says so with its status', () => {
    const D = policy({ id: 'delta', city: { zh: '丁市', slug: 'delta' }, effective: '2024-01-01' });
    const E = policy({ id: 'epsilon', city: { zh: '戊市', slug: 'epsilon' }, draft: true });
    const text = '认定奖励。对首次认定的“小巨人”企业给予一次性150万元奖励。';
    const fixedAward = (amount: number) => (id: string, t: string) => [award(id, 1, t, '给予一次性150万元奖励', { amountYuan: amount, tier: 'little-giant', frequency: 'one-off' as const })];
    const ladder = tierLadder(buildAtlas([A, D, E], [a1, clause(D, '1', text, {}, fixedAward(1_500_000)), clause(E, '1', text, {}, fixedAward(3_000_000))], TODAY));
    const spread = ladder[0]!.tiers[0]!.spread!;
    expect(spread.ratio).toBe(3);
    expect(spread.compared.map((p) => p.policy.id)).toEqual(['alpha', 'delta']);
    expect(spreadNote(spread)).toBe('现行有效的定额中，最高（丁市 150 万元）为最低（甲市 50 万元）的 3 倍；未计入：戊市 300 万元（征求意见稿）');
  });
  it('gives every ladder row its policy\'s status and source kind', () => {
    const rows = ladderSeries(tierLadder(atlas)[0]!, hrefFor).groups[0]!.rows;
    expect(rows.map((r) => r.provenance?.status)).toEqual(['in-force', 'in-force', 'unknown']);
    expect(rows.map((r) => r.provenance?.sourceKind)).toEqual(['official-document', 'official-document', 'official-document']);
  });
  it('labels several recognition awards of one policy by their clause number', () => {
    const twoText = '奖励。给予“小巨人”企业一次性50万元奖励。上市的再给予100万元奖励。';
    const two = clause(C, '3', twoText, {}, (id, t) => [
      award(id, 1, t, '一次性50万元奖励', { amountYuan: 500_000, tier: 'little-giant' }),
      award(id, 2, t, '再给予100万元奖励', { amountYuan: 1_000_000, tier: 'little-giant' }),
    ]);
    const series = ladderSeries(tierLadder(buildAtlas([C], [two], TODAY))[0]!, hrefFor);
    expect(series.groups[0]!.rows.map((r) => r.label)).toEqual(['丙市 第3条', '丙市 第3条']);
  });
  it('labels category rows by tier in full (the chart wraps long labels)', () => {
    const series = categorySeries(categoryLevels(atlas, 'cultivation'), hrefFor);
    expect(series.groups.map((g) => g.label)).toEqual(['甲市（现行有效 · 正式公文）', '乙市（现行有效 · 正式公文）', '丙市（状态未知 · 正式公文）']);
    expect(series.groups[0]!.rows[0]!.label).toBe('国家级专精特新“小巨人”企业');
  });
});

describe('award-bars render', () => {
  const series: BarSeries = {
    unit: '万元',
    maxWan: 150,
    kinds: ['fixed', 'cap', 'text'],
    anyNotInForce: true,
    groups: [
      {
        key: 'g',
        label: '',
        note: '',
        more: null,
        rows: [
          { key: 'a', label: '甲市', mark: { kind: 'fixed', valueWan: 50, label: '50 万元', href: '/clause/a/1/', quote: '给予50万元<奖励>', clause: '1. 认定', kindLabel: '定额', muted: false }, provenance: { status: 'in-force', sourceKind: 'official-document', sourceCount: 2 } },
          { key: 'b', label: '乙市', mark: { kind: 'cap', valueWan: 150, label: '最高 150 万元', href: '/clause/b/1/', quote: '最高150万元', clause: '1. 认定', kindLabel: '最高限额', muted: false }, provenance: { status: 'draft', sourceKind: 'consultancy-article', sourceCount: 1 } },
          { key: 'c', label: '丙市', mark: { kind: 'text', valueWan: null, label: '本政策未规定', href: null, quote: '', clause: '', kindLabel: '', muted: true }, provenance: { status: 'unknown', sourceKind: 'official-reprint', sourceCount: 1 } },
        ],
      },
    ],
  };
  const svg = renderBars(series, { id: 'test', title: '标题 & 说明', desc: '描述' });

  it('carries a title and a description that name the chart', () => {
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 720 \d+"/);
    expect(svg).toContain('<title id="test-title">标题 &amp; 说明</title>');
    expect(svg).toContain('<desc id="test-desc">描述</desc>');
  });
  it('links every mark that has a clause, titled by row, clause and amount, and described by the quote in the table', () => {
    const links = [...svg.matchAll(/<a class="mark" href="([^"]+)" aria-describedby="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['/clause/a/1/', quoteId('test', 0, 0)],
      ['/clause/b/1/', quoteId('test', 0, 1)],
    ]);
    expect(svg).toContain('<title>甲市 1. 认定（现行有效 · 正式公文）：50 万元</title>');
    // The quoted words are written once, in the data table, not again in the SVG.
    expect(svg).not.toContain('给予50万元');
    expect(svg).not.toContain('data-quote');
  });
  it('draws a fixed sum solid and a ceiling hatched, with bar length proportional to the amount', () => {
    const bars = [...svg.matchAll(/<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="\d+" ([^/]*)\/>/g)];
    expect(bars).toHaveLength(2);
    expect(bars[0]![3]).toContain(`fill="${PALETTE.fixed}"`);
    expect(bars[1]![3]).toContain('fill="url(#test-hatch)"');
    expect(Number(bars[1]![2]) / Number(bars[0]![2])).toBeCloseTo(3, 2);
  });
  it('prints every row\'s status and source kind in words, and outlines a bar not in force with dashes', () => {
    const statuses = [...svg.matchAll(/<text class="row-status"[^>]*><tspan[^>]*>([^<]+)<\/tspan><tspan[^>]*>([^<]+)<\/tspan>/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(statuses).toEqual(['现行有效/正式公文', '征求意见稿/咨询机构转载', '状态未知/官方转载']);
    const bars = [...svg.matchAll(/<rect class="bar" [^>]*\/>/g)].map((m) => m[0]);
    expect(bars[0]).not.toContain('stroke-dasharray');
    expect(bars[1]).toContain('stroke-dasharray');
    expect(svg).toContain('非现行有效');
  });
  it('shows the unit and ticks from the scale, and references nothing outside the page', () => {
    expect(svg).toContain('>万元</text>');
    expect(svg).toContain('>150</text>');
    expect(svg.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|url\((?!#)/);
  });
  it('renders an absent row as muted words without a link or a tooltip', () => {
    expect(svg).toMatch(new RegExp(`<text [^>]*class="value mark-absent" fill="${PALETTE.muted}" font-style="italic">本政策未规定</text>`));
    expect(svg).not.toContain('<title>丙市');
  });
  it('estimates CJK text at one em and wraps long labels without dropping a character', () => {
    expect(textWidth('中文', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(12);
    expect(wrapText('一二三四五六', 40, 10)).toEqual(['一二三四', '五六']);
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
  it('breaks lines between words, never inside a number or before closing punctuation', () => {
    expect(wrapText('按 50%，最高 3000 万元', 80, 10)).toEqual(['按 50%，最高', '3000 万元']);
    expect(wrapText('国家级专精特新“小巨人”企业', 70, 10)).toEqual(['国家级专精特新', '“小巨人”企业']);
    const long = '金额由其他文件规定：《关于促进深圳创投风投高质量发展的若干措施》';
    const lines = wrapText(long, 120, 12);
    expect(lines.join('')).toBe(long);
    expect(lines.every((l) => textWidth(l, 12) <= 120)).toBe(true);
  });
  it('keeps every label whole, with its unit, and every tap area at least 24 px, in both layouts', () => {
    const longSeries: BarSeries = {
      ...series,
      groups: [{ ...series.groups[0]!, label: '国家级专精特新“小巨人”企业 · National little giant', rows: [
        ...series.groups[0]!.rows,
        { key: 'd', label: '国家级专精特新“小巨人”企业（首次认定）', mark: { ...series.groups[0]!.rows[1]!.mark, label: '按 50%，最高 3000 万元', valueWan: 3000 }, provenance: null },
      ] }],
      maxWan: 3000,
    };
    for (const layout of ['wide', 'narrow'] as const) {
      const { svg: out, width } = renderChart(longSeries, { id: 'long', title: 't', desc: 'd', layout });
      expect(width).toBe(LAYOUT_WIDTH[layout]);
      const text = out.replace(/<title>.*?<\/title>/g, '').replace(/<[^>]+>/g, '');
      expect(text, layout).toContain('国家级专精特新“小巨人”企业');
      expect(text, layout).toContain('（首次认定）');
      expect(text.replace(/\s/g, ''), layout).toContain('按50%，最高3000万元');
      expect(out).not.toContain('…<');
      const hits = [...out.matchAll(/<rect class="hit" x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"/g)];
      expect(hits.length).toBe(3);
      expect(hits.every((h) => Number(h[1]) >= 24 && Number(h[2]) >= 24), layout).toBe(true);
    }
  });
  it('gives the narrow layout its own ids, so both layouts can share a page', () => {
    const narrow = renderBars(series, { id: 'test', title: 't', desc: 'd', layout: 'narrow' });
    expect(narrow).toContain('id="test-narrow-title"');
    expect(narrow).toContain('fill="url(#test-narrow-hatch)"');
    expect(narrow).toContain(`aria-describedby="${quoteId('test', 0, 1)}"`);
  });
});

describe('award-bars at scale', () => {
  it('charts 300,000 rows without spreading them into a call (which overflows the stack)', () => {
    // Far more rows than any page shows; a `Math.max(...rows)` anywhere would throw a RangeError.
    const rows = Array.from({ length: 300_000 }, (_, i) => ({ policy: A, city: A.city, label: `城市${i}`, state: 'absent' as const, point: null, provenance: provenance(A, TODAY) }));
    const series = headlineSeries(rows, hrefFor);
    expect(series.maxWan).toBe(0);
    const svg = renderBars({ ...series, maxWan: 1 }, { id: 'big', title: 't', desc: 'd' });
    expect(svg.endsWith('</svg>')).toBe(true);
  });
});
