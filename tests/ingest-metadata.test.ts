import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineRules } from '../scripts/ingest/boilerplate';
import { decode } from '../scripts/ingest/decode';
import { addYearsMinusOneDay, crossCheck, findTitle, labelledBlock, statesDates, trailerMetadata } from '../scripts/ingest/metadata';
import { parseSidecar } from '../scripts/ingest/sidecar';
import { realInput, sidecarText, utf8 } from './fixtures/ingest-helpers';

describe('sidecar', () => {
  it('parses and validates every real sidecar', () => {
    for (const s of realInput().sidecars) {
      const { sidecar, messages } = parseSidecar(s.path, s.text, s.path.replace('.yaml', '.txt'));
      expect(messages).toEqual([]);
      expect(sidecar!.policy).toMatch(/^[a-z]/);
    }
  });

  it('suggests the field meant by a misspelt one', () => {
    const { messages } = parseSidecar('x.yaml', sidecarText({}, 'docNumbr: 长政办发〔2025〕3号\n'), 'x.txt');
    expect(messages[0]).toMatchObject({ ruleId: 'sidecar-unknown-field', line: 8, column: 1 });
    expect((messages[0] as unknown as { hint: string }).hint).toContain('`docNumber`');
  });

  it('points an impossible date at its value', () => {
    const { messages } = parseSidecar('x.yaml', sidecarText({ effective: '2025-02-30' }), 'x.txt');
    expect(messages[0]).toMatchObject({ ruleId: 'sidecar-invalid-date', line: 8, column: 12, fatal: true });
    expect(messages[0]!.reason).toContain('2025-02-30');
  });

  it('reports a missing sidecar against the source file', () => {
    expect(parseSidecar('x.yaml', undefined, 'x.txt').messages[0]).toMatchObject({ ruleId: 'sidecar-missing', file: 'x.txt' });
  });
});

describe('what the text states', () => {
  it('computes the last day of a term: 3 years from 2025-03-01 end on 2028-02-29', () => {
    expect(addYearsMinusOneDay('2025-03-01', 3)).toBe('2028-02-29');
    expect(addYearsMinusOneDay('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYearsMinusOneDay('2025-01-01', 5)).toBe('2029-12-31');
  });

  it('reads 施行 and 有效期 from a sentence with PDF spaces, and the 印发 date', () => {
    const src = decode('t.txt', utf8('本文件自 2025 年 3 月 1 日起施行，有效期三年，由市局负责解释。\n2025年2月22日印发\n')).source!;
    const meta = trailerMetadata(src, lineRules(src).lines);
    expect(meta.facts.map((f) => [f.field, f.value])).toEqual([
      ['effective', '2025-03-01'],
      ['expires', '2028-02-29'],
      ['issued', '2025-02-22'],
    ]);
    expect(meta.lines).toHaveLength(2);
  });

  it('tells the end matter from a clause that mentions a date', () => {
    expect(statesDates('本文件自2025年3月1日起施行')).toBe(true);
    expect(statesDates('2025年2月22日印发')).toBe(true);
    expect(statesDates('对自2025年3月1日起新认定的企业给予奖励，自认定之日起计算')).toBe(false);
  });

  it('finds a title printed over three lines', () => {
    const src = decode('t.txt', utf8('\n杭州市加快中小企业“专精特新”发展\n行动计划\n（公开征求意见稿）\n为深入贯彻…\n')).source!;
    const lines = lineRules(src).lines;
    expect(findTitle(lines, '杭州市加快中小企业“专精特新”发展行动计划（公开征求意见稿）', 10)).toEqual({ from: 0, to: 3 });
  });

  it('names both places when the text and the sidecar disagree', () => {
    const src = decode('t.txt', utf8('x')).source!;
    const sidecar = parseSidecar('t.yaml', sidecarText({ issued: '2025-02-21' }), 't.txt');
    const messages = crossCheck(src, [{ field: 'issued', value: '2025-02-22', place: { line: 9, column: 1 }, quote: '2025年2月22日印发' }], sidecar.sidecar!, 't.yaml', sidecar.placeOf);
    expect(messages[0]).toMatchObject({ ruleId: 'metadata-conflict', file: 't.txt', line: 9, column: 1, fatal: true });
    expect(messages[0]!.reason).toContain('t.yaml:8:9');
  });

  it('warns when the text states what the sidecar leaves out', () => {
    const src = decode('t.txt', utf8('x')).source!;
    const sidecar = parseSidecar('t.yaml', sidecarText(), 't.txt');
    const messages = crossCheck(src, [{ field: 'docNumber', value: '测政发〔2025〕1号', place: { line: 2, column: 1 }, quote: '测政发〔2025〕1号' }], sidecar.sidecar!, 't.yaml', sidecar.placeOf);
    expect(messages[0]).toMatchObject({ ruleId: 'sidecar-missing-field', fatal: false });
  });
});

describe('the labelled block of a government page', () => {
  it('reads a plain-text block printed twice, values on the line after their label', () => {
    const file = join(import.meta.dirname, 'fixtures', 'wild', 'wenzhou-2023-opinions.official.txt');
    const source = decode(file, new Uint8Array(readFileSync(file))).source!;
    const block = labelledBlock(source, source.lines.length + 1);
    expect(block.facts.map((f) => [f.field, f.value])).toEqual([
      ['docNumber', '温政发〔2023〕8号'],
      ['publisher', '温州市人民政府办公室'],
      ['issued', '2023-02-11'],
    ]);
    // Both printings and the repeated 发布机构 value are metadata lines.
    expect(block.lines.has(1) && block.lines.has(5) && block.lines.has(8) && block.lines.has(16)).toBe(true);
  });

  it('leaves a lone site credit (来源：…) to the boilerplate rules', () => {
    const source = decode('x.txt', utf8('来源：某某网\n发布日期：2024-01-01\n一、正文。\n')).source!;
    expect(labelledBlock(source, 3).lines.size).toBe(0);
  });
});
