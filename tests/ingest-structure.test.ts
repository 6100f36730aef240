import { describe, expect, it } from 'vitest';
import { lineRules } from '../scripts/ingest/boilerplate';
import { decode } from '../scripts/ingest/decode';
import { matchMarker, toChineseNumeral } from '../scripts/ingest/numbering';
import { findDepartmentBracket } from '../scripts/ingest/department-bracket';
import { parseStructure } from '../scripts/ingest/structure';
import { utf8 } from './fixtures/ingest-helpers';

function structure(text: string) {
  const src = decode('t.txt', utf8(text)).source!;
  return parseStructure(src, lineRules(src).lines, { policyId: 'p', city: '测', citySlug: 'ce' });
}

describe('markers', () => {
  it.each([
    ['一、建立梯度培育体系。', 'cn-dun', 1, '一、'],
    ['十、优化企业服务。', 'cn-dun', 10, '十、'],
    ['（三十二）增强法治意识。', 'cn-paren', 32, '（三十二）'],
    ['(二)加大政策激励', 'cn-paren', 2, '(二)'],
    ['23.实施专项服务。', 'arabic-dot', 23, '23.'],
    ['4．提升企业创新能级。', 'arabic-dot', 4, '4．'],
    ['（1）甲', 'arabic-paren', 1, '（1）'],
    ['05\u00a0推动“数字化”转型', 'area', 5, '05'],
    ['01 加大财税支持力度', 'area', 1, '01'],
    ['第三条 本办法所称', 'article', 3, '第三条'],
  ])('reads %s as %s %i printed %s', (text, family, value, printed) => {
    expect(matchMarker(text)).toMatchObject({ family, value, printed });
  });

  it.each(['2025年，全市累计培育', '3.5亿元以上的企业', '一次性给予奖励', '20 项措施落实到位。', '（公开征求意见稿）'])('does not read %s as a marker', (text) => {
    expect(matchMarker(text)).toBeNull();
  });

  it('writes expected numbers in Chinese for messages', () => {
    expect([1, 10, 11, 20, 32, 105].map(toChineseNumeral)).toEqual(['一', '十', '十一', '二十', '三十二', '一百零五']);
  });
});

describe('department brackets', () => {
  it.each([
    ['给予奖励。（责任单位：市科技局）', '（责任单位：市科技局）'],
    ['给予贴息补助(责任单位:市国资委、市财政局)', '(责任单位:市国资委、市财政局)'],
    ['。(责任单位:市委组织部(市委人才办)、各县(市、区)政府)', '(责任单位:市委组织部(市委人才办)、各县(市、区)政府)'],
    ['。〔责任部门：市经信局，各区、县（市）政府〕 ', '〔责任部门：市经信局，各区、县（市）政府〕'],
    ['。（牵头单位：市经信局；配合单位：市财政局）', '（牵头单位：市经信局；配合单位：市财政局）'],
  ])('splits off the bracket of %s', (text, bracket) => {
    const found = findDepartmentBracket(text)!;
    expect(text.slice(found.start, found.end)).toBe(bracket);
  });

  it.each(['提高工业用地（不含工业地产）', '（责任单位：市科技局）。', '市科技局）', '(责任单位:甲〕'])('finds no department bracket at the end of %s', (text) => {
    expect(findDepartmentBracket(text)).toBeNull();
  });
});

describe('structure', () => {
  it('nests styles by first appearance and continues numbering across parents', () => {
    const out = structure('一、总则\n（一）甲\n1.子一。\n2.子二。\n（二）乙\n3.子三。\n二、附则\n（一）丙。\n');
    expect(out.messages).toEqual([]);
    expect(out.clauses.map((c) => c.clause.path)).toEqual(['1.1.1', '1.1.2', '1.2.3', '2.1']);
    expect(out.sections.map((s) => [s.path, s.marker, s.title, s.depth])).toEqual([
      ['1', '一、', '总则', 1],
      ['1.1', '（一）', '甲', 2],
      ['1.2', '（二）', '乙', 2],
      ['2', '二、', '附则', 1],
    ]);
    expect(out.clauses[2]!.clause.sectionPath).toEqual([
      { marker: '一、', title: '总则' },
      { marker: '（二）', title: '乙' },
    ]);
  });

  it('joins a clause cut mid-sentence across a blank line and attaches a bracket on its own line', () => {
    const out = structure('一、支持创新。鼓励企业牵头组建创新联合体，承担市级科\n\n技重大专项。\n\n（责任单位：市科技局）\n二、乙。\n');
    const first = out.clauses[0]!.clause;
    expect(first.text).toBe('支持创新。鼓励企业牵头组建创新联合体，承担市级科技重大专项。');
    expect(first.departmentsText).toBe('（责任单位：市科技局）');
    expect(first.source).toMatchObject({ lineStart: 1, lineEnd: 5 });
  });

  it('takes a heading line as the title and the next paragraph as the text', () => {
    const out = structure('一、工作目标\n以总体部署的方式，构建体系。\n二、主要工作\n(一)甲\n1.子。\n');
    expect(out.clauses[0]!.clause).toMatchObject({ title: '工作目标', text: '以总体部署的方式，构建体系。', path: '1' });
  });

  it('leaves the title empty when the first sentence is not a heading phrase', () => {
    const out = structure('1.对有效期内的企业，在评价中给予加分。\n');
    expect(out.clauses[0]!.clause.title).toBe('');
  });

  it('hands paragraphs after the last closed clause to the trailer', () => {
    const out = structure('一、甲。内容。（责任单位：市局）\n由上可知，这是评论。\n');
    expect(out.trailer.map((l) => l.run.text)).toEqual(['由上可知，这是评论。']);
  });

  it('does not take a number that breaks the sequence as a marker inside a cut sentence', () => {
    const out = structure('一、甲。研发费用按照比例给予补助，具体比例按附件\n2.所列标准执行。\n二、乙。\n');
    expect(out.clauses.map((c) => c.clause.path)).toEqual(['1', '2']);
    expect(out.clauses[0]!.clause.text).toBe('甲。研发费用按照比例给予补助，具体比例按附件2.所列标准执行。');
    expect(out.messages).toEqual([]);
  });
});

describe('chapters and articles', () => {
  it('nests 第X条 under 第X章 with article numbers continuing across chapters', () => {
    const out = structure('第一章 总则\n第一条 为了促进发展，制定本办法。\n第二条 本办法适用于本市。\n第二章 支持措施\n第三条 对企业给予奖励。\n');
    expect(out.messages).toEqual([]);
    expect(out.clauses.map((c) => [c.clause.path, c.clause.number])).toEqual([
      ['1.1', '第一条'],
      ['1.2', '第二条'],
      ['2.3', '第三条'],
    ]);
    expect(out.sections.map((s) => [s.marker, s.title])).toEqual([
      ['第一章', '总则'],
      ['第二章', '支持措施'],
    ]);
  });
});
