// Two builds from the same sources, on the same day, must give a byte-identical dist/ (and
// generated/): the site is cited by file hash, and diffs between deploys must mean content.
// Builds go into two temp dirs; the shared dist/ and generated/ are not touched.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TODAY = '2025-06-30';

interface Build {
  dist: string;
  generated: string;
}

function build(into: string): Promise<Build> {
  const dist = join(into, 'dist');
  const generated = join(into, 'generated');
  // Relative paths, as a normal build passes them (src/lib/data.ts joins ATLAS_GENERATED onto the root).
  const args = [
    resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts',
    '--sources', 'content/sources', '--generated', relative(ROOT, generated), '--dist', relative(ROOT, dist),
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ATLAS_TODAY: TODAY }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done({ dist, generated }) : fail(new Error(`build into ${into} exited with ${code}:\n${log.slice(-3000)}`)),
    );
  });
}

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const visit = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await visit(path);
      else out.set(relative(dir, path), createHash('sha256').update(await readFile(path)).digest('hex'));
    }
  };
  await visit(dir);
  return out;
}

/** Where two versions of a file first differ, as a short excerpt of each. */
async function firstDifference(a: string, b: string): Promise<string> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  let at = 0;
  while (at < x.length && at < y.length && x[at] === y[at]) at++;
  const excerpt = (buffer: Buffer) => JSON.stringify(buffer.subarray(Math.max(0, at - 60), at + 60).toString('utf8'));
  return `byte ${at} (sizes ${x.length} / ${y.length}):\n      first:  ${excerpt(x)}\n      second: ${excerpt(y)}`;
}

/** Files only in one tree, and files whose bytes differ (with where, for the first few). */
async function compareTrees(first: string, second: string): Promise<string[]> {
  const [a, b] = await Promise.all([hashes(first), hashes(second)]);
  const problems: string[] = [];
  for (const file of [...a.keys()].filter((f) => !b.has(f)).sort()) problems.push(`only in the first build: ${file}`);
  for (const file of [...b.keys()].filter((f) => !a.has(f)).sort()) problems.push(`only in the second build: ${file}`);
  const differing = [...a.keys()].filter((f) => b.has(f) && a.get(f) !== b.get(f)).sort();
  for (const [i, file] of differing.entries()) {
    problems.push(
      i < 5 ? `differs: ${file} at ${await firstDifference(join(first, file), join(second, file))}` : `differs: ${file}`,
    );
  }
  return problems;
}

describe('two builds from the same sources', () => {
  let tmp: string;
  let first: Build;
  let second: Build;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'atlas-determinism-'));
    // One after the other: both use the project's Astro cache, which must not be raced.
    first = await build(join(tmp, 'first'));
    second = await build(join(tmp, 'second'));
  }, 600_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('write byte-identical generated/ (clause MDX, policy records, reports)', async () => {
    const problems = await compareTrees(first.generated, second.generated);
    expect(problems, `generated/ differs between two ingests:\n  ${problems.join('\n  ')}`).toEqual([]);
  });

  it('give a byte-identical dist/ (same file list, same sha256 for every file)', async () => {
    const problems = await compareTrees(first.dist, second.dist);
    expect(problems, `dist/ differs between two builds:\n  ${problems.join('\n  ')}`).toEqual([]);
  });

  it('build a non-empty site (so identical means something)', async () => {
    const files = await hashes(first.dist);
    expect([...files.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
  });
});
