// Recognition vs eligibility (src/lib/recognition.ts) on the real clauses: what a city pays for
// a tier is compared only when the recognition itself triggers it.
import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../src/lib/atlas';
import { awardPoints, headlineLittleGiant, tierLadder } from '../src/lib/benchmark';
import { compareMatrix } from '../src/lib/compare';
import { isRecognitionAward, tierRole } from '../src/lib/recognition';
import { categorySeries } from '../src/charts/award-bars/state';
import { categoryLevels } from '../src/lib/benchmark';
import { tierById } from '../src/schema';
import { realOutput } from './fixtures/ingest-helpers';
import { TODAY } from './site-fixtures';

const { result } = realOutput();
const atlas = buildAtlas(result.policies, result.clauses, TODAY);
const awardsOf = (clauseId: string) => atlas.clauseById.get(clauseId)!.awards;
const otherIds = new Set(awardPoints(atlas).filter((p) => tierRole(p.award) === 'other-support').map((p) => p.award.id));

describe('tierRole', () => {
  it('files Hangzhou 2.4.10 (300万 for SRDI enterprises that list on an exchange) as other support, not recognition', () => {
    const [listing] = awardsOf('hangzhou-action-plan/2.4.10');
    expect(listing).toMatchObject({ tier: 'provincial-srdi', amountYuan: 3_000_000 });
    expect(tierRole(listing!)).toBe('other-support');
  });

  it('files both of Jiaxing 2.2.5\'s headquarters-relocation awards as other support', () => {
    const relocation = awardsOf('jiaxing-2022-opinions/2.2.5');
    expect(relocation.map((a) => a.tier)).toEqual(['single-champion-demo', 'little-giant']);
    expect(relocation.map(tierRole)).toEqual(['other-support', 'other-support']);
  });

  it('files the first-time little-giant awards of Changsha 1, Hangzhou 2.1.2 and Jiaxing 2.2.3 as recognition', () => {
    for (const id of ['changsha-2025-measures/1', 'hangzhou-action-plan/2.1.2', 'jiaxing-2022-opinions/2.2.3']) {
      const littleGiant = awardsOf(id).find((a) => a.tier === 'little-giant');
      expect(littleGiant && tierRole(littleGiant), id).toBe('recognition');
    }
  });

  it('files innovation-voucher and loan-interest awards to SRDI enterprises (Hangzhou 2.2.5, 2.4.11) as other support', () => {
    expect(tierRole(awardsOf('hangzhou-action-plan/2.2.5').find((a) => a.tier === 'provincial-srdi')!)).toBe('other-support');
    expect(tierRole(awardsOf('hangzhou-action-plan/2.4.11')[0]!)).toBe('other-support');
  });

  it('has no role for an award whose recipient is no tier', () => {
    const untiered = result.clauses.flatMap((c) => c.awards).find((a) => a.tier === null)!;
    expect(tierRole(untiered)).toBeNull();
  });

  it('agrees with the recognition flag ingest stored, because ingest decides with the same rule', () => {
    for (const a of result.clauses.flatMap((c) => c.awards)) expect(a.recognition, a.id).toBe(isRecognitionAward(a.tier, a.quote));
  });
});

describe('comparisons use only recognition awards', () => {
  it('puts no other-support award on the tier ladder and lists them under their tier instead', () => {
    const tiers = tierLadder(atlas).flatMap((f) => f.tiers);
    for (const t of tiers) for (const row of t.rows) for (const p of row.points) expect(otherIds.has(p.award.id), p.award.id).toBe(false);
    const provincial = tiers.find((t) => t.tier.id === 'provincial-srdi')!;
    expect(provincial.otherSupport.map((p) => p.clause.id)).toContain('hangzhou-action-plan/2.4.10');
    const littleGiant = tiers.find((t) => t.tier.id === 'little-giant')!;
    expect(littleGiant.otherSupport.map((p) => p.clause.id)).toContain('jiaxing-2022-opinions/2.2.5');
    for (const t of tiers) {
      const figures = t.spread ? [...t.spread.compared, ...t.spread.excluded.map((e) => e.point)] : [];
      for (const p of figures) expect(otherIds.has(p.award.id), p.award.id).toBe(false);
    }
  });

  it('takes the home chart\'s little-giant figures only from recognition awards', () => {
    for (const row of headlineLittleGiant(atlas)) if (row.point) expect(tierRole(row.point.award)).toBe('recognition');
  });

  it('never shows an other-support award as a matrix cell\'s largest award (梯度培育 · 杭州 is not 300万)', () => {
    for (const row of compareMatrix(atlas)) {
      for (const cell of row.cells) if (cell.largest) expect(otherIds.has(cell.largest.award.id), `${row.category.id} ${cell.city.slug}`).toBe(false);
    }
  });

  it('labels an other-support bar on a category benchmark by its recipient, not by the tier name', () => {
    const series = categorySeries(categoryLevels(atlas, 'finance'), (id) => id);
    const rows = series.groups.flatMap((g) => g.rows).filter((r) => r.mark.href === 'hangzhou-action-plan/2.4.10');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.label).not.toBe(tierById('provincial-srdi').zh);
      expect(r.mark.kindLabel).toContain('面向该层级企业的其他支持');
    }
  });
});
