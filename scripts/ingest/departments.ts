// Split a clause's department bracket (`（责任单位：市科技局、市工业和信息化局）`) into
// Department records with a canonical function, so departments compare across cities.
import { DEPARTMENT_ROLES, type Department } from '../../src/schema/department';
import { splitTopLevel } from './extract-text';

type Role = (typeof DEPARTMENT_ROLES)[number];

/**
 * Canonical functions, matched against the name without its city prefix (`深圳市税务局` →
 * `税务局`, `市经信局` → `经信局`). First match wins; keep the specific rules above general ones.
 */
const FUNCTIONS: ReadonlyArray<[RegExp, string]> = [
  [/^各区县市人民政府$|^各区政府$|^各县\(市、区\)政府$|^各区、县\(市\)政府$|^各区县\(市\)人民政府$/, 'district-governments'],
  [/^(?:经信局|经济和信息化局|工业和信息化局|工业和信息局|工信局)$/, 'industry-it'],
  [/^(?:科技局|科技创新委|科学技术局)$/, 'science-tech'],
  [/^财政局$/, 'finance-bureau'],
  [/^(?:发展改革委|发改委|发展和改革委员会)$/, 'development-reform'],
  [/^(?:市场监管局|市场监督管理局)$/, 'market-regulation'],
  [/^知识产权局$/, 'intellectual-property'],
  [/^(?:委金融办|金融办|地方金融监管局|地方金融监督管理局)$/, 'financial-affairs'],
  [/^(?:委人才办|委组织部\(市委人才办\)|人才工作局)$/, 'talent-office'],
  [/^教育局$/, 'education'],
  [/^(?:人力资源社会保障局|人社局|人力社保局|人力资源和社会保障局)$/, 'human-resources'],
  [/^(?:科协|科学技术协会)$/, 'science-association'],
  [/^商务局$/, 'commerce'],
  [/^(?:自然资源规划局|自然资源和规划局|规划和自然资源局)$/, 'natural-resources'],
  [/^生态环境局$/, 'ecology-environment'],
  [/^园区管委会$/, 'park-committees'],
  [/^(?:人行.+中心支行|人民银行.+中心支行)$/, 'central-bank-branch'],
  [/^.*银保监(?:分)?局$/, 'banking-insurance-regulator'],
  [/^.*证监局$/, 'securities-regulator'],
  [/^.*证券交易所$/, 'stock-exchange'],
  [/^中小企业服务局$/, 'sme-service-bureau'],
  [/^税务局$/, 'tax'],
  [/^国资委$/, 'state-assets'],
  [/^(?:出口信保.*办事处|中国出口信用保险公司.*分公司)$/, 'export-credit-insurance'],
  [/^(?:住房建设局|住保房管局)$/, 'housing'],
  [/^卫健委$/, 'health'],
  [/^委外办$/, 'foreign-affairs'],
  [/^贸促委$/, 'trade-promotion'],
  [/^.*海关$/, 'customs'],
  [/^民政局$/, 'civil-affairs'],
  [/^团市委$/, 'youth-league'],
  [/^投资促进局$/, 'investment-promotion'],
  [/^乡村振兴和协作交流局$/, 'rural-revitalisation'],
  [/^(?:各涉企部门|市级各有关部门|各有关部门|各行政执法部门)$/, 'all-departments'],
];

/** The government a department belongs to (`温州市`, `余姚市`, `鹿城区`, or a bare `市`): any city, not only the seeds'. */
const CITY_PREFIX = /^(?:[\u4e00-\u9fff]{1,4}?[市县区](?![场委])|市)/;

/** Canonical function id of a department name, or null when no mapping is known. */
export function departmentFunction(name: string): string | null {
  const folded = name.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
  for (const candidate of [folded, folded.replace(CITY_PREFIX, '')]) {
    for (const [re, fn] of FUNCTIONS) if (re.test(candidate)) return fn;
  }
  return null;
}

const BRACKETS: ReadonlyArray<[string, string]> = [
  ['（', '）'],
  ['(', ')'],
  ['〔', '〕'],
  ['[', ']'],
  ['【', '】'],
];

const ROLE_RE = new RegExp(`(${DEPARTMENT_ROLES.join('|')})\\s*[:：]`, 'g');

/** One department list problem worth a curator's look. */
export interface DepartmentDiagnostic {
  ruleId: 'department-label-missing' | 'department-unknown';
  message: string;
  hint: string;
  offset: number;
}

/**
 * Parse a department bracket. Names are split at `、，,；;` outside nested brackets, so
 * `市委组织部(市委人才办)` and `各县(市、区)政府` stay whole; `各区、县（市）政府` is one name too.
 */
export function parseDepartments(departmentsText: string | null): { departments: Department[]; diagnostics: DepartmentDiagnostic[] } {
  if (!departmentsText) return { departments: [], diagnostics: [] };
  let inner = departmentsText.trim();
  let innerOffset = departmentsText.indexOf(inner);
  const pair = BRACKETS.find(([open, close]) => inner.startsWith(open) && inner.endsWith(close));
  if (pair) {
    inner = inner.slice(pair[0].length, inner.length - pair[1].length);
    innerOffset += pair[0].length;
  }
  const labels = [...inner.matchAll(ROLE_RE)];
  const diagnostics: DepartmentDiagnostic[] = [];
  if (labels.length === 0) {
    diagnostics.push({
      ruleId: 'department-label-missing',
      message: `Expected a label (${DEPARTMENT_ROLES.join(' / ')}) in \`${departmentsText}\`, found none`,
      hint: 'Departments were read as 责任单位; check the bracket in the source',
      offset: innerOffset,
    });
  }
  const sections: Array<{ role: Role; text: string; offset: number }> =
    labels.length === 0
      ? [{ role: '责任单位', text: inner, offset: innerOffset }]
      : labels.map((m, i) => {
          const start = m.index + m[0].length;
          const end = i + 1 < labels.length ? (labels[i + 1] as RegExpExecArray).index : inner.length;
          return { role: m[1] as Role, text: inner.slice(start, end), offset: innerOffset + start };
        });
  const departments: Department[] = [];
  for (const section of sections) {
    const pieces = splitTopLevel(section.text, ['、', '，', ',', '；', ';']);
    const names: Array<{ name: string; offset: number }> = [];
    for (const piece of pieces) {
      const name = piece.text.trim();
      if (name === '') continue;
      const prev = names[names.length - 1];
      // `各区、县（市）政府` is printed with a list comma inside one name.
      if (prev && /各区$/.test(prev.name) && /^县[（(]/.test(name)) {
        prev.name = `${prev.name}、${name}`;
        continue;
      }
      names.push({ name, offset: section.offset + piece.start });
    }
    for (const { name, offset } of names) {
      const fn = departmentFunction(name);
      if (fn === null) {
        diagnostics.push({
          ruleId: 'department-unknown',
          message: `Unknown department \`${name}\`: no canonical function`,
          hint: 'Add a rule to FUNCTIONS in scripts/ingest/departments.ts if it is a real department',
          offset,
        });
      }
      departments.push({ name, role: section.role, function: fn });
    }
  }
  return { departments, diagnostics };
}

/**
 * Departments named by paragraphs that hold nothing else (`市科技局`, `市经信局、市财政局`): the
 * department cell of a policy printed as a table. Read as a bracket's list is, once each.
 */
export function departmentCells(text: string): Department[] {
  const found: Department[] = [];
  for (const paragraph of text.split('\n')) {
    const { departments } = parseDepartments(paragraph.trim());
    if (departments.length === 0 || departments.some((d) => d.function === null)) continue;
    for (const d of departments) if (!found.some((f) => f.name === d.name)) found.push(d);
  }
  return found;
}
