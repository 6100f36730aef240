// Real published excerpts (tests/fixtures/wild/, annotated by hand in gold.json): the award
// measurement `npm run eval:wild` prints, held to its targets.
import { describe, expect, it } from 'vitest';
import { evaluateWild, scoreText, type Gold } from '../scripts/tools/wild-eval';

describe('awards in real published texts', () => {
  const { score, output } = evaluateWild();

  it('reaches precision ≥ 0.98 and recall ≥ 0.95 with every tier right', () => {
    const problems = score.texts.flatMap((t) => [...t.missed, ...t.falsePositives, ...t.tierErrors].map((p) => `${t.city}: ${p}`));
    expect(score.precision, problems.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(score.recall, problems.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.tierErrors, problems.join('\n')).toBe(0);
  });

  it('finds the annotated number of measures in each text', () => {
    for (const t of score.texts) expect(t.clauses.found, t.city).toBe(t.clauses.expected);
  });

  it('reads every text without an error', () => {
    expect(output.messages.filter((m) => m.fatal === true).map((m) => `${m.file}:${m.line} ${m.reason}`)).toEqual([]);
  });

  it('keeps the traditional text in its printed characters', () => {
    const ningbo = output.result.clauses.filter((c) => c.citySlug === 'ningbo');
    expect(ningbo.flatMap((c) => c.awards.map((a) => a.quote)).join('')).toMatch(/萬元/);
  });
});

describe('the scoring itself', () => {
  const gold: Gold = {
    cities: { x: '某' },
    texts: { x: { leaf_clauses_expected: 1 } },
    awards: [{ city: 'x', ordinal: 1, amount: 50, kind: 'fixed', key: '50万元' }],
    not_awards: [],
  };
  const clause = (yuan: number) =>
    ({ ordinal: 1, number: '一、', awards: [{ amountYuan: yuan, kind: 'fixed', ratioPercent: null, tier: null, quote: 'q' }] }) as never;

  it('counts a found award with the annotated amount and kind as a match', () => {
    expect(scoreText('x', [clause(500_000)], gold)).toMatchObject({ matched: 1, found: 1, missed: [] });
  });

  it('counts a wrong amount as both a miss and a false positive', () => {
    const s = scoreText('x', [clause(5_000_000)], gold);
    expect(s.matched).toBe(0);
    expect(s.missed).toHaveLength(1);
    expect(s.falsePositives).toHaveLength(1);
  });
});
