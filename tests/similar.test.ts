// The similarity index (src/lib/similar.ts) on typed arrays, against the plain definition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarityIndex, type SimilarItem, type SimilarMatch } from '../src/lib/similar';

/** The similarity index as first written: string-keyed maps, full sorts. The reference. */
function plainSimilarity(items: readonly SimilarItem[], o: { perItem?: number; minScore?: number; anchors?: number; maxPostings?: number; candidates?: number } = {}) {
  const [perItem, minScore, anchorCount, maxPostings, candidateCount] = [o.perItem ?? 5, o.minScore ?? 0.05, o.anchors ?? 6, o.maxPostings ?? 100, o.candidates ?? 20];
  const grams = items.map((item) => {
    const counts = new Map<string, number>();
    let prev = '';
    for (const ch of item.text) {
      if (!/[\p{Script=Han}\p{L}\p{N}]/u.test(ch)) {
        prev = '';
        continue;
      }
      if (prev) counts.set(prev + ch, (counts.get(prev + ch) ?? 0) + 1);
      prev = ch;
    }
    return counts;
  });
  const df = new Map<string, number>();
  for (const g of grams) for (const gram of g.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const vectors = grams.map((g) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [gram, tf] of g) {
      const w = (1 + Math.log(tf)) * Math.log(1 + items.length / df.get(gram)!);
      v.set(gram, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [gram, w] of v) v.set(gram, w / norm);
    return v;
  });
  const anchors = vectors.map((v) =>
    [...v].filter(([gram]) => df.get(gram)! > 1).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, anchorCount),
  );
  const postings = new Map<string, number[]>();
  for (const list of anchors) for (const [gram] of list) postings.set(gram, []);
  vectors.forEach((v, i) => {
    for (const gram of v.keys()) {
      const list = postings.get(gram);
      if (list && list.length < maxPostings) list.push(i);
    }
  });
  const cosine = (a: Map<string, number>, b: Map<string, number>) => {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [gram, w] of small) {
      const other = large.get(gram);
      if (other !== undefined) dot += w * other;
    }
    return dot;
  };
  const result = new Map<string, SimilarMatch[]>();
  vectors.forEach((v, i) => {
    const proposed = new Map<number, number>();
    for (const [gram, w] of anchors[i]!) {
      for (const j of postings.get(gram)!) {
        if (j === i || items[j]!.group === items[i]!.group) continue;
        proposed.set(j, (proposed.get(j) ?? 0) + w * vectors[j]!.get(gram)!);
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

describe('similarityIndex (typed-array version)', () => {
  // Few distinct characters and many repeated texts, so texts share bigrams and scores tie often.
  const text = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('首台套奖励企业', '企业首台套', '奖励企业1A', '𠀀首台𠀀套', '首台套奖励企业首台') },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('首', '台', '套', '奖', '励', '企', '业', '，', 'A', '1', '𠀀'), { maxLength: 40 }).map((cs) => cs.join('')) },
  );
  const corpus = fc.array(fc.record({ group: fc.constantFrom('a', 'b', 'c', 'd'), text }), { maxLength: 60 });

  it('gives exactly the matches and scores of the plain definition, for any corpus and options', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), (rows, anchors, maxPostings, candidates) => {
        const items = rows.map((r, i) => ({ id: `${r.group}/${i}`, group: r.group, text: r.text }));
        const options = { anchors, maxPostings, candidates, perItem: 3, minScore: 0.01 };
        expect([...similarityIndex(items, options)]).toEqual([...plainSimilarity(items, options)]);
      }),
      { numRuns: 200 },
    );
  });
});
