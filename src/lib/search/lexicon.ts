// The search vocabulary, built at build time (the search page embeds it; ./query.ts applies it
// in the browser): English words a visitor may type for the atlas's own terms, and the Chinese
// words an unspaced query is split into.
import { CATEGORIES, TIERS, type AwardKind, type CategoryId, type TierId } from '../../schema';
import { KIND_LABELS } from '../format';
import type { EnglishLexicon } from './query';
import { looseKey } from './text';

/**
 * The Chinese word searched for each tier, category and award form, with the English words
 * (besides its English label) that name it. The word is what clauses actually say, not the
 * display label: `小巨人`, not `国家级专精特新“小巨人”企业`, so `little giant` finds every
 * clause about little giants. Entries left out use the Chinese label as it is.
 */
const TIER_WORDS: Partial<Record<TierId, { zh: string; en?: string[] }>> = {
  'innovative-sme': { zh: '创新型中小企业', en: ['innovative sme', 'innovative smes'] },
  'provincial-srdi': { zh: '专精特新', en: ['srdi', 'srdi sme', 'srdi smes', 'specialised and sophisticated', 'specialized and sophisticated'] },
  'little-giant-reserve': { zh: '后备', en: ['reserve', 'reserve enterprise'] },
  'little-giant': { zh: '小巨人', en: ['little giant', 'little giants', 'little-giant', 'little-giants'] },
  'hidden-champion': { zh: '隐形冠军', en: ['hidden champion', 'hidden champions', 'invisible champion'] },
  'single-champion-demo': { zh: '单项冠军', en: ['single champion', 'single champions', 'single-item champion', 'manufacturing champion'] },
  'first-set-national': { zh: '首台套', en: ['first set', 'first-set', 'first of its kind', 'first-of-its-kind', 'first major equipment'] },
  'academician-workstation': { zh: '院士工作站' },
  'postdoc-station': { zh: '博士后', en: ['postdoc', 'postdoctoral'] },
  'quality-award-provincial': { zh: '质量奖', en: ['quality award'] },
};
const CATEGORY_WORDS: Partial<Record<CategoryId, { zh: string; en?: string[] }>> = {
  cultivation: { zh: '培育', en: ['cultivation', 'recognition'] },
  fiscal: { zh: '财政', en: ['fiscal', 'tax'] },
  finance: { zh: '融资', en: ['finance', 'financing', 'listing', 'ipo'] },
  innovation: { zh: '研发', en: ['r&d', 'research', 'innovation'] },
  ip: { zh: '知识产权', en: ['ip', 'patent', 'patents'] },
  talent: { zh: '人才', en: ['talent', 'talents'] },
  digital: { zh: '数字化', en: ['digital', 'digitalisation', 'digitalization', 'smart manufacturing'] },
  green: { zh: '绿色', en: ['green', 'low-carbon', 'low carbon'] },
  quality: { zh: '质量', en: ['quality', 'brand', 'standard', 'standards'] },
  market: { zh: '市场', en: ['market', 'markets', 'supply chain', 'supply-chain'] },
  space: { zh: '用地', en: ['land', 'industrial space'] },
  service: { zh: '服务', en: ['service', 'services'] },
  governance: { zh: '组织', en: ['governance', 'safeguards'] },
};
const AWARD_WORDS: Partial<Record<AwardKind, { zh: string; en?: string[] }>> = {
  fixed: { zh: '奖励', en: ['reward', 'rewards', 'award', 'awards', 'bonus'] },
  cap: { zh: '最高', en: ['cap', 'up to', 'ceiling'] },
  ratio: { zh: '比例', en: ['ratio', 'proportion'] },
  matching: { zh: '配套', en: ['matching', 'matching funds'] },
  'fee-reduction': { zh: '减免', en: ['fee reduction', 'exemption', 'waiver'] },
};
/** Award wording that is not a kind of its own (BRIEF: 补助 subsidy, 贴息 interest subsidy …). */
const MORE_WORDS: { zh: string; en: string[] }[] = [
  { zh: '补助', en: ['subsidy', 'subsidies', 'allowance'] },
  { zh: '贴息', en: ['interest subsidy', 'interest subsidies', 'interest discount'] },
  { zh: '资助', en: ['grant', 'grants'] },
  { zh: '经费', en: ['funding'] },
  { zh: '扶持', en: ['support'] },
  { zh: '一次性', en: ['one-off', 'one off', 'one-time', 'one time', 'lump sum'] },
  { zh: '每年', en: ['annual', 'annually', 'per year', 'yearly'] },
  { zh: '贷款', en: ['loan', 'loans'] },
  { zh: '担保', en: ['guarantee', 'guarantees'] },
  { zh: '住房', en: ['housing'] },
  { zh: '培训', en: ['training'] },
];

/** Every English word or phrase the atlas knows, with its Chinese search word. */
export function englishLexicon(): EnglishLexicon {
  const lexicon: EnglishLexicon = {};
  const add = (zh: string, en: readonly string[]) => {
    for (const phrase of en) {
      const key = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
      if (key && !(key in lexicon)) lexicon[key] = zh;
    }
  };
  // Curated words first: they win over a label that says the same.
  for (const t of TIERS) {
    const words = TIER_WORDS[t.id];
    add(words?.zh ?? t.zh, [...(words?.en ?? []), t.en]);
  }
  for (const c of CATEGORIES) {
    const words = CATEGORY_WORDS[c.id];
    add(words?.zh ?? c.zh, [...(words?.en ?? []), c.en]);
  }
  for (const [kind, label] of Object.entries(KIND_LABELS) as [AwardKind, { zh: string; en: string }][]) {
    const words = AWARD_WORDS[kind];
    add(words?.zh ?? label.zh, [...(words?.en ?? []), label.en]);
  }
  for (const w of MORE_WORDS) add(w.zh, w.en);
  return lexicon;
}

/**
 * The words an unspaced query is split into: the Chinese side of the English lexicon (tier,
 * category and award words) and the words the classifier found in the clauses (their
 * categoryEvidence), loose-normalised, longest first.
 */
export function splitDictionary(clauses: readonly { categoryEvidence?: readonly { words: readonly string[] }[] }[]): string[] {
  const words = new Set<string>(Object.values(englishLexicon()).map(looseKey));
  for (const c of clauses) for (const e of c.categoryEvidence ?? []) for (const w of e.words) words.add(looseKey(w));
  for (const t of TIERS) words.add(looseKey(t.zh));
  return [...words].filter((w) => [...w].length >= 2).sort((a, b) => [...b].length - [...a].length || (a < b ? -1 : 1));
}
