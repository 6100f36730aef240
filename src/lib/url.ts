// Every internal link goes through here so the site works under any base path. Links are
// written absolute-with-base and end in `/` for pages; scripts/build.ts later rewrites them
// to relative links (and `dir/` to `dir/index.html`) so a copied folder works from file://.

/** Join a base path (`/` or `/atlas/`) and a site path (`/policy/x/`). Pure; tested. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.startsWith('/') ? path.slice(1) : path;
  return `${b}${p}`;
}

function base(): string {
  return import.meta.env?.BASE_URL ?? '/';
}

/** A site path with the configured base. */
export function href(path: string): string {
  return joinBase(base(), path);
}

/** The path segment used for a source file: the file name without its extension (one source per stem). */
export function sourceSlug(file: string): string {
  return file.replace(/\.(txt|pdf|html?|docx)$/, '');
}

/** Anchor id of a clause inside its policy page. */
export function clauseAnchor(path: string): string {
  return `c-${path}`;
}

export const routes = {
  home: () => href('/'),
  policy: (policyId: string) => href(`/policy/${policyId}/`),
  /** The clause inside the full policy text. */
  policyClause: (policyId: string, path: string) => `${href(`/policy/${policyId}/`)}#${clauseAnchor(path)}`,
  /** Permalink of a clause; `clauseId` is `<policyId>/<path>`. */
  clause: (clauseId: string) => href(`/clause/${clauseId}/`),
  source: (file: string, line?: number) => `${href(`/source/${sourceSlug(file)}/`)}${line ? `#L${line}` : ''}`,
  /** The published file itself (PDF, Word), beside its source page. */
  sourceOriginal: (file: string) => href(`/source/${sourceSlug(file)}/${file}`),
  compare: (category?: string) => href(category ? `/compare/${category}/` : '/compare/'),
  /** The matrix, or the tier ladder, restricted to policies in force: a static page each, so it works without JavaScript. */
  compareInForce: (category?: string) => href(category ? `/compare/${category}/in-force/` : '/compare/in-force/'),
  benchmarkInForce: (category?: string) => href(category ? `/benchmark/${category}/in-force/` : '/benchmark/in-force/'),
  /** Page `n` (1-based) of the city directory: of the matrix without a category, else of a category's columns. */
  compareCities: (category: string | null, n: number) => href(category ? `/compare/${category}/page/${n}/` : `/compare/page/${n}/`),
  benchmark: (category?: string) => href(category ? `/benchmark/${category}/` : '/benchmark/'),
  /** Page `n` of a category's award levels, ranked; page 1 is the category page itself. */
  benchmarkPage: (category: string, n: number) => href(n <= 1 ? `/benchmark/${category}/` : `/benchmark/${category}/page/${n}/`),
  /** Page `n` of the full ranking of one tier. */
  tierRanking: (tier: string, n = 1) => href(n <= 1 ? `/benchmark/tier/${tier}/` : `/benchmark/tier/${tier}/page/${n}/`),
  search: () => href('/search/'),
  /** The atlas as of a day: the chooser, the policy list of a day, or its compare matrix / tier ladder. */
  asOf: (day?: string, view?: 'compare' | 'benchmark', category?: string) =>
    href(day ? `/as-of/${day}/${view ? `${view}/${category ? `${category}/` : ''}` : ''}` : '/as-of/'),
  expiring: () => href('/expiring/'),
  /** The firm profile: `/firm/` (the form) or a static preset page. */
  firm: (preset?: string) => href(preset ? `/firm/${preset}/` : '/firm/'),
  data: () => href('/data/'),
  dataFile: (name: string) => href(`/data/${name}`),
  changelog: () => href('/changelog/'),
  methodology: (anchor?: string) => `${href('/methodology/')}${anchor ? `#${anchor}` : ''}`,
};
