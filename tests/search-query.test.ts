// Query rewriting in the browser (src/lib/search/query.ts): English words of the atlas's own
// terms become their Chinese search words, and an unspaced query splits into words, never
// into single characters.
import { describe, expect, it } from 'vitest';
import { splitByDictionary, translateEnglish } from '../src/lib/search/query';

const lexicon = { 'little giant': '小巨人', 'interest subsidy': '贴息', subsidy: '补助', ip: '知识产权', 'r&d': '研发' };

describe('translateEnglish', () => {
  it('replaces English phrases with their Chinese words and says which it replaced', () => {
    expect(translateEnglish('little giant', lexicon)).toEqual({ query: '小巨人', translations: [{ en: 'little giant', zh: '小巨人' }] });
    expect(translateEnglish('Little  Giant 奖励', lexicon).query).toBe('小巨人 奖励');
  });
  it('prefers the longest phrase and matches only whole words', () => {
    expect(translateEnglish('interest subsidy', lexicon).query).toBe('贴息');
    expect(translateEnglish('subsidy', lexicon).query).toBe('补助');
    // `ip` inside another word is not the abbreviation.
    expect(translateEnglish('ship', lexicon)).toEqual({ query: 'ship', translations: [] });
    expect(translateEnglish('R&D 首台套', lexicon).query).toBe('研发 首台套');
  });
  it('leaves quoted text and unknown words alone', () => {
    expect(translateEnglish('"little giant" LPR', lexicon)).toEqual({ query: '"little giant" LPR', translations: [] });
  });
});

describe('splitByDictionary', () => {
  const dictionary = ['专精特新', '小巨人', '奖励', '首台套'];
  it('splits an unspaced query into dictionary words', () => {
    expect(splitByDictionary('小巨人奖励', dictionary)).toEqual(['小巨人', '奖励']);
    expect(splitByDictionary('专精特新小巨人', dictionary)).toEqual(['专精特新', '小巨人']);
  });
  it('keeps characters no word covers together, never as lone characters', () => {
    expect(splitByDictionary('小巨人企业奖励', dictionary)).toEqual(['小巨人', '企业', '奖励']);
    expect(splitByDictionary('对小巨人', dictionary)).toEqual(['对小巨人']);
    expect(splitByDictionary('小巨人的奖励', dictionary)).toEqual(['小巨人的', '奖励']);
    expect(splitByDictionary('人', dictionary)).toEqual(['人']);
    for (const piece of splitByDictionary('小巨人奖励首台套', dictionary)) expect([...piece].length).toBeGreaterThan(1);
  });
});
