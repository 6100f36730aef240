// Bad input gets a clear diagnostic with its rule id at the right line and column, never a
// crash and never a silently wrong record. Table-driven: each case names the rule and place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runIngest, type IngestInput } from '../scripts/ingest/pipeline';
import { describeMessages, sidecarText, single, utf16, utf8 } from './fixtures/ingest-helpers';

const POLICY = '关于测试的若干措施\n一、支持企业发展。给予50万元奖励。（责任单位：市经信局）\n二、加强服务保障。提供精准服务。\n';

interface Case {
  name: string;
  input: () => IngestInput;
  ruleId: string;
  file?: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  /** Further checks on the output, e.g. that a decoded file still yields its clauses. */
  also?: (out: ReturnType<typeof runIngest>) => void;
}

const clauseCount = (n: number) => (out: ReturnType<typeof runIngest>) => expect(out.result.clauses).toHaveLength(n);

const cases: Case[] = [
  { name: 'an empty file', input: () => single(''), ruleId: 'empty-source', line: 1, column: 1, severity: 'error' },
  { name: 'a file of only whitespace, NBSP and ideographic spaces', input: () => single('  \n\u00a0\u3000\n\t\n'), ruleId: 'empty-source', line: 1, column: 1, severity: 'error' },
  { name: 'NUL bytes in a UTF-8 file', input: () => single('一、文本。\n二、ab\u0000c。\n'), ruleId: 'binary-content', line: 2, column: 5, severity: 'error' },
  {
    name: 'UTF-16 LE with a BOM (decoded, with a notice)',
    input: () => single(utf16(POLICY, 'le', true)),
    ruleId: 'encoding-utf16',
    line: 1,
    column: 1,
    severity: 'warning',
    also: clauseCount(2),
  },
  {
    name: 'UTF-16 BE without a BOM (decoded, with a notice)',
    input: () => single(utf16(POLICY, 'be', false)),
    ruleId: 'encoding-utf16',
    line: 1,
    column: 1,
    severity: 'warning',
    also: clauseCount(2),
  },
  {
    name: 'GB18030 (decoded, with a notice)',
    input: () => single(new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'ingest', 'gb18030-policy.txt')))),
    ruleId: 'encoding-gb18030',
    line: 1,
    column: 1,
    severity: 'warning',
    also: (out) => {
      expect(out.result.clauses.map((c) => c.title)).toEqual(['支持企业发展', '加强服务保障']);
      expect(out.result.clauses[0]!.departmentsText).toBe('（责任单位：市经信局）');
    },
  },
  {
    name: 'bytes in no known encoding',
    input: () => single(new Uint8Array([0xe4, 0xb8, 0x80, 0x0a, 0xff, 0x80, 0xff, 0x80, 0xff])),
    ruleId: 'unknown-encoding',
    line: 2,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a UTF-8 BOM (removed and counted as boilerplate)',
    input: () => single(`\ufeff${POLICY}`),
    ruleId: 'bom',
    line: 1,
    column: 1,
    severity: 'info',
    also: (out) => {
      expect(out.result.accounting[0]!.boilerplateChars.bom).toBe(1);
      expect(out.result.accounting[0]!.unaccounted).toBe(0);
      expect(out.result.clauses).toHaveLength(2);
    },
  },
  {
    name: 'CRLF line endings (each CR counted as boilerplate)',
    input: () => single(POLICY.replace(/\n/g, '\r\n')),
    ruleId: 'crlf',
    line: 1,
    column: 10,
    severity: 'info',
    also: (out) => {
      expect(out.result.accounting[0]!.boilerplateChars.crlf).toBe(3);
      expect(out.result.accounting[0]!.unaccounted).toBe(0);
      expect(out.result.clauses[1]!.text).toBe('加强服务保障。提供精准服务。');
    },
  },
  {
    name: 'mixed numbering styles at one level (一、二、3.)',
    input: () => single('一、甲措施。内容。\n二、乙措施。内容。\n3.丙措施。内容。\n'),
    ruleId: 'mixed-numbering',
    line: 3,
    column: 1,
    severity: 'warning',
    also: (out) => expect(out.result.clauses.map((c) => c.path)).toEqual(['1', '2', '3']),
  },
  {
    name: 'mixed bracket widths among siblings (（一） then (二))',
    input: () => single('一、总则\n（一）甲措施。内容。\n(二)乙措施。内容。\n'),
    ruleId: 'mixed-numbering',
    line: 3,
    column: 1,
    severity: 'warning',
  },
  {
    name: 'a skipped number (一、二、四、)',
    input: () => single('一、甲措施。内容。\n二、乙措施。内容。\n四、丁措施。内容。\n'),
    ruleId: 'skipped-number',
    line: 3,
    column: 1,
    severity: 'warning',
    also: (out) => expect(out.result.clauses.map((c) => c.number)).toEqual(['一、', '二、', '四、']),
  },
  {
    name: 'a duplicated number',
    input: () => single('一、甲措施。内容。\n二、乙措施。内容。\n二、丙措施。内容。\n'),
    ruleId: 'duplicate-number',
    line: 3,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a number out of order',
    input: () => single('一、甲措施。内容。\n三、丙措施。内容。\n二、乙措施。内容。\n'),
    ruleId: 'number-out-of-order',
    line: 3,
    column: 1,
    severity: 'warning',
  },
  {
    name: 'a numbered unit with no text',
    input: () => single('一、甲措施。内容。\n二、\n三、丙措施。内容。\n'),
    ruleId: 'empty-clause',
    line: 2,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a text with no numbered clause at all',
    input: () => single('这是一段没有编号的文字。\n第二段文字。\n'),
    ruleId: 'no-clauses',
    line: 1,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a missing sidecar',
    input: () => single(POLICY, null),
    ruleId: 'sidecar-missing',
    file: 'test.txt',
    line: 1,
    column: 1,
    severity: 'error',
  },
  {
    name: 'invalid YAML in the sidecar',
    input: () => single(POLICY, 'policy: test-policy\ncity: { zh: 测试, slug: ceshi\ntitle: x\n'),
    ruleId: 'invalid-yaml',
    file: 'test.yaml',
    line: 3,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a duplicated key in the sidecar',
    input: () => single(POLICY, `${sidecarText()}draft: true\n`),
    ruleId: 'invalid-yaml',
    file: 'test.yaml',
    line: 8,
    column: 1,
    severity: 'error',
  },
  {
    name: 'an unknown sidecar field',
    input: () => single(POLICY, sidecarText({}, 'issuedOn: 2025-02-22\n')),
    ruleId: 'sidecar-unknown-field',
    file: 'test.yaml',
    line: 8,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a missing required sidecar field',
    input: () => single(POLICY, sidecarText({ province: '' })),
    ruleId: 'sidecar-missing-field',
    file: 'test.yaml',
    line: 1,
    column: 1,
    severity: 'error',
  },
  {
    name: 'an impossible date in the sidecar (2025-02-30)',
    input: () => single(POLICY, sidecarText({ issued: '2025-02-30' })),
    ruleId: 'sidecar-invalid-date',
    file: 'test.yaml',
    line: 8,
    column: 9,
    severity: 'error',
  },
  {
    name: 'an impossible date in the text (2025年2月30日印发)',
    input: () => single(`${POLICY}2025年2月30日印发\n`),
    ruleId: 'impossible-date',
    line: 4,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a sidecar 文号 that differs from the text',
    input: () => single(`测试市人民政府办公室文件\n测政办发〔2025〕4号\n${POLICY}`, sidecarText({ docNumber: '测政办发〔2025〕3号' })),
    ruleId: 'metadata-conflict',
    line: 2,
    column: 1,
    severity: 'error',
    also: (out) => {
      const m = out.messages.find((x) => x.ruleId === 'metadata-conflict')!;
      // Both places are named: the text line (the message's place) and the YAML value.
      expect(m.reason).toContain('test.yaml:8:');
      expect(m.reason).toContain('测政办发〔2025〕4号');
    },
  },
  {
    name: 'a 施行 date that differs from the sidecar',
    input: () => single(`${POLICY}本措施自2025年3月1日起施行，有效期3年。\n`, sidecarText({ effective: '2025-04-01', expires: '2028-03-31' })),
    ruleId: 'metadata-conflict',
    line: 4,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a 征求意见稿 whose sidecar says it is not a draft',
    input: () => single(`关于测试的若干措施\n（征求意见稿）\n一、甲措施。内容。\n`),
    ruleId: 'metadata-conflict',
    line: 2,
    column: 1,
    severity: 'error',
  },
  {
    name: 'two renditions that disagree',
    input: () => ({
      sources: [
        { path: 'a.txt', bytes: utf8(POLICY) },
        { path: 'b.txt', bytes: utf8(POLICY.replace('提供精准服务', '提供优质服务')) },
      ],
      sidecars: [
        { path: 'a.yaml', text: sidecarText() },
        { path: 'b.yaml', text: sidecarText({ primary: 'false' }) },
      ],
    }),
    ruleId: 'rendition-mismatch',
    file: 'b.txt',
    line: 3,
    column: 12,
    severity: 'error',
    also: (out) => expect(out.messages.find((m) => m.ruleId === 'rendition-mismatch')!.reason).toContain('a.txt:3:12'),
  },
  {
    name: 'two renditions that both claim to be primary',
    input: () => ({
      sources: [
        { path: 'a.txt', bytes: utf8(POLICY) },
        { path: 'b.txt', bytes: utf8(POLICY) },
      ],
      sidecars: [
        { path: 'a.yaml', text: sidecarText() },
        { path: 'b.yaml', text: sidecarText({ primary: 'true' }) },
      ],
    }),
    ruleId: 'primary-count',
    file: 'b.yaml',
    line: 8,
    column: 10,
    severity: 'error',
  },
  {
    name: 'unnumbered text after a department bracket, followed by another clause',
    input: () => single('一、甲措施。内容。（责任单位：市经信局）\n补充说明。\n二、乙措施。内容。\n'),
    ruleId: 'text-after-departments',
    line: 2,
    column: 1,
    severity: 'warning',
    also: (out) => expect(out.result.clauses[0]!.text).toBe('甲措施。内容。\n补充说明。'),
  },
  // Identity: a slug names one city, a policy one city; names follow one pattern.
  {
    name: 'two sidecars with different cities but the same city slug',
    input: () => ({
      sources: [
        { path: 'a.txt', bytes: utf8(POLICY) },
        { path: 'b.txt', bytes: utf8(POLICY) },
      ],
      sidecars: [
        { path: 'a.yaml', text: sidecarText({ policy: 'policy-a', city: '{ zh: 长沙, slug: wuhan }' }) },
        { path: 'b.yaml', text: sidecarText({ policy: 'policy-b', city: '{ zh: 武汉, slug: wuhan }' }) },
      ],
    }),
    ruleId: 'city-identity',
    file: 'b.yaml',
    line: 4,
    column: 13,
    severity: 'error',
    also: (out) => expect(out.messages.find((m) => m.ruleId === 'city-identity')!.reason).toContain('a.yaml:4:13'),
  },
  {
    name: 'one city under two slugs',
    input: () => ({
      sources: [
        { path: 'a.txt', bytes: utf8(POLICY) },
        { path: 'b.txt', bytes: utf8(POLICY) },
      ],
      sidecars: [
        { path: 'a.yaml', text: sidecarText({ policy: 'policy-a', city: '{ zh: 武汉, slug: wuhan }' }) },
        { path: 'b.yaml', text: sidecarText({ policy: 'policy-b', city: '{ zh: 武汉, slug: wu-han }' }) },
      ],
    }),
    ruleId: 'city-identity',
    file: 'b.yaml',
    line: 4,
    column: 23,
    severity: 'error',
  },
  {
    name: 'one policy id with two cities',
    input: () => ({
      sources: [
        { path: 'a.txt', bytes: utf8(POLICY) },
        { path: 'b.txt', bytes: utf8(POLICY) },
      ],
      sidecars: [
        { path: 'a.yaml', text: sidecarText() },
        { path: 'b.yaml', text: sidecarText({ primary: 'false', city: '{ zh: 武汉, slug: wuhan }' }) },
      ],
    }),
    ruleId: 'rendition-metadata-mismatch',
    file: 'b.yaml',
    line: 4,
    column: 7,
    severity: 'error',
  },
  {
    name: 'a 251-character policy id',
    input: () => single(POLICY, sidecarText({ policy: 'p'.repeat(251) })),
    ruleId: 'sidecar-invalid',
    file: 'test.yaml',
    line: 1,
    column: 9,
    severity: 'error',
    also: (out) => expect((out.messages.find((m) => m.ruleId === 'sidecar-invalid') as unknown as { hint: string }).hint).toContain('at most 64 characters'),
  },
  { name: 'a policy id `..`', input: () => single(POLICY, sidecarText({ policy: "'..'" })), ruleId: 'sidecar-invalid', file: 'test.yaml', line: 1, column: 9, severity: 'error' },
  ...['%41.txt', '..txt', '.txt', 'a#b.txt', 'a?b.txt', "a'b.txt", 'a b.txt', `${'a'.repeat(130)}.txt`].map(
    (path): Case => ({
      name: `a source named \`${path.length > 20 ? `${path.slice(0, 8)}…` : path}\``,
      input: () => ({ sources: [{ path, bytes: utf8(POLICY) }], sidecars: [{ path: path.replace(/\.txt$/, '.yaml'), text: sidecarText() }] }),
      ruleId: 'file-name',
      file: path,
      line: 1,
      column: 1,
      severity: 'error',
      also: (out) => expect(out.result.clauses).toEqual([]),
    }),
  ),
  {
    name: 'an upper-case extension (x.TXT)',
    input: () => ({ sources: [{ path: 'x.TXT', bytes: utf8(POLICY) }], sidecars: [{ path: 'x.yaml', text: sidecarText() }] }),
    ruleId: 'file-name',
    file: 'x.TXT',
    line: 1,
    column: 1,
    severity: 'error',
    also: (out) => expect((out.messages.find((m) => m.ruleId === 'file-name') as unknown as { hint: string }).hint).toContain('rename it to `x.txt`'),
  },
  {
    name: 'both test.yaml and test.yml',
    input: () => ({ ...single(POLICY), sidecars: [{ path: 'test.yaml', text: sidecarText() }, { path: 'test.yml', text: sidecarText({ title: '另一个标题' }) }] }),
    ruleId: 'sidecar-twins',
    file: 'test.yml',
    line: 1,
    column: 1,
    severity: 'error',
  },
  // Encodings.
  {
    name: 'a GB18030 text with one clause pasted in UTF-8',
    input: () => single(concat(readFixture('gb18030-policy.txt'), utf8('三、新增条款。给予10万元奖励。\n'))),
    ruleId: 'mixed-encoding',
    line: 4,
    column: 1,
    severity: 'error',
    also: (out) => expect(out.result.clauses).toEqual([]),
  },
  {
    name: 'a UTF-8 text with one line pasted in GB18030',
    input: () => single(concat(utf8(POLICY), readFixture('gb18030-policy.txt').subarray(0, 20))),
    ruleId: 'mixed-encoding',
    line: 4,
    column: 1,
    severity: 'error',
  },
  {
    name: 'a sidecar saved in GB18030 (read correctly, with a notice)',
    input: () => ({ ...single(POLICY), sidecars: [{ path: 'test.yaml', bytes: readFixture('gb18030-sidecar.yaml') }] }),
    ruleId: 'encoding-gb18030',
    file: 'test.yaml',
    line: 1,
    column: 1,
    severity: 'warning',
    also: (out) => expect(out.result.policies.map((p) => [p.city.zh, p.province, p.title])).toEqual([['测试', '测试省', '关于测试的若干措施']]),
  },
  {
    name: 'a sidecar saved in UTF-16 (read correctly, with a notice)',
    input: () => ({ ...single(POLICY), sidecars: [{ path: 'test.yaml', bytes: utf16(sidecarText(), 'le', true) }] }),
    ruleId: 'encoding-utf16',
    file: 'test.yaml',
    line: 1,
    column: 1,
    severity: 'warning',
    also: (out) => expect(out.result.policies[0]!.city.zh).toBe('测试'),
  },
  {
    name: 'a control character in a sidecar value',
    input: () => single(POLICY, sidecarText({ publisher: '"测试市\\u0007人民政府"' })),
    ruleId: 'sidecar-control-char',
    file: 'test.yaml',
    line: 3,
    column: 12,
    severity: 'error',
  },
  {
    name: 'a YAML alias bomb in a sidecar',
    input: () =>
      single(POLICY, `${sidecarText()}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`),
    ruleId: 'yaml-alias',
    file: 'test.yaml',
    line: 9,
    column: 8,
    severity: 'error',
  },
  {
    name: 'a sidecar `url` that is not a web address (javascript:)',
    input: () => single(POLICY, sidecarText({ url: "'javascript:alert(1)'" })),
    ruleId: 'sidecar-invalid',
    file: 'test.yaml',
    line: 8,
    column: 6,
    severity: 'error',
  },
  // Dates and amounts.
  {
    name: '`expires` before `issued`, without `effective`',
    input: () => single(POLICY, sidecarText({ issued: '2025-03-01', expires: '2024-12-31' })),
    ruleId: 'date-order',
    file: 'test.yaml',
    line: 9,
    column: 10,
    severity: 'error',
  },
  {
    name: '`effective` before `issued`',
    input: () => single(POLICY, sidecarText({ issued: '2025-03-01', effective: '2025-01-01' })),
    ruleId: 'date-order',
    file: 'test.yaml',
    line: 9,
    column: 12,
    severity: 'warning',
  },
  {
    name: '`year` contradicting `issued`',
    input: () => single(POLICY, sidecarText({ issued: '2025-03-01', year: '2023' })),
    ruleId: 'year-conflict',
    file: 'test.yaml',
    line: 9,
    column: 7,
    severity: 'error',
  },
  {
    name: 'a negative amount (-50万元)',
    input: () => single('一、支持企业发展。给予-50万元奖励。\n'),
    ruleId: 'amount-negative',
    line: 1,
    column: 12,
    severity: 'error',
  },
  {
    name: 'an amount in scientific notation (1e309万元)',
    input: () => single('一、支持企业发展。给予1e309万元奖励。\n'),
    ruleId: 'amount-notation',
    line: 1,
    column: 12,
    severity: 'error',
  },
  {
    name: 'an absurd amount (99999999亿元)',
    input: () => single('一、支持企业发展。给予99999999亿元奖励。\n'),
    ruleId: 'amount-absurd',
    line: 1,
    column: 12,
    severity: 'error',
  },
];

function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'ingest', name)));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

describe('bad input', () => {
  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('reports $name as [$ruleId] at $line:$column', (c) => {
    const out = runIngest(c.input());
    const hit = out.messages.find((m) => m.ruleId === c.ruleId);
    expect(hit, `no [${c.ruleId}] among:\n${describeMessages(out.messages)}`).toBeDefined();
    expect({ file: hit!.file, line: hit!.line, column: hit!.column }).toEqual({ file: c.file ?? 'test.txt', line: c.line, column: c.column });
    expect(hit!.fatal).toBe(c.severity === 'error' ? true : c.severity === 'warning' ? false : null);
    expect(hit!.source).toBe('ingest');
    expect((hit as unknown as { hint: string }).hint.length).toBeGreaterThan(5);
    c.also?.(out);
  });

  it('never writes records of a source whose bytes were refused', () => {
    const out = runIngest(single('一、文本。\u0000'));
    expect(out.result.clauses).toEqual([]);
    expect(out.result.accounting).toEqual([]);
  });
});

/** 1 → 一, 12 → 十二, 99 → 九十九 (enough for the generated numbering below). */
function cn(n: number): string {
  const digits = '一二三四五六七八九';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? digits[tens - 1] : ''}${tens > 0 ? '十' : ''}${ones ? digits[ones - 1] : ''}`;
}

/** A synthetic policy of about `bytes` UTF-8 bytes: 一、 > （一） > numbered clauses 1. 2. … */
function bigPolicy(bytes: number): string {
  const parts: string[] = ['关于测试的若干措施\n'];
  let size = 0;
  let clause = 0;
  for (let section = 1; size < bytes && section <= 99; section++) {
    parts.push(`${cn(section)}、第${section}部分\n`);
    for (let sub = 1; sub <= 20 && size < bytes; sub++) {
      parts.push(`（${cn(sub)}）第${sub}类措施\n`);
      for (let k = 0; k < 40 && size < bytes; k++) {
        clause++;
        const line = `${clause}.支持企业发展。对首次认定的专精特新“小巨人”企业，每家给予一次性50万元奖励，按照每家企业不高于数字化改造采购总额30%的比例给予补助。（责任单位：市工业和信息化局、市财政局）\n`;
        parts.push(line);
        size += line.length * 3;
      }
    }
  }
  return parts.join('');
}

/** CPU time of a call in ms, after a full garbage collection when the runtime allows one. */
function cpuMs(run: () => void): number {
  collectGarbage();
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

describe('input size', () => {
  it('handles 10 MB in time roughly linear in its size (under ~10x the time for 1 MB)', () => {
    const small = single(bigPolicy(1_000_000));
    const large = single(bigPolicy(10_000_000));
    runIngest(small); // warm up the JIT so the first measurement is not inflated
    const smallRuns = [cpuMs(() => runIngest(small)), cpuMs(() => runIngest(small))];
    let outLarge: ReturnType<typeof runIngest> | null = null;
    const largeMs = cpuMs(() => (outLarge = runIngest(large)));
    const smallMs = Math.min(...smallRuns);
    const out = outLarge as ReturnType<typeof runIngest> | null;
    expect(out!.result.accounting[0]!.unaccounted).toBe(0);
    expect(out!.result.clauses.length).toBeGreaterThan(30_000);
    expect(out!.messages.filter((m) => m.fatal !== null && m.fatal !== undefined)).toEqual([]);
    // Linear work gives ~10 and quadratic ~100; CPU time (not wall time) keeps other processes
    // on a shared machine out of the measurement, and the margin absorbs garbage collection.
    const ratio = largeMs / smallMs;
    expect(ratio, `1 MB: ${smallMs.toFixed(0)} ms CPU, 10 MB: ${largeMs.toFixed(0)} ms CPU`).toBeLessThan(14);
  }, 180_000);

  it('reads one 100,000-character line without punctuation quickly (no regex backtracking)', () => {
    const line = '专精特新中小企业高质量发展'.repeat(7_700).slice(0, 100_000);
    const start = performance.now();
    const out = runIngest(single(`${line}\n一、甲措施。内容。\n${line}\n`));
    const elapsed = performance.now() - start;
    expect(out.result.accounting[0]!.unaccounted).toBe(0);
    expect(out.result.clauses).toHaveLength(1);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('reads one 100,000-character line of digits, spaces and brackets quickly', () => {
    const line = '(1 2 3 （ 4 ） 〔'.repeat(7_000).slice(0, 100_000);
    const start = performance.now();
    const out = runIngest(single(`一、甲措施。${line}\n`));
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(out.result.accounting[0]!.unaccounted).toBe(0);
  });
});
