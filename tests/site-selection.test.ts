// Default selections and paging of the pages that list every city, on synthetic atlases of 4,
// 40 and 400 cities: with few cities everything shows as before; with many, what a page holds
// stays bounded and everything left out is reachable on a paged list.
import { describe, expect, it } from 'vitest';
import { buildAtlas, type Atlas } from '../src/lib/atlas';
import { categoryLevels, headlineLittleGiant, tierLadder } from '../src/lib/benchmark';
import { compareColumns } from '../src/lib/compare';
import { chunk, LIMITS, median, pageCount, pageItems, pageOfIndex, pagerItems } from '../src/lib/paging';
import {
  cityPageOf,
  cityPages,
  cityRangeLabel,
  defaultColumns,
  defaultMatrixCities,
  homePolicies,
  pagedLevels,
  rankPolicyRows,
  selectHeadline,
  selectPolicyRows,
} from '../src/lib/selection';
import { countsText, headlineMore, headlineSeries, ladderSeries, moreText } from '../src/charts/award-bars/state';
import { renderBars } from '../src/charts/award-bars/render';
import { routes } from '../src/lib/url';
import type { Clause, Policy } from '../src/schema';
import { award, clause, policy, TODAY } from './site-fixtures';

const hrefFor = (id: string) => `/clause/${id}/`;

/**
 * `n` cities, one policy each. City i pays a little-giant award of (i mod 9 + 1) × 10 万元,
 * except: every 5th pays nothing for the tier, every 7th only says the sum is set elsewhere,
 * and every 10th has no clause parsed. Every city has `i mod 3 + 1` cultivation clauses.
 */
function syntheticAtlas(n: number): Atlas {
  const policies: Policy[] = [];
  const clauses: Clause[] = [];
  for (let i = 0; i < n; i++) {
    const slug = `c${String(i).padStart(3, '0')}`;
    const p = policy({ id: `${slug}-measures`, city: { zh: `城${i}`, slug }, issued: `20${10 + (i % 15)}-01-0${(i % 9) + 1}` });
    policies.push(p);
    if (i % 10 === 9) continue;
    const amount = ((i % 9) + 1) * 10;
    for (let k = 1; k <= (i % 3) + 1; k++) {
      if (k > 1 || i % 5 === 4) {
        clauses.push(clause(p, String(k), `培育。支持企业第${k}项。`));
      } else if (i % 7 === 6) {
        const text = '认定奖励。对“小巨人”企业按有关规定予以奖励。';
        clauses.push(clause(p, '1', text, {}, (id, t) => [award(id, 1, t, '按有关规定予以奖励', { kind: 'unquantified', tier: 'little-giant', reason: 'amount-not-stated' })]));
      } else {
        const text = `认定奖励。对首次认定的“小巨人”企业给予一次性${amount}万元奖励。`;
        clauses.push(clause(p, '1', text, {}, (id, t) => [award(id, 1, t, `给予一次性${amount}万元奖励`, { amountYuan: amount * 10_000, tier: 'little-giant', frequency: 'one-off' })]));
      }
    }
  }
  return buildAtlas(policies, clauses, TODAY);
}

const small = syntheticAtlas(4);
const medium = syntheticAtlas(40);
const large = syntheticAtlas(400);

describe('paging helpers', () => {
  it('count pages, slice them, and find the page of an item', () => {
    expect(pageCount(0, 8)).toBe(1);
    expect(pageCount(8, 8)).toBe(1);
    expect(pageCount(9, 8)).toBe(2);
    expect(() => pageCount(3, 0)).toThrow(/at least 1/);
    expect(pageItems([1, 2, 3, 4, 5], 2, 3)).toEqual([5]);
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([[]]);
    expect(pageOfIndex(0, 8)).toBe(1);
    expect(pageOfIndex(8, 8)).toBe(2);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('marks the current page among links to every page', () => {
    const items = pagerItems(3, 2, (n) => `/p/${n}/`);
    expect(items.map((i) => [i.label, i.href, i.current])).toEqual([
      ['1', '/p/1/', false],
      ['2', '/p/2/', true],
      ['3', '/p/3/', false],
    ]);
  });
  it('writes paged routes with page 1 at the unpaged address where there is one', () => {
    expect(routes.compareCities('talent', 3)).toBe('/compare/talent/page/3/');
    expect(routes.compareCities(null, 1)).toBe('/compare/page/1/');
    expect(routes.benchmarkPage('talent', 1)).toBe('/benchmark/talent/');
    expect(routes.benchmarkPage('talent', 2)).toBe('/benchmark/talent/page/2/');
    expect(routes.tierRanking('little-giant')).toBe('/benchmark/tier/little-giant/');
    expect(routes.tierRanking('little-giant', 4)).toBe('/benchmark/tier/little-giant/page/4/');
  });
});

describe('home headline', () => {
  it('shows every city in atlas order when they fit', () => {
    const rows = headlineLittleGiant(small);
    const selection = selectHeadline(rows);
    expect(selection.capped).toBe(false);
    expect(selection.shown).toEqual(rows);
    expect(headlineMore(selection, '/x/')).toBeNull();
  });
  it('keeps the top cities by amount at 400 cities and counts the rest', () => {
    const rows = headlineLittleGiant(large);
    const selection = selectHeadline(rows);
    expect(selection.capped).toBe(true);
    expect(selection.shown).toHaveLength(LIMITS.chartRows);
    const amounts = selection.shown.map((r) => r.point!.award.amountYuan!);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(Math.max(...rows.filter((r) => !selection.shown.includes(r) && r.state === 'quantified').map((r) => r.point!.award.amountYuan!)));
    const { counts } = selection;
    expect(counts.total).toBe(400);
    expect(counts.quantified + counts.words + counts.absent + counts.notParsed).toBe(400);
    expect(counts.notParsed).toBe(40);
    expect(counts.quantified).toBe(rows.filter((r) => r.state === 'quantified').length);
    const more = headlineMore(selection, '/benchmark/tier/little-giant/');
    expect(more?.href).toBe('/benchmark/tier/little-giant/');
    expect(more?.text).toBe(moreText(LIMITS.chartRows, counts, selection.tiedBeyond));
    expect(more?.text).toMatch(/^显示金额最高的 12 个（另有 \d+ 个与末位同额，同额按城市拼音排序）；共 400 个政策：\d+ 个写明金额（中位数 \d+ 万元），\d+ 个以文字说明，\d+ 个未规定，40 个未能解析$/);
  });
  it('says how many cities left out pay the same as the last one shown', () => {
    const rows = headlineLittleGiant(large);
    const selection = selectHeadline(rows);
    const cut = selection.shown[selection.shown.length - 1]!.point!.award.amountYuan;
    const sameAsCut = rows.filter((r) => r.state === 'quantified' && r.point!.award.amountYuan === cut);
    expect(selection.tiedBeyond).toBe(sameAsCut.filter((r) => !selection.shown.includes(r)).length);
    expect(selection.tiedBeyond).toBeGreaterThan(0);
    expect(selectHeadline(rows, 1000).tiedBeyond).toBe(0);
  });
  it('draws a chart of the same size at 40 and 400 cities, with the quotes only in the table', () => {
    const svgFor = (atlas: Atlas) => {
      const selection = selectHeadline(headlineLittleGiant(atlas));
      return renderBars(headlineSeries(selection.shown, hrefFor, headlineMore(selection, '/all/')), { id: 'h', title: 't', desc: 'd' });
    };
    const [at40, at400] = [svgFor(medium), svgFor(large)];
    expect(Math.abs(at400.length - at40.length)).toBeLessThan(at40.length * 0.05);
    expect(at400).toContain('href="/all/"');
    expect(at400).not.toContain('给予一次性');
  });
});

describe('tier ladder', () => {
  it('keeps each tier to the top policies by amount and links the full ranking', () => {
    const family = tierLadder(large)[0]!;
    const series = ladderSeries(family, hrefFor, { rankingHref: (tier) => routes.tierRanking(tier) });
    for (const group of series.groups) {
      expect(group.rows.length).toBeLessThanOrEqual(LIMITS.ladderRows);
      expect(group.more?.href).toBe(`/benchmark/tier/${group.key}/`);
      expect(group.rows.every((r) => r.mark.href !== null)).toBe(true);
    }
  });
  it('keeps every row, absent ones included, when the cities fit', () => {
    const family = tierLadder(small)[0]!;
    const series = ladderSeries(family, hrefFor, { rankingHref: () => '/never/' });
    expect(series.groups[0]!.rows.map((r) => r.label)).toEqual(small.policies.map((p) => p.city.zh));
    expect(series.groups[0]!.more).toBeNull();
  });
  it('ranks every paying policy in the full ranking and leaves the others to be named', () => {
    const tier = tierLadder(large)[0]!.tiers[0]!;
    const { ranked, unranked, counts } = rankPolicyRows(tier.rows);
    expect(ranked.length + unranked.length).toBe(400);
    expect(ranked.length).toBe(counts.quantified + counts.words);
    expect(unranked.every((r) => r.points.length === 0)).toBe(true);
    const top = selectPolicyRows(tier.rows).shown;
    expect(ranked.slice(0, top.length)).toEqual(top);
    expect(countsText(counts)).toMatch(/^共 400 个政策：/);
  });
});

describe('benchmark by category', () => {
  it('puts every policy on one page in atlas order when they fit', () => {
    const levels = pagedLevels(categoryLevels(small, 'cultivation'));
    expect(levels.capped).toBe(false);
    expect(levels.pages).toEqual([categoryLevels(small, 'cultivation')]);
  });
  it('pages the ranking with a bounded number of policies a page, and names those without awards', () => {
    const rows = categoryLevels(large, 'cultivation');
    const levels = pagedLevels(rows);
    expect(levels.capped).toBe(true);
    expect(levels.pages.every((p) => p.length <= LIMITS.chartRows)).toBe(true);
    const onPages = levels.pages.flat();
    expect(new Set([...onPages, ...levels.unranked].map((r) => r.policy.id)).size).toBe(400);
    expect(onPages.length + levels.unranked.length).toBe(400);
    expect(levels.unranked.every((r) => r.points.length === 0)).toBe(true);
  });
});

describe('compare pages', () => {
  it('show every city when they fit and the cities with the most clauses otherwise', () => {
    expect(defaultColumns(compareColumns(small, 'cultivation')).shown.map((c) => c.city.slug)).toEqual(small.cities.map((c) => c.slug));
    const { shown, capped } = defaultColumns(compareColumns(large, 'cultivation'));
    expect(capped).toBe(true);
    expect(shown).toHaveLength(LIMITS.cityColumns);
    expect(shown.every((c) => c.clauses.length === 3)).toBe(true);
    expect(shown.map((c) => c.city.slug)).toEqual(['c002', 'c005', 'c008', 'c011', 'c014', 'c017', 'c020', 'c023']);
  });
  it('list every city once in the directory, on the page cityPageOf names', () => {
    const pages = cityPages(large.cities);
    expect(pages).toHaveLength(Math.ceil(400 / LIMITS.cityColumns));
    expect(pages.flatMap((p) => p.cities)).toEqual(large.cities);
    for (const city of large.cities) expect(pages[cityPageOf(large.cities, city.slug) - 1]!.cities).toContain(city);
    expect(() => cityPageOf(large.cities, 'nowhere')).toThrow(/`nowhere`/);
    expect(cityRangeLabel(pages[0]!)).toBe('城0—城7');
  });
  it('fill the matrix with all cities when they fit, else the cities with the most clauses', () => {
    expect(defaultMatrixCities(small)).toEqual({ shown: small.cities, capped: false });
    const { shown, capped } = defaultMatrixCities(large);
    expect(capped).toBe(true);
    expect(shown).toHaveLength(LIMITS.cityColumns);
  });
});

describe('home policies', () => {
  it('lists every policy when they fit and the most recent ones otherwise', () => {
    expect(homePolicies(small.policies)).toEqual({ shown: small.policies, capped: false });
    const { shown, capped } = homePolicies(large.policies);
    expect(capped).toBe(true);
    expect(shown).toHaveLength(LIMITS.homePolicies);
    const dates = shown.map((p) => p.issued!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.every((d) => d >= large.policies.map((p) => p.issued!).sort().reverse()[LIMITS.homePolicies - 1]!)).toBe(true);
  });
});
