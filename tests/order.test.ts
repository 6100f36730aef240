import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../src/lib/order';

describe('byCodePoint', () => {
  it('orders by code point, not by locale: upper case before lower, punctuation by its number', () => {
    expect(['b', 'a-c', 'B', 'a.b', 'ä', 'a'].sort(byCodePoint)).toEqual(['B', 'a', 'a-c', 'a.b', 'b', 'ä']);
  });

  it('puts characters beyond the BMP after U+E000–U+FFFF, where UTF-16 order would not', () => {
    const astral = '\u{20000}'; // 𠀀, a CJK Extension B character
    const high = '\uFF01'; // ！ full-width exclamation mark
    expect([astral, high].sort()).toEqual([astral, high]); // UTF-16 code units
    expect([astral, high].sort(byCodePoint)).toEqual([high, astral]);
    expect(byCodePoint(`x${astral}`, `x${astral}y`)).toBeLessThan(0);
    expect(byCodePoint('长沙', '长沙')).toBe(0);
  });
});
