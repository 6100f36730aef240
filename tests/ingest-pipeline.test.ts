import { describe, expect, it } from 'vitest';
import { ClauseSchema, PolicySchema } from '../src/schema';
import { runIngest } from '../scripts/ingest/pipeline';
import { realInput, realOutput, sidecarText, single } from './fixtures/ingest-helpers';

describe('pipeline', () => {
  it('returns records that satisfy the schemas', () => {
    const { result } = realOutput();
    expect(result.policies.map((p) => p.id)).toEqual(['changsha-2025-measures', 'hangzhou-action-plan', 'jiaxing-2022-opinions', 'shenzhen-2022-measures']);
    for (const c of result.clauses) expect(ClauseSchema.safeParse(c).success).toBe(true);
    for (const p of result.policies) expect(PolicySchema.safeParse(p).success).toBe(true);
  });

  it('is deterministic: the same input gives the same output', () => {
    const a = runIngest(realInput());
    const b = runIngest(realInput());
    expect(JSON.stringify(b.result)).toBe(JSON.stringify(a.result));
    expect(b.messages.map((m) => m.reason)).toEqual(a.messages.map((m) => m.reason));
  });

  it('does not depend on the order sources and sidecars are given in', () => {
    const input = realInput();
    const reversed = { ...input, sources: [...input.sources].reverse(), sidecars: [...input.sidecars].reverse() };
    expect(JSON.stringify(runIngest(reversed).result)).toBe(JSON.stringify(realOutput().result));
  });

  it('fills policy records from the primary sidecar and the text', () => {
    const { result } = realOutput();
    const hangzhou = result.policies.find((p) => p.id === 'hangzhou-action-plan')!;
    expect(hangzhou).toMatchObject({ draft: true, issued: null, docNumber: null, year: null });
    expect(hangzhou.preamble.startsWith('为深入贯彻习近平总书记')).toBe(true);
    expect(hangzhou.sections.map((s) => s.path)).toEqual(['1', '2', '2.1', '2.2', '2.3', '2.4', '2.5', '3']);
    expect(hangzhou.clauseIds).toHaveLength(23);
    const jiaxing = result.policies.find((p) => p.id === 'jiaxing-2022-opinions')!;
    expect(jiaxing.preamble.startsWith('为深入贯彻中央')).toBe(true);
    expect(jiaxing.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('merges the extraction stage fields into every clause', () => {
    for (const c of realOutput().result.clauses) {
      expect(Array.isArray(c.awards)).toBe(true);
      expect(Array.isArray(c.departments)).toBe(true);
      expect(typeof c.primaryCategory).toBe('string');
    }
  });

  it('versions the data by every input: the same inputs give the same version, any changed byte another', () => {
    const a = runIngest(realInput()).release;
    expect(a.dataVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(a.inputs.map((i) => i.kind)).toEqual([...a.inputs.map((i) => i.kind)].sort());
    const input = realInput();
    expect(runIngest({ ...input, sources: [...input.sources].reverse() }).release).toEqual(a);
    const curated = runIngest({ ...input, curation: [{ path: 'curation/categories.yaml', text: '[]\n' }] }).release;
    expect(curated.dataVersion).not.toBe(a.dataVersion);
    const changed = { ...input.sidecars[0]!, text: `${input.sidecars[0]!.text}# note\n` };
    expect(runIngest({ ...input, sidecars: [changed, ...input.sidecars.slice(1)] }).release.dataVersion).not.toBe(a.dataVersion);
  });

  it('warns about a sidecar without a source and a date after today', () => {
    const input = single('一、甲措施。内容。\n', sidecarText({ issued: '2030-01-01' }));
    input.sidecars.push({ path: 'orphan.yaml', text: sidecarText() });
    const rules = runIngest(input).messages.map((m) => m.ruleId);
    expect(rules).toContain('orphan-sidecar');
    expect(rules).toContain('date-in-future');
  });

  it('hands category overrides from curation to extraction and warns about unknown clause ids', () => {
    const curation = [
      {
        path: 'curation/categories.yaml',
        text: '- clause: changsha-2025-measures/3\n  primaryCategory: talent\n  reason: a test override with a reason\n- clause: changsha-2025-measures/99\n  primaryCategory: talent\n  reason: a clause that does not exist\n',
      },
    ];
    const out = runIngest({ ...realInput(), curation });
    expect(out.result.clauses.find((c) => c.id === 'changsha-2025-measures/3')!.primaryCategory).toBe('talent');
    const unknown = out.messages.find((m) => m.ruleId === 'curation-unknown-clause')!;
    expect(unknown).toMatchObject({ file: 'curation/categories.yaml', fatal: false, line: 4, column: 11 });
    expect(unknown.reason).toContain('changsha-2025-measures/99');
  });

  it('reports each override as applied, with the rules\' categories and the written record\'s, or as unapplied with its problem', () => {
    const curation = [
      {
        path: 'curation/categories.yaml',
        text: '- clause: changsha-2025-measures/3\n  primaryCategory: talent\n  reason: a test override with a reason\n- clause: changsha-2025-measures/99\n  primaryCategory: talent\n  reason: a clause that does not exist\n- clause: changsha-2025-measures/5\n  primaryCategory: nonsense\n  reason: not a category id\n',
      },
    ];
    const out = runIngest({ ...realInput(), curation });
    const clause = out.result.clauses.find((c) => c.id === 'changsha-2025-measures/3')!;
    expect(out.curation.file).toBe('curation/categories.yaml');
    expect(out.curation.applied).toHaveLength(1);
    expect(out.curation.applied[0]).toMatchObject({ clause: clause.id, result: { primaryCategory: 'talent', categories: clause.categories } });
    expect(out.curation.applied[0]!.rules.primaryCategory).toBe(realOutput().result.clauses.find((c) => c.id === clause.id)!.primaryCategory);
    expect(out.curation.unapplied.map((u) => [u.clause, u.ruleId])).toEqual([
      ['changsha-2025-measures/5', 'curation-invalid'],
      ['changsha-2025-measures/99', 'curation-unknown-clause'],
    ]);
  });
});

describe('the source text the site shows', () => {
  it('is each source read as lines the way the decoder splits them (CR LF, LF, no BOM, no phantom last line)', () => {
    const text = '\uFEFF关于测试的若干措施\r\n\r\n一、条款正文。给予支持。\n续行\n版权所有\n';
    const out = runIngest(single(text, sidecarText()));
    expect(out.sourceTexts).toEqual([{ file: 'test.txt', format: 'txt', lines: ['关于测试的若干措施', '', '一、条款正文。给予支持。', '续行', '版权所有'], origins: [] }]);
  });

  it('keeps a traditional text in its printed characters', () => {
    const text = '關於測試的若干措施\n一、對企業給予50萬元獎勵。\n二、對機構給予補助。\n';
    const out = runIngest(single(text, sidecarText({ title: '關於測試的若干措施' })));
    expect(out.sourceTexts[0]!.lines[1]).toBe('一、對企業給予50萬元獎勵。');
  });
});
