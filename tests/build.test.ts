// scripts/build.ts around its Astro step (a stand-in here, so no site is rendered): the new site
// replaces dist/ only when complete, with its search index and downloads; a failing build leaves
// the previous dist/ as it was and nothing behind; a second concurrent build is refused.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../scripts/build';
import { readGenerated } from '../scripts/site/search-index';

const ROOT = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in for `astro build`: one page per clause, as the clause route makes them. */
function pagesFrom(generated: string): NonNullable<BuildOptions['astro']> {
  return async (outDir) => {
    const { clauses } = await readGenerated(generated);
    for (const clause of clauses) {
      mkdirSync(join(outDir, 'clause', clause.id), { recursive: true });
      writeFileSync(join(outDir, 'clause', clause.id, 'index.html'), `<p>${clause.id}</p>`);
    }
    writeFileSync(join(outDir, 'index.html'), 'new site');
  };
}

function options(name: string, astro: BuildOptions['astro']): BuildOptions {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  // Relative to the project, as `npm run build` passes them.
  const generated = relative(ROOT, join(dir, 'generated'));
  return { sourcesDir: 'content/sources', generatedDir: generated, distDir: relative(ROOT, join(dir, 'dist')), today: '2025-06-30', log: () => {}, astro: astro ?? pagesFrom(generated) };
}

/** A dist/ with one file, as a previous build left it. */
function previousSite(distDir: string): void {
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'index.html'), 'previous site');
}

const siblings = (distDir: string) => readdirSync(join(distDir, '..')).filter((n) => n.startsWith('dist.'));

describe('build', () => {
  it('replaces dist/ with the complete new site, its search index and its downloads, leaving nothing beside it', async () => {
    const o = options('ok', undefined);
    previousSite(o.distDir);
    await build(o);
    expect(readFileSync(join(o.distDir, 'index.html'), 'utf8')).toBe('new site');
    expect(existsSync(join(o.distDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(o.distDir, 'data', 'awards.csv'))).toBe(true);
    expect(siblings(o.distDir)).toEqual([]);
    expect(readdirSync(join(o.generatedDir, '..')).filter((n) => n.startsWith('generated.'))).toEqual([]);
  }, 60_000);

  it('leaves the previous dist/ intact and no temporary folder behind when Astro fails halfway', async () => {
    const o = options('astro-fails', async (outDir) => {
      mkdirSync(join(outDir, 'clause'), { recursive: true });
      writeFileSync(join(outDir, 'index.html'), 'half a site');
      throw new Error('astro build exited with 1');
    });
    previousSite(o.distDir);
    await expect(build(o)).rejects.toThrow('astro build exited with 1');
    expect(readdirSync(o.distDir)).toEqual(['index.html']);
    expect(readFileSync(join(o.distDir, 'index.html'), 'utf8')).toBe('previous site');
    expect(siblings(o.distDir)).toEqual([]);
  }, 60_000);

  it('refuses to start while another build holds dist.lock, and touches nothing', async () => {
    const o = options('concurrent', undefined);
    previousSite(o.distDir);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${o.distDir}.lock`, `${other.pid}\n`);
      await expect(build(o)).rejects.toThrow(`is being written by another process (pid ${other.pid}`);
      expect(readFileSync(join(o.distDir, 'index.html'), 'utf8')).toBe('previous site');
      expect(existsSync(o.generatedDir)).toBe(false);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('leaves the previous dist/ intact and cleans up when interrupted with Ctrl-C (SIGINT) during Astro', async () => {
    const o = options('interrupted', undefined);
    previousSite(o.distDir);
    // A build in its own process whose Astro step writes half a site and then hangs.
    const script = join(work, 'interrupted', 'run.mts');
    writeFileSync(
      script,
      [
        `import { mkdirSync, writeFileSync } from 'node:fs';`,
        `import { build } from ${JSON.stringify(join(ROOT, 'scripts', 'build.ts'))};`,
        `await build({ ...${JSON.stringify({ ...o, astro: undefined, log: undefined })}, log: () => {}, astro: async (out) => {`,
        `  mkdirSync(out + '/clause', { recursive: true }); writeFileSync(out + '/index.html', 'half a site');`,
        `  console.log('astro-started'); await new Promise(() => {});`,
        `} });`,
      ].join('\n'),
    );
    // Node runs the script itself (tsx as a loader): the tsx CLI would relay Ctrl-C and, if the
    // build does not answer within 30 ms on a busy machine, kill it outright.
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((done) => child.on('exit', (c, signal) => done(c ?? signal)));
    await Promise.race([
      new Promise<void>((started) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('astro-started') && started())),
      exited.then((code) => Promise.reject(new Error(`the build exited with ${String(code)} before Astro started`))),
    ]);
    expect(siblings(o.distDir)).toEqual(['dist.lock', 'dist.tmp-' + readFileSync(`${o.distDir}.lock`, 'utf8').trim()]);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(o.distDir)).toEqual(['index.html']);
    expect(readFileSync(join(o.distDir, 'index.html'), 'utf8')).toBe('previous site');
    expect(siblings(o.distDir)).toEqual([]);
  }, 60_000);

  it('takes over the lock and removes the temporary folders of a build that was killed', async () => {
    const o = options('killed', undefined);
    previousSite(o.distDir);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => dead.on('exit', done));
    writeFileSync(`${o.distDir}.lock`, `${dead.pid}\n`);
    mkdirSync(`${o.distDir}.tmp-${dead.pid}/site/clause`, { recursive: true });
    await build(o);
    expect(readFileSync(join(o.distDir, 'index.html'), 'utf8')).toBe('new site');
    expect(siblings(o.distDir)).toEqual([]);
  }, 60_000);
});
