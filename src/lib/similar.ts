// Cheap "similar clauses in other cities": TF-IDF weighted cosine over character bigrams.
// Computed once for the whole corpus through an inverted index, so the cost grows with the
// number of clauses that share rare bigrams, not with all pairs.

export interface SimilarItem {
  id: string;
  /** Items in the same group are never suggested for each other (the group is the city). */
  group: string;
  text: string;
}

export interface SimilarMatch {
  id: string;
  /** Cosine similarity in [0, 1], rounded to 3 decimals. */
  score: number;
}

export interface SimilarOptions {
  /** Matches kept per item. Default 5. */
  perItem?: number;
  /** Matches scoring below this are dropped. Default 0.05. */
  minScore?: number;
  /**
   * Bigrams found in more than this share of items are left out of candidate search (they
   * carry almost no weight, and they would make the index quadratic). Default 0.25; only
   * applied when there are at least 40 items.
   */
  maxDocShare?: number;
}

const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Character bigrams with counts; punctuation and spaces split the text. */
export function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let prev = '';
  for (const ch of text) {
    if (!WORD_CHAR.test(ch)) {
      prev = '';
      continue;
    }
    if (prev) {
      const gram = prev + ch;
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    prev = ch;
  }
  return counts;
}

/** The best matches in other groups for every item, keyed by item id. Deterministic. */
export function similarityIndex(items: readonly SimilarItem[], options: SimilarOptions = {}): Map<string, SimilarMatch[]> {
  const perItem = options.perItem ?? 5;
  const minScore = options.minScore ?? 0.05;
  const maxDocShare = items.length >= 40 ? (options.maxDocShare ?? 0.25) : 1;
  const n = items.length;
  const grams = items.map((item) => bigrams(item.text));

  const df = new Map<string, number>();
  for (const g of grams) for (const gram of g.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const idf = (gram: string) => Math.log(1 + n / (df.get(gram) ?? 1));

  // Weighted, normalised vectors.
  const vectors = grams.map((g) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [gram, tf] of g) {
      const w = (1 + Math.log(tf)) * idf(gram);
      v.set(gram, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [gram, w] of v) v.set(gram, w / norm);
    return v;
  });

  // Inverted index over the bigrams that are rare enough to be worth it.
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const gram of v.keys()) {
      if ((df.get(gram) ?? 0) / n > maxDocShare) continue;
      let list = postings.get(gram);
      if (!list) postings.set(gram, (list = []));
      list.push(i);
    }
  });

  const result = new Map<string, SimilarMatch[]>();
  vectors.forEach((v, i) => {
    const scores = new Map<number, number>();
    for (const [gram, w] of v) {
      const list = postings.get(gram);
      if (!list) continue;
      for (const j of list) {
        if (j === i || items[j]!.group === items[i]!.group) continue;
        scores.set(j, (scores.get(j) ?? 0) + w * (vectors[j]!.get(gram) ?? 0));
      }
    }
    const matches = [...scores]
      .map(([j, s]) => ({ id: items[j]!.id, score: Math.round(s * 1000) / 1000 }))
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, perItem);
    result.set(items[i]!.id, matches);
  });
  return result;
}
