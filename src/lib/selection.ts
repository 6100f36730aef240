// Default selections of the pages that list every city: when everything fits, everything is
// shown in atlas order (the real corpus of a few cities looks as it always did); when it does
// not, a page shows the top rows by amount (or the cities with the most clauses) and says how
// many it left out, and the rest is one link away on paged lists. Pure and unit-tested.
import type { City, Policy } from '../schema';
import type { Atlas } from './atlas';
import { isQuantified, type AwardPoint, type HeadlineRow, type PolicyRow } from './benchmark';
import type { CompareColumn } from './compare';
import { chunk, LIMITS, median, pageOfIndex } from './paging';

/** How a row stands in a ranking: a stated sum, awards only in words, none, or nothing parsed. */
export type RowKind = 'quantified' | 'words' | 'absent' | 'not-parsed';

/** How the rows of a whole group (not only the shown ones) divide, for the "N more" note. */
export interface RowCounts {
  total: number;
  quantified: number;
  words: number;
  absent: number;
  notParsed: number;
  /** Median of the quantified rows' ranking sums, in yuan; null when none. */
  medianYuan: number | null;
  /** True when some ranking sum is a ceiling rather than a fixed sum. */
  anyCap: boolean;
}

export interface RowSelection<R> {
  /** The rows drawn, in display order. */
  shown: R[];
  /** True when rows were left out: the shown ones are then the top by amount, ranked. */
  capped: boolean;
  counts: RowCounts;
  /**
   * Rows left out that state the same sum as the last one shown (ties are broken by atlas
   * order, so a reader must be told the cut fell inside a tie); 0 when uncapped.
   */
  tiedBeyond: number;
}

/** The largest fixed sum or ceiling among the points, with its award; null when none states one. */
export function topPoint(points: readonly AwardPoint[]): AwardPoint | null {
  let best: AwardPoint | null = null;
  for (const p of points) {
    if (!isQuantified(p.award) || (p.award.amountYuan ?? 0) <= 0) continue;
    if (!best || p.award.amountYuan! > best.award.amountYuan!) best = p;
  }
  return best;
}

const KIND_ORDER: Record<RowKind, number> = { quantified: 0, words: 1, absent: 2, 'not-parsed': 3 };

interface Keyed<R> {
  row: R;
  kind: RowKind;
  point: AwardPoint | null;
}

/**
 * Rows that state a sum, largest first; then rows whose awards are only in words; then absent
 * rows. Ties keep the input (atlas) order, so the ranking is deterministic.
 */
function rank<R>(keyed: readonly Keyed<R>[]): Keyed<R>[] {
  return keyed
    .map((k, i) => ({ k, i }))
    .sort(
      (a, b) =>
        KIND_ORDER[a.k.kind] - KIND_ORDER[b.k.kind] ||
        (b.k.point?.award.amountYuan ?? 0) - (a.k.point?.award.amountYuan ?? 0) ||
        a.i - b.i,
    )
    .map(({ k }) => k);
}

function countRows<R>(keyed: readonly Keyed<R>[]): RowCounts {
  const sums = keyed.filter((k) => k.kind === 'quantified').map((k) => k.point!);
  return {
    total: keyed.length,
    quantified: sums.length,
    words: keyed.filter((k) => k.kind === 'words').length,
    absent: keyed.filter((k) => k.kind === 'absent').length,
    notParsed: keyed.filter((k) => k.kind === 'not-parsed').length,
    medianYuan: median(sums.map((p) => p.award.amountYuan!)),
    anyCap: sums.some((p) => p.award.kind === 'cap'),
  };
}

function select<R>(keyed: readonly Keyed<R>[], limit: number): RowSelection<R> {
  const counts = countRows(keyed);
  if (keyed.length <= limit) return { shown: keyed.map((k) => k.row), capped: false, counts, tiedBeyond: 0 };
  const ranked = rank(keyed).filter((k) => k.kind === 'quantified' || k.kind === 'words');
  const shown = ranked.slice(0, limit);
  const last = shown[shown.length - 1];
  const tiedBeyond =
    last?.kind === 'quantified' ? ranked.slice(limit).filter((k) => k.kind === 'quantified' && k.point!.award.amountYuan === last.point!.award.amountYuan).length : 0;
  return { shown: shown.map((k) => k.row), capped: true, counts, tiedBeyond };
}

function policyRowKey(row: PolicyRow): Keyed<PolicyRow> {
  const point = topPoint(row.points);
  const kind: RowKind = point ? 'quantified' : row.points.length > 0 ? 'words' : row.state === 'not-parsed' ? 'not-parsed' : 'absent';
  return { row, kind, point };
}

/** Policy rows of one chart group (a tier, or a category): all when they fit, else the top `limit` by amount. */
export function selectPolicyRows(rows: readonly PolicyRow[], limit: number = LIMITS.chartRows): RowSelection<PolicyRow> {
  return select(rows.map(policyRowKey), limit);
}

/** Every row that pays something, ranked (largest stated sum first), for the full ranking pages. */
export function rankPolicyRows(rows: readonly PolicyRow[]): { ranked: PolicyRow[]; unranked: PolicyRow[]; counts: RowCounts } {
  const keyed = rows.map(policyRowKey);
  const ranked = rank(keyed);
  return {
    ranked: ranked.filter((k) => k.kind === 'quantified' || k.kind === 'words').map((k) => k.row),
    unranked: ranked.filter((k) => k.kind === 'absent' || k.kind === 'not-parsed').map((k) => k.row),
    counts: countRows(keyed),
  };
}

/** The home headline's rows: all when they fit, else the top `limit` by amount. */
export function selectHeadline(rows: readonly HeadlineRow[], limit: number = LIMITS.chartRows): RowSelection<HeadlineRow> {
  return select(
    rows.map((row) => {
      const kind: RowKind = row.state === 'quantified' ? 'quantified' : row.state === 'unquantified' ? 'words' : row.state;
      return { row, kind, point: row.state === 'quantified' ? row.point : null };
    }),
    limit,
  );
}

/**
 * The city columns a compare page shows by default: every city when they fit, else the cities
 * with the most clauses in the category, most first (ties in atlas order).
 */
export function defaultColumns(columns: readonly CompareColumn[], limit: number = LIMITS.cityColumns): { shown: CompareColumn[]; capped: boolean } {
  if (columns.length <= limit) return { shown: [...columns], capped: false };
  const shown = columns
    .map((col, i) => ({ col, i }))
    .filter(({ col }) => col.clauses.length > 0)
    .sort((a, b) => b.col.clauses.length - a.col.clauses.length || a.i - b.i)
    .slice(0, limit)
    .map(({ col }) => col);
  return { shown, capped: true };
}

/** The cities the compare matrix shows by default: all when they fit, else those with the most clauses. */
export function defaultMatrixCities(atlas: Atlas, limit: number = LIMITS.cityColumns): { shown: City[]; capped: boolean } {
  if (atlas.cities.length <= limit) return { shown: [...atlas.cities], capped: false };
  const clauseCount = (city: City) => (atlas.policiesByCity.get(city.slug) ?? []).reduce((n, p) => n + (atlas.clausesByPolicy.get(p.id)?.length ?? 0), 0);
  const shown = atlas.cities
    .map((city, i) => ({ city, i, n: clauseCount(city) }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, limit)
    .map(({ city }) => city);
  return { shown, capped: true };
}

/** One page of the city directory: the cities of page `n`, in atlas order. */
export interface CityPage {
  n: number;
  cities: City[];
}

/**
 * The city directory: all cities in atlas order, `size` a page. A city is on the same page of
 * every category, so a link or a script can find it from the city list alone.
 */
export function cityPages(cities: readonly City[], size: number = LIMITS.cityColumns): CityPage[] {
  return chunk(cities, size).map((list, i) => ({ n: i + 1, cities: list }));
}

/** The directory page a city is on; throws with the slug when the city is unknown. */
export function cityPageOf(cities: readonly City[], slug: string, size: number = LIMITS.cityColumns): number {
  const index = cities.findIndex((c) => c.slug === slug);
  if (index < 0) throw new Error(`City \`${slug}\` is not in the atlas`);
  return pageOfIndex(index, size);
}

/** Label of a directory page by its first and last city, e.g. `安滨—北川`. */
export function cityRangeLabel(page: CityPage): string {
  const first = page.cities[0];
  const last = page.cities[page.cities.length - 1];
  if (!first || !last) return String(page.n);
  return first === last ? first.zh : `${first.zh}—${last.zh}`;
}

/** The date a policy is known by, for "most recent first" (issued, else effective, else its year). */
function policyDateKey(policy: Policy): string {
  return policy.issued ?? policy.effective ?? (policy.year === null ? '' : `${policy.year}`);
}

/** Policies for the home page: all when they fit, else the most recent `limit` (ties in atlas order). */
export function homePolicies(policies: readonly Policy[], limit: number = LIMITS.homePolicies): { shown: Policy[]; capped: boolean } {
  if (policies.length <= limit) return { shown: [...policies], capped: false };
  const shown = policies
    .map((p, i) => ({ p, i, key: policyDateKey(p) }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.i - b.i))
    .slice(0, limit)
    .map(({ p }) => p);
  return { shown, capped: true };
}

/** A category's award levels split into pages: all policies on one page when they fit, else the ranking. */
export interface PagedLevels {
  /** True when the policies did not fit one chart: pages then hold the ranking, largest sum first. */
  capped: boolean;
  /** Policy rows of each page (at least one page). */
  pages: PolicyRow[][];
  /** Policies with no award in the category (only when capped; they are named, not charted). */
  unranked: PolicyRow[];
  counts: RowCounts;
}

export function pagedLevels(rows: readonly PolicyRow[], size: number = LIMITS.chartRows): PagedLevels {
  const { ranked, unranked, counts } = rankPolicyRows(rows);
  if (rows.length <= size) return { capped: false, pages: [[...rows]], unranked: [], counts };
  return { capped: true, pages: chunk(ranked, size), unranked, counts };
}
