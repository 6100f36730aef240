// Builds the Pagefind index of a built site: one record per clause page. Any Pagefind error
// or warning, a clause page without its record, or a record count that does not match the
// clause pages fails the build.
//
// Each clause page carries a hidden `[data-search-record]` (src/components/SearchMeta.astro)
// with its filters, meta and the clause as single-character tokens; that element is the
// only thing indexed (`rootSelector`), so navigation, headers and the policy pages never
// produce results and every clause is found once.
import { mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from './relative-links';

/** The element each clause page indexes; written by SearchMeta.astro. */
export const RECORD_SELECTOR = '[data-search-record]';
/** Clause pages, relative to dist. */
const CLAUSE_PAGES = 'clause/**/*.html';
/** Warnings that are expected: tokens are single characters, so there is nothing to stem. */
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

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export async function buildSearchIndex(distDir: string): Promise<{ pages: number }> {
  const dist = resolve(distDir);
  const outputPath = join(dist, 'pagefind');

  // 1. Every clause page must carry its record, or it would silently be unsearchable.
  const clausePages = (await listFiles(join(dist, 'clause')).catch(() => [] as string[])).filter((f) => f.endsWith('.html'));
  if (clausePages.length === 0) {
    throw new SearchIndexError(`${relative(process.cwd(), dist)}/clause/: no clause pages to index; did \`astro build\` run?`);
  }
  for (const file of clausePages) {
    if (!(await readFile(file, 'utf8')).includes('data-search-record')) {
      throw new SearchIndexError(
        `${relative(process.cwd(), file)}: clause page has no search record (expected an element ${RECORD_SELECTOR}); ` +
          'render <SearchMeta clause={clause} policy={policy} /> inside the clause page',
      );
    }
  }

  // 2. Index the records. Pagefind's log is the only place it reports warnings.
  const logDir = await mkdtemp(join(tmpdir(), 'atlas-pagefind-'));
  const logfile = join(logDir, 'pagefind.log');
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: 'zh',
      rootSelector: RECORD_SELECTOR,
      verbose: true,
      logfile,
    });
    if (!index || errors.length) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist, glob: CLAUSE_PAGES });
    if (added.errors.length) throw new SearchIndexError(`Pagefind could not index ${dist}: ${added.errors.join('; ')}`);
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new SearchIndexError(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);

    const problems = (await readFile(logfile, 'utf8').catch(() => ''))
      .split('\n')
      .filter((line) => /^\[(warn|warning|error)\]/i.test(line.trim()))
      .filter((line) => !EXPECTED_WARNINGS.some((expected) => expected.test(line)));
    if (problems.length) throw new SearchIndexError(`Pagefind reported problems:\n  ${problems.join('\n  ')}`);

    // 3. One record per clause page, all in the Chinese index.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages = Object.keys(entry.languages);
    const pages = entry.languages.zh?.page_count ?? 0;
    if (languages.join() !== 'zh' || pages !== clausePages.length) {
      throw new SearchIndexError(
        `Pagefind indexed ${pages} records in languages [${languages.join(', ')}], expected ${clausePages.length} clause pages in [zh]`,
      );
    }
    for (const name of UNUSED_BUNDLE_FILES) await unlink(join(outputPath, name)).catch(() => undefined);
    return { pages };
  } finally {
    await pagefind.close();
    await rm(logDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  buildSearchIndex(dist).then(
    ({ pages }) => console.error(`✓ search index: ${pages} clause records in ${dist}/pagefind`),
    (error: unknown) => {
      console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
