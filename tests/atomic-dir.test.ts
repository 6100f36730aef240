// Replacing an output directory as a whole, and the lock that keeps a second writer out.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, cleanStaleSiblings, isAlive, LockedError, replaceDir, stagingDir } from '../scripts/atomic-dir';

const work = mkdtempSync(join(tmpdir(), 'atomic-dir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A process id that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.on('exit', done));
  return child.pid!;
}

describe('acquireLock', () => {
  it('refuses a second writer while the first holds the lock, naming its pid and the lock file', async () => {
    const dir = join(work, 'locked');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${dir}.lock`, `${sleeper.pid}\n`);
      expect(isAlive(sleeper.pid!)).toBe(true);
      expect(() => acquireLock(dir, 'npm run build')).toThrow(LockedError);
      expect(() => acquireLock(dir, 'npm run build')).toThrow(`pid ${sleeper.pid}, lock file \`${dir}.lock\``);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over the lock of a writer that died, and releases it', async () => {
    const dir = join(work, 'stale');
    writeFileSync(`${dir}.lock`, `${await deadPid()}\n`);
    const lock = acquireLock(dir, 'npm run build');
    expect(readFileSync(lock.path, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });
});

describe('replaceDir and cleanStaleSiblings', () => {
  it('swaps a complete staging directory in for the old one and leaves no sibling behind', () => {
    const dir = join(work, 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'old.txt'), 'old');
    const staged = stagingDir(dir);
    writeFileSync(join(staged, 'new.txt'), 'new');
    replaceDir(dir, staged);
    expect(readdirSync(dir)).toEqual(['new.txt']);
    expect(readdirSync(work).filter((n) => n.startsWith('out.'))).toEqual([]);
  });

  it('removes the staging directories of killed runs', () => {
    const dir = join(work, 'killed');
    mkdirSync(join(dir), { recursive: true });
    mkdirSync(join(work, 'killed.tmp-4242', 'clauses'), { recursive: true });
    mkdirSync(join(work, 'killed.old-4243'));
    mkdirSync(join(work, 'killed-other.tmp-1'));
    expect(cleanStaleSiblings(dir).map((p) => p.slice(work.length + 1))).toEqual(['killed.old-4243', 'killed.tmp-4242']);
    expect(readdirSync(work).filter((n) => n.startsWith('killed'))).toEqual(['killed', 'killed-other.tmp-1']);
  });

  it('puts the previous directory back when a run was killed between the two renames of a swap', () => {
    const dir = join(work, 'halfway');
    mkdirSync(join(work, 'halfway.old-4242'));
    writeFileSync(join(work, 'halfway.old-4242', 'index.html'), 'previous site');
    mkdirSync(join(work, 'halfway.tmp-4242'));
    cleanStaleSiblings(dir);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(work).filter((n) => n.startsWith('halfway'))).toEqual(['halfway']);
  });
});
