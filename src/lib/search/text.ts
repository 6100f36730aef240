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
//
// Fields: a query matches a clause's heading and text. Its 责任单位 (responsible departments)
// are indexed too, but as tokens of their own (DEPARTMENT_PREFIX), so only a search that asks
// for them (the page's 责任单位 option) finds `市住房建设局` for 住房.

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
/** First letter of every 责任单位 token: `y` + the character's code point in hex letters. */
const DEPARTMENT_PREFIX = 'y';

/** Where in a clause a term can match. */
export type SearchField = 'title' | 'text' | 'departments';
/** The fields in the order results name them, with their labels. */
export const SEARCH_FIELDS: readonly { id: SearchField; zh: string }[] = [
  { id: 'title', zh: '标题' },
  { id: 'text', zh: '正文' },
  { id: 'departments', zh: '责任单位' },
];
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

/** A character spelt in letters: `prefix` + its code point's hex digits as a–p. */
function lettersOf(char: string, prefix: string): string {
  const hex = char.codePointAt(0)!.toString(16);
  return `${prefix}${[...hex].map((digit) => HEX_LETTERS[parseInt(digit, 16)]).join('')}`;
}

function tokenOf(char: string, field: 'text' | 'departments'): string {
  if (char === LINE_BREAK) return BREAK_TOKEN;
  if (field === 'departments') return lettersOf(char, DEPARTMENT_PREFIX);
  if (IDEOGRAPH.test(char)) return char;
  // Everything else (digits, Latin, punctuation) becomes a letters-only word so Pagefind
  // neither drops it (punctuation) nor splits it; `x` + hex digits spelt a–p.
  return lettersOf(char, 'x');
}

/** Space-separated single-character tokens of a loose-normalised string. */
function tokens(normalised: string, field: 'text' | 'departments' = 'text'): string[] {
  return [...normalised].map((char) => tokenOf(char, field));
}

/**
 * What a clause's index record contains: one token per character of its searchable text, then
 * (after a line break) its 责任单位 as department tokens.
 */
export function indexTokens(searchable: string, departments: string | null = null): string {
  const all = tokens(normaliseLoose(searchable).text);
  if (departments) all.push(BREAK_TOKEN, ...tokens(normaliseLoose(departments).text, 'departments'));
  return all.join(' ');
}

/** The Pagefind query for one term in one field: a quoted phrase of the term's tokens. */
export function pagefindPhrase(term: QueryTerm, field: 'text' | 'departments' = 'text'): string | null {
  const key = looseKey(term.text);
  if (key === '') return null;
  return `"${tokens(key, field).join(' ')}"`;
}

/** The words a query matches by default, one part a line: heading (when the text does not start with it), then text. */
export function searchableText(clause: { title: string; text: string }): string {
  return clause.title && !clause.text.startsWith(clause.title) ? `${clause.title}\n${clause.text}` : clause.text;
}

/** Every word search can reach in a clause, whatever the fields asked for: searchableText and 责任单位. */
export function allSearchableText(clause: { title: string; text: string; departmentsText: string | null }): string {
  return clause.departmentsText ? `${searchableText(clause)}\n${clause.departmentsText}` : searchableText(clause);
}

/** A clause's searchable words split by field, as a result knows them (heading, searchableText, 责任单位). */
export interface SearchableParts {
  heading: string;
  searchable: string;
  departments: string;
}

/** The fields of a clause in which a term occurs, in SEARCH_FIELDS order. */
export function matchedFields(parts: SearchableParts, term: QueryTerm): SearchField[] {
  // The text proper: searchableText without the heading line it may have put first.
  const text = parts.heading && parts.searchable.startsWith(`${parts.heading}\n`) ? parts.searchable.slice(parts.heading.length + 1) : parts.searchable;
  const found: Record<SearchField, boolean> = {
    title: parts.heading !== '' && containsTerm(parts.heading, term),
    text: containsTerm(text, term),
    departments: parts.departments !== '' && containsTerm(parts.departments, term),
  };
  return SEARCH_FIELDS.map((f) => f.id).filter((id) => found[id]);
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
 * An excerpt of about `width` characters that shows every term: a window around the first
 * occurrence of each term (windows that meet are joined, separate ones divided by …), hits
 * marked. A window edge never falls inside a hit. Falls back to the start of the text when no
 * term occurs (e.g. a filter-only listing).
 */
export function excerpt(raw: string, terms: readonly QueryTerm[], width = 80): ExcerptPiece[] {
  const flat = raw.replace(/\s*\n\s*/g, ' ');
  const ranges = allRanges(flat, terms);
  const firsts = terms
    .map((t) => termRanges(flat, t)[0])
    .filter((r): r is [number, number] => r !== undefined)
    .sort((a, b) => a[0] - b[0]);
  const windows: [number, number][] = [];
  if (firsts.length === 0) windows.push([0, Math.min(flat.length, width)]);
  const share = Math.max(24, Math.floor(width / Math.max(1, firsts.length)));
  for (const [s, e] of firsts) {
    let start = Math.max(0, Math.min(s - Math.floor((share - (e - s)) / 3), flat.length - share));
    let end = Math.min(flat.length, Math.max(e, start + share));
    // Never cut a hit: an edge inside one moves out to its end.
    for (const [rs, re] of ranges) {
      if (rs < start && start < re) start = rs;
      if (rs < end && end < re) end = re;
    }
    const last = windows[windows.length - 1];
    if (last && start <= last[1] + 2) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  const pieces: ExcerptPiece[] = [];
  let previousEnd = 0;
  for (const [start, end] of windows) {
    if (start > previousEnd || (start > 0 && pieces.length === 0)) pieces.push({ text: '…', mark: false });
    let at = start;
    for (const [s, e] of ranges) {
      if (e <= start || s >= end) continue;
      if (s > at) pieces.push({ text: flat.slice(at, s), mark: false });
      pieces.push({ text: flat.slice(s, e), mark: true });
      at = e;
    }
    if (at < end) pieces.push({ text: flat.slice(at, end), mark: false });
    previousEnd = end;
  }
  if (previousEnd < flat.length) pieces.push({ text: '…', mark: false });
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
