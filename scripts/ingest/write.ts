// Writing ingest's output files: each atomically (a temp file beside the target, then rename),
// so readers never see half a file. Used by scripts/ingest.ts and its emit worker.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clause } from '../../src/schema';
import { emitClauseMdx } from './emit';

/** Write to a temp file beside the target, then rename: readers never see half a file. */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
  } catch (error) {
    // The directory is created only when missing: one mkdir per directory, not per file.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, content);
  }
  renameSync(tmp, path);
}

/** Where a clause's MDX goes under the output directory. */
export function clauseFile(out: string, clause: Pick<Clause, 'policyId' | 'path'>): string {
  return join(out, 'clauses', clause.policyId, `${clause.path}.mdx`);
}

/** Emit and write each clause's MDX; returns the paths written, in order. */
export function writeClauseFiles(out: string, clauses: readonly Clause[]): string[] {
  return clauses.map((clause) => {
    const path = clauseFile(out, clause);
    writeAtomic(path, emitClauseMdx(clause));
    return path;
  });
}
