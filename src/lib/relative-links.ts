// Root-relative internal URLs in HTML become paths relative to each page, and directory URLs
// their index.html, so dist/ works from any host, under any base path, and opened as a folder
// from disk (file://). Applied to every page as Astro renders it (src/middleware.ts), so each
// page is written once: a pass over dist/ afterwards cost a read and a rewrite of every file.
import { posix } from 'node:path';

const URL_ATTRIBUTE = /(\s(?:href|src|action|poster|data-href)=)(["'])(\/[^"']*)\2/g;
/** The page a static host serves for any missing address. */
export const NOT_FOUND_PAGE = '404.html';
/** Pages Astro writes as `<name>.html` rather than `<name>/index.html` (as in Astro's getOutputFilename). */
const STATUS_CODE_PAGES = new Set(['404', '500']);

/** A base path with exactly one trailing slash: `/`, `/atlas/`. */
export function normaliseBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A link to a page (a directory URL, maybe with a query or fragment) in an <a> tag, or a whole <svg> (skipped). */
const PAGE_LINK = /(<svg\b[\s\S]*?<\/svg>)|(<a\b[^>]*?\shref=)(["'])(\/[^"'?#]*\/(?:[?#][^"']*)?)\3/g;

/**
 * Links to pages inside <main> also keep their site address in `data-print-url`: the print
 * stylesheet prints it after the link text, where a relative href would mean nothing. Chart
 * marks (links inside an <svg>) are left out: nothing is printed after them.
 */
export function withPrintUrls(html: string): string {
  const main = html.indexOf('<main');
  if (main === -1) return html;
  const rest = html.slice(main).replace(PAGE_LINK, (whole, svg: string | undefined, start: string, quote: string, url: string) =>
    svg ? whole : `${start}${quote}${url}${quote} data-print-url=${quote}${url}${quote}`,
  );
  return html.slice(0, main) + rest;
}

/** Rewrite one page's HTML. `pagePath` is the page's path inside dist, e.g. `clause/x/1/index.html`. */
export function relativizeHtml(html: string, pagePath: string, base = '/'): string {
  const fromDir = posix.dirname(pagePath);
  return withPrintUrls(html).replace(URL_ATTRIBUTE, (whole, attr: string, quote: string, url: string) => {
    if (url.startsWith('//')) return whole; // protocol-relative: external, leave it
    if (!url.startsWith(base)) return whole;
    const [pathAndQuery = '', fragment] = splitOnce(url.slice(base.length - 1), '#');
    const [path = '/', query] = splitOnce(pathAndQuery, '?');
    const target = path.endsWith('/') ? `${path}index.html` : path;
    let rel = relativePath(fromDir === '.' ? '' : fromDir, target.slice(1));
    if (rel === '') rel = posix.basename(target);
    const rebuilt = rel + (query !== undefined ? `?${query}` : '') + (fragment !== undefined ? `#${fragment}` : '');
    return `${attr}${quote}${rebuilt}${quote}`;
  });
}

/**
 * The file, inside dist, that Astro writes for the page at URL path `pathname` (build format
 * `directory`): `/clause/x/1/` → `clause/x/1/index.html`, `/` → `index.html`, `/404/` → `404.html`.
 * `pathname` includes the base path, which is removed.
 */
export function pagePathOf(pathname: string, base = '/'): string {
  const inSite = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const name = inSite.replace(/\/+$/, '');
  if (name === '') return 'index.html';
  return STATUS_CODE_PAGES.has(name) ? `${name}.html` : `${name}/index.html`;
}

/** A relative path of plain segments: no empty, `.` or `..` segment, no leading or trailing slash. */
const NOT_PLAIN = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * posix.relative for two site paths (both relative to the site root), without resolving them
 * against the working directory first: that is most of the cost of rewriting 10,000 pages.
 * Paths that are not plain go to posix.relative itself.
 */
export function relativePath(fromDir: string, to: string): string {
  if ((fromDir !== '' && NOT_PLAIN.test(fromDir)) || (to !== '' && NOT_PLAIN.test(to))) return posix.relative(fromDir, to);
  const from = fromDir === '' ? [] : fromDir.split('/');
  const target = to === '' ? [] : to.split('/');
  let common = 0;
  while (common < from.length && common < target.length && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
