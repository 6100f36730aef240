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
  service: ['企业服务', '精准服务', '服务平台', '服务专员', '专项服务', '社会服务', '政府服务', '诉求', '法治', '法律', '一站式', '服务'],
  governance: ['保障措施', '统筹协调', '组织协调', '领导小组', '考核', '宣传', '表彰', '发展环境', '氛围'],
};

/** Where a word was found, and how much that place weighs. */
const WEIGHTS = { title: 3, section: 2, text: 1 } as const;
/** A further category needs at least this share of the primary's score. */
const SECONDARY_SHARE = 0.4;

export interface ClassifyInput {
  id: string;
  title: string;
  text: string;
  sectionPath: ReadonlyArray<{ marker: string; title: string }>;
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

/** Score every category; words inside longer matched words are not counted twice (`质量奖` vs `质量`). */
export function scoreCategories(input: ClassifyInput): Map<CategoryId, { score: number; words: string[] }> {
  const places: Array<[keyof typeof WEIGHTS, string]> = [
    ['title', stripQuotes(input.title)],
    ['section', stripQuotes(input.sectionPath.map((s) => s.title).join(' '))],
    ['text', stripQuotes(input.text)],
  ];
  const scores = new Map<CategoryId, { score: number; words: string[] }>();
  for (const { id } of CATEGORIES) {
    const words: string[] = [];
    let score = 0;
    for (const [place, haystack] of places) {
      let rest = haystack;
      for (const word of CATEGORY_KEYWORDS[id]) {
        const n = countWord(rest, word);
        if (n === 0) continue;
        // Occurrences beyond three add nothing: a long clause should not win by repetition.
        score += WEIGHTS[place] * Math.min(n, 3);
        if (!words.includes(word)) words.push(word);
        rest = rest.split(word).join('\u0000');
      }
    }
    scores.set(id, { score, words });
  }
  return scores;
}

export function classify(input: ClassifyInput, overrides: readonly CategoryOverride[] = []): Classification {
  const scores = scoreCategories(input);
  const order = CATEGORIES.map((c) => c.id);
  const ranked = [...scores.entries()].filter(([, s]) => s.score > 0).sort((a, b) => b[1].score - a[1].score || order.indexOf(a[0]) - order.indexOf(b[0]));
  // Clauses under 保障措施 are about how the policy is run, whatever words they use.
  const safeguards = input.sectionPath.some((s) => /保障措施/.test(s.title));
  let primary: CategoryId = safeguards ? 'governance' : (ranked[0]?.[0] ?? 'service');
  const top = ranked[0]?.[1].score ?? 0;
  let categories: CategoryId[] = [primary, ...ranked.filter(([id, s]) => id !== primary && s.score >= Math.max(2, top * SECONDARY_SHARE)).map(([id]) => id)];
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
