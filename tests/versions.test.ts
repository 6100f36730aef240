import { describe, expect, it } from 'vitest';
import { runIngest } from '../scripts/ingest/pipeline';
import { buildAtlas } from '../src/lib/atlas';
import { clauseDiff, textDiff, versionChain } from '../src/lib/versions';
import { realInput, utf8 } from './fixtures/ingest-helpers';
import { ADOPTED_SIDECAR, ADOPTED_TEXT, adoptedCopy } from './fixtures/synthetic-versions';
import { award, clause, policy, TODAY } from './site-fixtures';

function syntheticPair(extra?: string) {
  const input = realInput();
  const { text, sidecar } = adoptedCopy(extra);
  return runIngest({
    ...input,
    sources: [...input.sources, { path: ADOPTED_TEXT, bytes: utf8(text) }],
    sidecars: [...input.sidecars, { path: ADOPTED_SIDECAR, text: sidecar }],
  });
}

describe('policy versions on a synthetic draft and adopted pair', () => {
  it('reads `adoptsDraft` from the sidecar and shows the draft first, then the adopted form', () => {
    const out = syntheticPair();
    expect(out.messages.filter((m) => m.fatal === true)).toEqual([]);
    const atlas = buildAtlas(out.result.policies, out.result.clauses, TODAY);
    for (const id of ['hangzhou-action-plan', 'hangzhou-action-plan-adopted']) {
      expect(versionChain(atlas, id).map((v) => [v.policy.id, v.relation])).toEqual([
        ['hangzhou-action-plan', null],
        ['hangzhou-action-plan-adopted', 'adopts-draft'],
      ]);
    }
    expect(versionChain(atlas, 'changsha-2025-measures').map((v) => v.policy.id)).toEqual(['changsha-2025-measures']);
  });

  it('finds the changed amount and the changed wording, and nothing else', () => {
    const out = syntheticPair();
    const of = (id: string) => out.result.clauses.filter((c) => c.policyId === id);
    const diff = clauseDiff(of('hangzhou-action-plan'), of('hangzhou-action-plan-adopted'));
    const changed = diff.filter((d) => d.change !== 'same');
    expect(changed.map((d) => d.after!.path)).toEqual(['2.1.2', '2.4.12']);
    expect(changed[0]!.amounts).toEqual([{ label: 'little-giant', before: { kind: 'fixed', amountYuan: 1000000, ratioPercent: null }, after: { kind: 'fixed', amountYuan: 1200000, ratioPercent: null } }]);
    expect(changed[0]!.wording!.filter((p) => p.op !== 'same')).toEqual([{ op: 'removed', text: '0' }, { op: 'added', text: '2' }]);
    expect(changed[1]!.amounts).toEqual([]);
    expect(changed[1]!.wording!.filter((p) => p.op !== 'same')).toEqual([{ op: 'removed', text: 'D' }, { op: 'added', text: 'C' }]);
  });

  it('refuses a version that names no policy of the atlas, at the sidecar field', () => {
    const out = syntheticPair('supersedes: no-such-policy\n');
    const m = out.messages.find((x) => x.ruleId === 'version-unknown-policy')!;
    expect(m.file).toBe(ADOPTED_SIDECAR);
    expect(m.line).toBeGreaterThan(1);
    expect(m.fatal).toBe(true);
  });

  it('refuses `adoptsDraft` naming a policy that is not a draft', () => {
    const out = syntheticPair('adoptsDraft: changsha-2025-measures\n');
    expect(out.messages.some((x) => x.ruleId === 'version-not-a-draft')).toBe(true);
  });
});

describe('clauseDiff', () => {
  const p = policy({ id: 'v1', city: { zh: '某市', slug: 'x' } });
  const q = policy({ id: 'v2', city: { zh: '某市', slug: 'x' } });
  it('pairs a renumbered clause by its heading, and lists added and removed clauses', () => {
    const before = [clause(p, '1', '支持创新。给予奖励。'), clause(p, '2', '强化人才。给予补助。'), clause(p, '3', '优化服务。')];
    const after = [
      clause(q, '1', '支持创新。给予奖励。'),
      clause(q, '2', '优化服务。'),
      clause(q, '3', '扩大开放。', {}, (id, t) => [award(id, 1, t, '扩大开放', { amountYuan: 100000 })]),
    ];
    const diff = clauseDiff(before, after);
    expect(diff.map((d) => [d.change, d.before?.path ?? null, d.after?.path ?? null])).toEqual([
      ['same', '1', '1'],
      ['same', '3', '2'],
      ['added', null, '3'],
      ['removed', '2', null],
    ]);
    expect(diff[2]!.amounts[0]!.after!.amountYuan).toBe(100000);
  });

  it('keeps a clause whose heading changed paired when most of its words stay', () => {
    const [d] = clauseDiff([clause(p, '1', '支持创新。对认定企业给予50万元奖励。')], [clause(q, '1', '鼓励创新。对认定企业给予80万元奖励。')]);
    expect([d!.change, d!.before?.path]).toEqual(['changed', '1']);
  });

  it('diffs wording character by character', () => {
    expect(textDiff('给予50万元奖励', '给予80万元一次性奖励')).toEqual([
      { op: 'same', text: '给予' },
      { op: 'removed', text: '5' },
      { op: 'added', text: '8' },
      { op: 'same', text: '0万元' },
      { op: 'added', text: '一次性' },
      { op: 'same', text: '奖励' },
    ]);
  });
});
