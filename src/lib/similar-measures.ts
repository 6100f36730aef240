// “Similar clauses elsewhere” as a researcher would pick them: the equivalent measure in another
// city first (a little-giant award for a little-giant award, 首台套 for 首台套, talent for
// talent), then wording. Structure the ingest already extracted decides the order — the tiers
// a clause pays for on recognition, then its categories — and the bigram cosine of
// similar.ts breaks ties and fills the list. Cost stays bounded per clause: text candidates
// come from similarityIndex, structural ones from capped posting lists.
import type { CategoryId, Clause, TierId } from '../schema';
import { tierRole } from './recognition';
import { similarityIndex, type SimilarMatch } from './similar';

/** Why a clause is offered, strongest first. */
export type SimilarBasis = 'same-recognition' | 'same-category' | 'wording';

export interface MeasureMatch extends SimilarMatch {
  basis: SimilarBasis;
  /** For `same-recognition`: a tier both clauses pay for on recognition (the first in vocabulary order of the clause's awards). */
  tier: TierId | null;
}

export interface MeasureOptions {
  /** Matches kept per clause. Default 5. */
  perItem?: number;
  /** Clauses read from one structural posting list (in corpus order). Default 200. */
  maxPostings?: number;
  /** Text candidates per clause taken from similarityIndex. Default 20. */
  textCandidates?: number;
}

/** What sharing a structural feature adds to the text cosine (which lies in [0, 1]). */
const WEIGHTS = {
  /** Both pay on recognition of the same tier: the equivalent measure. */
  recognitionTier: 2,
  /** Same primary category. */
  primary: 0.6,
  /** Share of further categories in common (Jaccard), scaled. */
  categories: 0.2,
} as const;

export type MeasureClause = Pick<Clause, 'id' | 'citySlug' | 'title' | 'text' | 'primaryCategory' | 'categories' | 'awards'>;

interface Features {
  recognitionTiers: Set<TierId>;
  primary: CategoryId;
  categories: Set<CategoryId>;
}

function features(clause: MeasureClause): Features {
  return {
    // Money paid for the recognition: a non-monetary benefit (人才认定) is not the equivalent measure.
    recognitionTiers: new Set(clause.awards.filter((a) => tierRole(a) === 'recognition' && a.kind !== 'non-monetary').map((a) => a.tier!)),
    primary: clause.primaryCategory,
    categories: new Set([clause.primaryCategory, ...clause.categories]),
  };
}

function firstShared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T | null {
  for (const x of a) if (b.has(x)) return x;
  return null;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const either = a.size + b.size - both;
  return either === 0 ? 0 : both / either;
}

/** The structural part of a pair's score, the strongest basis it has, and the tier both pay for (if any). */
export function structuralScore(a: Features, b: Features): { score: number; basis: SimilarBasis; tier: TierId | null } {
  const tier = firstShared(a.recognitionTiers, b.recognitionTiers);
  const samePrimary = a.primary === b.primary;
  const score = (tier ? WEIGHTS.recognitionTier : 0) + (samePrimary ? WEIGHTS.primary : 0) + WEIGHTS.categories * jaccard(a.categories, b.categories);
  return { score, basis: tier ? 'same-recognition' : samePrimary ? 'same-category' : 'wording', tier };
}

/**
 * The best matches in other cities for every clause, keyed by clause id. Deterministic: ties
 * go by clause id. The score shown is the text cosine (what “相似度” has always meant); the
 * order and the basis come from structure first.
 */
export function similarMeasures(clauses: readonly MeasureClause[], options: MeasureOptions = {}): Map<string, MeasureMatch[]> {
  const perItem = options.perItem ?? 5;
  const maxPostings = options.maxPostings ?? 200;
  const text = similarityIndex(
    clauses.map((c) => ({ id: c.id, group: c.citySlug, text: `${c.title}\n${c.text}` })),
    { perItem: options.textCandidates ?? 20, minScore: 0 },
  );
  const feats = clauses.map(features);
  const indexOf = new Map(clauses.map((c, i) => [c.id, i]));

  // Posting lists: clauses paying on recognition of each tier, and clauses of each primary category.
  const postings = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = postings.get(key) ?? [];
    if (list.length < maxPostings) list.push(i);
    postings.set(key, list);
  };
  feats.forEach((f, i) => {
    for (const tier of f.recognitionTiers) post(`tier:${tier}`, i);
    post(`primary:${f.primary}`, i);
  });

  const result = new Map<string, MeasureMatch[]>();
  clauses.forEach((clause, i) => {
    const cosine = new Map((text.get(clause.id) ?? []).map((m) => [indexOf.get(m.id)!, m.score]));
    const candidates = new Set<number>(cosine.keys());
    for (const tier of feats[i]!.recognitionTiers) for (const j of postings.get(`tier:${tier}`) ?? []) candidates.add(j);
    for (const j of postings.get(`primary:${feats[i]!.primary}`) ?? []) candidates.add(j);
    const ranked: Array<MeasureMatch & { rank: number }> = [];
    for (const j of candidates) {
      const other = clauses[j]!;
      if (j === i || other.citySlug === clause.citySlug) continue;
      // A clause outside the text shortlist shares little wording: its cosine counts as 0.
      const score = cosine.get(j) ?? 0;
      const structure = structuralScore(feats[i]!, feats[j]!);
      if (structure.score === 0 && score < 0.05) continue;
      ranked.push({ id: other.id, score, basis: structure.basis, tier: structure.tier, rank: structure.score + score });
    }
    ranked.sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    result.set(
      clause.id,
      ranked.slice(0, perItem).map(({ id, score, basis, tier }) => ({ id, score, basis, tier })),
    );
  });
  return result;
}
