import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, parseCategoryOverrides, unknownOverrideClauses } from '../scripts/ingest/classify';
import { clausesOf } from './extract-clauses';

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

  it('puts every clause under 保障措施 in governance', () => {
    for (const id of ['jiaxing-2022-opinions/3.1', 'jiaxing-2022-opinions/3.2', 'hangzhou-action-plan/3.1', 'hangzhou-action-plan/3.2', 'hangzhou-action-plan/3.3']) {
      expect(classify(clause(id)).primaryCategory, id).toBe('governance');
    }
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
