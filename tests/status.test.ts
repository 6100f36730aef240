import { describe, expect, it } from 'vitest';
import { buildDay, policyStatus } from '../src/lib/status';

const changsha = { draft: false, issued: '2025-02-22', effective: '2025-03-01', expires: '2028-02-29' };

describe('policyStatus', () => {
  it('calls a 征求意见稿 a draft whatever its dates', () => {
    expect(policyStatus({ ...changsha, draft: true }, '2026-11-27')).toBe('draft');
  });

  it('puts Changsha in force from 2025-03-01 through the last day of its three years', () => {
    expect(policyStatus(changsha, '2025-02-28')).toBe('not-yet-in-force');
    expect(policyStatus(changsha, '2025-03-01')).toBe('in-force');
    expect(policyStatus(changsha, '2028-02-29')).toBe('in-force');
    expect(policyStatus(changsha, '2028-03-01')).toBe('expired');
  });

  it('falls back to the issue date, and says unknown when no date is known', () => {
    expect(policyStatus({ draft: false, issued: '2022-05-01', effective: null, expires: null }, '2026-01-01')).toBe('in-force');
    expect(policyStatus({ draft: false, issued: null, effective: null, expires: null }, '2026-01-01')).toBe('unknown');
  });

  it('takes the build day from ATLAS_TODAY when set', () => {
    expect(buildDay({ ATLAS_TODAY: '2030-01-02' })).toBe('2030-01-02');
    expect(buildDay({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
