// Stage `decode` (the first): bytes → text. Detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE,
// GB18030), refuses binary and empty input, and indexes lines so every later stage can turn
// an offset into line:column. The text keeps every decoded character (CR included) so the
// accounting can place each one; only the BOM is held apart (it is not part of line 1).
import type { VFileMessage } from 'vfile-message';
import { makeMessage, type Place } from './diagnostics';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface SourceLine {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character in `text`. */
  start: number;
  /** Offset just after the line's last character, before any CR/LF. */
  end: number;
  /** Offset just after the line terminator (== end on the last line without one). */
  next: number;
  /** The line ends with CR LF (the CR is accounted as boilerplate `crlf`). */
  crlf: boolean;
}

export interface DecodedSource {
  file: string;
  encoding: Encoding;
  /** A byte-order mark was present and removed from `text` (accounted as boilerplate `bom`). */
  bom: boolean;
  /** The decoded characters without the BOM, line endings as they were. */
  text: string;
  lines: SourceLine[];
}

export interface DecodeResult {
  source: DecodedSource | null;
  messages: VFileMessage[];
}

export function decode(file: string, bytes: Uint8Array): DecodeResult {
  const messages: VFileMessage[] = [];

  if (bytes.length === 0) {
    messages.push(emptySource(file, 'is empty (0 bytes)'));
    return { source: null, messages };
  }

  const detected = detectEncoding(file, bytes);
  if ('refusal' in detected) {
    messages.push(detected.refusal);
    return { source: null, messages };
  }
  const { encoding, bomLength } = detected;
  let text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(bomLength));
  const bom = bomLength > 0;
  // A BOM-less UTF-8 file may still start with U+FEFF after another tool re-saved it.
  const strayBom = !bom && text.charCodeAt(0) === 0xfeff;
  if (strayBom) text = text.slice(1);

  const lines = splitLines(text);
  const source: DecodedSource = { file, encoding, bom: bom || strayBom, text, lines };

  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    messages.push(
      makeMessage({
        file,
        place: placeAt(source, nul),
        ruleId: 'binary-content',
        severity: 'error',
        reason: `Unexpected NUL character in text decoded as ${encoding}, expected plain text`,
        hint: 'this looks like a binary file (PDF, Word, image); export it as plain text (UTF-8) first',
      }),
    );
    return { source: null, messages };
  }

  if (/^\s*$/.test(text)) {
    messages.push(emptySource(file, `has only whitespace (${lines.length} line${lines.length === 1 ? '' : 's'})`));
    return { source: null, messages };
  }

  if (encoding !== 'utf-8') {
    const utf16 = encoding !== 'gb18030';
    messages.push(
      makeMessage({
        file,
        place: { line: 1, column: 1 },
        ruleId: utf16 ? 'encoding-utf16' : 'encoding-gb18030',
        severity: 'warning',
        reason: `Decoded as ${encoding}${bom ? ' (byte-order mark found)' : ' (detected without a byte-order mark)'}, expected UTF-8`,
        hint: 'the text was read correctly; re-save the file as UTF-8 to silence this warning',
      }),
    );
  }
  if (source.bom && encoding === 'utf-8') {
    messages.push(
      makeMessage({
        file,
        place: { line: 1, column: 1 },
        ruleId: 'bom',
        severity: 'info',
        reason: 'Removed a UTF-8 byte-order mark (counted as boilerplate `bom`)',
        hint: 'nothing to do; save without BOM to avoid this note',
      }),
    );
  }
  const firstCrlf = lines.find((l) => l.crlf);
  if (firstCrlf) {
    messages.push(
      makeMessage({
        file,
        place: { line: firstCrlf.number, column: firstCrlf.end - firstCrlf.start + 1 },
        ruleId: 'crlf',
        severity: 'info',
        reason: `Found CRLF line endings on ${lines.filter((l) => l.crlf).length} lines (each CR counted as boilerplate \`crlf\`)`,
        hint: 'nothing to do; LF line endings avoid this note',
      }),
    );
  }
  const loneCr = lines.find((l) => !l.crlf && l.next > l.end && text.charCodeAt(l.end) === 13);
  if (loneCr) {
    messages.push(
      makeMessage({
        file,
        place: { line: loneCr.number, column: loneCr.end - loneCr.start + 1 },
        ruleId: 'cr-line-endings',
        severity: 'info',
        reason: 'Found old Mac (CR-only) line endings; read each CR as a line break',
        hint: 'nothing to do; LF line endings avoid this note',
      }),
    );
  }
  return { source, messages };
}

function emptySource(file: string, what: string): VFileMessage {
  return makeMessage({
    file,
    place: { line: 1, column: 1 },
    ruleId: 'empty-source',
    severity: 'error',
    reason: `The source ${what}, expected the text of a policy`,
    hint: 'paste the policy text into the file, or delete the file and its .yaml sidecar',
  });
}

type Detection = { encoding: Encoding; bomLength: number } | { refusal: VFileMessage };

function detectEncoding(file: string, bytes: Uint8Array): Detection {
  // 1. A byte-order mark settles it.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };

  // 2. NUL bytes: UTF-16 without BOM (ASCII characters have a zero half), else binary.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (bytes.length % 2 === 0) {
      // Zero bytes of ASCII characters sit on one side; CJK characters like 一 (U+4E00) put
      // some on the other, so judge by which decoding reads as text.
      const order: Encoding[] = utf16ByNulPattern(bytes) === 'utf-16be' ? ['utf-16be', 'utf-16le'] : ['utf-16le', 'utf-16be'];
      for (const encoding of order) {
        if (plausibility(decodeLenient(encoding, bytes)) >= 0.9) return { encoding, bomLength: 0 };
      }
    }
    return { refusal: binaryRefusal(file, bytes, nul) };
  }

  // 3. Valid UTF-8 is UTF-8 (other encodings of Chinese text are practically never valid UTF-8).
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt < 0) return { encoding: 'utf-8', bomLength: 0 };

  // 4. Some lines valid UTF-8 and others not: two encodings in one file (text pasted from
  //    another document). Either decoding would garble part of it, so refuse it. (UTF-16 text
  //    has NUL bytes in its line breaks, so it was settled above.)
  const mixed = firstEncodingChange(bytes);
  if (mixed) return { refusal: mixedRefusal(file, mixed) };

  // 5. Otherwise pick the legacy encoding whose decoding looks most like Chinese text.
  const candidates: Encoding[] = bytes.length % 2 === 0 ? ['gb18030', 'utf-16le', 'utf-16be'] : ['gb18030'];
  let best: { encoding: Encoding; score: number } | null = null;
  for (const encoding of candidates) {
    const score = plausibility(decodeLenient(encoding, bytes));
    if (!best || score > best.score) best = { encoding, score };
  }
  if (best && best.score >= 0.9) return { encoding: best.encoding, bomLength: 0 };

  return {
    refusal: makeMessage({
      file,
      place: placeInBytes(bytes, invalidAt),
      ruleId: 'unknown-encoding',
      severity: 'error',
      reason: `Unexpected byte \`0x${(bytes[invalidAt] ?? 0).toString(16).padStart(2, '0')}\`: not UTF-8, and not plausible as GB18030 or UTF-16`,
      expected: ['UTF-8', 'GB18030', 'UTF-16'],
      hint: 'convert the file to UTF-8 (e.g. `iconv -f <encoding> -t utf-8`), or check that it is a text file',
    }),
  };
}

interface EncodingChange {
  /** 1-based line where the encoding changes. */
  line: number;
  /** How the lines before it read, and how this one reads. */
  from: 'UTF-8' | 'GB18030';
  to: 'UTF-8' | 'GB18030';
}

/**
 * The first line whose bytes are in another encoding than the non-ASCII lines before it, in a
 * file that is not UTF-8 as a whole. A line of Chinese in GB18030 is practically never valid
 * UTF-8, so a non-ASCII line that is valid UTF-8 was pasted in UTF-8 (and one that is not, into
 * a UTF-8 file, in GB18030). Decoding such a file as either would garble part of it silently.
 * LF (0x0a) never occurs inside a GB18030 character, so splitting the bytes on it is safe.
 */
export function firstEncodingChange(bytes: Uint8Array): EncodingChange | null {
  const gb18030 = new TextDecoder('gb18030', { fatal: false });
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  let first: 'UTF-8' | 'GB18030' | null = null;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const row = bytes.subarray(start, end);
    if (row.some((b) => b >= 0x80)) {
      // Each reading must also look like Chinese text: a short GB18030 line can be valid UTF-8 by
      // chance (一 is D2 BB, which UTF-8 reads as Cyrillic һ). A line that reads as neither is
      // left to the checks after this one.
      const kind =
        firstInvalidUtf8(row) < 0 && plausibility(nonAscii(utf8.decode(row))) >= 0.9
          ? 'UTF-8'
          : plausibility(nonAscii(gb18030.decode(row))) >= 0.9
            ? 'GB18030'
            : null;
      if (first === null) first = kind;
      else if (kind !== null && kind !== first) return { line, from: first, to: kind };
    }
    start = end + 1;
  }
  return null;
}

/** The characters of `text` outside ASCII, which read the same in every encoding here. */
function nonAscii(text: string): string {
  return text.replace(/[\u0000-\u007f]+/g, '');
}

function mixedRefusal(file: string, change: EncodingChange): VFileMessage {
  return makeMessage({
    file,
    place: { line: change.line, column: 1 },
    ruleId: 'mixed-encoding',
    severity: 'error',
    reason: `Line ${change.line} is encoded as ${change.to}, but the lines before it as ${change.from}: the file mixes encodings`,
    expected: [change.from],
    actual: change.to,
    hint: `re-save the whole file in one encoding (UTF-8 is best); text pasted from another document on line ${change.line} kept its own encoding`,
  });
}

/**
 * A YAML sidecar's bytes as text, read by the same detector as source texts (so a GB18030 or
 * UTF-16 sidecar reads correctly, and mixed or binary bytes are refused with a place). Only
 * refusals and the encoding notice are reported: line endings and BOMs do not matter in YAML.
 */
export function decodeSidecar(file: string, bytes: Uint8Array): { text: string | null; messages: VFileMessage[] } {
  if (bytes.length === 0) return { text: '', messages: [] };
  const { source, messages } = decode(file, bytes);
  const kept = messages.filter((m) => m.fatal === true || m.ruleId === 'encoding-gb18030' || m.ruleId === 'encoding-utf16');
  if (!source && kept.every((m) => m.ruleId === 'empty-source')) return { text: '', messages: [] };
  return { text: source ? source.text : null, messages: kept };
}

function binaryRefusal(file: string, bytes: Uint8Array, nul: number): VFileMessage {
  return makeMessage({
    file,
    place: placeInBytes(bytes, nul),
    ruleId: 'binary-content',
    severity: 'error',
    reason: `Unexpected NUL byte at byte ${nul}, expected plain text`,
    hint: 'this looks like a binary file (PDF, Word, image); export it as plain text (UTF-8) first',
  });
}

/** UTF-16 text has most of its zero bytes (those of ASCII characters) on one parity. */
function utf16ByNulPattern(bytes: Uint8Array): Encoding | null {
  let even = 0;
  let odd = 0;
  const limit = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (odd > even) return 'utf-16le';
  if (even > odd) return 'utf-16be';
  return null;
}

function decodeLenient(encoding: Encoding, bytes: Uint8Array): string {
  // A sample is enough to judge; decoding 10 MB three times would not be.
  const sample = bytes.subarray(0, Math.min(bytes.length, 1 << 16));
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(sample);
}

/** Share of characters that are usual in Chinese policy text; mis-decodings score low. */
export function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    total++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation (— “ ” …)
      (c >= 0x20 && c <= 0x7e) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      c === 0xa0 ||
      c === 0xb7 ||
      c === 0xa9
    ) {
      good++;
    }
  }
  return good / total;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** line:column of a byte offset, counting the bytes before it as (lenient) UTF-8. */
function placeInBytes(bytes: Uint8Array, offset: number): Place {
  const before = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, offset));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c === 10 || (c === 13 && before.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: before.length - lineStart + 1 };
}

/** Splits on LF, CR LF and lone CR, keeping offsets into the unchanged text. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push({ number: lines.length + 1, start, end: i, next: i + 1, crlf: false });
      start = i + 1;
    } else if (c === 13) {
      const crlf = text.charCodeAt(i + 1) === 10;
      const next = crlf ? i + 2 : i + 1;
      lines.push({ number: lines.length + 1, start, end: i, next, crlf });
      start = next;
      i = next - 1;
    }
  }
  // The text after the last terminator is a line only if it has characters.
  if (start < n || lines.length === 0) lines.push({ number: lines.length + 1, start, end: n, next: n, crlf: false });
  return lines;
}

/** 1-based line and column (UTF-16 code units, like unist) of an offset in `source.text`. */
export function placeAt(source: Pick<DecodedSource, 'lines'>, offset: number): Place {
  const lines = source.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo]!;
  return { line: line.number, column: offset - line.start + 1 };
}
