// Similar clauses a researcher would pick (src/lib/similar-measures.ts), on the real corpus:
// pairs checked by reading both clauses.
import { describe, expect, it } from 'vitest';
import { similarMeasures, structuralScore } from '../src/lib/similar-measures';
import { realOutput } from './fixtures/ingest-helpers';

const index = similarMeasures(realOutput().result.clauses);
const top = (id: string, n: number) => (index.get(id) ?? []).slice(0, n).map((m) => m.id);

// [clause, the equivalent measures it must offer first (in any order), why]
const EXPECTED: Array<[string, string[], string]> = [
  ['jiaxing-2022-opinions/2.2.3', ['hangzhou-action-plan/2.1.2', 'changsha-2025-measures/1'], 'national little-giant recognition award ↔ the same award'],
  ['changsha-2025-measures/1', ['hangzhou-action-plan/2.1.2', 'jiaxing-2022-opinions/2.2.3', 'shenzhen-2022-measures/1.1'], 'little-giant award; 深圳 delegates the amount'],
  ['hangzhou-action-plan/2.1.2', ['changsha-2025-measures/1', 'jiaxing-2022-opinions/2.2.3'], 'little-giant and provincial SRDI awards'],
  ['hangzhou-action-plan/2.2.5', ['jiaxing-2022-opinions/2.3.8'], '首台（套） awards by reach ↔ 首台套 awards'],
  ['jiaxing-2022-opinions/2.3.8', ['hangzhou-action-plan/2.2.5'], '首台套 ↔ 首台套'],
  ['changsha-2025-measures/6', ['hangzhou-action-plan/2.4.12', 'jiaxing-2022-opinions/2.8.22'], 'talent ↔ talent'],
  ['shenzhen-2022-measures/4.14', ['jiaxing-2022-opinions/2.8.22'], 'entrepreneur training ↔ 企业家队伍培育 and training'],
  ['changsha-2025-measures/8', ['hangzhou-action-plan/2.3.8', 'shenzhen-2022-measures/5.18'], 'digital transformation subsidies ↔ digital'],
  ['changsha-2025-measures/5', ['jiaxing-2022-opinions/2.7.17'], 'financing ↔ bank financing'],
];

describe('similarMeasures', () => {
  it.each(EXPECTED)('offers for %s first the equivalent measures %j (%s)', (id, expected) => {
    expect(top(id, expected.length + 1)).toEqual(expect.arrayContaining(expected));
  });

  it('never offers a clause of the same city', () => {
    const cityOf = new Map(realOutput().result.clauses.map((c) => [c.id, c.citySlug]));
    for (const [id, matches] of index) for (const m of matches) expect(cityOf.get(m.id), `${id} → ${m.id}`).not.toBe(cityOf.get(id));
  });

  it('says why: the shared recognition tier, or the shared category', () => {
    const first = index.get('jiaxing-2022-opinions/2.2.3')!.find((m) => m.id === 'hangzhou-action-plan/2.1.2')!;
    expect(first).toMatchObject({ basis: 'same-recognition' });
    expect(['little-giant', 'provincial-srdi']).toContain(first.tier);
    expect(index.get('changsha-2025-measures/6')![0]).toMatchObject({ basis: 'same-category', tier: null });
  });

  it('ranks a shared recognition tier above a shared category, and a shared category above wording alone', () => {
    const f = (tiers: string[], primary: 'talent' | 'finance') => ({ recognitionTiers: new Set(tiers) as Set<never>, primary, categories: new Set([primary]) });
    const tier = structuralScore(f(['little-giant'], 'finance'), f(['little-giant'], 'talent')).score;
    const category = structuralScore(f([], 'talent'), f([], 'talent')).score;
    const none = structuralScore(f([], 'talent'), f([], 'finance')).score;
    expect(tier).toBeGreaterThan(category);
    expect(category).toBeGreaterThan(none);
    expect(none).toBe(0);
  });

  it('is deterministic whatever order the clauses arrive in', () => {
    const again = similarMeasures([...realOutput().result.clauses].reverse());
    for (const [id, matches] of index) expect(again.get(id), id).toEqual(matches);
  });
});
