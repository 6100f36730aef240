// Static checks over every built HTML file (run `npm run build` first): no broken internal
// link or anchor, no third-party resource, valid HTML (html-validate, .htmlvalidate.json),
// and only clause pages carry data-pagefind-body.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, distDir } from './serve-dist';
import { htmlFiles, sitePath } from './site-pages';

const dist = distDir();
const base = process.env.ATLAS_BASE ?? '/';
let files: string[] = [];
const htmlCache = new Map<string, string>();

function html(file: string): string {
  let text = htmlCache.get(file);
  if (text === undefined) htmlCache.set(file, (text = readFileSync(join(dist, file), 'utf8')));
  return text;
}

beforeAll(() => {
  assertDistBuilt(dist);
  files = htmlFiles(dist);
});

/** URLs in attributes that make the browser navigate or fetch. */
function links(page: string): { attr: string; url: string }[] {
  const found: { attr: string; url: string }[] = [];
  for (const m of page.matchAll(/\s(href|src|action|srcset|poster)=(["'])(.*?)\2/g)) {
    found.push({ attr: m[1]!, url: m[3]!.replace(/&amp;/g, '&') });
  }
  return found;
}

/** The dist file a site URL path resolves to, or null. Directory URLs resolve to index.html. */
function fileFor(pathname: string): string | null {
  let path = decodeURIComponent(pathname);
  if (base !== '/' && path.startsWith(base)) path = `/${path.slice(base.length)}`;
  const full = join(dist, path);
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  return existsSync(index) ? index : null;
}

function ids(page: string): Set<string> {
  return new Set([...page.matchAll(/\sid=(["'])(.*?)\1/g)].map((m) => m[2]!));
}

describe('built HTML', () => {
  it('has no broken internal link or anchor', () => {
    const broken: string[] = [];
    const idCache = new Map<string, Set<string>>();
    for (const file of files) {
      const pageUrl = new URL(`http://site.test${sitePath(file)}`);
      for (const { url } of links(html(file))) {
        if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(url) || url.startsWith('//')) continue;
        const target = new URL(url, pageUrl);
        const resolved = fileFor(target.pathname);
        if (!resolved) {
          broken.push(`${file}: ${url}`);
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && resolved.endsWith('.html')) {
          let known = idCache.get(resolved);
          if (!known) idCache.set(resolved, (known = ids(readFileSync(resolved, 'utf8'))));
          if (!known.has(fragment)) broken.push(`${file}: ${url} (no element with id "${fragment}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads nothing from another site (no CDN, no remote fonts or scripts)', () => {
    const offsite: string[] = [];
    for (const file of files) {
      const page = html(file);
      for (const { attr, url } of links(page)) {
        if (attr !== 'href' && /^(https?:)?\/\//i.test(url)) offsite.push(`${file}: ${attr}=${url}`);
      }
      for (const m of page.matchAll(/<link\b[^>]*href=(["'])((?:https?:)?\/\/[^"']+)\1/g)) offsite.push(`${file}: <link> ${m[2]}`);
      for (const m of page.matchAll(/url\((["']?)((?:https?:)?\/\/[^)"']+)\1\)/g)) offsite.push(`${file}: css url(${m[2]})`);
      for (const m of page.matchAll(/@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')]+)/g)) offsite.push(`${file}: @import ${m[1]}`);
    }
    expect(offsite).toEqual([]);
  });

  it('marks only clause pages with data-pagefind-body, exactly once each', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const count = (html(file).match(/\sdata-pagefind-body[\s>=]/g) ?? []).length;
      const isClause = file.startsWith('clause/');
      if (isClause ? count !== 1 : count !== 0) wrong.push(`${file}: ${count}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps every page that lists cities (home, compare, benchmark) within its size budget', () => {
    // The default selections and paging (src/lib/selection.ts) bound these pages whatever the
    // number of cities: 400 synthetic cities give at most ~28 KB gzipped, the real 4 under 10 KB.
    const budget = 48 * 1024;
    const listing = files.filter((f) => f === 'index.html' || f.startsWith('compare/') || f.startsWith('benchmark/'));
    expect(listing.length).toBeGreaterThan(0);
    const over = listing.map((f) => ({ f, gz: gzipSync(html(f)).length })).filter(({ gz }) => gz > budget).map(({ f, gz }) => `${f}: ${gz} B`);
    expect(over).toEqual([]);
  });

  it('declares Chinese as the page language everywhere', () => {
    expect(files.filter((f) => !/<html lang="zh-CN"/.test(html(f)))).toEqual([]);
  });

  it('validates with html-validate', async () => {
    const config = JSON.parse(readFileSync(resolve('.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    // Every page type is validated in full; clause pages (which can number thousands) are sampled.
    const clausePages = files.filter((f) => f.startsWith('clause/'));
    const sample = [...files.filter((f) => !f.startsWith('clause/')), ...clausePages.filter((_, i) => i % Math.max(1, Math.ceil(clausePages.length / 60)) === 0)];
    const problems: string[] = [];
    for (const file of sample) {
      const report = await validator.validateString(html(file), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
