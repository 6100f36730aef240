import { describe, expect, it } from 'vitest';
import {
  canonical,
  concatRuns,
  endsMidSentence,
  endsSentence,
  Paragraph,
  parseChineseNumeral,
  parseForm,
  runOf,
  sliceRun,
  sourceOffset,
  trimRun,
} from '../scripts/ingest/normalise';

describe('parse form', () => {
  it('folds full-width brackets, colons, commas and digits to ASCII', () => {
    expect(parseForm('（责任单位：市科技局，市财政局）１２３％').text).toBe('(责任单位:市科技局,市财政局)123%');
  });

  it('removes spaces inside numbers and between numbers and units or words', () => {
    expect(parseForm('每家企业 100 万元、60 万元').text).toBe('每家企业100万元、60万元');
    expect(parseForm('本文件自 2025 年 3 月 1 日起施行').text).toBe('本文件自2025年3月1日起施行');
    expect(parseForm('采购总额 30% 的').text).toBe('采购总额30%的');
  });

  it('keeps spaces between Latin words and turns NBSP into a space', () => {
    expect(parseForm('APEC 中小企业').text).toBe('APEC 中小企业');
    expect(parseForm('05\u00a0推动').text).toBe('05推动');
    expect(parseForm('工业\u00a0APP').text).toBe('工业 APP');
  });

  it('maps every parse-form character back to its input offset', () => {
    const input = '给予 100 万元';
    const form = parseForm(input);
    expect(form.text).toBe('给予100万元');
    for (let i = 0; i < form.text.length; i++) {
      expect(input[form.toInput[i]!] === form.text[i] || input[form.toInput[i]!] === '　').toBe(true);
    }
    expect(form.toInput[form.text.length]).toBe(input.length);
  });

  it('gives both Changsha punctuation styles the same canonical form', () => {
    expect(canonical('对首次认定的企业，每家给予 50 万元奖励。（责任单位：市局）').text).toBe(
      canonical('对首次认定的企业,每家给予50万元奖励。(责任单位:市局)').text,
    );
  });
});

describe('sentence ends', () => {
  it.each([
    ['支持企业积极争创政府质量奖。', true],
    ['具体内容如下:', true],
    ['“揭榜挂帅”项目。”', true],
    ['承担市级科', false],
    ['（责任单位：市知识产权局）', false],
  ])('endsSentence(%s) is %s', (text, expected) => expect(endsSentence(text)).toBe(expected));

  it.each([
    ['积极支持符合要求的企业申报中央、', true],
    ['鼓励企业牵头组建创新联合体，承担市级科', true],
    ['行动计划', false],
    ['一、工作目标', false],
    ['支持企业积极争创政府质量奖。', false],
    ['（公开征求意见稿）', false],
  ])('endsMidSentence(%s) is %s', (text, expected) => expect(endsMidSentence(text)).toBe(expected));
});

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十二', 32],
    ['九十九', 99],
    ['一百零五', 105],
  ])('reads %s as %i', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it.each(['', '二三', '十十', '零', '一千', '甲'])('refuses %j', (text) => expect(parseChineseNumeral(text)).toBeNull());
});

describe('runs', () => {
  const source = '  甲乙\n丙丁  ';
  it('keep source offsets through concatenation, slicing and trimming', () => {
    const a = runOf(source, 0, 4);
    const b = runOf(source, 5, 9);
    const joined = trimRun(concatRuns([a, b]));
    expect(joined.text).toBe('甲乙丙丁');
    expect(sourceOffset(joined, 2)).toBe(5);
    expect(sliceRun(joined, 1, 3).segments).toEqual([
      { start: 3, end: 4 },
      { start: 5, end: 6 },
    ]);
  });

  it('build a paragraph from many lines in one pass', () => {
    const text = '甲'.repeat(50_000);
    const paragraph = new Paragraph();
    for (let i = 0; i < text.length; i += 10) paragraph.append(runOf(text, i, i + 10));
    expect(paragraph.tail(15).length).toBeGreaterThanOrEqual(15);
    expect(paragraph.run().text).toBe(text);
    expect(paragraph.run().segments).toEqual([{ start: 0, end: 50_000 }]);
  });
});
