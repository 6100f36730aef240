// Cheap "similar clauses in other cities": TF-IDF weighted cosine over character bigrams,
// computed once for the whole corpus with a bounded amount of work per clause (see below).
//
// At 100× (9,100 clauses, most of them near-duplicates) this runs inside the Astro build, so
// the inner loops work on interned bigram ids in typed arrays rather than string-keyed maps.
// Every sum is taken in the same order as the plain definition (a bigram map per item, in
// first-occurrence order), so scores are bit-for-bit those of the straightforward version.

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
/** WORD_CHAR per BMP code unit, filled lazily: 0 unknown, 1 word character, 2 not. */
const wordCharCache = new Uint8Array(0x10000);

function isWordChar(ch: string, codePoint: number): boolean {
  if (codePoint > 0xffff) return WORD_CHAR.test(ch);
  let known = wordCharCache[codePoint]!;
  if (known === 0) wordCharCache[codePoint] = known = WORD_CHAR.test(ch) ? 1 : 2;
  return known === 1;
}

/** Calls `visit(first, second)` with the code points of each bigram, in text order; punctuation and spaces split the text. */
function eachBigram(text: string, visit: (first: number, second: number) => void): void {
  let prev = -1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isWordChar(ch, cp)) {
      prev = -1;
      continue;
    }
    if (prev !== -1) visit(prev, cp);
    prev = cp;
  }
}

/** Character bigrams with counts; punctuation and spaces split the text. */
export function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  eachBigram(text, (a, b) => {
    const gram = String.fromCodePoint(a, b);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  });
  return counts;
}

/** An item's TF-IDF vector: bigram ids in first-occurrence order, unit-length weights. */
interface Vector {
  grams: Int32Array;
  weights: Float64Array;
}

/** Ties between equal weights are broken by the bigram's text (code-unit order), as a string sort would. */
function byWeightThenGram(texts: readonly string[]) {
  return (ga: number, wa: number, gb: number, wb: number): boolean => wb < wa || (wb === wa && texts[ga]! < texts[gb]!);
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

  // 1. Bigram counts per item, bigrams interned to ids (key: the two code points as one number).
  const idOf = new Map<number, number>();
  const texts: string[] = [];
  let counts = new Int32Array(1024);
  const tfs: Array<{ grams: Int32Array; tf: Int32Array }> = [];
  for (const item of items) {
    const order: number[] = [];
    eachBigram(item.text, (a, b) => {
      const key = a * 0x110000 + b;
      let id = idOf.get(key);
      if (id === undefined) {
        id = texts.length;
        idOf.set(key, id);
        texts.push(String.fromCodePoint(a, b));
        if (id >= counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      if (counts[id] === 0) order.push(id);
      counts[id]! += 1;
    });
    const grams = Int32Array.from(order);
    const tf = new Int32Array(grams.length);
    grams.forEach((id, k) => {
      tf[k] = counts[id]!;
      counts[id] = 0;
    });
    tfs.push({ grams, tf });
  }
  const gramCount = texts.length;

  const df = new Int32Array(gramCount);
  for (const { grams } of tfs) for (const id of grams) df[id]! += 1;
  const idf = new Float64Array(gramCount);
  for (let g = 0; g < gramCount; g++) idf[g] = Math.log(1 + n / df[g]!);

  // 2. TF-IDF weighted, unit-length vectors.
  const vectors: Vector[] = tfs.map(({ grams, tf }) => {
    const weights = new Float64Array(grams.length);
    let norm = 0;
    for (let k = 0; k < grams.length; k++) {
      const w = (1 + Math.log(tf[k]!)) * idf[grams[k]!]!;
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
    return { grams, weights };
  });

  // 3. Anchors: each item's heaviest bigrams that some other item shares (top `anchorCount`).
  const before = byWeightThenGram(texts);
  const anchors = vectors.map(({ grams, weights }) => {
    const top: Array<[number, number]> = [];
    for (let k = 0; k < grams.length; k++) {
      const g = grams[k]!;
      if (df[g]! <= 1) continue;
      const w = weights[k]!;
      if (top.length === anchorCount && !before(g, w, top[top.length - 1]![0], top[top.length - 1]![1])) continue;
      let at = top.length;
      while (at > 0 && before(g, w, top[at - 1]![0], top[at - 1]![1])) at--;
      top.splice(at, 0, [g, w]);
      if (top.length > anchorCount) top.pop();
    }
    return top;
  });

  // Posting lists of anchor bigrams: the first `maxPostings` items holding each, with their weight.
  const postingItems = new Map<number, number[]>();
  const postingWeights = new Map<number, number[]>();
  for (const list of anchors) for (const [g] of list) if (!postingItems.has(g)) (postingItems.set(g, []), postingWeights.set(g, []));
  vectors.forEach(({ grams, weights }, i) => {
    for (let k = 0; k < grams.length; k++) {
      const list = postingItems.get(grams[k]!);
      if (list && list.length < maxPostings) {
        list.push(i);
        postingWeights.get(grams[k]!)!.push(weights[k]!);
      }
    }
  });

  // 4. Per item: candidates from the anchors' postings, the best `candidateCount` scored exactly.
  const groupIds = new Map<string, number>();
  const groupOf = Int32Array.from(items, (item) => {
    let id = groupIds.get(item.group);
    if (id === undefined) groupIds.set(item.group, (id = groupIds.size));
    return id;
  });
  const proposed = new Float64Array(n);
  const touched = new Uint8Array(n);
  const dense = [new Float64Array(gramCount), new Float64Array(gramCount)] as const;
  const fill = (into: Float64Array, v: Vector, value: boolean) => {
    for (let k = 0; k < v.grams.length; k++) into[v.grams[k]!] = value ? v.weights[k]! : 0;
  };
  /** Sum over the smaller vector's bigrams, in its order, of weight × the other's weight. */
  const dotWith = (small: Vector, large: Float64Array) => {
    let dot = 0;
    for (let k = 0; k < small.grams.length; k++) {
      const other = large[small.grams[k]!]!;
      if (other !== 0) dot += small.weights[k]! * other;
    }
    return dot;
  };
  const cosine = (i: number, j: number): number => {
    const a = vectors[i]!;
    const b = vectors[j]!;
    if (a.grams.length <= b.grams.length) {
      fill(dense[1], b, true);
      const dot = dotWith(a, dense[1]);
      fill(dense[1], b, false);
      return dot;
    }
    return dotWith(b, dense[0]); // dense[0] holds item i
  };

  const result = new Map<string, SimilarMatch[]>();
  const seen: number[] = [];
  for (let i = 0; i < n; i++) {
    const group = groupOf[i]!;
    seen.length = 0;
    for (const [g, w] of anchors[i]!) {
      const js = postingItems.get(g)!;
      const ws = postingWeights.get(g)!;
      for (let p = 0; p < js.length; p++) {
        const j = js[p]!;
        if (j === i || groupOf[j] === group) continue;
        if (touched[j] === 0) {
          touched[j] = 1;
          proposed[j] = 0;
          seen.push(j);
        }
        proposed[j] = proposed[j]! + w * ws[p]!;
      }
    }
    // Shortlist: highest proposal first, ties by corpus order.
    const shortlist: number[] = [];
    for (const j of seen) {
      touched[j] = 0;
      const s = proposed[j]!;
      const ahead = (k: number) => proposed[k]! > s || (proposed[k] === s && k < j);
      if (shortlist.length === candidateCount && ahead(shortlist[shortlist.length - 1]!)) continue;
      let at = shortlist.length;
      while (at > 0 && !ahead(shortlist[at - 1]!)) at--;
      shortlist.splice(at, 0, j);
      if (shortlist.length > candidateCount) shortlist.pop();
    }
    fill(dense[0], vectors[i]!, true);
    const matches = shortlist
      .map((j) => ({ id: items[j]!.id, score: Math.round(cosine(i, j) * 1000) / 1000 }))
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, perItem);
    fill(dense[0], vectors[i]!, false);
    result.set(items[i]!.id, matches);
  }
  return result;
}
