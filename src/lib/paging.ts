// How much of a growing list an index page shows. Pages that list every city (home, compare,
// benchmark) show a default selection of bounded size and link to paged lists of the rest, so
// their size does not grow with the corpus. Pure; the numbers are the design, tested.

export const LIMITS = {
  /** Policies a chart (the home headline, a page of a category's ranking) shows before it keeps the top ones by amount. */
  chartRows: 12,
  /**
   * Policies each tier of the ladder overview (/benchmark/, 29 tiers in 9 charts) shows before it
   * keeps the top ones and links the tier's full ranking: fewer than chartRows, because that
   * page carries every tier at once.
   */
  ladderRows: 8,
  /** Policies per page of a full tier ranking. */
  rankingRows: 50,
  /** City columns on a compare page (default selection, and each page of the city directory). */
  cityColumns: 8,
  /** Policy cards on the home page. */
  homePolicies: 12,
} as const;

/** Number of pages for `total` items, `size` a page; at least 1 so an empty list still has a page. */
export function pageCount(total: number, size: number): number {
  if (!(size >= 1)) throw new Error(`Page size must be at least 1, got \`${size}\``);
  return Math.max(1, Math.ceil(total / size));
}

/** The items of page `n` (1-based). */
export function pageItems<T>(items: readonly T[], size: number, n: number): T[] {
  return items.slice((n - 1) * size, n * size);
}

/** Every page of a list, in order; one empty page for an empty list. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: pageCount(items.length, size) }, (_, i) => pageItems(items, size, i + 1));
}

/** The page (1-based) that holds the item at `index`. */
export function pageOfIndex(index: number, size: number): number {
  return Math.floor(index / size) + 1;
}

/** Page numbers 1..n, for getStaticPaths. */
export function pageNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** The median of a list of numbers; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One link of a pager. */
export interface PagerItem {
  n: number;
  href: string;
  /** What the link says, e.g. `2` or `安滨—北川`. */
  label: string;
  current: boolean;
}

/** Links to every page of a paged list; `label` names a page (by number unless given). */
export function pagerItems(count: number, current: number, hrefFor: (n: number) => string, label: (n: number) => string = String): PagerItem[] {
  return pageNumbers(count).map((n) => ({ n, href: hrefFor(n), label: label(n), current: n === current }));
}
