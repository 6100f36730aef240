// Ingest with the emit worker (scripts/ingest/emit-worker.ts): the same files on two threads as on one.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

describe('ingest with the emit worker', () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the same files, byte for byte, on two threads as on one', async () => {
    const { spawnSync } = await import('node:child_process');
    const { readFile } = await import('node:fs/promises');
    const { generateCorpus, readTemplates, writeCorpus } = await import('../scripts/tools/generate-corpus');
    dir = await mkdtemp(join(tmpdir(), 'atlas-emit-worker-'));
    await writeCorpus(generateCorpus(await readTemplates('content/sources'), 8), join(dir, 'sources'));
    const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    const trees: Map<string, string>[] = [];
    for (const flag of ['--no-emit-worker', '--emit-worker']) {
      const out = join(dir, flag);
      const run = spawnSync(tsx, ['scripts/ingest.ts', '--sources', join(dir, 'sources'), '--out', out, '--today', '2025-06-01', '--json', flag], {
        cwd: join(import.meta.dirname, '..'),
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      trees.push(new Map(await Promise.all(files.map(async (e) => [join(e.parentPath, e.name).slice(out.length), await readFile(join(e.parentPath, e.name), 'utf8')] as const))));
    }
    const [one, two] = trees as [Map<string, string>, Map<string, string>];
    expect([...one.keys()].filter((f) => f.endsWith('.mdx')).length).toBeGreaterThan(100);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, text] of one) expect(two.get(file), file).toBe(text);
  }, 120_000);
});
