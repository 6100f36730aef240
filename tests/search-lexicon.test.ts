// The search vocabulary built for the search page (src/lib/search/lexicon.ts).
import { describe, expect, it } from 'vitest';
import { englishLexicon, splitDictionary } from '../src/lib/search/lexicon';
import { CATEGORIES, TIERS } from '../src/schema';
import { KIND_LABELS } from '../src/lib/format';

describe('englishLexicon', () => {
  const lexicon = englishLexicon();
  it('maps the everyday English names of tiers and award forms to the words clauses use', () => {
    expect(lexicon['little giant']).toBe('小巨人');
    expect(lexicon['interest subsidy']).toBe('贴息');
    expect(lexicon['hidden champion']).toBe('隐形冠军');
    expect(lexicon['first set']).toBe('首台套');
    expect(lexicon['one-off']).toBe('一次性');
  });
  it('knows the English label of every tier, category and award kind', () => {
    for (const { en } of [...TIERS, ...CATEGORIES, ...Object.values(KIND_LABELS)]) {
      expect(lexicon[en.toLowerCase()], en).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('splitDictionary', () => {
  it('holds the lexicon words and the words the classifier found, longest first, none a single character', () => {
    const words = splitDictionary([{ categoryEvidence: [{ words: ['揭榜挂帅', '人才'] }] }]);
    expect(words).toContain('小巨人');
    expect(words).toContain('奖励');
    expect(words).toContain('揭榜挂帅');
    expect(words.every((w) => [...w].length >= 2)).toBe(true);
    expect(words.map((w) => [...w].length)).toEqual([...words.map((w) => [...w].length)].sort((a, b) => b - a));
  });
});
