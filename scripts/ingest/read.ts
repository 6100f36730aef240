// Reading a sources directory for scripts/ingest.ts. Every entry named like a source or sidecar
// (`.txt`, `.pdf`, `.html`, `.htm`, `.docx`, `.yaml`, `.yml`, in any case) is either read or refused with a diagnostic: a
// directory or FIFO under such a name is never opened (a FIFO would block the read forever), a
// symlink must stay inside the project or the sources directory, and a file over the size
// limit is not read at all. File names themselves are checked by the pipeline.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { makeMessage } from './diagnostics';
import type { IngestInput } from './pipeline';

/**
 * Largest source or sidecar read, in bytes (8 MiB). The longest real policy texts are well under
 * 1 MB; 8 MiB leaves room for whole gazettes while keeping one text's pages, index and charts
 * within what the site build handles.
 */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/**
 * Largest published file (PDF, web page, Word) read, in bytes (32 MiB): these carry fonts,
 * images and markup around the text, so the text limit above would refuse ordinary PDFs.
 */
export const MAX_PUBLISHED_BYTES = 32 * 1024 * 1024;

/** Names the ingest looks at; anything else in the directory (README, .gitkeep) is left alone. */
const INPUT_NAME = /\.(txt|pdf|html?|docx|ya?ml)$/i;
const SIDECAR_NAME = /\.ya?ml$/i;

export interface ReadSources {
  sources: IngestInput['sources'];
  sidecars: { path: string; bytes: Uint8Array }[];
  /** Entries that could not be read, each as a positioned error. */
  messages: VFileMessage[];
}

/**
 * Read every source and sidecar in `dir`, in code-point order of name. `roots` are the
 * directories a symlink may point into (default: the working directory, i.e. the project).
 */
export function readSources(dir: string, roots: readonly string[] = [process.cwd()]): ReadSources {
  const out: ReadSources = { sources: [], sidecars: [], messages: [] };
  const allowed = [resolve(dir), ...roots.map((r) => resolve(r))].map((r) => realpathSync(r));
  // Names the pipeline accepts are ASCII, whose code-unit order is code-point order.
  for (const name of readdirSync(dir).sort()) {
    if (!INPUT_NAME.test(name)) continue;
    const path = join(dir, name);
    const refuse = (ruleId: string, reason: string, hint: string) =>
      out.messages.push(makeMessage({ file: path, ruleId, severity: 'error', reason, hint }));
    let stats: Stats;
    try {
      stats = lstatSync(path);
      if (stats.isSymbolicLink()) {
        const target = realpathSync(path);
        if (!allowed.some((root) => inside(root, target))) {
          refuse('symlink-outside', `\`${name}\` is a symbolic link to \`${target}\`, outside the project`, 'copy the file into the sources directory instead of linking to it');
          continue;
        }
        stats = statSync(path);
      }
    } catch (error) {
      refuse('unreadable', `Cannot read \`${name}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'check that the file (or the target of the link) exists and is readable');
      continue;
    }
    if (!stats.isFile()) {
      const kind = stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a named pipe (FIFO)' : 'not a regular file';
      refuse('not-a-file', `\`${name}\` is ${kind}, expected a text file`, 'rename or remove it: only regular files may be named like sources (.txt, .pdf, .html, .docx) or sidecars (.yaml, .yml) here');
      continue;
    }
    const published = /\.(pdf|html?|docx)$/i.test(name);
    const limit = published ? MAX_PUBLISHED_BYTES : MAX_SOURCE_BYTES;
    if (stats.size > limit) {
      refuse(
        'source-too-large',
        `\`${name}\` has ${stats.size} bytes, more than the limit of ${limit} (${limit / 1024 / 1024} MiB)`,
        'split the document into its parts (one policy per file), or check that this is a policy text',
      );
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (error) {
      refuse('unreadable', `Cannot read \`${name}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'check the file’s permissions');
      continue;
    }
    if (SIDECAR_NAME.test(name)) out.sidecars.push({ path, bytes });
    else out.sources.push({ path, bytes });
  }
  return out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
