import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../src/lib/atlas';
import { emptyProfile, exclusivityRules, firmResults, profileFromQuery, profileToQuery, sumOf, type FirmProfile } from '../src/lib/firm';
import { firmData, heldTier } from '../src/lib/firm-data';
import { TIERS } from '../src/schema';
import { realOutput } from './fixtures/ingest-helpers';
import { award, clause, policy } from './site-fixtures';

// Real clauses, statuses computed for a pinned day on which Changsha's measures are in force.
const DAY = '2026-01-01';
const real = () => {
  const { policies, clauses } = realOutput().result;
  return firmData(buildAtlas(policies, clauses, DAY));
};
const profile = (over: Partial<FirmProfile>): FirmProfile => ({ ...emptyProfile(), ...over });
const city = (slug: string, p: FirmProfile) => firmResults(real(), p, heldTier).find((r) => r.city.slug === slug)!;

describe('firmResults on the real clauses', () => {
  it('gives a national little giant in Changsha the 50万 one-off reward, quoted from clause 1', () => {
    const changsha = city('changsha', profile({ tiers: ['little-giant'] }));
    const counted = changsha.lines.filter((l) => !l.excluded);
    expect(counted.map((l) => [l.award.clauseId, l.value])).toEqual([['changsha-2025-measures/1', 500000]]);
    expect(counted[0]!.award.quote).toContain('每家给予一次性50万元奖励');
    expect(changsha.totals.fixed['one-off']).toBe(500000);
    expect(sumOf(changsha.totals.cap) + sumOf(changsha.totals.computed)).toBe(0);
  });

  it('adds the workstation grants the little giant builds, apart from the one-off sum because the text names no frequency', () => {
    const changsha = city('changsha', profile({ tiers: ['little-giant', 'academician-workstation', 'postdoc-base'] }));
    // Hand calculation: 50万 one-off (clause 1) + 100万 院士工作站 + 60万 博士后创新创业实践基地 (clause 6, frequency unstated).
    expect(changsha.totals.fixed['one-off']).toBe(50e4);
    expect(changsha.totals.fixed.unspecified).toBe(100e4 + 60e4);
    expect(changsha.lines.filter((l) => !l.excluded).every((l) => l.award.clauseId.startsWith('changsha-2025-measures/'))).toBe(true);
  });

  it('computes Changsha’s 30% digital-retrofit subsidy on the amount entered, capped at 30万, and lists the municipal top-up as a ceiling', () => {
    const small = city('changsha', profile({ tiers: ['little-giant'], digitalRetrofitYuan: 50e4 }));
    const ratio = small.lines.find((l) => l.award.kind === 'ratio')!;
    expect([ratio.value, ratio.capped]).toEqual([15e4, false]); // 30% of 50万
    const large = city('changsha', profile({ tiers: ['little-giant'], digitalRetrofitYuan: 200e4 }));
    const capped = large.lines.find((l) => l.award.kind === 'ratio')!;
    expect([capped.uncapped, capped.value, capped.capped]).toEqual([60e4, 30e4, true]);
    // Hand calculation: computed 30万 (unstated frequency); the 配套 “最高不超过30万元” is a ceiling.
    expect(large.totals.computed.unspecified).toBe(30e4);
    expect(large.totals.cap.unspecified).toBe(30e4);
    expect(large.totals.fixed['one-off']).toBe(50e4);
  });

  it('leaves the digital-retrofit subsidy out when no retrofit is planned', () => {
    const changsha = city('changsha', profile({ tiers: ['little-giant'] }));
    expect(changsha.lines.some((l) => l.award.kind === 'ratio')).toBe(false);
  });

  it('marks drafts and unknown-status policies and keeps them out of the totals by default', () => {
    const p = profile({ tiers: ['little-giant'], listing: true });
    const hangzhou = city('hangzhou', p);
    expect(hangzhou.lines.length).toBeGreaterThan(0);
    expect(hangzhou.lines.every((l) => l.excluded !== null)).toBe(true);
    expect(hangzhou.lines.find((l) => l.award.clauseId === 'hangzhou-action-plan/2.1.2')!.excluded).toEqual({ reason: 'status', status: 'draft' });
    expect(sumOf(hangzhou.totals.fixed)).toBe(0);
    const jiaxing = city('jiaxing', p);
    expect(jiaxing.lines.find((l) => l.role === 'recognition')!.excluded).toEqual({ reason: 'status', status: 'unknown' });
  });

  it('counts a draft’s awards when drafts are included: a listed little giant in Hangzhou gets 100万 + 300万 one-off', () => {
    const hangzhou = city('hangzhou', profile({ tiers: ['little-giant'], listing: true, statuses: ['in-force', 'draft'] }));
    // 2.1.2: 100万 one-off for the first recognition; 2.4.10: 300万 one-off for listing (a provincial-or-higher SRDI firm).
    expect(hangzhou.totals.fixed['one-off']).toBe(100e4 + 300e4);
    expect(hangzhou.lines.find((l) => l.award.clauseId === 'hangzhou-action-plan/2.4.10')!.role).toBe('plan');
    // Vouchers and loans need conditions the profile does not state: listed, not added.
    const voucher = hangzhou.lines.find((l) => l.award.quote.includes('创新券'))!;
    expect([voucher.role, voucher.excluded]).toEqual(['conditional', { reason: 'conditional' }]);
  });

  it('does not pay a provincial firm the little giant’s reward', () => {
    const jiaxing = city('jiaxing', profile({ tiers: ['provincial-srdi'], statuses: ['unknown'] }));
    expect(jiaxing.lines.filter((l) => l.role === 'recognition').map((l) => l.value)).toEqual([100000]);
  });
});

describe('exclusivity rules', () => {
  const p = policy({ id: 'x-measures', city: { zh: '某市', slug: 'x' }, effective: '2025-01-01' });
  const text1 = '对首次认定的省级专精特新中小企业、国家级专精特新“小巨人”企业，分别给予20万元、100万元一次性奖励。';
  const c1 = clause(p, '1', text1, {}, (id, t) => [
    award(id, 1, t, '省级专精特新中小企业', { amountYuan: 200000, tier: 'provincial-srdi', frequency: 'one-off' }),
    award(id, 2, t, '国家级专精特新“小巨人”企业', { amountYuan: 1000000, tier: 'little-giant', frequency: 'one-off' }),
  ]);
  const c2 = clause(p, '2', '同一企业获得多级认定的，按就高原则给予奖励，不重复享受。');
  const data = () => firmData(buildAtlas([p], [c1, c2], '2025-06-01'));

  it('finds the sentence that states the rule, scoped to the policy when its clause pays nothing', () => {
    expect(exclusivityRules(c2)).toEqual([{ policyId: 'x-measures', clauseId: 'x-measures/2', quote: '同一企业获得多级认定的，按就高原则给予奖励，不重复享受。', scope: 'policy' }]);
    expect(exclusivityRules(c1)).toEqual([]);
  });

  it('keeps only the higher rung’s reward and cites the rule for the other', () => {
    const [result] = firmResults(data(), profile({ tiers: ['provincial-srdi', 'little-giant'] }), heldTier);
    expect(result!.totals.fixed['one-off']).toBe(1000000);
    const dropped = result!.lines.find((l) => l.award.tier === 'provincial-srdi')!;
    expect(dropped.excluded).toMatchObject({ reason: 'exclusivity', keptAwardId: 'x-measures/1#a2', rule: { clauseId: 'x-measures/2' } });
    expect(result!.appliedRules).toHaveLength(1);
  });

  it('adds both rewards when the text states no such rule', () => {
    const [result] = firmResults(firmData(buildAtlas([p], [c1], '2025-06-01')), profile({ tiers: ['provincial-srdi', 'little-giant'] }), heldTier);
    expect(result!.totals.fixed['one-off']).toBe(1200000);
  });
});

describe('the profile in the URL', () => {
  const tiers = new Set(TIERS.map((t) => t.id as string));
  const statuses = new Set(['in-force', 'draft', 'unknown', 'expired', 'not-yet-in-force']);

  it('round-trips tiers, plans in 万元 and statuses', () => {
    const p = profile({ tiers: ['little-giant', 'expert-workstation'], listing: true, digitalRetrofitYuan: 200e4, rdYuan: 55e3, statuses: ['in-force', 'draft'] });
    const query = profileToQuery(p);
    expect(query).toBe('?t=little-giant.expert-workstation&list=1&dx=200&rd=5.5&s=draft.in-force');
    expect(profileFromQuery(query, tiers, statuses)).toEqual({ ...p, statuses: ['draft', 'in-force'] });
  });

  it('drops unknown tiers and unreadable amounts instead of guessing, and defaults to in force only', () => {
    expect(profileFromQuery('?t=little-giant.nonsense&dx=abc&rd=-3', tiers, statuses)).toEqual(profile({ tiers: ['little-giant'] }));
    expect(profileToQuery(emptyProfile())).toBe('');
  });
});
