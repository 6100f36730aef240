// The whole build: ingest, then Astro (whose pages come out with relative links, see
// src/middleware.ts), with the search index and the data downloads made from the generated
// records while Astro runs (Astro keeps about one core busy; Pagefind and the downloads use the
// other), then checked against the built pages and moved into dist/. Each step is timed; the
// side steps overlap the Astro step, so the timings add up to more than the wall time.
// `--json` prints the timings (the bench reads them).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { installSearchIndex, move, readGenerated, searchRecords, stageSearchIndex, type StagedSearchIndex } from './search-index';
import { readRelease, writeDownloads } from './downloads';
import { buildDay } from '../src/lib/status';

export interface BuildOptions {
  sourcesDir: string;
  /** Curation overrides; by default ingest applies the `curation` folder beside `sourcesDir` (content/curation). */
  curationDir?: string;
  generatedDir: string;
  distDir: string;
  /** The day status is computed for (YYYY-MM-DD); every step sees the same one. */
  today: string;
  log: (line: string) => void;
}

export type StepTimings = Record<'ingest' | 'astro' | 'downloads' | 'pagefind', number>;

export async function build(options: BuildOptions): Promise<StepTimings> {
  const { sourcesDir, generatedDir, distDir, today, log } = options;
  const env = { ...process.env, ATLAS_TODAY: today, ATLAS_GENERATED: generatedDir, ATLAS_SOURCES: sourcesDir };
  const timings = {} as StepTimings;
  const step = async <T>(name: keyof StepTimings, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[name] = performance.now() - started;
    log(`✓ ${name} (${(timings[name] / 1000).toFixed(1)} s)`);
    return result;
  };

  // 1. Parse the sources into validated clause MDX and policy records, with the curation
  //    overrides applied (generated/curation.json says which).
  const curation = options.curationDir ? ['--curation', options.curationDir] : [];
  await step('ingest', () =>
    run(process.execPath, [cli('tsx'), 'scripts/ingest.ts', '--sources', sourcesDir, ...curation, '--out', generatedDir], env),
  );
  await rm(distDir, { recursive: true, force: true });
  const { clauses, policies } = await readGenerated(generatedDir);
  const staging = await mkdtemp(join(tmpdir(), 'atlas-downloads-'));
  let staged: StagedSearchIndex | undefined;
  try {
    // 2. Astro renders every page from the generated collections, links made relative so the
    //    folder works from any host, base path or file://. --force: Astro's content
    //    cache (node_modules/.astro) keeps an unchanged entry's old file path, so after a build
    //    from another --generated dir it would import MDX from that dir (or fail if it is gone).
    //    A cold content sync every build is also what makes two builds equal.
    const astro = step('astro', () =>
      run(process.execPath, [cli('astro'), 'build', '--force', '--outDir', distDir, '--silent'], env),
    );
    //    Meanwhile, one after the other on the other core: the Chinese full-text index (one
    //    record per clause, from the same records the clause pages show) and the data downloads
    //    (JSON, CSV, JSON Schema), each into a staging directory. They finish well before Astro,
    //    so they yield to it: this process (and the Pagefind binary it starts) at lower priority.
    yieldToAstro();
    const search = step('pagefind', () => stageSearchIndex(searchRecords(clauses, policies, today)));
    const downloads = search
      .catch(() => undefined)
      .then(() => step('downloads', async () => writeDownloads(clauses, policies, staging, { today, release: await readRelease(generatedDir) })));
    // Every task is awaited even when one fails, so nothing is left running or half-written.
    const [astroDone, searchDone, downloadsDone] = await Promise.allSettled([astro, search, downloads]);
    if (searchDone.status === 'fulfilled') staged = searchDone.value;
    if (astroDone.status === 'rejected') throw astroDone.reason;

    // 3. The staged downloads and index join the site; the index only once every clause page
    //    is found to have its record and every record its page.
    if (downloadsDone.status === 'rejected') throw downloadsDone.reason;
    for (const file of downloadsDone.value) {
      await mkdir(dirname(join(distDir, file)), { recursive: true });
      await move(join(staging, file), join(distDir, file));
    }
    if (searchDone.status === 'rejected') throw searchDone.reason;
    const { pages } = await installSearchIndex(distDir, searchDone.value);
    log(`  indexed ${pages} pages`);
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (staged) await rm(dirname(staged.dir), { recursive: true, force: true });
  }
  return timings;
}

/** Lower this process's scheduling priority (children started from now on inherit it); best effort. */
function yieldToAstro(): void {
  try {
    setPriority(Math.max(getPriority(), 10));
  } catch {
    // not permitted here: the build is only slower on a busy machine
  }
}

function cli(name: 'tsx' | 'astro'): string {
  return resolve(name === 'tsx' ? 'node_modules/tsx/dist/cli.mjs' : 'node_modules/astro/bin/astro.mjs');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`\`${[command, ...args].join(' ')}\` exited with ${code}`)),
    );
  });
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const options: BuildOptions = {
    sourcesDir: flag('--sources') ?? 'content/sources',
    curationDir: flag('--curation'),
    generatedDir: flag('--generated') ?? 'generated',
    distDir: flag('--dist') ?? 'dist',
    today: buildDay(),
    log: (line) => console.error(line),
  };
  try {
    const timings = await build(options);
    if (argv.includes('--json')) console.log(JSON.stringify(timings));
  } catch (error) {
    // A failing step has already printed its own diagnostics; say which step and stop.
    console.error(`✗ build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
