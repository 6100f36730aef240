// Builds the Pagefind index: one record per clause page, made from the generated records
// (the same clause and policy data the page is rendered from), not parsed back out of the
// built HTML. So the index is built while `astro build` runs (scripts/build.ts), into a staging
// directory, and moved into dist/pagefind afterwards. Any Pagefind error or warning, a record
// count that does not match the clause pages, a clause page without its record or a record
// without its page fails the build.
//
// A record carries
//   filters  city, category, tier, award (1/0), status, year  (ids, labelled by the search page)
//   meta     clause id, city, policy title, clause number and heading, status, the searchable
//            text and the 责任单位 (white space shifted so Pagefind keeps line breaks; see
//            encodeMetaText)
//   sort     order: city, year, policy, clause ordinal
//   content  the searchable text as single-character tokens, then the 责任单位 as tokens of
//            their own, searched only on request (see src/lib/search/text.ts)
// `title` meta is the clause id because Pagefind also searches the title, which must not add
// natural-language words to the index.
import { cp, mkdtemp, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { encodeMetaText, indexTokens, searchableText } from '../../src/lib/search/text';
import { isTraditional, simplifiedFold } from '../ingest/script';
import { searchYear } from '../../src/lib/format';
import { policyStatus } from '../../src/lib/status';
import { z } from 'zod';
import { ClauseSchema, PolicySchema, SearchRecordSchema, type Clause, type Policy, type SearchRecord } from '../../src/schema';

/** Expected warnings: tokens are single characters, so there is nothing to stem. */
const EXPECTED_WARNINGS = [/doesn't support stemming for the language zh/];
/** Pagefind's ready-made UIs; the site has its own, so they are not shipped. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/**
 * Locations per index chunk. Pagefind's default (20,000) makes the whole index of the real corpus
 * two ~40 KB chunks, so a first query downloads most of the index; a query loads one chunk per
 * distinct character, so small corpora want small chunks. Every chunk also costs an entry in
 * pagefind.pf_meta, which every search loads, so large corpora keep the default. About six
 * locations per clause page gives ~60 chunks whatever the size, until the default takes over.
 * Set through Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (read by the binary at start);
 * the bench's search figures show whether it still takes effect.
 */
export function indexChunkSize(clausePages: number): number {
  return Math.min(20_000, Math.max(500, clausePages * 6));
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Meta values as Pagefind keeps them when it reads them from HTML: white space collapsed and
 * trimmed, empty values left out (a clause without a heading has no `heading`).
 */
function metaValues(meta: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta)) {
    const clean = value.replace(/\s+/g, ' ').trim();
    if (clean !== '') out[key] = clean;
  }
  return out;
}

/**
 * The search record of one clause page, on the build day `today` (status is computed for it).
 * `traditional`: the policy is printed in traditional script (decided over its whole text, as
 * ingest decides it: a short clause alone has too few characters to tell).
 */
export function searchRecord(clause: Clause, policy: Policy, today: string, traditional = isTraditional(searchableText(clause))): SearchRecord {
  const status = policyStatus(policy, today);
  const year = searchYear(policy);
  const searchable = searchableText(clause);
  const filters: Record<string, string[]> = {
    city: [clause.citySlug],
    category: [...new Set([clause.primaryCategory, ...clause.categories])],
    tier: [...new Set(clause.tiers)],
    award: [clause.awards.length > 0 ? '1' : '0'],
    status: [status],
    year: year === null ? [] : [String(year)],
  };
  for (const key of Object.keys(filters)) if (filters[key]!.length === 0) delete filters[key];
  return SearchRecordSchema.parse({
    url: `/clause/${clause.id}/`,
    // A traditional-script clause is indexed in its simplified fold (same length, character for
    // character), so a simplified query finds it; pages and excerpts keep the printed characters.
    content: traditional ? indexTokens(simplifiedFold(searchable), clause.departmentsText && simplifiedFold(clause.departmentsText)) : indexTokens(searchable, clause.departmentsText),
    language: 'zh',
    meta: metaValues({
      title: clause.id,
      clause: clause.id,
      city: clause.city,
      policy: policy.title,
      number: clause.number,
      heading: clause.title,
      status,
      text: encodeMetaText(searchable),
      departments: encodeMetaText(clause.departmentsText ?? ''),
    }),
    filters,
    sort: { order: [clause.citySlug, String(year ?? 0), clause.policyId, String(clause.ordinal).padStart(5, '0')].join('/') },
  });
}

/** Every clause's record, in URL order. A clause whose policy is missing is an error, as on its page. */
export function searchRecords(clauses: readonly Clause[], policies: readonly Policy[], today: string): SearchRecord[] {
  const policyById = new Map(policies.map((p) => [p.id, p]));
  const textOf = new Map<string, string[]>();
  for (const c of clauses) {
    const texts = textOf.get(c.policyId);
    if (texts) texts.push(c.text);
    else textOf.set(c.policyId, [c.text]);
  }
  const traditional = new Map([...textOf].map(([id, texts]) => [id, isTraditional(texts.join('\n'))]));
  return clauses
    .map((clause) => {
      const policy = policyById.get(clause.policyId);
      if (!policy) throw new SearchIndexError(`Clause \`${clause.id}\` names policy \`${clause.policyId}\`, which does not exist`);
      return searchRecord(clause, policy, today, traditional.get(clause.policyId));
    })
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** An index written to a staging directory, waiting for the site it belongs to. */
export interface StagedSearchIndex {
  /** The Pagefind bundle (what becomes dist/pagefind). */
  dir: string;
  /** Record URLs, sorted. */
  urls: string[];
}

/**
 * Index the records with Pagefind into a fresh staging directory under `parent` (the build's
 * temporary sibling of dist/, so a killed build leaves nothing in the system temp dir).
 * Pagefind's errors and unexpected warnings, a record count other than the records given, or a
 * language other than zh fail it.
 */
export async function stageSearchIndex(records: readonly SearchRecord[], parent = tmpdir()): Promise<StagedSearchIndex> {
  const staging = await mkdtemp(join(parent, 'atlas-pagefind-'));
  const logfile = join(staging, 'pagefind.log');
  const outputPath = join(staging, 'pagefind');
  // The Pagefind binary starts with the first createIndex and reads its environment then.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(indexChunkSize(records.length));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh', verbose: true, logfile });
    if (!index || errors.length) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
    // All at once: the service answers in any order, and the index does not depend on it.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((response, i) => response.errors.map((e) => `${records[i]!.url}: ${e}`));
    if (failed.length) throw new SearchIndexError(`Pagefind could not index ${failed.length} records:\n  ${failed.slice(0, 10).join('\n  ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new SearchIndexError(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);

    const problems = (await readFile(logfile, 'utf8').catch(() => ''))
      .split('\n')
      .filter((line) => /^\[(warn|warning|error)\]/i.test(line.trim()))
      .filter((line) => !EXPECTED_WARNINGS.some((expected) => expected.test(line)));
    if (problems.length) throw new SearchIndexError(`Pagefind reported problems:\n  ${problems.join('\n  ')}`);

    // One record per clause, all in the Chinese index.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages = Object.keys(entry.languages);
    const pages = entry.languages.zh?.page_count ?? 0;
    if (languages.join() !== 'zh' || pages !== records.length) {
      throw new SearchIndexError(
        `Pagefind indexed ${pages} records in languages [${languages.join(', ')}], expected ${records.length} clause records in [zh]`,
      );
    }
    for (const name of UNUSED_BUNDLE_FILES) await unlink(join(outputPath, name)).catch(() => undefined);
    await unlink(logfile).catch(() => undefined);
    return { dir: outputPath, urls: records.map((r) => r.url).sort() };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
}

/** Root-relative URLs of the built clause pages (`dist/clause/a/b/index.html` → `/clause/a/b/`), sorted. */
export async function clausePageUrls(distDir: string): Promise<string[]> {
  const root = join(distDir, 'clause');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => `/clause/${relative(root, e.parentPath).split(sep).join('/')}/`)
    .sort();
}

/**
 * After `astro build`: every clause page must have its record and every record its page
 * (else a clause is silently unsearchable, or a result leads nowhere); then the staged
 * bundle becomes dist/pagefind.
 */
export async function installSearchIndex(distDir: string, staged: StagedSearchIndex): Promise<{ pages: number }> {
  const dist = resolve(distDir);
  try {
    const pages = await clausePageUrls(dist);
    if (pages.length === 0) {
      throw new SearchIndexError(`${relative(process.cwd(), dist)}/clause/: no clause pages to index; did \`astro build\` run?`);
    }
    const records = new Set(staged.urls);
    const built = new Set(pages);
    const withoutRecord = pages.filter((url) => !records.has(url));
    const withoutPage = staged.urls.filter((url) => !built.has(url));
    if (withoutRecord.length || withoutPage.length) {
      const list = (urls: string[]) => urls.slice(0, 5).join(', ') + (urls.length > 5 ? ` (and ${urls.length - 5} more)` : '');
      throw new SearchIndexError(
        [
          withoutRecord.length ? `${withoutRecord.length} clause pages have no search record: ${list(withoutRecord)}` : '',
          withoutPage.length ? `${withoutPage.length} search records have no clause page: ${list(withoutPage)}` : '',
          'hint: records are made from the generated clauses (searchRecords); pages from the same data by src/pages/clause/[policy]/[path].astro',
        ]
          .filter(Boolean)
          .join('\n  '),
      );
    }
    const target = join(dist, 'pagefind');
    await rm(target, { recursive: true, force: true });
    await move(staged.dir, target);
    return { pages: pages.length };
  } finally {
    await rm(join(staged.dir, '..'), { recursive: true, force: true });
  }
}

/** Rename, or copy and delete when the staging directory is on another file system. */
export async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/** The generated records a site was built from. */
/** The pipeline's records, validated against the same schemas they were written with. */
export async function readGenerated(generatedDir: string): Promise<{ clauses: Clause[]; policies: Policy[] }> {
  const clauses = z.array(ClauseSchema).parse(JSON.parse(await readFile(resolve(generatedDir, 'data/clauses.json'), 'utf8')));
  const policyFiles = (await readdir(resolve(generatedDir, 'policies'))).filter((f) => f.endsWith('.json')).sort();
  const policies = await Promise.all(
    policyFiles.map(async (f) => PolicySchema.parse(JSON.parse(await readFile(resolve(generatedDir, 'policies', f), 'utf8')))),
  );
  return { clauses, policies };
}

/** Index a built site from its generated records, in one go (the build overlaps the two halves). */
export async function buildSearchIndex(distDir: string, generatedDir: string, today: string): Promise<{ pages: number }> {
  const { clauses, policies } = await readGenerated(generatedDir);
  return installSearchIndex(distDir, await stageSearchIndex(searchRecords(clauses, policies, today)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', generated = 'generated'] = process.argv.slice(2);
  const { buildDay } = await import('../../src/lib/status');
  buildSearchIndex(dist, generated, buildDay()).then(
    ({ pages }) => console.error(`✓ search index: ${pages} clause records in ${dist}/pagefind`),
    (error: unknown) => {
      console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
