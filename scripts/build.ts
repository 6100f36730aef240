// The whole build, one linear function: ingest → Astro → relative links → downloads → search
// index. Each step is timed; `--json` prints the timings (the bench reads them).
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSearchIndex } from './search-index';
import { relativizeSite } from './relative-links';
import { writeDownloads } from './downloads';
import { buildDay } from '../src/lib/status';
import type { Clause, Policy } from '../src/schema';

export interface BuildOptions {
  sourcesDir: string;
  generatedDir: string;
  distDir: string;
  /** The day status is computed for (YYYY-MM-DD); every step sees the same one. */
  today: string;
  log: (line: string) => void;
}

export type StepTimings = Record<'ingest' | 'astro' | 'links' | 'downloads' | 'pagefind', number>;

export async function build(options: BuildOptions): Promise<StepTimings> {
  const { sourcesDir, generatedDir, distDir, today, log } = options;
  const env = { ...process.env, ATLAS_TODAY: today, ATLAS_GENERATED: generatedDir, ATLAS_SOURCES: sourcesDir };
  const timings = {} as StepTimings;
  const step = async (name: keyof StepTimings, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    timings[name] = performance.now() - started;
    log(`✓ ${name} (${(timings[name] / 1000).toFixed(1)} s)`);
  };

  // 1. Parse the sources into validated clause MDX and policy records.
  await step('ingest', () =>
    run(process.execPath, [cli('tsx'), 'scripts/ingest.ts', '--sources', sourcesDir, '--out', generatedDir], env),
  );
  // 2. Astro renders every page from the generated collections.
  await rm(distDir, { recursive: true, force: true });
  // --force: Astro's content cache (node_modules/.astro) keeps an unchanged entry's old file
  // path, so after a build from another --generated dir it would import MDX from that dir
  // (or fail if it is gone). A cold content sync every build is also what makes two builds equal.
  await step('astro', () =>
    run(process.execPath, [cli('astro'), 'build', '--force', '--outDir', distDir, '--silent'], env),
  );
  // 3. Relative links, so the folder works from any host, base path or file://.
  await step('links', async () => {
    await relativizeSite(distDir, process.env.ATLAS_BASE ?? '/');
  });
  // 4. Data downloads (JSON, CSV, JSON Schema) from the same records the pages used.
  await step('downloads', async () => {
    const clauses = JSON.parse(await readFile(resolve(generatedDir, 'data/clauses.json'), 'utf8')) as Clause[];
    const policyFiles = (await readdir(resolve(generatedDir, 'policies'))).filter((f) => f.endsWith('.json')).sort();
    const policies = await Promise.all(
      policyFiles.map(async (f) => JSON.parse(await readFile(resolve(generatedDir, 'policies', f), 'utf8')) as Policy),
    );
    await mkdir(resolve(distDir, 'data'), { recursive: true });
    await writeDownloads(clauses, policies, distDir);
  });
  // 5. The Chinese full-text index over clause pages.
  await step('pagefind', async () => {
    const { pages } = await buildSearchIndex(distDir);
    log(`  indexed ${pages} pages`);
  });
  return timings;
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
