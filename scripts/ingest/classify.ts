// Classify a clause into the fixed taxonomy (src/schema/category.ts) by weighted keywords,
// keeping the words that decided it as evidence. Curation overrides win and say so.
import { parse as parseYaml } from 'yaml';
import { CATEGORIES, CategoryOverrideSchema, type CategoryEvidence, type CategoryId, type CategoryOverride } from '../../src/schema/category';
import { stripQuotes } from './extract-text';

/** Keywords per category. Longer, specific words first; a word counts once per place. */
export const CATEGORY_KEYWORDS: Record<CategoryId, readonly string[]> = {
  cultivation: ['梯度培育', '梯次培育', '培育体系', '认定奖励', '首次认定', '小巨人', '单项冠军', '隐形冠军', '后备企业', '入库', '主体培育', '招引', '工作目标', '重点领域', '重点发展领域', '培育'],
  fiscal: ['财税', '资金奖励', '政策激励', '减税降费', '税费', '奖补', '奖励', '补助', '补贴', '资助', '财政'],
  finance: ['融资', '贷款', '信贷', '上市', '担保', '债券', '投资机构', '基金', '金融', '贴息', '股权', '创投'],
  innovation: ['研发', '创新能力', '创新能级', '科技创新', '技术攻关', '成果转化', '科创平台', '首台', '创新券', '揭榜挂帅', '科研', '创新'],
  ip: ['知识产权', '专利', '商标'],
  talent: ['人才', '用人用工', '用工', '招聘', '企业家', '职称', '工程师', '学徒', '院士', '博士后', '培训', '校企'],
  digital: ['数字化', '智能制造', '智能化', '上云', '工业互联网', '云上企业', '数字赋能', '智能工厂', '产业大脑'],
  green: ['绿色', '节能', '低碳', '减排', '降碳', '环评', '清洁生产'],
  quality: ['质量', '品牌', '标准', '工业设计', '质量奖'],
  market: ['市场开拓', '拓展市场', '开拓海外市场', '国内市场', '展会', '产业链', '供应链', '融通', '协作', '采购', '出海', '走出去', '博览会', '供需对接'],
  space: ['用地', '厂房', '园区', '产业空间', '产业用房', '土地'],
  service: ['企业服务', '精准服务', '服务体系', '服务平台', '服务专员', '专项服务', '社会服务', '政府服务', '诉求', '法治', '法律', '一站式', '服务'],
  governance: ['保障措施', '统筹协调', '组织协调', '领导小组', '考核', '宣传', '表彰', '发展环境', '氛围'],
};

/**
 * Where a word was found, and how much that place weighs. The text includes the title and the
 * first sentence, so a title word counts 3 + 1 and a first-sentence word 1 + 1: what the clause
 * is about outweighs a word in passing.
 */
const WEIGHTS = { title: 3, section: 2, lead: 1, text: 1 } as const;
/** A further category needs at least this share of the primary's score. */
const SECONDARY_SHARE = 0.4;
/**
 * Words too common to say what a clause is about (企业家培育 is training, 服务 is everywhere):
 * they score like any word, but never file a clause under a category by themselves — a
 * category needs a specific word (or a recognition award) to be primary while another has one,
 * and to be listed at all beside the primary.
 */
const GENERIC: ReadonlySet<string> = new Set(['培育', '服务']);
/**
 * What a recognition award of the SRDI ladder or a champion tier adds to 梯度培育与认定: as
 * much as a title word, since paying for the recognition is the clause's subject whatever its
 * heading (深圳 1.1 强化资金奖励 pays for 专精特新 and 小巨人 recognition).
 */
const RECOGNITION_WEIGHT = WEIGHTS.title;
/**
 * What the title's head word adds: Chinese puts the head noun last, so in 推动产业链关键技术攻关
 * the subject is 技术攻关 (innovation), not 产业链, and in 加大产业链企业招引 it is 招引.
 */
const HEAD_WEIGHT = WEIGHTS.title;

export interface ClassifyInput {
  id: string;
  title: string;
  text: string;
  sectionPath: ReadonlyArray<{ marker: string; title: string }>;
  /** True when the clause pays a recognition award for an SRDI-ladder or champion tier (extraction knows). */
  paysRecognition?: boolean;
}

/** The first sentence of the text after the title (the title usually opens the text). */
function leadSentence(title: string, text: string): string {
  const sentences = text.split('。');
  const first = sentences[0] ?? '';
  return (first.trim() === title.trim() ? sentences[1] : first) ?? '';
}

export interface Classification {
  primaryCategory: CategoryId;
  categories: CategoryId[];
  categoryEvidence: CategoryEvidence[];
}

function countWord(haystack: string, word: string): number {
  let n = 0;
  for (let i = haystack.indexOf(word); i !== -1; i = haystack.indexOf(word, i + word.length)) n++;
  return n;
}

/** A category's score, the words that earned it, and whether any of them is specific (not GENERIC). */
export interface CategoryScore {
  /** Keyword score plus the title-head and recognition bonuses: what ranks the categories. */
  score: number;
  /** Keyword score alone: what a further category is measured against (a bonus decides the primary only). */
  base: number;
  words: string[];
  specific: boolean;
}

/** Score every category; words inside longer matched words are not counted twice (`质量奖` vs `质量`). */
export function scoreCategories(input: ClassifyInput): Map<CategoryId, CategoryScore> {
  const places: Array<[keyof typeof WEIGHTS, string]> = [
    ['title', stripQuotes(input.title)],
    ['section', stripQuotes(input.sectionPath.map((s) => s.title).join(' '))],
    ['lead', stripQuotes(leadSentence(input.title, input.text))],
    ['text', stripQuotes(input.text)],
  ];
  const scores = new Map<CategoryId, CategoryScore>();
  for (const { id } of CATEGORIES) {
    const words: string[] = [];
    let score = 0;
    let specific = false;
    for (const [place, haystack] of places) {
      let rest = haystack;
      for (const word of CATEGORY_KEYWORDS[id]) {
        const n = countWord(rest, word);
        if (n === 0) continue;
        // Occurrences beyond three add nothing: a long clause should not win by repetition.
        score += WEIGHTS[place] * Math.min(n, 3);
        if (!GENERIC.has(word)) specific = true;
        if (!words.includes(word)) words.push(word);
        rest = rest.split(word).join('\u0000');
      }
    }
    scores.set(id, { score, base: score, words, specific });
  }
  const head = titleHead(input.title);
  if (head) {
    const headed = scores.get(head)!;
    scores.set(head, { ...headed, score: headed.score + HEAD_WEIGHT });
  }
  if (input.paysRecognition) {
    const cultivation = scores.get('cultivation')!;
    scores.set('cultivation', { ...cultivation, score: cultivation.score + RECOGNITION_WEIGHT, base: cultivation.base + RECOGNITION_WEIGHT, specific: true });
  }
  return scores;
}

/** The category of the specific keyword that ends last in the title (its head), or null. */
function titleHead(title: string): CategoryId | null {
  const bare = stripQuotes(title);
  let best: { id: CategoryId; end: number; length: number } | null = null;
  for (const { id } of CATEGORIES) {
    for (const word of CATEGORY_KEYWORDS[id]) {
      if (GENERIC.has(word)) continue;
      const at = bare.lastIndexOf(word);
      if (at < 0) continue;
      const end = at + word.length;
      // The latest end wins; at the same end the longer word (产业链 vs 链).
      if (!best || end > best.end || (end === best.end && word.length > best.length)) best = { id, end, length: word.length };
    }
  }
  return best?.id ?? null;
}

/** The categories whose keywords the title names specifically (not by a GENERIC word). */
function titleCategories(title: string): CategoryId[] {
  const bare = stripQuotes(title);
  return CATEGORIES.map((c) => c.id).filter((id) => CATEGORY_KEYWORDS[id].some((w) => !GENERIC.has(w) && bare.includes(w)));
}

export function classify(input: ClassifyInput, overrides: readonly CategoryOverride[] = []): Classification {
  const scores = scoreCategories(input);
  const order = CATEGORIES.map((c) => c.id);
  const ranked = [...scores.entries()]
    .filter(([, s]) => s.score > 0)
    // A category named only by generic words ranks below every category with a specific word.
    .sort((a, b) => Number(b[1].specific) - Number(a[1].specific) || b[1].score - a[1].score || order.indexOf(a[0]) - order.indexOf(b[0]));
  // Clauses under 保障措施 are about how the policy is run, unless the clause's own title names
  // another subject (杭州 3.2 完善服务体系 is about services, wherever it is printed).
  const titled = titleCategories(input.title);
  const safeguards = input.sectionPath.some((s) => /保障措施/.test(s.title)) && !titled.some((id) => id !== 'governance');
  let primary: CategoryId = safeguards ? 'governance' : (ranked[0]?.[0] ?? 'service');
  const top = ranked[0]?.[1].base ?? 0;
  let categories: CategoryId[] = [
    primary,
    ...ranked.filter(([id, s]) => id !== primary && s.specific && s.base >= Math.max(2, top * SECONDARY_SHARE)).map(([id]) => id),
  ];
  const evidenceFor = (id: CategoryId): CategoryEvidence => ({ category: id, words: scores.get(id)?.words ?? [], by: 'rules' });
  let categoryEvidence = categories.map(evidenceFor);
  if (safeguards && (scores.get('governance')?.words.length ?? 0) === 0) {
    categoryEvidence = categoryEvidence.map((e) => (e.category === 'governance' ? { ...e, words: ['保障措施'] } : e));
  }
  const override = overrides.find((o) => o.clause === input.id);
  if (override) {
    primary = override.primaryCategory;
    categories = override.categories ? [primary, ...override.categories.filter((c) => c !== primary)] : [primary, ...categories.filter((c) => c !== primary)];
    categoryEvidence = categories.map((id) => (id === primary || override.categories ? { category: id, words: scores.get(id)?.words ?? [], by: 'curation' as const } : evidenceFor(id)));
  }
  return { primaryCategory: primary, categories, categoryEvidence };
}

/** A curation problem, vfile-message shaped. */
export interface CurationDiagnostic {
  ruleId: 'curation-invalid' | 'curation-unknown-clause';
  /** The clause id the entry names, when it names one. */
  clause: string | null;
  message: string;
  hint: string;
  /** 1-based line in the curation file when known. */
  line: number | null;
}

/**
 * Parse `content/curation/categories.yaml` (a list of CategoryOverride). The caller reads the
 * file; this stays pure. Invalid entries are reported and dropped.
 */
export function parseCategoryOverrides(yamlText: string): { overrides: CategoryOverride[]; diagnostics: CurationDiagnostic[] } {
  const diagnostics: CurationDiagnostic[] = [];
  let data: unknown;
  try {
    data = parseYaml(yamlText) ?? [];
  } catch (error) {
    const e = error as { message: string; linePos?: Array<{ line: number }> };
    return { overrides: [], diagnostics: [{ ruleId: 'curation-invalid', clause: null, message: `Cannot read the curation YAML: ${e.message}`, hint: 'Fix the YAML syntax', line: e.linePos?.[0]?.line ?? null }] };
  }
  if (!Array.isArray(data)) {
    return { overrides: [], diagnostics: [{ ruleId: 'curation-invalid', clause: null, message: 'Expected a list of overrides, found `' + typeof data + '`', hint: 'Write each override as `- clause: …`', line: 1 }] };
  }
  const overrides: CategoryOverride[] = [];
  data.forEach((entry, index) => {
    const parsed = CategoryOverrideSchema.safeParse(entry);
    if (parsed.success) overrides.push(parsed.data);
    else {
      const clause = entry && typeof entry === 'object' && typeof (entry as { clause?: unknown }).clause === 'string' ? (entry as { clause: string }).clause : null;
      diagnostics.push({
        ruleId: 'curation-invalid',
        clause,
        message: `Override ${index + 1} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}`,
        hint: 'Each override needs clause, primaryCategory (a category id), optional categories, and a reason',
        line: null,
      });
    }
  });
  return { overrides, diagnostics };
}

/** Overrides naming a clause that does not exist (a renumbered or mistyped id). */
export function unknownOverrideClauses(overrides: readonly CategoryOverride[], clauseIds: Iterable<string>): CurationDiagnostic[] {
  const known = new Set(clauseIds);
  return overrides
    .filter((o) => !known.has(o.clause))
    .map((o) => ({
      ruleId: 'curation-unknown-clause' as const,
      clause: o.clause,
      message: `Override for unknown clause \`${o.clause}\``,
      hint: 'Clause ids look like `jiaxing-2022-opinions/2.2.3`; check the id against generated/clauses',
      line: null,
    }));
}
