// What search matches, shared by the clause page (which writes the index record), the search
// page (which builds queries and excerpts), the highlight script and the recall eval.
//
// Why not Pagefind's own word search: Pagefind cuts Chinese into words with a dictionary at
// index time and with Intl.Segmenter in the browser, and the two disagree (Pagefind issue
// #1237), so a clause containing 小巨人 can be missed. Instead every clause is indexed as a
// sequence of single-character tokens, and every query term becomes a quoted Pagefind phrase
// of the same tokens. A phrase matches only consecutive tokens, so a term is found exactly
// when the clause contains it: character-level substring search, whatever either segmenter
// thinks a word is.
//
// Two ways to match:
//   loose (unquoted terms): brackets, quotes and spaces are ignored and full-width forms count
//     as half-width (NFKC), so 首台套 finds 首台（套） and 小巨人企业 finds “小巨人”企业;
//   exact ("quoted" terms): the clause text contains the string character for character.
// The index holds the loose form; exact terms are checked against the raw text afterwards.

/** One term of a parsed query. */
export interface QueryTerm {
  /** The term as typed (after traditional→simplified conversion). */
  text: string;
  /** True for a "quoted" phrase: the raw text must contain `text` exactly. */
  exact: boolean;
}

/** Stands for a line break in normalised text; no query can contain it. */
const LINE_BREAK = '\u0000';
/** The index token for a line break, so no phrase matches across two lines. */
const BREAK_TOKEN = 'zz';
/** Characters loose matching ignores: brackets, quotation marks (also ASCII ones) and spaces. */
const IGNORED = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}\s"'`]/u;
const IDEOGRAPH = /^\p{Unified_Ideograph}$/u;
const OPENING = /[\p{Ps}\p{Pi}]/u;
const CLOSING = /[\p{Pe}\p{Pf}]/u;
const HEX_LETTERS = 'abcdefghijklmnop';

/** Normalised text and, for every normalised character, the raw range it came from. */
export interface NormalisedText {
  text: string;
  /** Raw start offset (UTF-16) of each normalised character. */
  starts: number[];
  /** Raw end offset (exclusive) of each normalised character. */
  ends: number[];
}

/** Loose form of a text: NFKC, lower case, brackets/quotes/spaces dropped, line breaks kept as a barrier. */
export function normaliseLoose(raw: string): NormalisedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const char of raw) {
    const end = at + char.length;
    if (char === '\n' || char === '\r') {
      out.push(LINE_BREAK);
      starts.push(at);
      ends.push(end);
    } else {
      for (const piece of char.normalize('NFKC').toLowerCase()) {
        if (IGNORED.test(piece)) continue;
        // A piece may be two UTF-16 units (astral ideographs); keep the offsets per unit so
        // `text` indexes and `starts`/`ends` indexes stay aligned.
        for (let unit = 0; unit < piece.length; unit += 1) {
          out.push(piece[unit]!);
          starts.push(at);
          ends.push(end);
        }
      }
    }
    at = end;
  }
  return { text: out.join(''), starts, ends };
}

/** The loose key of a query term (what the index is searched for). */
export function looseKey(term: string): string {
  return normaliseLoose(term).text.replaceAll(LINE_BREAK, '');
}

function tokenOf(char: string): string {
  if (char === LINE_BREAK) return BREAK_TOKEN;
  if (IDEOGRAPH.test(char)) return char;
  // Everything else (digits, Latin, punctuation) becomes a letters-only word so Pagefind
  // neither drops it (punctuation) nor splits it; `x` + hex digits spelt a–p.
  const hex = char.codePointAt(0)!.toString(16);
  return `x${[...hex].map((digit) => HEX_LETTERS[parseInt(digit, 16)]).join('')}`;
}

/** Space-separated single-character tokens of a loose-normalised string. */
function tokens(normalised: string): string[] {
  return [...normalised].map(tokenOf);
}

/** What a clause's index record contains: one token per character of its searchable text. */
export function indexTokens(searchable: string): string {
  return tokens(normaliseLoose(searchable).text).join(' ');
}

/** The Pagefind query for one term: a quoted phrase of the term's tokens. */
export function pagefindPhrase(term: QueryTerm): string | null {
  const key = looseKey(term.text);
  if (key === '') return null;
  return `"${tokens(key).join(' ')}"`;
}

/** The words of a clause that search covers, one part a line: heading (when the text does not start with it), text, 责任单位 bracket. */
export function searchableText(clause: { title: string; text: string; departmentsText: string | null }): string {
  const parts: string[] = [];
  if (clause.title && !clause.text.startsWith(clause.title)) parts.push(clause.title);
  parts.push(clause.text);
  if (clause.departmentsText) parts.push(clause.departmentsText);
  return parts.join('\n');
}

/**
 * Split a query into terms: "quoted" stretches are exact phrases (inner spaces kept),
 * everything else splits on white space into loose terms. An unmatched quote is ignored.
 * Terms with nothing searchable in them (only brackets or spaces) are dropped; duplicates once.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const add = (text: string, exact: boolean) => {
    if (looseKey(text) === '') return;
    if (terms.some((t) => t.text === text && t.exact === exact)) return;
    terms.push({ text, exact });
  };
  const parts = query.split('"');
  // Odd-numbered parts lie between quotes; with an unmatched quote the last part is loose.
  const closed = parts.length % 2 === 1;
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && (closed || i < parts.length - 1);
    if (quoted) add(part.trim(), true);
    else for (const word of part.split(/\s+/)) if (word) add(word, false);
  });
  return terms;
}

/** Does the raw searchable text contain the term (the same rule the search applies)? */
export function containsTerm(raw: string, term: QueryTerm): boolean {
  if (term.exact) return raw.includes(term.text);
  const key = looseKey(term.text);
  return key !== '' && normaliseLoose(raw).text.includes(key);
}

/** Raw ranges [start, end) where the term occurs, in order, not overlapping. */
export function termRanges(raw: string, term: QueryTerm): [number, number][] {
  const ranges: [number, number][] = [];
  if (term.exact) {
    if (!term.text) return ranges;
    for (let at = raw.indexOf(term.text); at !== -1; at = raw.indexOf(term.text, at + term.text.length)) {
      ranges.push([at, at + term.text.length]);
    }
    return ranges;
  }
  const key = looseKey(term.text);
  if (!key) return ranges;
  const norm = normaliseLoose(raw);
  for (let at = norm.text.indexOf(key); at !== -1; at = norm.text.indexOf(key, at + key.length)) {
    const start = norm.starts[at]!;
    let end = norm.ends[at + key.length - 1]!;
    // 首台套 matched in 首台（套）: take the closing bracket too, so a highlight reads whole.
    const inside = [...raw.slice(start, end)];
    let open = inside.filter((c) => OPENING.test(c)).length - inside.filter((c) => CLOSING.test(c)).length;
    while (open > 0 && end < raw.length && CLOSING.test(raw[end]!)) {
      end += 1;
      open -= 1;
    }
    ranges.push([start, end]);
  }
  return ranges;
}

/** Ranges of all terms, sorted and merged where they overlap or touch. */
export function allRanges(raw: string, terms: readonly QueryTerm[]): [number, number][] {
  const ranges = terms.flatMap((t) => termRanges(raw, t)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A piece of an excerpt; `mark` pieces are hits. */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/**
 * A window of about `width` characters around the first hit, hits marked. Falls back to the
 * start of the text when no term occurs (e.g. a filter-only listing).
 */
export function excerpt(raw: string, terms: readonly QueryTerm[], width = 80): ExcerptPiece[] {
  const flat = raw.replace(/\s*\n\s*/g, ' ');
  const ranges = allRanges(flat, terms);
  const first = ranges[0];
  let start = 0;
  if (first) start = Math.max(0, Math.min(first[0] - Math.floor(width / 3), flat.length - width));
  const end = Math.min(flat.length, start + width);
  const pieces: ExcerptPiece[] = [];
  if (start > 0) pieces.push({ text: '…', mark: false });
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) pieces.push({ text: flat.slice(at, from), mark: false });
    pieces.push({ text: flat.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) pieces.push({ text: flat.slice(at, end), mark: false });
  if (end < flat.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/**
 * Traditional → simplified, one character at a time, with a map built at build time from the
 * corpus (see traditional-map.ts). Characters without an entry stay as typed.
 */
export function toSimplified(query: string, map: Readonly<Record<string, string>>): string {
  let out = '';
  for (const char of query) out += map[char] ?? char;
  return out;
}

// Pagefind collapses white space in meta values (a line break becomes a space), which would
// let an exact phrase match across two lines. White space is therefore stored shifted into
// Supplementary Private Use Area-A (U+F0000 + code point), which Pagefind keeps as is.
// Assumes clause text never contains characters from that area itself.
const SHIFT = 0xf0000;

/** The searchable text as stored in the `text` meta of a search record. */
export function encodeMetaText(text: string): string {
  return text.replace(/\s/gu, (space) => String.fromCodePoint(SHIFT + space.codePointAt(0)!));
}

/** Inverse of encodeMetaText. */
export function decodeMetaText(stored: string): string {
  return stored.replace(/[\u{F0000}-\u{FFFFD}]/gu, (char) => String.fromCodePoint(char.codePointAt(0)! - SHIFT));
}
