// Replacing an output directory (generated/, dist/) as a whole: the new contents are written
// into a temporary sibling (`<dir>.tmp-<pid>`) and swapped in only once complete, so a failed,
// interrupted or killed run leaves the previous directory as it was. A lock file beside the
// directory (`<dir>.lock`, holding the writer's pid) keeps a second writer out. Siblings left by
// a killed run are removed (or, if the kill fell between the two renames of a swap, the old
// directory is put back) by the next run, once it holds the lock.
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Another live process holds the lock: a message for the user, not a bug. */
export class LockedError extends Error {
  override name = 'LockedError';
}

export interface DirLock {
  /** The lock file's path. */
  path: string;
  /** Remove the lock file (only if it is still this process's). */
  release(): void;
}

/** Whether a process with this id is running (EPERM: it is, but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take `<dir>.lock` for this process. A lock held by a live process is refused with a
 * LockedError saying who holds it; a lock left by a dead one (killed, crashed) is taken over.
 * `what` names the writer in the message (`npm run build`).
 */
export function acquireLock(dir: string, what: string): DirLock {
  const path = `${dir}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  // The lock appears with its pid already in it (written aside, then hard-linked into place,
  // which fails if it exists), so a second writer never reads a lock that is still empty.
  const mine = `${path}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  for (let attempt = 0; ; attempt++) {
    try {
      linkSync(mine, path);
      unlinkSync(mine);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        unlinkSync(mine);
        throw error;
      }
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        unlinkSync(mine);
        throw new LockedError(
          `${what}: \`${dir}\` is being written by another process (pid ${holder}, lock file \`${path}\`)\n` +
            `  hint: wait for it to finish; delete \`${path}\` only if no such process is running`,
        );
      }
      // A dead writer's lock (or an unreadable one): take it over.
      unlinkSync(path);
    }
  }
  return {
    path,
    release() {
      try {
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
      } catch {
        // already gone
      }
    },
  };
}

const SIBLING = /^(.*)\.(tmp|old)-(\d+)$/;

/**
 * Remove the temporary siblings of `dir` that earlier runs left behind. Call only while holding
 * `dir`'s lock: then no live process is writing any of them. An `.old-<pid>` sibling with `dir`
 * itself missing is a swap that was cut short, so it is put back instead.
 */
export function cleanStaleSiblings(dir: string): string[] {
  const parent = dirname(dir);
  const base = basename(dir);
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  // Code-point order, so which `.old-*` is restored does not depend on the locale.
  for (const name of readdirSync(parent).sort()) {
    const match = SIBLING.exec(name);
    if (!match || match[1] !== base) continue;
    const path = join(parent, name);
    if (match[2] === 'old' && !existsSync(dir)) renameSync(path, dir);
    else {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  return removed;
}

/** The temporary sibling of `dir` this process writes the new contents into. */
export function stagingPath(dir: string): string {
  return `${dir}.tmp-${process.pid}`;
}

/** A fresh, empty stagingPath(dir). */
export function stagingDir(dir: string): string {
  const path = stagingPath(dir);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}

/**
 * Put the complete `staged` directory in place of `dir`. Two renames on the same file system
 * (the old one aside, the new one in), so `dir` is missing only between them; a run killed there
 * is repaired by the next cleanStaleSiblings.
 */
export function replaceDir(dir: string, staged: string): void {
  const old = `${dir}.old-${process.pid}`;
  const had = existsSync(dir);
  if (had) renameSync(dir, old);
  renameSync(staged, dir);
  if (had) rmSync(old, { recursive: true, force: true });
}

/**
 * Run `cleanup` (which must be quick) when the process is interrupted (Ctrl-C) or terminated,
 * then exit with the conventional code (128 + signal number). Returns a function that removes
 * the handlers again.
 */
export function onInterrupt(cleanup: () => void | Promise<void>): () => void {
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = () => {
      const code = 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal];
      Promise.resolve()
        .then(cleanup)
        .catch(() => undefined)
        .finally(() => process.exit(code));
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
