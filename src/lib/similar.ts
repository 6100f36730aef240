// Cheap "similar clauses in other cities": TF-IDF weighted cosine over character bigrams,
// computed once for the whole corpus with a bounded amount of work per clause (see below).

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
  /** How many of an item's most distinctive bigrams are used to find candidates. Default 6. */
  anchors?: number;
  /** At most this many items are read from one bigram's posting list (in corpus order). Default 100. */
  maxPostings?: number;
  /** Candidates scored exactly per item. Default 20. */
  candidates?: number;
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

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [gram, w] of small) {
    const other = large.get(gram);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

/**
 * The best matches in other groups for every item, keyed by item id. Deterministic.
 * Cost is bounded per item (anchors × maxPostings candidate reads, then `candidates` exact
 * cosines), so 10,000 clauses — even near-duplicates from generated corpora — stay cheap:
 * each item's few most distinctive bigrams (highest TF-IDF weight, shared with at least one
 * other item) propose candidates, and only the most promising are scored in full.
 */
export function similarityIndex(items: readonly SimilarItem[], options: SimilarOptions = {}): Map<string, SimilarMatch[]> {
  const perItem = options.perItem ?? 5;
  const minScore = options.minScore ?? 0.05;
  const anchorCount = options.anchors ?? 6;
  const maxPostings = options.maxPostings ?? 100;
  const candidateCount = options.candidates ?? 20;
  const n = items.length;
  const grams = items.map((item) => bigrams(item.text));

  const df = new Map<string, number>();
  for (const g of grams) for (const gram of g.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const idf = (gram: string) => Math.log(1 + n / (df.get(gram) ?? 1));

  // TF-IDF weighted, unit-length vectors.
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

  // Anchors: each item's heaviest bigrams that some other item shares.
  const anchors = vectors.map((v) =>
    [...v]
      .filter(([gram]) => (df.get(gram) ?? 0) > 1)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, anchorCount),
  );
  const postings = new Map<string, number[]>();
  for (const list of anchors) for (const [gram] of list) if (!postings.has(gram)) postings.set(gram, []);
  vectors.forEach((v, i) => {
    for (const gram of v.keys()) {
      const list = postings.get(gram);
      if (list && list.length < maxPostings) list.push(i);
    }
  });

  const result = new Map<string, SimilarMatch[]>();
  vectors.forEach((v, i) => {
    const group = items[i]!.group;
    const proposed = new Map<number, number>();
    for (const [gram, w] of anchors[i]!) {
      for (const j of postings.get(gram) ?? []) {
        if (j === i || items[j]!.group === group) continue;
        proposed.set(j, (proposed.get(j) ?? 0) + w * (vectors[j]!.get(gram) ?? 0));
      }
    }
    const shortlist = [...proposed].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, candidateCount);
    const matches = shortlist
      .map(([j]) => ({ id: items[j]!.id, score: Math.round(cosine(v, vectors[j]!) * 1000) / 1000 }))
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, perItem);
    result.set(items[i]!.id, matches);
  });
  return result;
}
