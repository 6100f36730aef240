// Per city: every award extraction finds in the real source, checked by hand against the text
// (clause path#n, amount in 万元 or -, kind, tier or -, frequency).
import { describe, expect, it } from 'vitest';
import { extract } from '../scripts/ingest/extract';
import { clausesOf } from './extract-clauses';

const EXPECTED: Record<'changsha' | 'jiaxing' | 'shenzhen' | 'hangzhou', string[]> = {
  changsha: [
    '1#a1 50 fixed little-giant one-off',
    '2#a1 - unquantified - one-off', // 国际、国家和市级地方标准: three tiers, one promise
    '4#a1 30 cap - annual',
    '6#a1 - non-monetary little-giant unspecified', // 高层次人才举荐权
    '6#a2 100 fixed academician-workstation unspecified',
    '6#a3 60 fixed expert-workstation unspecified',
    '6#a4 100 fixed postdoc-station unspecified',
    '6#a5 60 fixed postdoc-base unspecified',
    '7#a1 - unquantified - unspecified',
    '8#a1 30 ratio - unspecified', // 30% of 数字化改造采购总额, cap 30万
    '8#a2 30 cap - unspecified', // the municipal top-up
    '10#a1 20 cap - unspecified',
  ],
  jiaxing: [
    '2.2.3#a1 200 fixed single-champion-demo unspecified',
    '2.2.3#a2 150 fixed single-champion-product unspecified',
    '2.2.3#a3 30 fixed single-champion-cultivation unspecified',
    '2.2.3#a4 150 fixed little-giant unspecified',
    '2.2.3#a5 100 fixed hidden-champion unspecified',
    '2.2.3#a6 10 fixed provincial-srdi unspecified',
    '2.2.4#a1 - non-monetary single-champion-demo unspecified',
    '2.2.4#a2 - non-monetary little-giant unspecified',
    '2.2.4#a3 - non-monetary little-giant unspecified',
    '2.2.4#a4 - non-monetary hidden-champion unspecified',
    '2.2.5#a1 200 fixed single-champion-demo one-off',
    '2.2.5#a2 150 fixed little-giant one-off',
    '2.3.8#a1 100 cap - unspecified',
    '2.3.8#a2 - matching - unspecified',
    '2.3.8#a3 150 fixed first-set-national unspecified',
    '2.3.8#a4 50 fixed first-set-provincial unspecified',
    '2.3.8#a5 20 fixed first-set-municipal unspecified',
    '2.5.13#a1 150 fixed green-design-demo-national unspecified',
    '2.5.13#a2 50 fixed green-design-demo-provincial unspecified',
    '2.5.13#a3 20 fixed green-design-demo-municipal unspecified',
    '2.6.14#a1 50 fixed - unspecified',
    '2.6.14#a2 30 fixed - unspecified',
    '2.6.14#a3 20 fixed - unspecified',
    '2.6.15#a1 - fee-reduction - unspecified',
    '2.6.15#a2 300 fixed quality-award-national unspecified',
    '2.6.15#a3 100 fixed quality-award-provincial unspecified',
    '2.6.15#a4 50 fixed quality-award-municipal unspecified',
    '2.6.16#a1 100 fixed standard-international unspecified',
    '2.6.16#a2 30 fixed standard-national unspecified',
    '2.6.16#a3 20 fixed standard-industry unspecified',
    '2.6.16#a4 20 fixed standard-group unspecified',
    '2.8.23#a1 60 fixed service-platform-national unspecified',
    '2.8.23#a2 30 fixed service-platform-provincial unspecified',
  ],
  shenzhen: [
    '1.1#a1 - unquantified provincial-srdi unspecified',
    '1.1#a2 - unquantified little-giant unspecified',
    '2.5#a1 - fee-reduction - unspecified', // 担保费率不高于…基准利率的二分之一
    '2.5#a2 - unquantified - unspecified',
    '2.6#a1 - unquantified - unspecified',
    '2.7#a1 - unquantified - unspecified',
    '3.8#a1 - non-monetary - unspecified',
    '3.8#a2 - unquantified - unspecified',
    '3.9#a1 - non-monetary - unspecified',
    '3.9#a2 - non-monetary - unspecified',
    '3.9#a3 30 cap - unspecified',
    '3.10#a1 - unquantified - unspecified',
    '3.12#a1 - fee-reduction - unspecified',
    '3.13#a1 - unquantified - unspecified',
    '4.14#a1 2 cap - per-person-per-time',
    '4.16#a1 - unquantified - unspecified',
    '4.17#a1 - unquantified - unspecified',
    '5.18#a1 - unquantified - unspecified',
    '5.19#a1 - unquantified - unspecified',
    '5.20#a1 - unquantified - unspecified',
    '5.20#a2 - unquantified - unspecified',
    '5.21#a1 - unquantified - unspecified',
    '6.22#a1 - unquantified - unspecified',
    '6.23#a1 - unquantified - unspecified',
    '7.24#a1 - unquantified - unspecified',
    '7.27#a1 - unquantified - unspecified',
  ],
  hangzhou: [
    '2.1.2#a1 100 fixed little-giant one-off',
    '2.1.2#a2 20 fixed provincial-srdi one-off',
    '2.2.4#a1 3000 ratio - unspecified',
    '2.2.5#a1 200 fixed first-set-international unspecified',
    '2.2.5#a2 100 fixed first-set-national unspecified',
    '2.2.5#a3 50 fixed first-set-provincial unspecified',
    '2.2.5#a4 50 cap provincial-srdi unspecified', // the innovation-voucher ceiling
    '2.2.6#a1 - unquantified - unspecified',
    '2.2.6#a2 300 ratio - unspecified',
    '2.3.8#a1 500 cap chain-leader-factory one-off',
    '2.3.8#a2 200 cap smart-factory one-off',
    '2.3.8#a3 80 cap digital-workshop one-off',
    '2.4.10#a1 300 fixed provincial-srdi one-off',
    '2.4.11#a1 - ratio provincial-srdi unspecified',
    '2.4.12#a1 - non-monetary little-giant unspecified',
    '2.5.15#a1 - unquantified - unspecified',
    '2.5.16#a1 - unquantified - unspecified',
  ],
};

const line = (a: { id: string; amountYuan: number | null; kind: string; tier: string | null; frequency: string }) =>
  `${a.id.split('/')[1]} ${a.amountYuan === null ? '-' : a.amountYuan / 10_000} ${a.kind} ${a.tier ?? '-'} ${a.frequency}`;

function awardsOf(key: keyof typeof EXPECTED) {
  return clausesOf(key).flatMap((c) => extract(c).awards);
}

describe('awards per city, checked by hand against the sources', () => {
  it.each(Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>)('finds exactly the expected awards in %s', (key) => {
    expect(awardsOf(key).map(line)).toEqual(EXPECTED[key]);
  });

  it('pays a first-time national little giant 50万 (长沙), 150万 (嘉兴), 100万 one-off (杭州); Shenzhen delegates', () => {
    const littleGiant = (key: keyof typeof EXPECTED) => awardsOf(key).filter((a) => a.tier === 'little-giant' && a.kind !== 'non-monetary');
    expect(littleGiant('changsha').map((a) => [a.amountYuan, a.kind, a.frequency])).toEqual([[500_000, 'fixed', 'one-off']]);
    expect(littleGiant('jiaxing')[0]).toMatchObject({ amountYuan: 1_500_000, kind: 'fixed' });
    expect(littleGiant('hangzhou')[0]).toMatchObject({ amountYuan: 1_000_000, kind: 'fixed', frequency: 'one-off' });
    expect(littleGiant('shenzhen')).toEqual([
      expect.objectContaining({ kind: 'unquantified', amountYuan: null, reason: 'delegated-to-other-document', reference: '我市加快培育壮大市场主体的实施意见' }),
    ]);
  });

  it('pays 首台套 by reach: 嘉兴 150/50/20万, 杭州 200/100/50万 资助', () => {
    const firstSets = (key: keyof typeof EXPECTED) => awardsOf(key).filter((a) => a.tier?.startsWith('first-set-')).map((a) => [a.tier, a.amountYuan, a.form]);
    expect(firstSets('jiaxing')).toEqual([
      ['first-set-national', 1_500_000, '奖励'],
      ['first-set-provincial', 500_000, '奖励'],
      ['first-set-municipal', 200_000, '奖励'],
    ]);
    expect(firstSets('hangzhou')).toEqual([
      ['first-set-international', 2_000_000, '资助'],
      ['first-set-national', 1_000_000, '资助'],
      ['first-set-provincial', 500_000, '资助'],
    ]);
  });

  it('reads the same awards from both renditions of the Changsha policy', () => {
    const plain = (key: 'changsha' | 'changsha-reprint') =>
      clausesOf(key).flatMap((c) =>
        extract(c).awards.map((a) => ({ ...a, span: null, quote: a.quote.replace(/\s+/g, '').replace(/，/g, ',').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/：/g, ':').replace(/；/g, ';') })),
      );
    const official = plain('changsha');
    expect(official.length).toBeGreaterThan(0);
    expect(plain('changsha-reprint')).toEqual(official);
  });

  it('gives every award an id, a span inside the clause, and the text at that span as its quote', () => {
    for (const key of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
      for (const clause of clausesOf(key)) {
        extract(clause).awards.forEach((a, i) => {
          expect(a.id).toBe(`${clause.id}#a${i + 1}`);
          expect(a.span.end).toBeLessThanOrEqual(clause.text.length);
          expect(a.quote).toBe(clause.text.slice(a.span.start, a.span.end));
        });
      }
    }
  });
});
