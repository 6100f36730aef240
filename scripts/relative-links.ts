// After `astro build`: rewrite root-relative internal URLs in HTML to paths relative to each
// page, and directory URLs to their index.html, so dist/ works from any host, under any base
// path, and opened as a folder from disk (file://).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';

const URL_ATTRIBUTE = /(\s(?:href|src|action|poster|data-href)=)(["'])(\/[^"']*)\2/g;

/** Rewrite one page's HTML. `pagePath` is the page's path inside dist, e.g. `clause/x/1/index.html`. */
export function relativizeHtml(html: string, pagePath: string, base = '/'): string {
  const fromDir = posix.dirname(pagePath.split(sep).join('/'));
  return html.replace(URL_ATTRIBUTE, (whole, attr: string, quote: string, url: string) => {
    if (url.startsWith('//')) return whole; // protocol-relative: external, leave it
    if (!url.startsWith(base)) return whole;
    const [pathAndQuery = '', fragment] = splitOnce(url.slice(base.length - 1), '#');
    const [path = '/', query] = splitOnce(pathAndQuery, '?');
    const target = path.endsWith('/') ? `${path}index.html` : path;
    let rel = posix.relative(fromDir === '.' ? '' : fromDir, target.slice(1));
    if (rel === '') rel = posix.basename(target);
    const rebuilt = rel + (query !== undefined ? `?${query}` : '') + (fragment !== undefined ? `#${fragment}` : '');
    return `${attr}${quote}${rebuilt}${quote}`;
  });
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

/** Rewrite every .html file under distDir in place. Returns how many files changed. */
export async function relativizeSite(distDir: string, base = '/'): Promise<number> {
  let changed = 0;
  for (const file of await listFiles(distDir)) {
    if (!file.endsWith('.html')) continue;
    const html = await readFile(file, 'utf8');
    const out = relativizeHtml(html, relative(distDir, file), base);
    if (out !== html) {
      await writeFile(file, out);
      changed += 1;
    }
  }
  return changed;
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
