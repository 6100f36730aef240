// The whole build: ingest, then Astro (whose pages come out with relative links, see
// src/middleware.ts), with the search index and the data downloads made from the generated
// records while Astro runs (Astro keeps about one core busy; Pagefind and the downloads use the
// other), then checked against the built pages. All of it is made in a temporary sibling of
// dist/ that replaces dist/ only when complete (scripts/atomic-dir.ts). Each step is timed; the
// side steps overlap the Astro step, so the timings add up to more than the wall time.
// `--json` prints the timings (the bench reads them).
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { getPriority, setPriority } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { acquireLock, cleanStaleSiblings, LockedError, onInterrupt, replaceDir, stagingDir, stagingPath } from './atomic-dir';
import { cliArgs, reportUsage } from './cli-args';
import { reportUnexpected } from './unexpected';
import { installSearchIndex, move, readGenerated, searchRecords, stageSearchIndex } from './site/search-index';
import { readRelease, writeDownloads } from './site/downloads';
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
  /** Renders the site into `outDir` (default: `astro build`); tests pass a stand-in. */
  astro?: (outDir: string, env: NodeJS.ProcessEnv) => Promise<void>;
}

export type StepTimings = Record<'ingest' | 'astro' | 'downloads' | 'pagefind', number>;

export async function build(options: BuildOptions): Promise<StepTimings> {
  const { sourcesDir, generatedDir, distDir, today, log } = options;
  const env = { ...process.env, ATLAS_TODAY: today, ATLAS_GENERATED: generatedDir };
  const timings = {} as StepTimings;
  const step = async <T>(name: keyof StepTimings, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[name] = performance.now() - started;
    log(`✓ ${name} (${(timings[name] / 1000).toFixed(1)} s)`);
    return result;
  };
  const astroBuild = options.astro ?? ((outDir: string) => run(process.execPath, [cli('astro'), 'build', '--force', '--outDir', outDir, '--silent'], env));

  // 0. One build at a time per dist/. Everything is made in a temporary sibling of dist/
  //    (the site, the downloads, the search index) that replaces dist/ only when complete, so
  //    a failed or interrupted build leaves the previous site as it was.
  const lock = acquireLock(distDir, 'npm run build');
  const work = stagingPath(distDir);
  /** Steps that write into `work` beside Astro: an interrupt lets them finish before removing it. */
  const writers: Promise<unknown>[] = [];
  const stopWatching = onInterrupt(async () => {
    await stopChildren();
    await Promise.race([Promise.allSettled(writers), new Promise((done) => setTimeout(done, 10_000))]);
    rmSync(work, { recursive: true, force: true });
    lock.release();
  });
  try {
    cleanStaleSiblings(distDir);
    stagingDir(distDir);
    const site = join(work, 'site');
    const staging = join(work, 'downloads');

    // 1. Parse the sources into validated clause MDX and policy records, with the curation
    //    overrides applied (generated/curation.json says which).
    const curation = options.curationDir ? ['--curation', options.curationDir] : [];
    await step('ingest', () =>
      run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--sources', sourcesDir, ...curation, '--out', generatedDir], env),
    );
    const { clauses, policies } = await readGenerated(generatedDir);

    // 2. Astro renders every page from the generated collections, links made relative so the
    //    folder works from any host, base path or file://. --force: Astro's content
    //    cache (node_modules/.astro) keeps an unchanged entry's old file path, so after a build
    //    from another --generated dir it would import MDX from that dir (or fail if it is gone).
    //    A cold content sync every build is also what makes two builds equal.
    const astro = step('astro', () => astroBuild(site, env));
    //    Meanwhile, one after the other on the other core: the Chinese full-text index (one
    //    record per clause, from the same records the clause pages show) and the data downloads
    //    (JSON, CSV, JSON Schema), each into a staging directory. They finish well before Astro,
    //    so they yield to it: this process (and the Pagefind binary it starts) at lower priority.
    yieldToAstro();
    const search = step('pagefind', () => stageSearchIndex(searchRecords(clauses, policies, today), work));
    const downloads = search
      .catch(() => undefined)
      .then(() => step('downloads', async () => writeDownloads(clauses, policies, staging, { today, release: await readRelease(generatedDir) })));
    writers.push(search, downloads);
    // Every task is awaited even when one fails, so nothing is left running or half-written.
    const [astroDone, searchDone, downloadsDone] = await Promise.allSettled([astro, search, downloads]);
    if (astroDone.status === 'rejected') throw astroDone.reason;

    // 3. The staged downloads and index join the site; the index only once every clause page
    //    is found to have its record and every record its page.
    if (downloadsDone.status === 'rejected') throw downloadsDone.reason;
    for (const file of downloadsDone.value) {
      await mkdir(dirname(join(site, file)), { recursive: true });
      await move(join(staging, file), join(site, file));
    }
    if (searchDone.status === 'rejected') throw searchDone.reason;
    const { pages } = await installSearchIndex(site, searchDone.value);
    log(`  indexed ${pages} pages`);

    // 4. The complete site replaces dist/.
    replaceDir(distDir, site);
  } finally {
    stopWatching();
    await rm(work, { recursive: true, force: true });
    lock.release();
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

/** Child processes still running, so an interrupted build can stop them before cleaning up. */
const children = new Set<ChildProcess>();

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    children.add(child);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) done();
      else fail(new Error(`\`${[command, ...args].join(' ')}\` ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`));
    });
  });
}

/** Terminate the running children and wait until they are gone (at most a few seconds). */
async function stopChildren(): Promise<void> {
  const exits = [...children].map((child) => new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(done, 5000).unref();
  }));
  await Promise.all(exits);
}

/** Errors only a mistake in the code can raise (a failing step or file system raises others). */
function isBug(error: Error): boolean {
  return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError;
}

const USAGE = 'npm run build -- [--sources <dir>] [--curation <dir>] [--generated <dir>] [--dist <dir>] [--json]';

async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = cliArgs(argv, {
      sources: { type: 'string', default: 'content/sources' },
      curation: { type: 'string' },
      generated: { type: 'string', default: 'generated' },
      dist: { type: 'string', default: 'dist' },
      json: { type: 'boolean', default: false },
    }));
  } catch (error) {
    if (reportUsage('build', USAGE, error)) return;
    throw error;
  }
  const options: BuildOptions = {
    sourcesDir: values.sources,
    curationDir: values.curation,
    generatedDir: values.generated,
    distDir: values.dist,
    today: buildDay(),
    log: (line) => console.error(line),
  };
  try {
    const timings = await build(options);
    if (values.json) console.log(JSON.stringify(timings));
  } catch (error) {
    if (error instanceof LockedError) {
      console.error(`✗ ${error.message}`);
      process.exitCode = 75; // EX_TEMPFAIL: try again later
    } else if (error instanceof Error && !isBug(error)) {
      // A failing step has already printed its own diagnostics; say which step and stop.
      console.error(`✗ build failed: ${error.message}`);
      console.error(`  \`${options.distDir}\` is unchanged`);
      if (process.env.DEBUG === '1' && error.stack) console.error(error.stack);
      process.exitCode = 1;
    } else {
      reportUnexpected('build', error);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
