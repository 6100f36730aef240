// Stage `accounting` (the last of each source): nothing is lost. Every character of a decoded source is assigned to exactly one
// bucket (clause, heading, preamble, metadata, or boilerplate by rule) as a range of offsets;
// the totals are counted from that assignment, so "sum of buckets == characters in the file"
// is a real check and any character no stage claimed shows up as `unaccounted`.
import type { VFileMessage } from 'vfile-message';
import type { Removal } from './boilerplate';
import { placeAt, type DecodedSource } from './decode';
import { excerpt, makeMessage } from './diagnostics';
import type { Run } from './normalise';
import type { BoilerplateRule, RemovedBoilerplate } from '../../src/schema';
import type { Accounting } from './types';
import { byCodePoint } from '../../src/lib/order';

export type Bucket = 'clause' | 'heading' | 'preamble' | 'metadata' | `boilerplate:${BoilerplateRule}`;

/** Buckets a line terminator does not inherit: it goes with the line's visible characters. */
const FRINGE = new Set<Bucket>(['boilerplate:edge-whitespace', 'boilerplate:invisible-char', 'boilerplate:crlf']);

export type RemovedPiece = RemovedBoilerplate;

export class Ledger {
  private readonly codes: Uint16Array;
  private readonly buckets: Bucket[] = ['clause']; // index 0 = unassigned; placeholder
  private readonly index = new Map<Bucket, number>();
  private readonly messages: VFileMessage[] = [];
  private doubleReported = false;

  constructor(private readonly source: DecodedSource) {
    this.codes = new Uint16Array(source.text.length);
  }

  private code(bucket: Bucket): number {
    let code = this.index.get(bucket);
    if (code === undefined) {
      code = this.buckets.length;
      this.buckets.push(bucket);
      this.index.set(bucket, code);
    }
    return code;
  }

  /** Claims [start, end) for a bucket. A character claimed twice is reported once, not counted twice. */
  assign(start: number, end: number, bucket: Bucket): void {
    const code = this.code(bucket);
    for (let i = Math.max(0, start); i < end && i < this.codes.length; i++) {
      const had = this.codes[i]!;
      if (had === 0) {
        this.codes[i] = code;
      } else if (had !== code && !this.doubleReported) {
        this.doubleReported = true;
        this.messages.push(
          makeMessage({
            file: this.source.file,
            place: placeAt(this.source, i),
            ruleId: 'double-counted',
            severity: 'error',
            reason: `Character \`${this.source.text[i]}\` was claimed as ${this.buckets[had]} and as ${bucket}`,
            hint: 'this is an ingest bug: two stages took the same text; report it with this file',
          }),
        );
      }
    }
  }

  assignRun(run: Run, bucket: Bucket): void {
    for (const seg of run.segments) this.assign(seg.start, seg.end, bucket);
  }

  assignRemovals(removals: readonly Removal[]): void {
    for (const r of removals) this.assign(r.start, r.end, `boilerplate:${r.rule}`);
  }

  /** Gives each line terminator the bucket of its line's last visible character. */
  private assignTerminators(): void {
    const { lines } = this.source;
    for (const line of lines) {
      const terminatorStart = line.crlf ? line.end + 1 : line.end;
      if (line.next <= terminatorStart) continue;
      // An empty line, or one of only fringe characters, ends as a blank line.
      let bucket: Bucket = 'boilerplate:blank-line';
      for (let i = line.end - 1; i >= line.start; i--) {
        const code = this.codes[i]!;
        if (code === 0 || FRINGE.has(this.buckets[code]!)) continue;
        bucket = this.buckets[code]!;
        break;
      }
      this.assign(terminatorStart, line.next, bucket);
    }
  }

  /**
   * The removed boilerplate as listed pieces: each maximal stretch of one rule, with where it
   * starts and its exact characters (so the source can be rebuilt from the records).
   */
  removedPieces(): RemovedPiece[] {
    const pieces: RemovedPiece[] = [];
    const { text } = this.source;
    if (this.source.bom) pieces.push({ file: this.source.file, rule: 'bom', line: 1, column: 1, text: '\ufeff' });
    let i = 0;
    while (i < text.length) {
      const code = this.codes[i]!;
      const bucket = this.buckets[code];
      if (code === 0 || !bucket || !bucket.startsWith('boilerplate:')) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < text.length && this.codes[j] === code) j++;
      const at = placeAt(this.source, i);
      pieces.push({ file: this.source.file, rule: bucket.slice('boilerplate:'.length) as BoilerplateRule, line: at.line, column: at.column, text: text.slice(i, j) });
      i = j;
    }
    return pieces;
  }

  /** Counts every character once (a surrogate pair is one character) and checks the sum. */
  finish(clauseCount: number): { accounting: Accounting; messages: VFileMessage[] } {
    this.assignTerminators();
    const { text, file } = this.source;
    const counts = new Map<number, number>();
    let unaccounted = 0;
    let firstGap = -1;
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const p = text.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) continue;
      }
      total++;
      const code = this.codes[i]!;
      if (code === 0) {
        unaccounted++;
        if (firstGap < 0) firstGap = i;
      } else counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const boilerplateChars: Record<string, number> = {};
    if (this.source.bom) {
      boilerplateChars.bom = 1;
      total++;
    }
    let clauseChars = 0;
    let preambleChars = 0;
    let headingChars = 0;
    let metadataChars = 0;
    for (const [code, n] of [...counts].sort((a, b) => a[0] - b[0])) {
      const bucket = this.buckets[code]!;
      if (bucket === 'clause') clauseChars += n;
      else if (bucket === 'preamble') preambleChars += n;
      else if (bucket === 'heading') headingChars += n;
      else if (bucket === 'metadata') metadataChars += n;
      else {
        const rule = bucket.slice('boilerplate:'.length);
        boilerplateChars[rule] = (boilerplateChars[rule] ?? 0) + n;
      }
    }
    const sortedBoilerplate = Object.fromEntries(Object.entries(boilerplateChars).sort(([a], [b]) => byCodePoint(a, b)));
    const sum =
      clauseChars + preambleChars + headingChars + metadataChars + Object.values(sortedBoilerplate).reduce((a, b) => a + b, 0) + unaccounted;
    if (sum !== total) throw new Error(`Accounting of \`${file}\` does not add up: buckets ${sum} ≠ total ${total}`);

    const messages = [...this.messages];
    if (unaccounted > 0) {
      let end = firstGap;
      while (end < text.length && this.codes[end] === 0) end++;
      messages.push(
        makeMessage({
          file,
          place: placeAt(this.source, firstGap),
          ruleId: 'unaccounted-characters',
          severity: 'error',
          reason: `${unaccounted} character${unaccounted === 1 ? '' : 's'} belong to no clause, heading, preamble, metadata or boilerplate rule, first \`${excerpt(text.slice(firstGap, end).replace(/\n/g, '↵'), 30)}\``,
          hint: 'the parser lost this text: add a boilerplate rule for it or fix the structure stage; nothing may be dropped silently',
        }),
      );
    }
    return {
      accounting: {
        file,
        totalChars: total,
        clauses: clauseCount,
        clauseChars,
        preambleChars,
        headingChars,
        metadataChars,
        boilerplateChars: sortedBoilerplate,
        unaccounted,
      },
      messages,
    };
  }
}
