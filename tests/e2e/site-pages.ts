// Which built pages the site's browser and HTML tests visit: one of each page type, found in
// dist/ rather than hard-coded, so the tests follow the data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface PageCase {
  /** Page type, used in test names and screenshot file names. */
  type: string;
  /** Site path with a trailing slash, e.g. `/compare/talent/`. */
  path: string;
}

function firstDir(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return names[0] ?? null;
}

/** Every HTML file under dist, as paths relative to dist with `/` separators, sorted. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** The compare category with the most city columns that have clauses (best for the chooser test). */
export function richestCompareCategory(dist: string): string {
  const dir = join(dist, 'compare');
  let best = { category: '', columns: -1 };
  for (const name of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    // compare/page/<n>/ is the matrix's city directory and compare/in-force/ the matrix again: not categories.
    if (name === 'in-force' || !existsSync(join(dir, name, 'index.html'))) continue;
    const html = readFileSync(join(dir, name, 'index.html'), 'utf8');
    const columns = (html.match(/<section class="column"/g) ?? []).length - (html.match(/class="empty-state/g) ?? []).length;
    if (columns > best.columns) best = { category: name, columns };
  }
  return best.category;
}

/** One page of each type the site helper owns. */
export function pageCases(dist: string): PageCase[] {
  const cases: PageCase[] = [{ type: 'home', path: '/' }];
  const policy = firstDir(join(dist, 'policy'));
  if (policy) cases.push({ type: 'policy', path: `/policy/${policy}/` });
  const clausePolicy = firstDir(join(dist, 'clause'));
  const clausePath = clausePolicy && firstDir(join(dist, 'clause', clausePolicy));
  if (clausePath) cases.push({ type: 'clause', path: `/clause/${clausePolicy}/${clausePath}/` });
  const source = firstDir(join(dist, 'source'));
  if (source) cases.push({ type: 'source', path: `/source/${source}/` });
  cases.push({ type: 'compare-matrix', path: '/compare/' });
  cases.push({ type: 'compare-matrix-in-force', path: '/compare/in-force/' });
  cases.push({ type: 'compare', path: `/compare/${richestCompareCategory(dist)}/` });
  cases.push({ type: 'compare-in-force', path: `/compare/${richestCompareCategory(dist)}/in-force/` });
  cases.push({ type: 'benchmark', path: '/benchmark/' });
  cases.push({ type: 'benchmark-in-force', path: '/benchmark/in-force/' });
  const benchmarkCategory = firstDir(join(dist, 'benchmark'));
  if (benchmarkCategory) cases.push({ type: 'benchmark-category', path: `/benchmark/${benchmarkCategory}/` });
  cases.push({ type: 'firm', path: '/firm/' });
  if (existsSync(join(dist, 'firm', 'little-giant-listing'))) cases.push({ type: 'firm-preset', path: '/firm/little-giant-listing/' });
  cases.push({ type: 'as-of', path: '/as-of/' });
  const day = firstDir(join(dist, 'as-of'));
  if (day) {
    cases.push({ type: 'as-of-day', path: `/as-of/${day}/` });
    cases.push({ type: 'as-of-compare', path: `/as-of/${day}/compare/` });
    cases.push({ type: 'as-of-benchmark', path: `/as-of/${day}/benchmark/` });
    cases.push({ type: 'as-of-compare-category', path: `/as-of/${day}/compare/${richestCompareCategory(dist)}/` });
    const benchmarkCategory = firstDir(join(dist, 'as-of', day, 'benchmark'));
    if (benchmarkCategory) cases.push({ type: 'as-of-benchmark-category', path: `/as-of/${day}/benchmark/${benchmarkCategory}/` });
  }
  cases.push({ type: 'expiring', path: '/expiring/' });
  cases.push({ type: 'methodology', path: '/methodology/' });
  cases.push({ type: 'data', path: '/data/' });
  return cases;
}

/** Path of a dist file as a site URL path (`a/b/index.html` → `/a/b/`). */
export function sitePath(file: string): string {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function relativeTo(dist: string, file: string): string {
  return relative(dist, file).split(sep).join('/');
}
