// Award recall and precision on real published texts (tests/fixtures/wild/): the pipeline's
// awards for each text against a hand annotation (`gold.json`). Pure scoring here; the CLI
// `npm run eval:wild` and tests/wild-eval.test.ts both call `evaluateWild`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Award, Clause } from '../../src/schema';
import { runIngest, type IngestOutput } from '../ingest/pipeline';

export const WILD_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'wild');

/** One hand-annotated award (amounts in 万元, as in gold.json). */
export interface GoldAward {
  city: string;
  ordinal: number;
  amount: number;
  kind: 'fixed' | 'cap' | 'ratio-with-cap' | 'matching-with-cap' | 'rate';
  key: string;
  ratio?: number;
  tier?: string;
  tier_not?: string[];
  optional?: boolean;
}

export interface Gold {
  cities: Record<string, string>;
  texts: Record<string, { leaf_clauses_expected: number }>;
  awards: GoldAward[];
  not_awards: Array<{ city: string; clause: string; amount: number; why: string }>;
}

/** How each gold kind is written in the schema: a capped ratio is a `ratio` with an amount. */
const KIND_OF: Record<GoldAward['kind'], Award['kind']> = {
  fixed: 'fixed',
  cap: 'cap',
  'ratio-with-cap': 'ratio',
  'matching-with-cap': 'matching',
  rate: 'ratio',
};

export interface TextScore {
  city: string;
  expected: number;
  found: number;
  matched: number;
  falsePositives: string[];
  missed: string[];
  tierErrors: string[];
  clauses: { expected: number; found: number };
}

export interface WildScore {
  texts: TextScore[];
  precision: number;
  recall: number;
  tierErrors: number;
}

/** A monetary award as scored: what a chart would show. */
interface Found {
  clause: Clause;
  award: Award;
}

/** Yuan as a number of 万元, for comparing with the annotation. */
const inWan = (yuan: number) => yuan / 10_000;

function describe(f: Found): string {
  return `${f.clause.number} ${f.award.kind} ${inWan(f.award.amountYuan!)}万 «${f.award.quote.slice(0, 30)}»`;
}

/** Scores one city's awards against the annotation. Awards without an amount are not scored. */
export function scoreText(city: string, clauses: readonly Clause[], gold: Gold): TextScore {
  const expectedAll = gold.awards.filter((a) => a.city === city);
  const found: Found[] = clauses.flatMap((clause) => clause.awards.filter((a) => a.amountYuan !== null).map((award) => ({ clause, award })));
  const used = new Set<Found>();
  let optionalHits = 0;
  const missed: string[] = [];
  const tierErrors: string[] = [];
  let matched = 0;
  for (const g of expectedAll) {
    const hit = found.find(
      (f) =>
        !used.has(f) &&
        f.clause.ordinal === g.ordinal &&
        f.award.kind === KIND_OF[g.kind] &&
        Math.abs(inWan(f.award.amountYuan!) - g.amount) < 1e-9 &&
        (g.ratio === undefined || (f.award.ratioPercent !== null && Math.abs(f.award.ratioPercent - g.ratio) < 1e-9)),
    );
    if (!hit) {
      if (!g.optional) missed.push(`${g.kind} ${g.amount}万 «${g.key}»`);
      continue;
    }
    used.add(hit);
    if (g.optional) optionalHits++;
    else matched++;
    if (g.tier !== undefined && hit.award.tier !== g.tier) tierErrors.push(`«${g.key}»: tier ${hit.award.tier ?? 'none'}, expected ${g.tier}`);
    if (g.tier_not?.includes(hit.award.tier ?? '')) tierErrors.push(`«${g.key}»: tier ${hit.award.tier} is wrong here`);
  }
  const leaves = gold.texts[city]?.leaf_clauses_expected ?? 0;
  return {
    city,
    expected: expectedAll.filter((g) => !g.optional).length,
    // Awards matching an optional annotation count neither way.
    found: found.length - optionalHits,
    matched,
    falsePositives: found.filter((f) => !used.has(f)).map(describe),
    missed,
    tierErrors,
    clauses: { expected: leaves, found: clauses.length },
  };
}

/** Every `<name>.txt` of the folder with its sidecar, run through the pipeline as one corpus. */
export function ingestFolder(dir: string, today: string): IngestOutput {
  const names = readdirSync(dir).sort();
  return runIngest({
    sources: names.filter((n) => n.endsWith('.txt')).map((n) => ({ path: join(dir, n), bytes: new Uint8Array(readFileSync(join(dir, n))) })),
    sidecars: names.filter((n) => /\.ya?ml$/.test(n)).map((n) => ({ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') })),
    today,
  });
}

export function evaluateWild(dir = WILD_DIR, today = '2026-01-01'): { score: WildScore; output: IngestOutput } {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
  const output = ingestFolder(dir, today);
  const texts = Object.keys(gold.cities).map((city) =>
    scoreText(
      city,
      output.result.clauses.filter((c) => c.citySlug === city),
      gold,
    ),
  );
  const matched = texts.reduce((n, t) => n + t.matched, 0);
  const expected = texts.reduce((n, t) => n + t.expected, 0);
  const falsePositives = texts.reduce((n, t) => n + t.falsePositives.length, 0);
  return {
    output,
    score: {
      texts,
      recall: expected === 0 ? 1 : matched / expected,
      precision: matched + falsePositives === 0 ? 1 : matched / (matched + falsePositives),
      tierErrors: texts.reduce((n, t) => n + t.tierErrors.length, 0),
    },
  };
}
