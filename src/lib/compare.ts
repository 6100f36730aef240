// Side-by-side comparison by category: one column per city, and the categories × cities matrix.
import { CATEGORIES, type Award, type CategoryId, type City, type Clause, type Policy } from '../schema';
import { provenanceOf, type Atlas } from './atlas';
import type { Provenance } from './status';
import { tierRole } from './recognition';

/**
 * Why a column has no clause, kept apart on purpose:
 * - `none`: the city's policies were parsed and classified, and none of their clauses is in the category;
 * - `not-classified`: clauses exist but carry no categories yet (classification has not run);
 * - `not-parsed`: the city's policies yielded no clauses at all.
 */
export type ColumnState = 'clauses' | 'none' | 'not-classified' | 'not-parsed';

export const COLUMN_STATE_LABELS: Record<Exclude<ColumnState, 'clauses'>, { zh: string; en: string }> = {
  none: { zh: '本政策未涉及此类条款', en: 'The policy has no clause of this kind' },
  'not-classified': { zh: '条款尚未分类', en: 'Clauses not classified yet' },
  'not-parsed': { zh: '未能解析出条款', en: 'No clauses could be parsed' },
};

/** True when classification has run on the clause (the extraction placeholder leaves both empty). */
export function isClassified(clause: Pick<Clause, 'categories' | 'categoryEvidence'>): boolean {
  return clause.categories.length > 0 || clause.categoryEvidence.length > 0;
}

/** The categories a clause is listed under: its primary category and any others, in taxonomy order. */
export function clauseCategories(clause: Pick<Clause, 'primaryCategory' | 'categories' | 'categoryEvidence'>): CategoryId[] {
  if (!isClassified(clause)) return [];
  const set = new Set<CategoryId>([clause.primaryCategory, ...clause.categories]);
  return CATEGORIES.map((c) => c.id).filter((id) => set.has(id));
}

export function inCategory(clause: Clause, category: CategoryId): boolean {
  return clauseCategories(clause).includes(category);
}

export interface CompareColumn {
  city: City;
  policies: Policy[];
  /** Clauses of the category, in policy order then printed order. */
  clauses: Clause[];
  state: ColumnState;
}

function columnState(all: readonly Clause[], matching: readonly Clause[]): ColumnState {
  if (matching.length > 0) return 'clauses';
  if (all.length === 0) return 'not-parsed';
  if (!all.some(isClassified)) return 'not-classified';
  return 'none';
}

function cityClauses(atlas: Atlas, city: City): Clause[] {
  return (atlas.policiesByCity.get(city.slug) ?? []).flatMap((p) => atlas.clausesByPolicy.get(p.id) ?? []);
}

/** One column per city for a category: every city in atlas order, or only `cities` (a page of the city directory). */
export function compareColumns(atlas: Atlas, category: CategoryId, cities: readonly City[] = atlas.cities): CompareColumn[] {
  return cities.map((city) => {
    const all = cityClauses(atlas, city);
    const clauses = all.filter((c) => inCategory(c, category));
    return { city, policies: atlas.policiesByCity.get(city.slug) ?? [], clauses, state: columnState(all, clauses) };
  });
}

export interface LargestAward {
  award: Award;
  clause: Clause;
}

/**
 * The largest stated sum among the clauses' awards (fixed sums and ceilings, including the cap
 * of a ratio or matching award). Ties keep the first in clause order. Null when no sum is stated.
 * An award that enterprises of a tier get for something else (上市, 迁入) is not a figure the
 * matrix compares: it would read as the price of the tier (see tierRole).
 */
export function largestAward(clauses: readonly Clause[]): LargestAward | null {
  let best: LargestAward | null = null;
  for (const clause of clauses) {
    for (const award of clause.awards) {
      if (award.amountYuan === null || award.kind === 'unquantified' || award.kind === 'non-monetary') continue;
      if (tierRole(award) === 'other-support') continue;
      if (!best || award.amountYuan > (best.award.amountYuan ?? 0)) best = { award, clause };
    }
  }
  return best;
}

export interface MatrixCell {
  city: City;
  count: number;
  awardCount: number;
  largest: LargestAward | null;
  state: ColumnState;
  /** Status and source kind of each policy the cell's clauses come from, in atlas order. */
  provenance: { policy: Policy; provenance: Provenance }[];
}

export interface MatrixRow {
  category: (typeof CATEGORIES)[number];
  cells: MatrixCell[];
  total: number;
}

/** Categories × cities (all of the atlas's, or the ones given, in that order): clause counts and the largest award per cell. */
export function compareMatrix(atlas: Atlas, cities: readonly City[] = atlas.cities): MatrixRow[] {
  const perCity = cities.map((city) => ({ city, all: cityClauses(atlas, city) }));
  return CATEGORIES.map((category) => {
    const cells = perCity.map(({ city, all }) => {
      const clauses = all.filter((c) => inCategory(c, category.id));
      const policyIds = new Set(clauses.map((c) => c.policyId));
      const policies = (atlas.policiesByCity.get(city.slug) ?? []).filter((p) => policyIds.has(p.id));
      return {
        city,
        count: clauses.length,
        awardCount: clauses.reduce((n, c) => n + c.awards.length, 0),
        largest: largestAward(clauses),
        state: columnState(all, clauses),
        provenance: policies.map((policy) => ({ policy, provenance: provenanceOf(atlas, policy) })),
      };
    });
    return { category, cells, total: cells.reduce((n, c) => n + c.count, 0) };
  });
}

/** Figures a matrix shows (cells with a largest award): what an “in force only” view counts as hidden. */
export function matrixFigureCount(rows: readonly MatrixRow[]): number {
  return rows.reduce((n, r) => n + r.cells.filter((c) => c.largest !== null).length, 0);
}
