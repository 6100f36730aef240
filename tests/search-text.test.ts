// The matching rules search promises (src/lib/search/text.ts): what the index holds and what a
// query asks for must agree character for character, whatever a word segmenter would say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allRanges,
  containsTerm,
  decodeMetaText,
  encodeMetaText,
  excerpt,
  indexTokens,
  looseKey,
  matchedFields,
  pagefindPhrase,
  parseQuery,
  searchableText,
  termRanges,
  toSimplified,
} from '../src/lib/search/text';

/** Does the indexed token stream contain the term's phrase as consecutive tokens? (What Pagefind's phrase search checks.) */
function phraseMatches(text: string, term: string): boolean {
  const phrase = pagefindPhrase({ text: term, exact: false });
  if (!phrase) return false;
  return ` ${indexTokens(text)} `.includes(` ${phrase.slice(1, -1)} `);
}

const alphabet = fc.constantFrom(...'专精特新小巨人首台套贴息（）()“”"、。，；：  \n1０0万元AbLPR-·');
const text = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''));

describe('search text matching', () => {
  it('finds a term in the index exactly when the loose text contains it', () => {
    fc.assert(
      fc.property(text, text, (haystack, needle) => {
        expect(phraseMatches(haystack, needle)).toBe(looseKey(needle) !== '' && containsTerm(haystack, { text: needle, exact: false }));
      }),
      { numRuns: 2000 },
    );
  });

  it('always finds a piece of the text itself when it holds no line break', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (haystack, a, b) => {
        const piece = haystack.slice(Math.min(a, b) % (haystack.length + 1), Math.max(a, b) % (haystack.length + 1) + 1);
        fc.pre(!piece.includes('\n') && looseKey(piece) !== '');
        expect(phraseMatches(haystack, piece)).toBe(true);
        expect(containsTerm(haystack, { text: piece, exact: true })).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores brackets, quotes, spaces and full-width forms when a term is unquoted', () => {
    expect(containsTerm('对国内首台（套）装备给予奖励', { text: '首台套', exact: false })).toBe(true);
    expect(containsTerm('专精特新“小巨人”企业', { text: '小巨人企业', exact: false })).toBe(true);
    expect(containsTerm('最高100 万元', { text: '１００万元', exact: false })).toBe(true);
    expect(containsTerm('对国内首台（套）装备给予奖励', { text: '首台套', exact: true })).toBe(false);
  });

  it('never matches across a line break or a sentence mark', () => {
    expect(phraseMatches('支持小巨人\n奖励', '小巨人奖励')).toBe(false);
    expect(phraseMatches('支持小巨人。奖励', '小巨人奖励')).toBe(false);
    expect(phraseMatches('支持小巨人。奖励', '小巨人。奖励')).toBe(true);
  });

  it('splits a query into loose words and "quoted" exact phrases', () => {
    expect(parseQuery('小巨人  奖励')).toEqual([
      { text: '小巨人', exact: false },
      { text: '奖励', exact: false },
    ]);
    expect(parseQuery('"首台（套） 装备" 奖励')).toEqual([
      { text: '首台（套） 装备', exact: true },
      { text: '奖励', exact: false },
    ]);
    expect(parseQuery('"未闭合 引号')).toEqual([
      { text: '未闭合', exact: false },
      { text: '引号', exact: false },
    ]);
    expect(parseQuery('（） 贴息 贴息')).toEqual([{ text: '贴息', exact: false }]);
  });

  it('marks whole bracketed terms in the raw text', () => {
    const raw = '实施首台（套）提升工程';
    const [[start, end]] = termRanges(raw, { text: '首台套', exact: false }) as [[number, number]];
    expect(raw.slice(start, end)).toBe('首台（套）');
  });

  it('builds an excerpt around the first hit with the hit marked', () => {
    const raw = `${'前文'.repeat(60)}给予贴息支持${'后文'.repeat(60)}`;
    const pieces = excerpt(raw, [{ text: '贴息', exact: false }], 40);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['贴息']);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.map((p) => p.text).join('').length).toBeLessThanOrEqual(42);
  });

  it('stores text without white space and restores it exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), text, (a, b) => {
        const original = `${a}\n${b}\u3000\u00a0 \t`;
        const stored = encodeMetaText(original);
        expect(stored).not.toMatch(/\s/u);
        expect(decodeMetaText(stored)).toBe(original);
      }),
    );
  });

  it('converts traditional characters with the corpus map and leaves others alone', () => {
    expect(toSimplified('專精特新 首臺套 abc', { 專: '专', 臺: '台' })).toBe('专精特新 首台套 abc');
  });

  it('searches the heading only when the text does not already start with it', () => {
    expect(searchableText({ title: '支持上市', text: '支持上市。鼓励…' })).toBe('支持上市。鼓励…');
    expect(searchableText({ title: '上市', text: '鼓励…' })).toBe('上市\n鼓励…');
  });

  it('keeps the 责任单位 out of a default search and finds them when asked', () => {
    const tokens = ` ${indexTokens('强化人才支撑', '（责任单位：市住房建设局）')} `;
    const has = (phrase: string | null) => phrase !== null && tokens.includes(` ${phrase.slice(1, -1)} `);
    expect(has(pagefindPhrase({ text: '人才', exact: false }))).toBe(true);
    expect(has(pagefindPhrase({ text: '住房', exact: false }))).toBe(false);
    expect(has(pagefindPhrase({ text: '住房', exact: false }, 'departments'))).toBe(true);
    expect(has(pagefindPhrase({ text: '人才', exact: false }, 'departments'))).toBe(false);
    // The index holds only letters-and-ideograph words for the departments: `y` + hex letters.
    expect(indexTokens('', '局').split(' ').pop()).toMatch(/^y[a-p]+$/);
  });

  it('says in which fields a term occurs: heading, text, 责任单位', () => {
    const parts = { heading: '强化人才支撑', searchable: '强化人才支撑\n建设人才公寓，提供住房', departments: '（责任单位：市住房建设局、市人才办）' };
    expect(matchedFields(parts, { text: '人才', exact: false })).toEqual(['title', 'text', 'departments']);
    expect(matchedFields(parts, { text: '住房', exact: false })).toEqual(['text', 'departments']);
    expect(matchedFields(parts, { text: '支撑', exact: false })).toEqual(['title']);
    expect(matchedFields({ ...parts, departments: '' }, { text: '建设局', exact: false })).toEqual([]);
  });

  it('shows every term in the excerpt, in separate fragments when they lie far apart', () => {
    const raw = `${'甲'.repeat(100)}首台（套）${'乙'.repeat(100)}贴息${'丙'.repeat(100)}`;
    const pieces = excerpt(raw, [{ text: '首台套', exact: false }, { text: '贴息', exact: false }], 60);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['首台（套）', '贴息']);
    expect(pieces.filter((p) => p.text === '…')).toHaveLength(3);
  });

  it('never cuts a highlight at the edge of an excerpt', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('首台套', '小巨人', '贴息', '专精特新小巨人首台套'), fc.integer({ min: 10, max: 60 }), (haystack, term, width) => {
        const terms = [{ text: term, exact: false }];
        const pieces = excerpt(haystack, terms, width);
        const flat = haystack.replace(/\s*\n\s*/g, ' ');
        const whole = new Set(allRanges(flat, terms).map(([s, e]) => flat.slice(s, e)));
        for (const p of pieces.filter((x) => x.mark)) expect(whole.has(p.text)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
