import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, parseCategoryOverrides, unknownOverrideClauses } from '../scripts/ingest/classify';
import { clausesOf } from './extract-clauses';
import { runIngest } from '../scripts/ingest/pipeline';
import type { Clause } from '../src/schema';
import { realInput, realOutput } from './fixtures/ingest-helpers';

const clause = (id: string) => {
  const [key] = id.split('-');
  const found = clausesOf(key as 'changsha' | 'jiaxing' | 'shenzhen' | 'hangzhou').find((c) => c.id === id);
  if (!found) throw new Error(`no clause \`${id}\``);
  return found;
};

describe('classification', () => {
  const cases: Array<[string, string]> = [
    ['changsha-2025-measures/1', 'cultivation'],
    ['changsha-2025-measures/5', 'finance'],
    ['changsha-2025-measures/6', 'talent'],
    ['changsha-2025-measures/8', 'digital'],
    ['jiaxing-2022-opinions/2.2.3', 'cultivation'],
    ['jiaxing-2022-opinions/2.6.16', 'quality'],
    ['shenzhen-2022-measures/1.1', 'fiscal'],
    ['shenzhen-2022-measures/3.13', 'ip'],
    ['shenzhen-2022-measures/8.29', 'space'],
    ['hangzhou-action-plan/2.4.11', 'finance'],
    ['hangzhou-action-plan/2.5.17', 'green'],
  ];
  it.each(cases)('puts %s under %s', (id, category) => {
    expect(classify(clause(id)).primaryCategory).toBe(category);
  });

  it('puts clauses under 保障措施 in governance unless their own title names another subject', () => {
    for (const id of ['jiaxing-2022-opinions/3.1', 'jiaxing-2022-opinions/3.2', 'hangzhou-action-plan/3.1', 'hangzhou-action-plan/3.3']) {
      expect(classify(clause(id)).primaryCategory, id).toBe('governance');
    }
    expect(classify(clause('hangzhou-action-plan/3.2')).primaryCategory).toBe('service'); // 完善服务体系
  });

  it('lets the title\'s head word decide between two title subjects (推动产业链关键技术攻关 is innovation)', () => {
    expect(classify(clause('jiaxing-2022-opinions/2.4.10')).primaryCategory).toBe('innovation');
    expect(classify(clause('hangzhou-action-plan/2.1.3')).primaryCategory).toBe('cultivation');
  });

  it('never files a clause under a category by a generic word alone (企业家培育 is not 梯度培育)', () => {
    const training = classify(clause('shenzhen-2022-measures/4.14'));
    expect(training.primaryCategory).toBe('talent');
    expect(training.categories).not.toContain('cultivation');
  });

  it('files a clause that pays for an SRDI recognition under 梯度培育与认定 too', () => {
    const plain = { id: 'x/1', title: '强化资金奖励', text: '强化资金奖励。对经认定的企业按规定予以奖励。', sectionPath: [] };
    expect(classify(plain).categories).not.toContain('cultivation');
    expect(classify({ ...plain, paysRecognition: true }).categories).toContain('cultivation');
    expect(classify({ ...clause('shenzhen-2022-measures/1.1'), paysRecognition: true }).categories).toEqual(expect.arrayContaining(['fiscal', 'cultivation']));
  });

  it('weighs title words above text words and keeps them as evidence', () => {
    const result = classify({ id: 'x/1', title: '强化人才服务', text: '强化人才服务。支持企业开展融资路演。', sectionPath: [] });
    expect(result.primaryCategory).toBe('talent');
    expect(result.categoryEvidence[0]).toEqual({ category: 'talent', words: ['人才'], by: 'rules' });
  });

  it('lets a curation override win and says so in the evidence', () => {
    const target = clause('changsha-2025-measures/4');
    const result = classify(target, [{ clause: target.id, primaryCategory: 'cultivation', categories: ['fiscal'], reason: 'funds projects of reserve firms' }]);
    expect(result.primaryCategory).toBe('cultivation');
    expect(result.categories).toEqual(['cultivation', 'fiscal']);
    expect(result.categoryEvidence.every((e) => e.by === 'curation')).toBe(true);
  });

  it('reads the curation file, and reports overrides for unknown clauses', () => {
    const { overrides, diagnostics } = parseCategoryOverrides(readFileSync(new URL('../content/curation/categories.yaml', import.meta.url), 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(overrides.length).toBeGreaterThan(0);
    const ids = ['changsha', 'jiaxing', 'shenzhen', 'hangzhou'].flatMap((k) => clausesOf(k as 'changsha').map((c) => c.id));
    expect(unknownOverrideClauses(overrides, ids)).toEqual([]);
    expect(unknownOverrideClauses([{ clause: 'changsha-2025-measures/99', primaryCategory: 'fiscal', reason: 'typo test' }], ids)).toEqual([
      expect.objectContaining({ ruleId: 'curation-unknown-clause', message: 'Override for unknown clause `changsha-2025-measures/99`' }),
    ]);
  });

  it('reports invalid curation entries instead of applying them', () => {
    const { overrides, diagnostics } = parseCategoryOverrides('- clause: a/1\n  primaryCategory: nonsense\n  reason: because\n');
    expect(overrides).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'curation-invalid' });
    expect(parseCategoryOverrides('a: [').diagnostics[0]).toMatchObject({ ruleId: 'curation-invalid' });
  });
});

describe('agreement with hand labels', () => {
  // tests/fixtures/classification/expected-categories.json: every clause of the four policies,
  // labelled by reading it. The rules alone and the site's data (rules + curation) are both measured.
  const expected = JSON.parse(readFileSync(new URL('./fixtures/classification/expected-categories.json', import.meta.url), 'utf8')) as {
    primary: Record<string, string>;
    also: Record<string, string[]>;
    not: Record<string, string[]>;
  };
  const curation = [{ path: 'content/curation/categories.yaml', text: readFileSync(new URL('../content/curation/categories.yaml', import.meta.url), 'utf8') }];
  const rules = realOutput().result.clauses;
  const site = runIngest({ ...realInput(), curation }).result.clauses;
  const agreement = (clauses: readonly Clause[]) => {
    const misses = clauses.filter((c) => expected.primary[c.id] !== c.primaryCategory).map((c) => `${c.id}: ${c.primaryCategory} ≠ ${expected.primary[c.id]}`);
    return { share: (clauses.length - misses.length) / clauses.length, misses };
  };

  it('has a label for every clause', () => {
    expect(Object.keys(expected.primary).sort()).toEqual(rules.map((c) => c.id).sort());
  });

  it('agrees with the hand labels on at least 90% of primary categories, by the rules alone and with curation', () => {
    const byRules = agreement(rules);
    const bySite = agreement(site);
    console.info(`classification agreement: rules ${(byRules.share * 100).toFixed(1)}% (${byRules.misses.length} differ: ${byRules.misses.join('; ') || 'none'}); with curation ${(bySite.share * 100).toFixed(1)}%`);
    expect(byRules.share).toBeGreaterThanOrEqual(0.9);
    expect(bySite.share).toBeGreaterThanOrEqual(0.9);
  });

  it('files each clause also under the categories its subject needs, and never under one a passing word suggests', () => {
    for (const c of site) {
      for (const category of expected.also[c.id] ?? []) expect(c.categories, `${c.id} also ${category}`).toContain(category);
      for (const category of expected.not[c.id] ?? []) expect(c.categories, `${c.id} not ${category}`).not.toContain(category);
    }
  });
});
