import { describe, expect, it } from 'vitest';
import { Ledger } from '../scripts/ingest/accounting';
import { decode } from '../scripts/ingest/decode';
import { realInput, realOutput, utf8 } from './fixtures/ingest-helpers';

describe('character accounting of the real sources', () => {
  const out = realOutput();
  const input = realInput();

  it('covers all five sources', () => {
    expect(out.result.accounting.map((a) => a.file)).toEqual(input.sources.map((s) => s.path));
  });

  it.each(realInput().sources.map((s) => s.path))('leaves 0 characters of %s unaccounted', (file) => {
    const a = out.result.accounting.find((x) => x.file === file)!;
    expect(a.unaccounted).toBe(0);
    const decoded = new TextDecoder().decode(input.sources.find((s) => s.path === file)!.bytes);
    expect(a.totalChars).toBe(Array.from(decoded).length);
    const sum = a.clauseChars + a.headingChars + a.preambleChars + a.metadataChars + Object.values(a.boilerplateChars).reduce((x, y) => x + y, 0);
    expect(sum).toBe(a.totalChars);
    expect(a.clauseChars).toBeGreaterThan(a.totalChars / 2);
  });

  it('lists removed pieces that are exactly the characters at their places', () => {
    for (const piece of out.removed) {
      const text = new TextDecoder().decode(input.sources.find((s) => s.path === piece.file)!.bytes);
      const lineStart = text.split('\n').slice(0, piece.line - 1).join('\n').length + (piece.line > 1 ? 1 : 0);
      const offset = lineStart + piece.column - 1;
      expect(text.slice(offset, offset + piece.text.length)).toBe(piece.text);
    }
  });

  it('counts the clause characters, brackets and cover page of the official Changsha text', () => {
    const a = out.result.accounting.find((x) => x.file === 'changsha-2025-measures.official.txt')!;
    expect(a.clauses).toBe(10);
    expect(a.headingChars).toBe(0);
    expect(Object.keys(a.boilerplateChars)).toEqual(['blank-line', 'cc-block', 'cover-page', 'print-block']);
    // Metadata = title, 文号, 施行 sentence, 印发 date and the ten department brackets.
    const brackets = out.result.clauses.filter((c) => c.policyId === 'changsha-2025-measures').reduce((n, c) => n + (c.departmentsText?.length ?? 0) + 1, 0);
    expect(a.metadataChars).toBeGreaterThan(brackets);
  });
});

describe('ledger', () => {
  const source = decode('t.txt', utf8('甲乙\n丙丁\n')).source!;

  it('reports characters no stage claimed, at their place', () => {
    const ledger = new Ledger(source);
    ledger.assign(0, 2, 'clause');
    const { accounting, messages } = ledger.finish(1);
    expect(accounting.unaccounted).toBe(2);
    expect(accounting.clauseChars).toBe(3); // 甲乙 and the line's LF
    expect(messages[0]).toMatchObject({ ruleId: 'unaccounted-characters', line: 2, column: 1, fatal: true });
  });

  it('reports a character claimed twice instead of counting it twice', () => {
    const ledger = new Ledger(source);
    ledger.assign(0, 5, 'clause');
    ledger.assign(4, 5, 'preamble');
    const { accounting, messages } = ledger.finish(1);
    expect(accounting.clauseChars + accounting.unaccounted + accounting.preambleChars).toBe(6);
    expect(messages[0]).toMatchObject({ ruleId: 'double-counted', line: 2, column: 2 });
  });
});
