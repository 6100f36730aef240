// Property: whatever text comes in, ingest never throws, and every character of an accepted
// source lands in exactly one bucket (no character unaccounted, none counted twice).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../scripts/ingest/pipeline';
import { sidecarText, single } from './fixtures/ingest-helpers';

const pieces = [
  '一、', '二、', '三、', '十、', '（一）', '(二)', '（三）', '1.', '2．', '3.', '01 ', '02\u00a0', '第一条', '第二章',
  '支持企业发展', '给予50万元奖励', '100 万元', '。', '，', ',', '；', '：', ':', '、',
  '（责任单位：市经信局）', '(责任单位:各县(市、区)政府)', '〔责任部门：市局〕', '（', '）', '(', ')', '〔', '〕',
  '\n', '\n\n', '\r\n', '\r', ' ', '\u00a0', '\u3000', '\t', '\u200b',
  '关于测试的若干措施', '（征求意见稿）', '抄送：市委。', '2025年2月22日印发', '本文件自2025年3月1日起施行，有效期3年。',
  '[bookmark: _GoBack]', 'Copyright © 2022', '上一篇:解读', '信息来源:市局', '重磅!', '图片', '长沙市人民政府办公室文件', '测政办发〔2025〕3号',
];

const policyText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

describe('ingest on arbitrary policy-like text', () => {
  it('never throws and accounts for every character', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        const out = runIngest(single(text, sidecarText({ docNumber: '测政办发〔2025〕3号' })));
        for (const a of out.result.accounting) {
          const sum = a.clauseChars + a.headingChars + a.preambleChars + a.metadataChars + Object.values(a.boilerplateChars).reduce((x, y) => x + y, 0);
          expect(a.unaccounted, `unaccounted in ${JSON.stringify(text)}: ${out.messages.map((m) => m.reason).join('; ')}`).toBe(0);
          expect(sum).toBe(a.totalChars);
        }
        expect(out.messages.filter((m) => m.ruleId === 'double-counted' || m.ruleId === 'schema-invalid')).toEqual([]);
      }),
      { numRuns: 400, seed: 20250301 },
    );
  });
});

describe('ingest on arbitrary bytes', () => {
  it('never throws: bytes are refused with a message or decoded and fully accounted for', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const out = runIngest(single(bytes));
        for (const a of out.result.accounting) expect(a.unaccounted).toBe(0);
        if (out.result.accounting.length === 0) {
          expect(out.messages.some((m) => m.fatal === true && ['empty-source', 'binary-content', 'unknown-encoding'].includes(m.ruleId ?? ''))).toBe(true);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('never throws on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const out = runIngest(single(text));
        for (const a of out.result.accounting) expect(a.unaccounted).toBe(0);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
