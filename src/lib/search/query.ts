// Query rewriting in the browser, with the vocabulary the search page embeds (./lexicon.ts):
// English words to their Chinese search words, and an unspaced query split into words. Pure,
// no imports, so the search page's script stays small.

/** English phrase (lower case) → the Chinese word searched instead. */
export type EnglishLexicon = Record<string, string>;

/** One English phrase of a query replaced by its Chinese word. */
export interface Translation {
  en: string;
  zh: string;
}

/**
 * Replace the English phrases of a query with their Chinese words, longest phrase first and only
 * at word boundaries; quoted stretches are left alone. Returns the new query and what was replaced.
 */
export function translateEnglish(query: string, lexicon: EnglishLexicon): { query: string; translations: Translation[] } {
  const phrases = Object.keys(lexicon).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (phrases.length === 0 || !/[a-z]/i.test(query)) return { query, translations: [] };
  const escaped = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}&-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}&-])`, 'giu');
  const translations: Translation[] = [];
  const parts = query.split('"');
  const out = parts.map((part, i) => {
    if (i % 2 === 1 && i < parts.length - 1) return part; // inside quotes: exact text
    return part.replace(pattern, (match) => {
      const zh = lexicon[match.toLowerCase().replace(/\s+/g, ' ')]!;
      if (!translations.some((t) => t.en.toLowerCase() === match.toLowerCase())) translations.push({ en: match, zh });
      return ` ${zh} `;
    });
  });
  return { query: out.join('"').replace(/[ \t]+/g, ' ').trim(), translations };
}

/**
 * Split an unspaced term into dictionary words, longest match first from the left. Characters no
 * word covers stay together as one piece; a single such character joins the piece before it (or
 * after it, at the start), so no piece is a lone character unless the term is one.
 */
export function splitByDictionary(term: string, dictionary: readonly string[]): string[] {
  const chars = [...term];
  const pieces: { text: string; known: boolean }[] = [];
  let at = 0;
  while (at < chars.length) {
    const rest = chars.slice(at).join('');
    const word = dictionary.find((w) => rest.startsWith(w));
    if (word) {
      pieces.push({ text: word, known: true });
      at += [...word].length;
      continue;
    }
    const last = pieces[pieces.length - 1];
    if (last && !last.known) last.text += chars[at];
    else pieces.push({ text: chars[at]!, known: false });
    at += 1;
  }
  const merged: string[] = [];
  pieces.forEach((piece, i) => {
    if ([...piece.text].length > 1 || pieces.length === 1) merged.push(piece.text);
    else if (merged.length > 0) merged[merged.length - 1] += piece.text;
    else if (pieces[i + 1]) pieces[i + 1]!.text = piece.text + pieces[i + 1]!.text;
    else merged.push(piece.text);
  });
  return merged;
}
