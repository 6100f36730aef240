// Build-time only: the traditional → simplified characters a query may need, limited to the
// corpus. The search page embeds the map's keys and fetches the map (a few KB, search/t2s.json)
// only for a query that contains one of them, instead of shipping OpenCC's dictionaries
// (t2cn ≈ 109 KB, ≈ 52 KB gzipped) to every visitor.
import * as OpenCC from 'opencc-js';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';

/** Keys of an OpenCC dictionary string (`from to|from to|…`). */
function dictKeys(dict: string): string[] {
  return dict.split('|').map((entry) => entry.split(' ')[0] ?? '').filter((key) => [...key].length === 1);
}

/**
 * Map every traditional (Taiwan or OpenCC standard) character whose simplified form occurs in
 * `corpus` to that form. Characters the corpus itself uses are never mapped: in simplified
 * text 著 (显著) is its own character, although OpenCC turns a lone 著 into 着.
 * Assumes character-level conversion is enough for query words; OpenCC's phrase tables
 * only matter for a handful of words outside this domain.
 */
export function traditionalMap(corpus: string): Record<string, string> {
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const used = new Set(corpus);
  const map: Record<string, string> = {};
  const keys = new Set([...dictKeys(TSCharacters), ...dictKeys(TWVariantsRev), ...dictKeys(CJKCompatibility)]);
  for (const key of [...keys].sort()) {
    if (used.has(key)) continue;
    const simplified = convert(key);
    if (simplified !== key && [...simplified].length === 1 && used.has(simplified)) map[key] = simplified;
  }
  return map;
}

const byCorpus = new WeakMap<readonly object[], Record<string, string>>();

/** traditionalMap over the searchable text of every clause, computed once per clause list. */
export function corpusTraditionalMap<T extends object>(clauses: readonly T[], searchable: (clause: T) => string): Record<string, string> {
  let map = byCorpus.get(clauses);
  if (!map) {
    map = traditionalMap(clauses.map(searchable).join('\n'));
    byCorpus.set(clauses, map);
  }
  return map;
}
