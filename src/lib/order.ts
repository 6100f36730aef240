// One ordering for everything written: Unicode code-point order. Unlike localeCompare it does
// not depend on the machine's locale or ICU data, so the same sources give the same bytes.

/** Compare two strings by code point (UTF-16 `<` differs only where a surrogate meets U+E000–U+FFFF). */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    // Equal so far, so both strings have the same surrogate pair here: skip its second half.
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
