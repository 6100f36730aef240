// `npm run search:eval`: measures the BUILT site's search in headless Chromium against the
// data. For each domain term it compares the clauses the search page lists with the clauses
// whose searchable text (heading, text, 责任单位 bracket; src/lib/search/text.ts) contains
// the term, and prints recall and precision per term and overall, for
//   - the term as typed (loose: brackets/quotes/spaces ignored, so 首台套 finds 首台（套）),
//   - the term "quoted" (exact: the raw text must contain it character for character),
//   - the term in traditional characters (must list exactly what the simplified term lists),
// plus the bytes downloaded and the time to first results for a first query (cold cache).
// Exits non-zero when any recall or precision is below 1.
// Usage: npm run search:eval [-- --dist dist --generated generated]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import type { Browser, Page } from 'playwright-core';
import YAML from 'yaml';
import { containsTerm, searchableText } from '../../src/lib/search/text';
import type { Clause } from '../../src/schema';
import { cliArgs, reportUsage } from '../cli-args';
import { launchChromium } from './chromium';
import { serveStatic } from '../serve';

/** Domain terms journalists and researchers search for; chosen before looking at results. */
export const EVAL_TERMS = [
  '专精特新', '小巨人', '首台套', '首台（套）', '贴息', '揭榜挂帅', '院士工作站', '数字化车间',
  '知识产权', '隐形冠军', '单项冠军', '专项资金', '融资担保', '上市', '人才', '用地', '绿色工厂',
  '智能工厂', '创新型中小企业', '研发投入', '研发费用', '技术改造', '数字化转型', '工业互联网',
  '产业链', '股权投资', '贷款', '担保', '北交所', '科技成果', '高新技术企业', '专利', '标准',
  '质量', '品牌', '博士后', '厂房', '租金', '奖励', '补助', '补贴', '一次性', '最高', '万元',
  '服务平台', '政府采购', '首批次', '首版次', '链主', '孵化', '银行', '保险', '中小企业', '后备企业',
  '技术创新中心', '研发机构', '人才公寓', '工程师', '新三板', '小升规',
];

/** Fails with what to do when dist/ has no search index. */
export function assertSearchBuilt(dist: string): void {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js')) || !existsSync(join(dist, 'search', 'index.html'))) {
    throw new Error(`No search index in ${dist} (pagefind/pagefind.js or search/index.html missing): run \`npm run build\` first`);
  }
}

/**
 * The clauses the site was built from: dist/data/clauses.json (the download), else
 * generated/data/clauses.json, else the generated clause MDX frontmatter.
 */
export function loadClauses(dist: string, generated = 'generated'): Clause[] {
  for (const file of [join(dist, 'data', 'clauses.json'), join(generated, 'data', 'clauses.json')]) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Clause[];
  }
  const dir = join(generated, 'clauses');
  if (!existsSync(dir)) throw new Error(`No clause data: neither ${dist}/data/clauses.json nor ${generated}/ exists; run \`npm run build\``);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => YAML.parse(readFileSync(join(dir, f), 'utf8').split(/^---$/m)[1] ?? '') as Clause);
}

/** Ids of the clauses whose searchable text contains the term (exact or loose rule). */
export function expectedIds(clauses: readonly Clause[], term: string, exact: boolean): Set<string> {
  return new Set(clauses.filter((c) => containsTerm(searchableText(c), { text: term, exact })).map((c) => c.id));
}

export interface PageSearch {
  ids: string[];
  /** The page fell back to splitting the query into words (nothing contained it whole). */
  fallback: boolean;
  state: string;
}

/** Run a search through the page's URL and collect every listed clause id ("more" until done). */
export async function searchPage(page: Page, searchUrl: string, params: Record<string, string>): Promise<PageSearch> {
  const url = `${searchUrl}?${new URLSearchParams(params).toString()}`;
  await page.goto(url);
  return collectResults(page);
}

/** Wait for the current search to finish and read all results. */
export async function collectResults(page: Page): Promise<PageSearch> {
  await page.waitForSelector('#search-results:is([data-search-state="done"], [data-search-state="error"], [data-search-state="idle"])');
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('#search-list > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-list > li').length > n, before, { polling: 50 });
  }
  return page.evaluate(() => {
    const section = document.getElementById('search-results')!;
    return {
      ids: [...document.querySelectorAll<HTMLElement>('#search-list > li')].map((li) => li.dataset.clauseId ?? ''),
      fallback: section.dataset.searchFallback === '1',
      state: section.dataset.searchState ?? '',
    };
  });
}

interface Score {
  expected: number;
  found: number;
  hits: number;
}
const recall = (s: Score) => (s.expected === 0 ? 1 : s.hits / s.expected);
const precision = (s: Score) => (s.found === 0 ? 1 : s.hits / s.found);
function score(expected: Set<string>, found: readonly string[]): Score {
  return { expected: expected.size, found: found.length, hits: found.filter((id) => expected.has(id)).length };
}
const add = (a: Score, b: Score): Score => ({ expected: a.expected + b.expected, found: a.found + b.found, hits: a.hits + b.hits });
const fmt = (x: number) => x.toFixed(3);

export interface FirstQuery {
  /** Everything downloaded until the first results show (search page included), as served. */
  bytes: number;
  /** The same files as a static host serves them gzipped (Pagefind's index files already are). */
  gzipBytes: number;
  requests: number;
  /** Of `bytes`, the Pagefind runtime, WASM, index chunks and fragments. */
  pagefindBytes: number;
  /**
   * Of `gzipBytes`, what the search itself fetched: Pagefind's files and, for a traditional
   * query, search/t2s.json. The rest is the search page's own HTML, CSS and script.
   */
  searchGzipBytes: number;
  /** From navigation start to the page's `search:first-results` mark. */
  msToResults: number;
  /** Performance marks by name, plus `domContentLoaded`. */
  marks: Record<string, number>;
  /** Results listed. */
  results: number;
  /** What was downloaded, largest first (path, bytes as served, bytes gzipped). */
  files: Array<{ path: string; bytes: number; gzipBytes: number }>;
}

/**
 * Cold-cache first query: everything the browser fetches until the first results show.
 * Counted on the server, because Pagefind fetches its index from a web worker.
 */
export async function measureFirstQuery(browser: Browser, server: Server, searchUrl: string, dist: string, q: string): Promise<FirstQuery> {
  const paths: string[] = [];
  const record = (request: IncomingMessage) => paths.push(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  server.on('request', record);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${searchUrl}?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('#search-results[data-search-state="done"]');
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('navigation')].map((m) => [
        m.name.startsWith('http') ? 'domContentLoaded' : m.name,
        m.entryType === 'navigation' ? (m as PerformanceNavigationTiming).domContentLoadedEventEnd : m.startTime,
      ]),
    ),
  );
  const results = await page.locator('#search-list > li').count();
  server.off('request', record);
  await context.close();
  let bytes = 0;
  let gzipBytes = 0;
  let pagefindBytes = 0;
  let searchGzipBytes = 0;
  const files: FirstQuery['files'] = [];
  for (let path of paths) {
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dist, path);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const body = readFileSync(file);
    bytes += body.length;
    // Pagefind's index files are gzip-compressed already; the rest a static host would gzip.
    const gz = path.startsWith('/pagefind/') && !path.endsWith('.js') ? body.length : gzipSync(body).length;
    gzipBytes += gz;
    files.push({ path, bytes: body.length, gzipBytes: gz });
    if (path.startsWith('/pagefind/')) pagefindBytes += body.length;
    if (path.startsWith('/pagefind/') || path === '/search/t2s.json') searchGzipBytes += gz;
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes || (a.path < b.path ? -1 : 1));
  const msToResults = marks['search:first-results'] ?? NaN;
  return { bytes, gzipBytes, requests: paths.length, pagefindBytes, searchGzipBytes, msToResults, marks, results, files };
}

export async function evaluate(dist: string, generated: string, log: (line: string) => void): Promise<boolean> {
  assertSearchBuilt(dist);
  const clauses = loadClauses(dist, generated);
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const { server, url } = await serveStatic(dist);
  const searchUrl = `${url}search/`;
  const browser = await launchChromium();
  let ok = true;
  try {
    const first = await measureFirstQuery(browser, server, searchUrl, dist, EVAL_TERMS[0]!);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));

    log(`Search eval: ${EVAL_TERMS.length} terms over ${clauses.length} clauses (${dist})`);
    log('term                 | loose: expect found  recall precision | exact: expect found  recall precision | 繁: term      same');
    let loose: Score = { expected: 0, found: 0, hits: 0 };
    let exact: Score = { expected: 0, found: 0, hits: 0 };
    let tradSame = 0;
    let measured = 0;
    const absent: string[] = [];
    for (const term of EVAL_TERMS) {
      const expectLoose = expectedIds(clauses, term, false);
      const expectExact = expectedIds(clauses, term, true);
      const got = await searchPage(page, searchUrl, { q: term });
      const gotExact = await searchPage(page, searchUrl, { q: `"${term}"` });
      const trad = toTraditional(term);
      const gotTrad = await searchPage(page, searchUrl, { q: trad });
      if (expectLoose.size === 0) {
        // Nothing contains it: the page may offer a word-split fallback, which is labelled as such.
        absent.push(`${term}${got.fallback ? ` (fallback listed ${got.ids.length})` : ''}`);
        if (!got.fallback && got.ids.length > 0) ok = false;
        if (gotExact.ids.length > 0) ok = false;
        continue;
      }
      measured += 1;
      const s = score(expectLoose, got.ids);
      const e = score(expectExact, gotExact.ids);
      const same = gotTrad.ids.join() === got.ids.join();
      loose = add(loose, s);
      exact = add(exact, e);
      if (same) tradSame += 1;
      if (recall(s) < 1 || precision(s) < 1 || recall(e) < 1 || precision(e) < 1 || !same || got.fallback) ok = false;
      log(
        `${term.padEnd(12, '　').slice(0, 12)} | ${String(s.expected).padStart(6)} ${String(s.found).padStart(5)}  ${fmt(recall(s))}  ${fmt(precision(s))}    ` +
          `| ${String(e.expected).padStart(6)} ${String(e.found).padStart(5)}  ${fmt(recall(e))}  ${fmt(precision(e))}    ` +
          `| ${trad.padEnd(6, '　')} ${same ? 'yes' : 'NO'}`,
      );
    }
    log('');
    log(`Overall (micro, ${measured} terms found in the corpus):`);
    log(`  loose (as typed):  recall ${fmt(recall(loose))}  precision ${fmt(precision(loose))}  (${loose.hits}/${loose.expected} expected, ${loose.found} listed)`);
    log(`  exact ("quoted"):  recall ${fmt(recall(exact))}  precision ${fmt(precision(exact))}  (${exact.hits}/${exact.expected} expected, ${exact.found} listed)`);
    log(`  traditional:       ${tradSame}/${measured} terms list exactly the simplified results`);
    if (absent.length) log(`  not in the corpus (not scored): ${absent.join('、')}`);
    log('');
    const ms = (name: string) => `${(first.marks[name] ?? NaN).toFixed(0)} ms`;
    log(`First query (${EVAL_TERMS[0]}), fresh browser context (cold cache), served from 127.0.0.1 without compression:`);
    log(`  downloaded ${(first.bytes / 1024).toFixed(1)} KiB in ${first.requests} requests, of which Pagefind ${(first.pagefindBytes / 1024).toFixed(1)} KiB; ≈ ${(first.gzipBytes / 1024).toFixed(1)} KiB if HTML/JS/CSS are served gzipped, of which the search itself ${(first.searchGzipBytes / 1024).toFixed(1)} KiB`);
    log(`  first results ${first.msToResults.toFixed(0)} ms after navigation start (DOMContentLoaded ${ms('domContentLoaded')}, Pagefind ready ${ms('search:pagefind-ready')}, matches known ${ms('search:matched')})`);
    if (errors.length) {
      ok = false;
      log(`Console errors:\n  ${errors.join('\n  ')}`);
    }
    log(ok ? '✓ recall and precision 1.0 for every term' : '✗ some term is below 1.0 (see above)');
  } finally {
    await browser.close();
    server.close();
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let values = { dist: 'dist', generated: 'generated' };
  try {
    ({ values } = cliArgs(process.argv.slice(2), { dist: { type: 'string', default: 'dist' }, generated: { type: 'string', default: 'generated' } }));
  } catch (error) {
    if (!reportUsage('search:eval', 'npm run search:eval -- [--dist dist] [--generated generated]', error)) throw error;
    process.exit();
  }
  evaluate(resolve(values.dist), resolve(values.generated), (line) => console.log(line)).then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(`✗ search eval failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
