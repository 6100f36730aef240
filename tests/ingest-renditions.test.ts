import { describe, expect, it } from 'vitest';
import { canonical } from '../scripts/ingest/normalise';
import { runIngest } from '../scripts/ingest/pipeline';
import { realInput, realOutput, utf8, type TextInput } from './fixtures/ingest-helpers';

const OFFICIAL = 'changsha-2025-measures.official.txt';
const REPRINT = 'changsha-2025-measures.reprint.txt';

/** The real Changsha pair only, with the reprint's text replaced when `edit` is given. */
function changsha(edit?: (text: string) => string): TextInput {
  const all = realInput();
  const sources = all.sources
    .filter((s) => s.path.startsWith('changsha'))
    .map((s) => (edit && s.path === REPRINT ? { ...s, bytes: utf8(edit(new TextDecoder().decode(s.bytes))) } : s));
  return { sources, sidecars: all.sidecars.filter((s) => s.path.startsWith('changsha')), today: all.today };
}

/** Each rendition ingested on its own, as if it were the only text of the policy. */
function alone(file: string) {
  const input = changsha();
  const source = input.sources.find((s) => s.path === file)!;
  const sidecar = input.sidecars.find((s) => s.path === file.replace('.txt', '.yaml'))!;
  return runIngest({ sources: [source], sidecars: [{ ...sidecar, text: sidecar.text.replace(/primary: false/, 'primary: true') }] }).result.clauses;
}

describe('Changsha renditions', () => {
  it('yield the same clauses, clause by clause, after normalisation', () => {
    const official = alone(OFFICIAL);
    const reprint = alone(REPRINT);
    expect(official).toHaveLength(10);
    expect(reprint.map((c) => c.path)).toEqual(official.map((c) => c.path));
    official.forEach((a, i) => {
      const b = reprint[i]!;
      expect(canonical(b.number).text).toBe(canonical(a.number).text);
      expect(b.title).toBe(a.title);
      expect(canonical(b.text).text).toBe(canonical(a.text).text);
      expect(canonical(b.departmentsText ?? '').text).toBe(canonical(a.departmentsText ?? '').text);
    });
  });

  it('form one policy with both sources, the official text primary and the reprint in alsoIn', () => {
    const out = realOutput();
    const policy = out.result.policies.find((p) => p.id === 'changsha-2025-measures')!;
    expect(policy.sources.map((s) => [s.file, s.primary])).toEqual([
      [OFFICIAL, true],
      [REPRINT, false],
    ]);
    const clauses = out.result.clauses.filter((c) => c.policyId === 'changsha-2025-measures');
    for (const [i, c] of clauses.entries()) {
      expect(c.source.file).toBe(OFFICIAL);
      expect(c.alsoIn).toEqual([{ file: REPRINT, lineStart: i + 3, lineEnd: i + 3 }]);
    }
    expect(out.messages.filter((m) => m.ruleId === 'rendition-mismatch')).toEqual([]);
  });

  it('report a modified copy as rendition-mismatch, naming both places', () => {
    const out = runIngest(changsha((t) => t.replace('每家给予一次性50万元奖励', '每家给予一次性60万元奖励')));
    const mismatches = out.messages.filter((m) => m.ruleId === 'rendition-mismatch');
    expect(mismatches).toHaveLength(1);
    const m = mismatches[0]!;
    // The reprint's line 3 and the official text's line 24 both show the amount.
    expect({ file: m.file, line: m.line }).toEqual({ file: REPRINT, line: 3 });
    expect(m.reason).toMatch(new RegExp(`${OFFICIAL.replace(/\./g, '\\.')}:24:\\d+`));
    expect(m.fatal).toBe(true);
    const column = m.column!;
    const reprintLine = new TextDecoder().decode(changsha().sources.find((s) => s.path === REPRINT)!.bytes).split('\n')[2]!;
    expect(reprintLine.slice(column - 1, column + 1)).toBe('50');
  });

  it('report a clause missing from one rendition', () => {
    const out = runIngest(changsha((t) => t.replace(/^十、.*\n/m, '')));
    expect(out.messages.some((m) => m.ruleId === 'rendition-mismatch' && m.reason.includes('十、'))).toBe(true);
  });

  it('report sidecars that disagree about the policy', () => {
    const input = changsha();
    input.sidecars = input.sidecars.map((s) => (s.path.includes('reprint') ? { ...s, text: s.text.replace('expires: 2028-02-29', 'expires: 2028-02-28') } : s));
    const m = runIngest(input).messages.find((x) => x.ruleId === 'rendition-metadata-mismatch')!;
    expect(m).toMatchObject({ file: 'changsha-2025-measures.reprint.yaml', line: 13, column: 10 });
    expect(m.reason).toContain('changsha-2025-measures.official.yaml:14:10');
  });
});
