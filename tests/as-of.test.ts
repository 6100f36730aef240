import { describe, expect, it } from 'vitest';
import { addMonths, asOfDays, expiring, MAX_CHANGE_DAYS, nextDay } from '../src/lib/as-of';

const changsha = { id: 'changsha-2025-measures', draft: false, issued: '2025-02-22', effective: '2025-03-01', expires: '2028-02-29' };
const draft = { id: 'hangzhou-action-plan', draft: true, issued: null, effective: null, expires: null };
const undated = { id: 'jiaxing-2022-opinions', draft: false, issued: null, effective: null, expires: null };

describe('asOfDays', () => {
  it('offers the build day, 1 January of its year and every day Changsha’s status changes', () => {
    expect(asOfDays([changsha, draft, undated], '2026-11-30')).toEqual(['2025-02-22', '2025-03-01', '2026-01-01', '2026-11-30', '2028-03-01']);
  });

  it('keeps only the nearest status changes for a large corpus', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...changsha, id: `p${i}`, issued: null, expires: null, effective: `20${String(10 + i).padStart(2, '0')}-01-01` }));
    const days = asOfDays(many, '2030-06-01');
    // The build day plus the nearest changes, one of which (2030-01-01) is also the year's first day.
    expect(days.length).toBe(MAX_CHANGE_DAYS + 1);
    expect(days).toContain('2030-01-01');
    expect(days).not.toContain('2049-01-01');
  });
});

describe('expiring', () => {
  it('lists Changsha as ending within 12 months from 2027-03-01, not from 2027-02-28… and as ended after its last day', () => {
    expect(expiring([changsha, draft, undated], '2027-02-28').endingSoon).toEqual([]);
    expect(expiring([changsha], '2027-03-01').endingSoon.map((e) => [e.policy.id, e.expires, e.status])).toEqual([['changsha-2025-measures', '2028-02-29', 'in-force']]);
    expect(expiring([changsha], '2028-02-29').endingSoon).toHaveLength(1);
    const after = expiring([changsha], '2028-03-01');
    expect([after.endingSoon.length, after.ended.map((e) => e.status)]).toEqual([0, ['expired']]);
  });

  it('counts calendar months, clamping to the end of a short month', () => {
    expect(addMonths('2027-03-31', 11)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 12)).toBe('2027-11-30');
    expect(nextDay('2028-02-29')).toBe('2028-03-01');
  });
});
