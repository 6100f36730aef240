// Writing ingest's output files: into a staging directory that replaces the output as a whole
// (scripts/atomic-dir.ts), or, for a lone file in a directory others read, atomically. Used by
// scripts/ingest.ts and its emit worker.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clause } from '../../src/schema';
import { emitClauseMdx } from './emit';

/** Write to a temp file beside the target, then rename: readers never see half a file. */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeNew(tmp, content);
  renameSync(tmp, path);
}

/** Write a file into a directory nothing reads yet (a staging directory): no temp file needed. */
export function writeNew(path: string, content: string | Uint8Array): void {
  try {
    writeFileSync(path, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** Where a clause's MDX goes under the output directory. */
export function clauseFile(out: string, clause: Pick<Clause, 'policyId' | 'path'>): string {
  return join(out, 'clauses', clause.policyId, `${clause.path}.mdx`);
}

/** Emit and write each clause's MDX into a staging directory; returns the paths written, in order. */
export function writeClauseFiles(out: string, clauses: readonly Clause[]): string[] {
  return clauses.map((clause) => {
    const path = clauseFile(out, clause);
    writeNew(path, emitClauseMdx(clause));
    return path;
  });
}
