import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, decodeSidecar, firstEncodingChange, firstInvalidUtf8, placeAt, plausibility, splitLines } from '../scripts/ingest/decode';
import { utf16, utf8 } from './fixtures/ingest-helpers';

describe('decode', () => {
  it('decodes plain UTF-8 and indexes its lines', () => {
    const { source, messages } = decode('a.txt', utf8('一、甲。\n二、乙。'));
    expect(messages).toEqual([]);
    expect(source!.encoding).toBe('utf-8');
    expect(source!.lines.map((l) => source!.text.slice(l.start, l.end))).toEqual(['一、甲。', '二、乙。']);
  });

  it('strips a UTF-8 BOM from the text but remembers it', () => {
    const { source, messages } = decode('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('一、甲。')]));
    expect(source!.text).toBe('一、甲。');
    expect(source!.bom).toBe(true);
    expect(messages.map((m) => m.ruleId)).toEqual(['bom']);
  });

  it('keeps CR characters in the text and marks CRLF lines', () => {
    const { source } = decode('a.txt', utf8('甲\r\n乙\r丙\n'));
    expect(source!.text).toBe('甲\r\n乙\r丙\n');
    expect(source!.lines.map((l) => [l.start, l.end, l.next, l.crlf])).toEqual([
      [0, 1, 3, true],
      [3, 4, 5, false],
      [5, 6, 7, false],
    ]);
  });

  it('detects UTF-16 LE without a BOM from its zero bytes', () => {
    const { source, messages } = decode('a.txt', utf16('Policy 一、甲。\n', 'le', false));
    expect(source!.encoding).toBe('utf-16le');
    expect(source!.text).toBe('Policy 一、甲。\n');
    expect(messages[0]!.ruleId).toBe('encoding-utf16');
  });

  it('detects Chinese-only UTF-16 BE without a BOM by plausibility', () => {
    const { source } = decode('a.txt', utf16('一、支持企业发展。给予奖励。', 'be', false));
    expect(source!.encoding).toBe('utf-16be');
    expect(source!.text).toBe('一、支持企业发展。给予奖励。');
  });

  it('refuses NUL bytes in UTF-8 at the line and column of the NUL', () => {
    const { source, messages } = decode('a.txt', utf8('甲乙\n丙\u0000'));
    expect(source).toBeNull();
    expect(messages[0]).toMatchObject({ ruleId: 'binary-content', line: 2, column: 2, fatal: true });
  });

  it('refuses an empty file and a whitespace-only file as empty-source', () => {
    expect(decode('a.txt', new Uint8Array()).messages[0]!.ruleId).toBe('empty-source');
    expect(decode('a.txt', utf8('\u3000 \n\u00a0\n')).messages[0]!.ruleId).toBe('empty-source');
  });

  it('finds the first invalid UTF-8 byte (truncated, overlong, surrogate)', () => {
    expect(firstInvalidUtf8(utf8('中文'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
  });

  it('scores Chinese text as plausible and mis-decoded bytes as not', () => {
    expect(plausibility('关于促进专精特新中小企业高质量发展的若干措施。')).toBeGreaterThan(0.95);
    expect(plausibility(new TextDecoder('utf-16le').decode(utf8('关于促进专精特新中小企业')))).toBeLessThan(0.5);
  });

  it('turns offsets into 1-based line and column', () => {
    const source = { lines: splitLines('ab\ncd\n\nef') };
    expect(placeAt(source, 0)).toEqual({ line: 1, column: 1 });
    expect(placeAt(source, 4)).toEqual({ line: 2, column: 2 });
    expect(placeAt(source, 7)).toEqual({ line: 4, column: 1 });
  });

  it('does not take a short GB18030 line that happens to be valid UTF-8 for pasted UTF-8', () => {
    // 一 in GB18030 is D2 BB, which UTF-8 reads as Cyrillic һ: valid, but not Chinese.
    const gb = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'ingest', 'gb18030-policy.txt')));
    const bytes = new Uint8Array([...gb, 0xd2, 0xbb, 0x0a, ...gb]);
    expect(firstEncodingChange(bytes)).toBeNull();
    expect(decode('a.txt', bytes).source?.encoding).toBe('gb18030');
  });

  it('names the line where the encoding changes and both encodings', () => {
    const gb = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'ingest', 'gb18030-policy.txt')));
    expect(firstEncodingChange(new Uint8Array([...utf8('第一行\n第二行\n'), ...gb]))).toEqual({ line: 3, from: 'UTF-8', to: 'GB18030' });
  });

  it('decodes sidecars with the same detector, refusing binary bytes', () => {
    expect(decodeSidecar('a.yaml', utf16('title: 标题\n', 'be', true)).text).toBe('title: 标题\n');
    expect(decodeSidecar('a.yaml', new Uint8Array()).text).toBe('');
    const binary = decodeSidecar('a.yaml', utf8('title: a\u0000b\n'));
    expect(binary.text).toBeNull();
    expect(binary.messages.map((m) => m.ruleId)).toEqual(['binary-content']);
  });
});

