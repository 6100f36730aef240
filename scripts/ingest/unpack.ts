// Stage 0, before decode: a published file (PDF, saved web page, Word document) → the plain
// text the pipeline parses, a map from each text line back to where it was printed (PDF page
// and line, HTML element, Word paragraph), and every piece extraction dropped (scripts,
// navigation, images, running headers) with the rule that dropped it. The original bytes stay
// the source of record: they are hashed and published as they are. Async (the PDF and Word
// libraries are), so the CLIs unpack first and hand the result to the pure pipeline.
import type { VFileMessage } from 'vfile-message';
import type { DropRule, SourceFormat } from '../../src/schema';
export type { DropRule };
import { makeMessage } from './diagnostics';


/** Something extraction did not put into the text. */
export interface DroppedPiece {
  rule: DropRule;
  /** The dropped text, or a description of a non-text element (`<img alt="印章">`). */
  text: string;
  /** Where it was in the published file, e.g. `HTML 12:3`, `p. 2`. */
  origin: string;
  /** 1-based place in the original file when it is text (HTML); else 1:1. */
  line: number;
  column: number;
}

export interface Unpacked {
  format: Exclude<SourceFormat, 'txt'>;
  /** The text, lines ended by `\n`. */
  text: string;
  /** One label per line of `text`: `p. 3, l. 4–7`, `¶ 12`, `HTML 40:1 div#zoom > p`. */
  origins: string[];
  dropped: DroppedPiece[];
  messages: VFileMessage[];
}

/** The format a file name says, or null for a name that is not a source. */
export function formatOf(path: string): SourceFormat | null {
  const m = /\.(txt|pdf|html?|docx)$/i.exec(path);
  if (!m) return null;
  const ext = m[1]!.toLowerCase();
  return ext === 'htm' ? 'html' : (ext as SourceFormat);
}

/**
 * Unpack one published file. `txt` (and anything the caller did not name as a published format)
 * is returned as null: it is decoded as it is. Unusable files give a result with empty text and
 * a fatal message.
 */
export async function unpack(path: string, bytes: Uint8Array): Promise<Unpacked | null> {
  const format = formatOf(path);
  if (format === null || format === 'txt') return null;
  try {
    const unpacked =
      format === 'pdf'
        ? await (await import('./unpack-pdf')).unpackPdf(path, bytes)
        : format === 'docx'
          ? await (await import('./unpack-docx')).unpackDocx(path, bytes)
          : (await import('./unpack-html')).unpackHtml(path, bytes);
    // Nothing left once scripts, navigation and images are gone: say so, not "empty file".
    if (unpacked.text.trim() === '' && !unpacked.messages.some((m) => m.fatal === true)) {
      const empty = refused(format, path, 'unpack-no-text', `No text found in \`${path}\` (${unpacked.dropped.length} non-text pieces dropped)`, hintFor(format));
      return { ...unpacked, messages: [...unpacked.messages, ...empty.messages] };
    }
    return unpacked;
  } catch (error) {
    // The libraries throw on corrupt files; that is bad input, reported where the file is.
    return refused(format, path, 'unpack-failed', `Cannot read \`${path}\` as ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`, hintFor(format));
  }
}

function hintFor(format: Unpacked['format']): string {
  return format === 'pdf'
    ? 'check that the file opens in a PDF viewer and is not password-protected; or save its text as UTF-8 .txt beside the sidecar'
    : format === 'docx'
      ? 'check that the file is a Word .docx (not an old .doc renamed); or save its text as UTF-8 .txt beside the sidecar'
      : 'save the page again from the browser (“Save page as… HTML only”), or its text as UTF-8 .txt';
}

/** An unpack result that carries only a fatal message: nothing is parsed. */
export function refused(format: Unpacked['format'], file: string, ruleId: string, reason: string, hint: string): Unpacked {
  return { format, text: '', origins: [], dropped: [], messages: [makeMessage({ file, ruleId, severity: 'error', reason, hint })] };
}

/** Lines → an Unpacked result (one origin label per line). */
export function fromLines(format: Unpacked['format'], lines: readonly { text: string; origin: string }[], dropped: DroppedPiece[], messages: VFileMessage[]): Unpacked {
  return {
    format,
    text: lines.map((l) => l.text).join('\n') + (lines.length > 0 ? '\n' : ''),
    origins: lines.map((l) => l.origin),
    dropped,
    messages,
  };
}

/**
 * A clause's lines as a citation names them: `p. 3` or `pp. 3–4` in a PDF, `¶ 12–14` in a Word
 * file; null for web pages (an element path is no help in a citation).
 */
export function citedOrigin(format: Unpacked['format'], origins: readonly string[], lineStart: number, lineEnd: number): string | null {
  const labels = origins.slice(lineStart - 1, lineEnd);
  if (labels.length === 0 || format === 'html') return null;
  const numbers = labels.flatMap((l) => {
    const m = format === 'pdf' ? /^pp?\. (\d+)(?:–(\d+))?/.exec(l) : /^¶ (\d+)/.exec(l);
    return m ? [Number(m[1]), Number(m[2] ?? m[1])] : [];
  });
  if (numbers.length === 0) return null;
  const from = Math.min(...numbers);
  const to = Math.max(...numbers);
  if (format === 'pdf') return from === to ? `p. ${from}` : `pp. ${from}–${to}`;
  return from === to ? `¶ ${from}` : `¶ ${from}–${to}`;
}

/** Characters dropped by extraction, by rule (code-point order of rule). */
export function droppedChars(dropped: readonly DroppedPiece[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of [...dropped].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))) out[d.rule] = (out[d.rule] ?? 0) + Array.from(d.text).length;
  return out;
}

/** Every source with its extraction (null for `.txt`), in the order given. */
export async function unpackSources<T extends { path: string; bytes: Uint8Array }>(sources: readonly T[]): Promise<(T & { unpacked: Unpacked | null })[]> {
  const out: (T & { unpacked: Unpacked | null })[] = [];
  // One at a time: PDF.js holds a whole document in memory while it reads it.
  for (const src of sources) out.push({ ...src, unpacked: await unpack(src.path, src.bytes) });
  return out;
}
