import { describe, expect, it } from 'vitest';
import { frontRules, lineRules, trailerRules, type ContentLine } from '../scripts/ingest/boilerplate';
import { decode, type DecodedSource } from '../scripts/ingest/decode';
import { runIngest } from '../scripts/ingest/pipeline';
import { realOutput, sidecarText, single, utf8 } from './fixtures/ingest-helpers';

function source(text: string): DecodedSource {
  return decode('t.txt', utf8(text)).source!;
}

describe('line rules', () => {
  it('removes blank and NBSP-only lines, residue, footers and credits, and keeps the rest', () => {
    const src = source('标题\n\u00a0\n\n[bookmark: _GoBack]15.助力企业。 \n信息来源:深圳市工业和信息化局\nCopyright © 2022 某公司 版权所有\n上一篇:解读\n');
    const { removals, lines } = lineRules(src);
    expect(lines.map((l) => l.run.text)).toEqual(['标题', '15.助力企业。']);
    const byRule = (rule: string) => removals.filter((r) => r.rule === rule).map((r) => src.text.slice(r.start, r.end));
    expect(byRule('blank-line')).toEqual(['\u00a0', '']);
    expect(byRule('word-residue')).toEqual(['[bookmark: _GoBack]']);
    expect(byRule('edge-whitespace')).toEqual([' ']);
    expect(byRule('source-credit')).toEqual(['信息来源:深圳市工业和信息化局']);
    expect(byRule('site-footer')).toEqual(['Copyright © 2022 某公司 版权所有']);
    expect(byRule('prev-next-nav')).toEqual(['上一篇:解读']);
  });

  it('cuts invisible characters out of a line without splitting its text', () => {
    const src = source('一、甲\u200b乙。\n');
    const { removals, lines } = lineRules(src);
    expect(lines[0]!.run.text).toBe('一、甲乙。');
    expect(removals.map((r) => r.rule)).toEqual(['invisible-char']);
  });
});

describe('front rules', () => {
  const linesOf = (text: string): ContentLine[] => lineRules(source(text)).lines;

  it('treats everything before the title of an official notice as its cover page', () => {
    const lines = linesOf('CSCR—2025—01001\n长沙市人民政府办公室文件\n各区县（市）人民政府：\n（此件主动公开）\n');
    const removals = frontRules(lines, true, new Set());
    expect(removals.map((r) => r.rule)).toEqual(['cover-page', 'cover-page', 'cover-page', 'cover-page']);
  });

  it('names web navigation and a headline before the title', () => {
    const lines = linesOf('方圆盛世服务项目\n图片\n重磅!深圳拟出台32项措施\n');
    expect(frontRules(lines, true, new Set()).map((r) => r.rule)).toEqual(['site-nav', 'site-nav', 'site-headline']);
  });

  it('leaves lines the caller claimed (the 文号) alone', () => {
    const lines = linesOf('长沙市人民政府办公室文件\n长政办发〔2025〕3号\n');
    expect(frontRules(lines, true, new Set([lines[1]!])).map((r) => r.line)).toEqual([1]);
  });
});

describe('trailer rules', () => {
  it('splits the 抄送 block, the printing office and commentary', () => {
    const lines = lineRules(source('这是评论。\n抄送：市委有关部门。\n市人民检察院。\n长沙市人民政府办公室\n2025年2月22日印发\n')).lines;
    const kept = new Set([lines[4]!]);
    expect(trailerRules(lines, kept).map((r) => r.rule)).toEqual(['commentary', 'cc-block', 'cc-block', 'print-block']);
  });
});

describe('boilerplate in the real sources', () => {
  const removed = realOutput().removed;
  const at = (file: string, rule: string) => removed.filter((p) => p.file === file && p.rule === rule);

  it('removes the Shenzhen commentary after the last measure (lines 199–205)', () => {
    expect(at('shenzhen-2022-measures.consultancy.txt', 'commentary').map((p) => p.line)).toEqual([199, 201, 205]);
  });

  it('removes only the residue from Hangzhou line 32', () => {
    expect(at('hangzhou-action-plan.draft.txt', 'word-residue')).toEqual([
      { file: 'hangzhou-action-plan.draft.txt', rule: 'word-residue', line: 32, column: 1, text: '[bookmark: _GoBack]' },
    ]);
  });

  it('removes the Jiaxing footer and the Changsha cover page, 抄送 block and printing office', () => {
    expect(at('jiaxing-2022-opinions.consultancy.txt', 'site-footer').map((p) => p.line)).toEqual([39]);
    expect(at('changsha-2025-measures.official.txt', 'cover-page').map((p) => p.line)).toEqual([3, 5, 9, 11, 13, 18]);
    expect(at('changsha-2025-measures.official.txt', 'cc-block').map((p) => p.line)).toEqual([58, 60]);
    expect(at('changsha-2025-measures.official.txt', 'print-block').map((p) => p.line)).toEqual([64]);
  });

  it('removes the Shenzhen site header, headline, credit and 上一篇/下一篇 links', () => {
    const file = 'shenzhen-2022-measures.consultancy.txt';
    expect(at(file, 'site-nav').map((p) => p.line)).toEqual([1, 4, 7, 9, 12, 14]);
    expect(at(file, 'site-headline').map((p) => p.line)).toEqual([18]);
    expect(at(file, 'source-credit').map((p) => p.line)).toEqual([22]);
    expect(at(file, 'prev-next-nav').map((p) => p.text.slice(0, 3))).toEqual(['上一篇']);
  });

  it('removes nothing from the clean Changsha reprint', () => {
    expect(removed.filter((p) => p.file === 'changsha-2025-measures.reprint.txt')).toEqual([]);
  });
});

describe('PDF page numbers', () => {
  it('removes page-number lines with their rule and joins the sentence they cut', () => {
    const text = '关于测试的若干措施\n一、支持企业。对首次认定的企业，给予一次性奖励\n— 2 —\n10万元。\n二、支持融资。对企业贷款给予贴息，每家企业每年最高不超过50 万\n元。\n- 3 -\n';
    const out = runIngest(single(text, sidecarText()));
    expect(out.removed.filter((r) => r.rule === 'page-number').map((r) => r.text.trim())).toEqual(['— 2 —', '- 3 -']);
    expect(out.result.clauses.map((c) => c.text)).toEqual(['支持企业。对首次认定的企业，给予一次性奖励10万元。', '支持融资。对企业贷款给予贴息，每家企业每年最高不超过50 万元。']);
    expect(out.result.clauses.flatMap((c) => c.awards.map((a) => a.amountYuan))).toEqual([100_000, 500_000]);
  });
});
