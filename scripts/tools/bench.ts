// `npm run bench`: builds synthetic corpora at 1×, 10×, 100× the real sources and prints every
// performance figure against its budget; writes them to bench-results/bench.json.
//
//   npm run bench -- [--scales 1,10,100] [--runs 3] [--large-runs 1] [--no-lighthouse]
//                    [--no-search] [--no-bare] [--out bench-results]
//
// Scale k means k × (number of real policies) synthetic cities (scripts/tools/generate-corpus.ts):
// 1× ≈ the real corpus, 100× ≈ 10,000 clause pages. Builds run one at a time; wrap the bench in
// `flock /tmp/bench.lock` on a shared machine. Medians are over --runs runs (--large-runs for
// scales ≥ 50, whose builds take minutes); the output says how many runs each median is of.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { generateCorpus, readTemplates, summarise, writeCorpus, type CorpusSummary } from './generate-corpus';
import { assertChromium, CHROMIUM, CHROMIUM_ARGS, launchChromium } from './chromium';
import { cliArgs, reportUsage, UsageError } from '../cli-args';
import { measureFirstQuery } from './search-eval';
import { serveStatic } from '../serve';
import { median as medianOf } from '../../src/lib/paging';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TIME = '/usr/bin/time';
const KB = 1024;

// ---------------------------------------------------------------------------------------
// Budgets (from issue 6)

export const BUDGETS = {
  /** Per-page full-build time vs bare Astro, at ~10k pages. */
  perPageRatio: 1.5,
  /** Marginal ingest throughput may not drop below this share of the small-scale one. */
  ingestLinearity: 1 / 1.5,
  /** What the search fetches for a first query (Pagefind runtime, WASM, index, fragments). */
  searchFirstQueryBytes1x: 100 * KB,
  searchFirstQueryBytes100x: 300 * KB,
  /**
   * Reading pages ship no JavaScript unless a feature needs it (issue 4). Each reading page type
   * names the features it may ship and a cap on their gzipped bytes; the others get 0.
   */
  readingPageJs: {
    policy: { features: [], maxGzip: 0 },
    source: { features: [], maxGzip: 0 },
    methodology: { features: [], maxGzip: 0 },
    clause: { features: ['copy-citation button', 'loader of the search-hit highlighter (fetched only when arriving from search)'], maxGzip: 1 * KB },
    // One cached file for every compare page; it also fetches columns of cities held on other pages.
    compare: { features: ['city chooser that keeps ?cities= in the URL'], maxGzip: 2.5 * KB },
  } satisfies Partial<Record<PageType, { features: string[]; maxGzip: number }>>,
};

/** First queries the bench measures: a rare term and the domain's most frequent one (most results). */
export const SEARCH_QUERIES = ['贴息', '专精特新'] as const;

export const PAGE_TYPES = [
  'home', 'policy', 'clause', 'compare', 'benchmark', 'search', 'source', 'methodology', 'data', 'other',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

// ---------------------------------------------------------------------------------------
// Small helpers

/** The median of the runs; NaN (printed as such) when there were none. */
export function median(values: number[]): number {
  return medianOf(values) ?? Number.NaN;
}

interface Timed {
  wallMs: number;
  /** Largest resident set of the process or any descendant it waited for (kB); null if unknown. */
  maxRssKb: number | null;
  /** User + system CPU time of the process and its descendants (ms); robust to a busy machine. */
  cpuMs: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command to completion, measuring wall time and (with GNU time) peak RSS. */
async function runTimed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Timed> {
  const useTime = existsSync(TIME);
  const report = join(os.tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const [cmd, argv] = useTime ? [TIME, ['-v', '-o', report, command, ...args]] : [command, args];
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(cmd, argv, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString('utf8')).slice(-20_000)));
    child.on('error', fail);
    child.on('close', (exit) => done({ code: exit, stdout: out, stderr: err }));
  });
  const wallMs = performance.now() - started;
  let maxRssKb: number | null = null;
  let cpuMs: number | null = null;
  if (useTime) {
    const text = await readFile(report, 'utf8').catch(() => '');
    await rm(report, { force: true });
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    if (match) maxRssKb = Number(match[1]);
    const user = /User time \(seconds\): ([\d.]+)/.exec(text);
    const system = /System time \(seconds\): ([\d.]+)/.exec(text);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
  }
  if (code !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` exited with ${code}\n${stderr.slice(-4000)}`);
  }
  return { wallMs, maxRssKb, cpuMs, stdout, stderr };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

const fmt = {
  s: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
  ms: (ms: number) => `${ms.toFixed(1)} ms`,
  kb: (bytes: number) => `${(bytes / KB).toFixed(1)} KB`,
  mb: (bytes: number) => `${(bytes / KB / KB).toFixed(1)} MB`,
};

// ---------------------------------------------------------------------------------------
// Bare Astro baseline: the same number of trivial pages from a content collection of tiny
// MDX files, built by this repo's Astro (node_modules symlinked), in the same run.

export async function writeBareProject(dir: string, pages: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await mkdir(join(dir, 'entries'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), '{ "name": "bare-astro-baseline", "private": true, "type": "module" }\n');
  await writeFile(join(dir, 'tsconfig.json'), '{ "extends": "astro/tsconfigs/base" }\n');
  // Own cacheDir: the default (node_modules/.astro) would be the main project's, via the symlink.
  await writeFile(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import mdx from '@astrojs/mdx';",
      'export default defineConfig({',
      "  cacheDir: './.astro-cache', trailingSlash: 'always', build: { format: 'directory' },",
      '  integrations: [mdx()], devToolbar: { enabled: false }, prefetch: false,',
      '});',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'src/content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      'const entries = defineCollection({',
      "  loader: glob({ pattern: '*.mdx', base: './entries' }),",
      '  schema: z.object({ title: z.string(), n: z.number().int() }),',
      '});',
      'export const collections = { entries };',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'src/pages/index.astro'),
    '---\n---\n<html lang="en"><head><meta charset="utf-8"><title>Bare</title></head><body><p>Bare baseline</p></body></html>\n',
  );
  await writeFile(
    join(dir, 'src/pages/[slug].astro'),
    [
      '---',
      "import { getCollection, render } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  const entries = await getCollection('entries');",
      '  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));',
      '}',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<html lang="en"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>',
      '<body><h1>{entry.data.title}</h1><Content /></body></html>',
      '',
    ].join('\n'),
  );
  // One page is the index; the rest come from the collection.
  for (let i = 1; i < pages; i++) {
    const name = `p${String(i).padStart(6, '0')}`;
    await writeFile(join(dir, 'entries', `${name}.mdx`), `---\ntitle: Page ${i}\nn: ${i}\n---\n\nTrivial page number ${i}.\n`);
  }
}

// ---------------------------------------------------------------------------------------
// Output analysis: sizes, page types, gzip bytes of HTML/CSS/JS per page type.

export function pageTypeOf(relPath: string): PageType {
  const parts = relPath.split(sep).join('/').split('/');
  if (parts.length === 1 && parts[0] === 'index.html') return 'home';
  const first = parts[0] ?? '';
  const known: Record<string, PageType> = {
    policy: 'policy', clause: 'clause', compare: 'compare', benchmark: 'benchmark', search: 'search',
    source: 'source', methodology: 'methodology', data: 'data',
  };
  return known[first] ?? 'other';
}

interface PageAssets {
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  /** The page ships any JavaScript (external, inline or modulepreload). */
  hasJs: boolean;
}

const gzipSize = (data: string | Buffer) => gzipSync(data).length;

export function assetRefs(html: string): { css: string[]; js: string[]; inlineCss: string[]; inlineJs: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  const inlineCss: string[] = [];
  const inlineJs: string[] = [];
  const attr = (tag: string, name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) css.push(href);
    if (rel.includes('modulepreload')) js.push(href);
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss.push(match[1] ?? '');
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = match[1] ?? '';
    const type = (attr(`<x ${attrs}>`, 'type') ?? '').toLowerCase();
    // Data blocks (JSON, JSON-LD) are not executed.
    if (type.includes('json')) continue;
    const src = attr(`<x ${attrs}>`, 'src');
    if (src) js.push(src);
    else if ((match[2] ?? '').trim() !== '') inlineJs.push(match[2] ?? '');
  }
  return { css, js, inlineCss, inlineJs };
}

async function analysePage(distDir: string, file: string, cache: Map<string, number>): Promise<PageAssets> {
  const html = await readFile(file, 'utf8');
  const refs = assetRefs(html);
  const assetSize = async (ref: string) => {
    if (/^(?:[a-z]+:)?\/\//i.test(ref) || ref.startsWith('data:')) return 0;
    const clean = ref.split(/[?#]/)[0] as string;
    const path = clean.startsWith('/') ? join(distDir, clean) : resolve(dirname(file), clean);
    const cached = cache.get(path);
    if (cached !== undefined) return cached;
    const size = await readFile(path).then(gzipSize, () => 0);
    cache.set(path, size);
    return size;
  };
  let cssGzip = 0;
  let jsGzip = 0;
  for (const ref of new Set(refs.css)) cssGzip += await assetSize(ref);
  for (const ref of new Set(refs.js)) jsGzip += await assetSize(ref);
  for (const text of refs.inlineCss) cssGzip += gzipSize(text);
  for (const text of refs.inlineJs) jsGzip += gzipSize(text);
  return {
    htmlGzip: gzipSize(html),
    cssGzip,
    jsGzip,
    hasJs: refs.js.length + refs.inlineJs.length > 0,
  };
}

export interface PageTypeFigures {
  pages: number;
  /** Pages measured for the byte medians (all, or an even sample of 200). */
  measured: number;
  example: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  /** Pages of this type that ship any JavaScript (all pages checked on reading pages). */
  pagesWithJs: number;
  /** Largest gzipped JS of any page checked. */
  jsGzipMax: number;
}

export interface OutputFigures {
  bytes: number;
  files: number;
  htmlPages: number;
  clausePages: number;
  pagefindBytes: number;
  pageTypes: Partial<Record<PageType, PageTypeFigures>>;
}

export async function analyseOutput(distDir: string): Promise<OutputFigures> {
  const files = await walk(distDir);
  let bytes = 0;
  let pagefindBytes = 0;
  const htmlByType = new Map<PageType, string[]>();
  for (const file of files) {
    const size = (await stat(file)).size;
    bytes += size;
    const rel = relative(distDir, file);
    if (rel.startsWith(`pagefind${sep}`)) pagefindBytes += size;
    if (!file.endsWith('.html') || rel === '404.html') continue;
    const type = pageTypeOf(rel);
    htmlByType.set(type, [...(htmlByType.get(type) ?? []), file]);
  }
  const cache = new Map<string, number>();
  const pageTypes: Partial<Record<PageType, PageTypeFigures>> = {};
  for (const type of PAGE_TYPES) {
    const pages = htmlByType.get(type);
    if (!pages?.length) continue;
    const reading = type in BUDGETS.readingPageJs;
    const step = Math.max(1, Math.floor(pages.length / 200));
    const sample = pages.filter((_, i) => i % step === 0);
    const measured: PageAssets[] = [];
    let pagesWithJs = 0;
    let jsGzipMax = 0;
    // Reading pages: every page is checked for JS; sizes come from the sample.
    for (const [i, page] of (reading ? pages : sample).entries()) {
      const figures = await analysePage(distDir, page, cache);
      if (figures.hasJs) pagesWithJs++;
      jsGzipMax = Math.max(jsGzipMax, figures.jsGzip);
      if (!reading || i % step === 0) measured.push(figures);
    }
    if (!reading) pagesWithJs = Math.round((pagesWithJs / sample.length) * pages.length);
    pageTypes[type] = {
      pages: pages.length,
      measured: measured.length,
      example: relative(distDir, sample[0] as string),
      htmlGzip: median(measured.map((m) => m.htmlGzip)),
      cssGzip: median(measured.map((m) => m.cssGzip)),
      jsGzip: median(measured.map((m) => m.jsGzip)),
      pagesWithJs,
      jsGzipMax,
    };
  }
  const htmlPages = [...htmlByType.values()].reduce((sum, list) => sum + list.length, 0);
  return { bytes, files: files.length, htmlPages, clausePages: htmlByType.get('clause')?.length ?? 0, pagefindBytes, pageTypes };
}

// ---------------------------------------------------------------------------------------
// Search: bytes and time to first results for a first query, in headless Chromium.

export interface SearchFigures {
  query: string;
  /** Everything downloaded until the first results show (search page included), as served. */
  bytes: number;
  /** The same files as a static host serves them gzipped (Pagefind's index files already are). */
  gzipBytes: number;
  /** Of `bytes`, the Pagefind runtime, WASM, index chunks and fragments. */
  pagefindBytes: number;
  /** Of `gzipBytes`, what the search fetched (the budgeted figure); the rest is the search page itself. */
  searchGzipBytes: number;
  requests: number;
  /** From navigation start to the page's `search:first-results` mark. */
  timeToFirstResultsMs: number;
  /** From DOMContentLoaded to the first results: the search itself. */
  searchOnlyMs: number;
  results: number;
  /** What was downloaded, largest first (path, bytes as served, bytes gzipped). */
  files: Array<{ path: string; bytes: number; gzipBytes: number }>;
}

/** A first query with a cold cache: scripts/tools/search-eval.ts's measurement, as bench figures. */
export async function measureSearch(distDir: string, query: string): Promise<SearchFigures> {
  const browser = await launchChromium();
  const { server, url, close } = await serveStatic(distDir);
  try {
    const first = await measureFirstQuery(browser, server, `${url}search/`, distDir, query);
    const toResults = first.msToResults;
    return {
      query,
      bytes: first.bytes,
      gzipBytes: first.gzipBytes,
      pagefindBytes: first.pagefindBytes,
      searchGzipBytes: first.searchGzipBytes,
      requests: first.requests,
      timeToFirstResultsMs: toResults,
      searchOnlyMs: toResults - (first.marks.domContentLoaded ?? Number.NaN),
      results: first.results,
      files: first.files,
    };
  } finally {
    await browser.close();
    await close();
  }
}

// ---------------------------------------------------------------------------------------
// Lighthouse (default config: mobile emulation, simulated slow 4G) against a local server.

export type LighthouseScores = Record<string, number | null>;

export async function runLighthouse(distDir: string, paths: Record<string, string>): Promise<Record<string, LighthouseScores>> {
  assertChromium();
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const { server, url } = await serveStatic(distDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_ARGS,
  });
  const out: Record<string, LighthouseScores> = {};
  try {
    for (const [name, path] of Object.entries(paths)) {
      const result = await lighthouse(`${url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const categories = result?.lhr.categories ?? {};
      out[name] = Object.fromEntries(
        Object.entries(categories).map(([key, category]) => [key, category.score === null ? null : Math.round(category.score * 100)]),
      );
      // The metrics behind the performance score (ms; CLS unitless), and how fast this
      // machine was at the time (Lighthouse's CPU benchmark; lower = slower or busier).
      const audits = result?.lhr.audits ?? {};
      for (const [key, audit] of [['FCP', 'first-contentful-paint'], ['LCP', 'largest-contentful-paint'], ['TBT', 'total-blocking-time'], ['CLS', 'cumulative-layout-shift']] as const) {
        const value = audits[audit]?.numericValue;
        out[name][key] = value === undefined ? null : Math.round(value * (key === 'CLS' ? 1000 : 1)) / (key === 'CLS' ? 1000 : 1);
      }
      out[name].benchmarkIndex = result?.lhr.environment.benchmarkIndex ?? null;
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// One scale

export interface ScaleFigures {
  scale: number;
  corpus: CorpusSummary;
  runs: { ingest: number; build: number; bare: number };
  ingest: { ms: number; mbPerSecond: number; cpuMs: number | null; mbPerCpuSecond: number | null; maxRssMb: number | null; allMs: number[] };
  build: {
    totalMs: number;
    cpuMs: number | null;
    steps: Record<string, number>;
    maxRssMb: number | null;
    allTotalMs: number[];
    perPageMs: number;
    perClausePageMs: number;
  };
  bare: { ms: number; cpuMs: number | null; pages: number; perPageMs: number; maxRssMb: number | null; allMs: number[] } | null;
  /** Full site build ÷ bare Astro build of the same number of pages (= per-page ratio). */
  ratio: { fullBuild: number; astroStepOnly: number; fullBuildCpu: number | null } | null;
  output: OutputFigures;
  /** One first query per SEARCH_QUERIES entry, each in a fresh browser. */
  search: Array<SearchFigures | { error: string; query: string }> | null;
  lighthouse: { scores: Record<string, LighthouseScores> } | { error: string } | null;
}

interface Options {
  scales: number[];
  runs: number;
  largeRuns: number;
  lighthouse: boolean;
  search: boolean;
  bare: boolean;
  out: string;
  today: string;
  log: (line: string) => void;
}

function parseTimings(stdout: string): Record<string, number> {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const parsed = JSON.parse(line) as Record<string, number>;
      if (typeof parsed.astro === 'number') return parsed;
    } catch {
      // not the timings line (ingest prints its own report to stdout)
    }
  }
  throw new Error('build.ts --json printed no timings line');
}

async function benchScale(scale: number, templatesDir: string, options: Options): Promise<ScaleFigures> {
  const { out, log } = options;
  const templates = await readTemplates(templatesDir);
  const cities = scale * templates.length;
  const corpusDir = join(out, `corpus-${cities}`);
  const files = generateCorpus(templates, cities);
  await writeCorpus(files, corpusDir);
  const corpus = summarise(files, cities);
  log(`\n── ${scale}× : ${cities} cities, ${corpus.sources} sources, ${fmt.mb(corpus.textBytes)} of text (${corpusDir})`);

  const runs = scale >= 50 ? options.largeRuns : options.runs;
  const env = { ...process.env, ATLAS_TODAY: options.today };
  const genDir = join(out, `generated-${scale}x`);
  const ingestDir = join(out, `ingest-${scale}x`);
  const distDir = join(out, `dist-${scale}x`);

  const ingestRuns: Timed[] = [];
  const buildRuns: Array<Timed & { timings: Record<string, number> }> = [];
  const bareRuns: Timed[] = [];
  let bareDir: string | null = null;
  let barePages = 0;

  for (let run = 1; run <= runs; run++) {
    // Ingest alone: throughput over the raw text.
    await rm(ingestDir, { recursive: true, force: true });
    const ingest = await runTimed(process.execPath, [TSX, 'scripts/ingest.ts', '--sources', corpusDir, '--out', ingestDir, '--json'], { env });
    ingestRuns.push(ingest);
    log(`  run ${run}/${runs} ingest ${fmt.s(ingest.wallMs)}`);

    const built = await runTimed(
      process.execPath,
      // Relative paths, as a normal build passes them (src/lib/data.ts joins ATLAS_GENERATED onto the root).
      [TSX, 'scripts/build.ts', '--json', '--sources', relative(ROOT, corpusDir), '--generated', relative(ROOT, genDir), '--dist', relative(ROOT, distDir)],
      { env },
    );
    const timings = parseTimings(built.stdout);
    buildRuns.push({ ...built, timings });
    log(`  run ${run}/${runs} build  ${fmt.s(built.wallMs)}  (${Object.entries(timings).map(([k, v]) => `${k} ${fmt.s(v)}`).join(', ')})`);

    if (options.bare) {
      if (!bareDir) {
        // As many trivial pages as the site has HTML pages.
        barePages = (await walk(distDir)).filter((f) => f.endsWith('.html') && !f.endsWith(`${sep}404.html`)).length;
        bareDir = join(out, `bare-${barePages}`);
        await writeBareProject(bareDir, barePages);
      }
      await rm(join(bareDir, 'dist'), { recursive: true, force: true });
      const bare = await runTimed(process.execPath, [ASTRO, 'build', '--force', '--silent'], { cwd: bareDir, env });
      bareRuns.push(bare);
      log(`  run ${run}/${runs} bare Astro (${barePages} pages) ${fmt.s(bare.wallMs)}`);
    }
  }

  const output = await analyseOutput(distDir);
  const ingestMs = median(ingestRuns.map((r) => r.wallMs));
  const totalMs = median(buildRuns.map((r) => r.wallMs));
  const steps: Record<string, number> = {};
  for (const key of Object.keys(buildRuns[0]?.timings ?? {})) steps[key] = median(buildRuns.map((r) => r.timings[key] ?? 0));
  const rss = (list: Timed[]) => {
    const values = list.map((r) => r.maxRssKb).filter((v): v is number => v !== null);
    return values.length ? Math.max(...values) / KB : null;
  };
  const bareMs = median(bareRuns.map((r) => r.wallMs));
  const cpu = (list: Timed[]) => (list.every((r) => r.cpuMs !== null) && list.length ? median(list.map((r) => r.cpuMs as number)) : null);
  const ingestCpu = cpu(ingestRuns);
  const buildCpu = cpu(buildRuns);
  const bareCpu = cpu(bareRuns);

  const figures: ScaleFigures = {
    scale,
    corpus,
    runs: { ingest: ingestRuns.length, build: buildRuns.length, bare: bareRuns.length },
    ingest: {
      ms: ingestMs,
      mbPerSecond: corpus.textBytes / 1e6 / (ingestMs / 1000),
      cpuMs: ingestCpu,
      mbPerCpuSecond: ingestCpu === null ? null : corpus.textBytes / 1e6 / (ingestCpu / 1000),
      maxRssMb: rss(ingestRuns),
      allMs: ingestRuns.map((r) => r.wallMs),
    },
    build: {
      totalMs,
      cpuMs: buildCpu,
      steps,
      maxRssMb: rss(buildRuns),
      allTotalMs: buildRuns.map((r) => r.wallMs),
      perPageMs: totalMs / output.htmlPages,
      perClausePageMs: totalMs / Math.max(1, output.clausePages),
    },
    bare: bareRuns.length
      ? { ms: bareMs, cpuMs: bareCpu, pages: barePages, perPageMs: bareMs / barePages, maxRssMb: rss(bareRuns), allMs: bareRuns.map((r) => r.wallMs) }
      : null,
    ratio: bareRuns.length
      ? {
          fullBuild: totalMs / bareMs,
          astroStepOnly: (steps.astro ?? Number.NaN) / bareMs,
          fullBuildCpu: buildCpu !== null && bareCpu !== null ? buildCpu / bareCpu : null,
        }
      : null,
    output,
    search: null,
    lighthouse: null,
  };

  if (options.search) {
    log(`  search: first query in headless Chromium (${SEARCH_QUERIES.join(', ')})`);
    figures.search = [];
    for (const query of SEARCH_QUERIES) {
      figures.search.push(
        await measureSearch(distDir, query).catch((error: unknown) => ({ query, error: String(error instanceof Error ? error.message : error) })),
      );
    }
  }
  if (options.lighthouse) {
    const firstPolicy = (await readdir(join(distDir, 'policy')).catch(() => [] as string[])).sort()[0];
    const paths: Record<string, string> = { home: '', compare: 'compare/', benchmark: 'benchmark/' };
    if (firstPolicy) paths.policy = `policy/${firstPolicy}/`;
    // The heaviest category comparison: the one page type whose size follows the corpus most.
    const categoryPages = await Promise.all(
      (await readdir(join(distDir, 'compare'), { withFileTypes: true }).catch(() => []))
        .filter((entry) => entry.isDirectory() && entry.name !== 'page')
        .map(async (entry) => ({ name: entry.name, size: (await stat(join(distDir, 'compare', entry.name, 'index.html')).catch(() => ({ size: 0 }))).size })),
    );
    const heaviest = categoryPages.sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1))[0];
    if (heaviest) paths[`compare/${heaviest.name}`] = `compare/${heaviest.name}/`;
    log(`  Lighthouse: ${Object.keys(paths).join(', ')}`);
    figures.lighthouse = await runLighthouse(distDir, paths).then((scores) => ({ scores }), (error: unknown) => ({
      error: String(error instanceof Error ? error.message : error),
    }));
  }
  return figures;
}

// ---------------------------------------------------------------------------------------
// Report

interface Verdict {
  figure: string;
  value: string;
  budget: string;
  pass: boolean | null;
}

export function verdicts(results: ScaleFigures[]): Verdict[] {
  const out: Verdict[] = [];
  // Ingest linear in input size: marginal throughput between scales stays near the first one.
  // Marginal throughput (extra MB ÷ extra time between consecutive scales) takes the fixed
  // start-up cost out; CPU time (user + sys) rather than wall time, as the machine may be shared.
  if (results.length >= 2) {
    const useCpu = results.every((r) => r.ingest.cpuMs !== null);
    const time = (r: ScaleFigures) => (useCpu ? (r.ingest.cpuMs as number) : r.ingest.ms);
    const marginal: number[] = [];
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1] as ScaleFigures;
      const b = results[i] as ScaleFigures;
      marginal.push((b.corpus.textBytes - a.corpus.textBytes) / 1e6 / ((time(b) - time(a)) / 1000));
    }
    const first = marginal[0] as number;
    const worst = Math.min(...marginal);
    out.push({
      figure: `ingest linear in input size (marginal MB per ${useCpu ? 'CPU ' : ''}second, ${results.map((r) => `${r.scale}×`).join(' → ')})`,
      value: marginal.map((m) => `${m.toFixed(3)} MB/s`).join(' → '),
      budget: `each ≥ ${(BUDGETS.ingestLinearity * 100).toFixed(0)}% of the first`,
      pass: marginal.every((m) => m > 0) && worst >= first * BUDGETS.ingestLinearity,
    });
  }
  for (const r of results) {
    if (r.ratio) {
      const atTenK = r.output.clausePages >= 5000;
      out.push({
        figure: `${r.scale}×: per-page build vs bare Astro (${r.output.htmlPages} pages)`,
        value: `${r.ratio.fullBuild.toFixed(2)}× full build (${r.ratio.fullBuildCpu?.toFixed(2) ?? '?'}× in CPU time), ${r.ratio.astroStepOnly.toFixed(2)}× Astro step only`,
        budget: atTenK ? `≤ ${BUDGETS.perPageRatio}× at 10k pages (full build)` : `≤ ${BUDGETS.perPageRatio}× applies at 10k pages`,
        pass: atTenK ? r.ratio.fullBuild <= BUDGETS.perPageRatio : null,
      });
    }
    for (const [type, allowed] of Object.entries(BUDGETS.readingPageJs)) {
      const figures = r.output.pageTypes[type as PageType];
      out.push({
        figure: `${r.scale}×: JS on ${type} pages`,
        value: figures
          ? `${figures.pagesWithJs} of ${figures.pages} pages ship JS, at most ${fmt.kb(figures.jsGzipMax)} gz`
          : 'no such pages built',
        budget: allowed.maxGzip === 0 ? '0 JS' : `only ${allowed.features.join(' + ')}: ≤ ${fmt.kb(allowed.maxGzip)} gz`,
        pass: figures ? (allowed.maxGzip === 0 ? figures.pagesWithJs === 0 : figures.jsGzipMax <= allowed.maxGzip) : null,
      });
    }
    for (const search of r.search ?? []) {
      const budget = r.scale <= 1 ? BUDGETS.searchFirstQueryBytes1x : BUDGETS.searchFirstQueryBytes100x;
      const note = r.scale <= 1 || r.scale >= 100 ? '' : ' (budget stated for 1× and 100×; 100× one shown)';
      out.push({
        figure: `${r.scale}×: search first query “${search.query}”, bytes the search fetched`,
        value:
          'error' in search
            ? `not measured: ${search.error.split('\n')[0]}`
            : `${fmt.kb(search.searchGzipBytes)} gz (${fmt.kb(search.gzipBytes)} with the search page's own HTML, CSS and script)`,
        budget: `≤ ${fmt.kb(budget)}${note}`,
        pass: 'error' in search ? false : search.searchGzipBytes <= budget,
      });
    }
  }
  return out;
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function printScale(r: ScaleFigures, log: (line: string) => void): void {
  const runs = (n: number) => `median of ${n} run${n === 1 ? '' : 's'}`;
  log(`\n${r.scale}× — ${r.corpus.cities} cities, ${r.corpus.sources} sources, ${fmt.mb(r.corpus.textBytes)} text; ${r.output.clausePages} clause pages, ${r.output.htmlPages} HTML pages`);
  log(`  ingest alone      ${fmt.s(r.ingest.ms)}  ${r.ingest.mbPerSecond.toFixed(3)} MB/s wall; ${r.ingest.cpuMs === null ? '?' : fmt.s(r.ingest.cpuMs)} CPU = ${r.ingest.mbPerCpuSecond?.toFixed(3) ?? '?'} MB per CPU s; peak RSS ${r.ingest.maxRssMb?.toFixed(0) ?? '?'} MB  (${runs(r.runs.ingest)}; includes ~1-2 s of tsx start-up)`);
  // Pagefind and the downloads run while Astro does (scripts/build.ts), so the steps overlap.
  const { ingest, astro, ...alongside } = r.build.steps;
  log(
    `  full build        ${fmt.s(r.build.totalMs)}  = ingest ${fmt.s(ingest ?? Number.NaN)} + astro ${fmt.s(astro ?? Number.NaN)}` +
      ` (alongside Astro: ${Object.entries(alongside).map(([k, v]) => `${k} ${fmt.s(v)}`).join(', ')})` +
      `  (${runs(r.runs.build)}; rest is process start-up and installing the index); ${r.build.cpuMs === null ? '?' : fmt.s(r.build.cpuMs)} CPU`,
  );
  log(`  per page          ${fmt.ms(r.build.perPageMs)} per HTML page, ${fmt.ms(r.build.perClausePageMs)} per clause page`);
  log(`  peak memory       ${r.build.maxRssMb?.toFixed(0) ?? '?'} MB (largest process of the build)`);
  if (r.bare && r.ratio) {
    log(`  bare Astro        ${fmt.s(r.bare.ms)} for ${r.bare.pages} trivial MDX pages = ${fmt.ms(r.bare.perPageMs)} per page, ${r.bare.cpuMs === null ? '?' : fmt.s(r.bare.cpuMs)} CPU, peak ${r.bare.maxRssMb?.toFixed(0) ?? '?'} MB (${runs(r.runs.bare)})`);
    log(`  ratio             ${r.ratio.fullBuild.toFixed(2)}× (full build ÷ bare), ${r.ratio.fullBuildCpu?.toFixed(2) ?? '?'}× in CPU time, ${r.ratio.astroStepOnly.toFixed(2)}× (Astro step ÷ bare)`);
  }
  log(`  output            ${fmt.mb(r.output.bytes)} in ${r.output.files} files (Pagefind ${fmt.mb(r.output.pagefindBytes)})`);
  log('  bytes per page type (gzip, median):   pages    HTML      CSS       JS    pages with JS   example');
  for (const [type, f] of Object.entries(r.output.pageTypes)) {
    log(
      `    ${type.padEnd(12)} ${String(f.pages).padStart(22)} ${fmt.kb(f.htmlGzip).padStart(9)} ${fmt.kb(f.cssGzip).padStart(8)} ${fmt.kb(f.jsGzip).padStart(8)} ${String(f.pagesWithJs).padStart(10)}        ${f.example}`,
    );
  }
  for (const search of r.search ?? []) {
    if ('error' in search) log(`  search            “${search.query}” not measured: ${search.error.split('\n')[0]}`);
    else
      log(`  search            first query “${search.query}” (cold cache): search fetched ${fmt.kb(search.searchGzipBytes)} gz; with the page ${fmt.kb(search.gzipBytes)} gz / ${fmt.kb(search.bytes)} as served, ${search.requests} requests; first results ${fmt.ms(search.timeToFirstResultsMs)} after navigation start (${fmt.ms(search.searchOnlyMs)} after DOMContentLoaded), ${search.results} results listed`);
  }
  if (r.lighthouse) {
    if ('error' in r.lighthouse) log(`  Lighthouse        not run: ${r.lighthouse.error.split('\n')[0]}`);
    else
      for (const [page, scores] of Object.entries(r.lighthouse.scores))
        log(`  Lighthouse ${page.padEnd(10)} ${Object.entries(scores).map(([k, v]) => `${k} ${v ?? '–'}`).join(', ')}`);
  }
}

const USAGE =
  'npm run bench -- [--scales 1,10,100] [--runs 3] [--large-runs 1] [--sources <dir>] [--out bench-results] [--no-lighthouse] [--no-search] [--no-bare]';

async function main(argv: string[]): Promise<void> {
  const { values } = cliArgs(argv, {
    scales: { type: 'string', default: '1,10,100' },
    runs: { type: 'string', default: '3' },
    'large-runs': { type: 'string', default: '1' },
    sources: { type: 'string', default: 'content/sources' },
    out: { type: 'string', default: 'bench-results' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-bare': { type: 'boolean', default: false },
  });
  const count = (name: string, text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`\`--${name}\` expects a whole number ≥ 1, found \`${text}\``);
    return n;
  };
  const options: Options = {
    scales: values.scales
      .split(',')
      .map((s) => count('scales', s))
      .sort((a, b) => a - b),
    runs: count('runs', values.runs),
    largeRuns: count('large-runs', values['large-runs']),
    lighthouse: !values['no-lighthouse'],
    search: !values['no-search'],
    bare: !values['no-bare'],
    out: resolve(values.out),
    today: process.env.ATLAS_TODAY ?? '2025-06-30',
    log: (line) => console.log(line),
  };
  const sources = values.sources;
  await mkdir(options.out, { recursive: true });
  const info = machine();
  options.log(`bench: ${info.cores} cores (${info.cpu}), ${info.memoryGb} GB, Node ${info.node}, ${info.os}; load ${info.loadAverageAtStart.join(' ')}`);
  options.log(`scales ${options.scales.map((s) => `${s}×`).join(', ')}; ${options.runs} runs (${options.largeRuns} at ≥ 50×); ATLAS_TODAY=${options.today}`);

  const results: ScaleFigures[] = [];
  const file = join(options.out, 'bench.json');
  const save = (checks: Verdict[]) =>
    writeFile(file, `${JSON.stringify({ machine: info, options: { ...options, log: undefined }, budgets: BUDGETS, results, verdicts: checks }, null, 2)}\n`);
  for (const scale of options.scales) {
    results.push(await benchScale(scale, sources, options));
    // Saved after every scale, so a failure at 100× keeps the smaller scales' figures.
    await save(verdicts(results));
  }

  options.log('\n════════ figures ════════');
  options.log(`machine: ${info.cores} cores, ${info.memoryGb} GB RAM, Node ${info.node} (shared machine: other processes may add noise)`);
  for (const r of results) printScale(r, options.log);
  const checks = verdicts(results);
  options.log('\n════════ budgets ════════');
  for (const v of checks) {
    const mark = v.pass === null ? ' · ' : v.pass ? 'PASS' : 'FAIL';
    options.log(`  ${mark.padEnd(4)}  ${v.figure}: ${v.value}  [budget ${v.budget}]`);
  }
  await save(checks);
  options.log(`\nwrote ${relative(process.cwd(), file)}`);
  if (checks.some((v) => v.pass === false)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (reportUsage('bench', USAGE, error)) return;
    console.error(`✗ bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
