// Text helpers shared by the extraction stages. Extraction matches on a "compact" view of a
// clause: whitespace removed (PDF page breaks, `100 万元`) and full-width ASCII folded to
// half-width (`５０％` → `50%`, `，` → `,`), with a map back to the original offsets so every
// span still slices the clause text as printed. The folding is normalise's parse form, so
// extraction and structure agree on what `５０％` or `（` is.
import { foldChar } from './normalise';

/** A compact view of a string and the original offset of each of its characters. */
export interface CompactText {
  /** The folded text without whitespace. */
  text: string;
  /** `map[i]` is the offset in the original string of `text[i]`. */
  map: number[];
  /** Length of the original string (the end offset for a span that reaches the end). */
  originalLength: number;
}

const WHITESPACE = /\s/u; // includes NBSP and the ideographic space U+3000

/**
 * A pinyin gloss a mirror site inserts after a character (`萬(wàn)元`): read like a space, so
 * `50萬(wàn)元` is still a sum. Lower-case Latin only, one syllable or two.
 */
const PINYIN_GLOSS = /(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\d?[)）]/g;

export function compact(original: string): CompactText {
  let text = '';
  const map: number[] = [];
  const glosses = new Set<number>();
  for (const m of original.matchAll(PINYIN_GLOSS)) for (let k = m.index; k < m.index + m[0].length; k++) glosses.add(k);
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string;
    if (glosses.has(i)) continue;
    // A paragraph break stays: a statement never runs from one paragraph (or table cell) into the next.
    if (WHITESPACE.test(ch) && ch !== '\n') continue;
    text += foldChar(ch);
    map.push(i);
  }
  return { text, map, originalLength: original.length };
}

/** Map a compact range `[start, end)` back to original offsets. */
export function toOriginal(c: CompactText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < c.map.length ? (c.map[start] as number) : c.originalLength;
    return { start: at, end: at };
  }
  return { start: c.map[start] as number, end: (c.map[end - 1] as number) + 1 };
}

const OPENERS = '(（[〔《“‘【「『';
const CLOSERS = ')）]〕》”’】」』';

/** A piece of a string with its offset. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/** Sentences: split at 。；!? and paragraph breaks outside brackets (quotes ignored, so a stray quote cannot join sentences). */
export function splitSentences(text: string): Piece[] {
  return splitTopLevel(text, ['。', ';', '!', '?', '\n'], 0, false);
}

/**
 * Split `text` at any of `separators` that stand outside brackets and quotes, so
 * `行业(或地方、军用)标准` and `市委组织部(市委人才办)` stay whole. Offsets are kept.
 */
export function splitTopLevel(text: string, separators: readonly string[], offset = 0, quotes = true): Piece[] {
  const inside = bracketedRanges(text, quotes);
  const pieces: Piece[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (inside[i] === 0) {
      const sep = separators.find((s) => text.startsWith(s, i));
      if (sep !== undefined) {
        pieces.push({ text: text.slice(start, i), start: offset + start, end: offset + i });
        i += sep.length;
        start = i;
        continue;
      }
    }
    i++;
  }
  pieces.push({ text: text.slice(start), start: offset + start, end: offset + text.length });
  return pieces;
}

/**
 * Bracket depth at each character, counting only brackets that are closed by their own
 * partner: a stray `(` or an unclosed `“` must not swallow the rest of a clause. With
 * `quotes` false only brackets count (sentence ends are never inside quotes in these texts).
 */
const MAX_BRACKETED = 200;
const QUOTE_MARKS = '“”‘’「」『』';

function bracketedRanges(text: string, quotes: boolean): Uint16Array {
  const delta = new Int32Array(text.length + 1);
  const stack: Array<{ at: number; close: string }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const o = OPENERS.indexOf(ch);
    if (!quotes && QUOTE_MARKS.includes(ch)) continue;
    if (o !== -1) {
      stack.push({ at: i, close: CLOSERS[o] as string });
      continue;
    }
    if (CLOSERS.includes(ch)) {
      // Match the nearest opener of the same kind; openers left above it were never closed.
      for (let k = stack.length - 1; k >= 0; k--) {
        if ((stack[k] as { close: string }).close === ch) {
          const at = (stack[k] as { at: number }).at;
          // Real asides and quotes are short; a pair spanning pages is a stray mark.
          if (i - at <= MAX_BRACKETED) {
            delta[at + 1] = (delta[at + 1] as number) + 1;
            delta[i] = (delta[i] as number) - 1;
          }
          stack.length = k;
          break;
        }
      }
    }
  }
  const depth = new Uint16Array(text.length);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    d += delta[i] as number;
    depth[i] = d;
  }
  return depth;
}

/** Quotes in any style, removed before matching names (`“小巨人”` = `小巨人`). */
export function stripQuotes(text: string): string {
  return text.replace(/[“”‘’"'「」『』]/g, '');
}
