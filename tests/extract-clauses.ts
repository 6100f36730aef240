// Test support (not a test file): cut each source into clause-sized StructuredClauses by its
// printed markers, so extraction can be tested on the real texts without the ingest pipeline.
// Deliberately simple and line-based; the real structure stage lives in scripts/ingest/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StructuredClause } from '../scripts/ingest/types';

const SOURCES = fileURLToPath(new URL('../content/sources/', import.meta.url));

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 三十二 → 32, 十四 → 14, 六 → 6. */
export function chineseNumber(text: string): number {
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  return (tens === '' ? (text.includes('十') ? 1 : 0) : (CN[tens as string] ?? 0)) * 10 + (ones ? (CN[ones] ?? 0) : 0);
}

interface SourceSpec {
  file: string;
  policyId: string;
  city: string;
  citySlug: string;
  stop: RegExp;
}

export const SPECS: Record<string, SourceSpec> = {
  changsha: { file: 'changsha-2025-measures.official.txt', policyId: 'changsha-2025-measures', city: '长沙', citySlug: 'changsha', stop: /^本文件自/ },
  'changsha-reprint': { file: 'changsha-2025-measures.reprint.txt', policyId: 'changsha-2025-measures', city: '长沙', citySlug: 'changsha', stop: /^本文件自/ },
  jiaxing: { file: 'jiaxing-2022-opinions.consultancy.txt', policyId: 'jiaxing-2022-opinions', city: '嘉兴', citySlug: 'jiaxing', stop: /^Copyright/ },
  shenzhen: { file: 'shenzhen-2022-measures.consultancy.txt', policyId: 'shenzhen-2022-measures', city: '深圳', citySlug: 'shenzhen', stop: /^由《若干措施》/ },
  hangzhou: { file: 'hangzhou-action-plan.draft.txt', policyId: 'hangzhou-action-plan', city: '杭州', citySlug: 'hangzhou', stop: /^\uFFFF/ },
};

const L1 = /^([一二三四五六七八九十]+)、/;
const L2 = /^[(（]([一二三四五六七八九十]+)[)）]/;
const L3 = /^(\d+)[.．]/;
const AREA = /^(0\d)\s/;

/** Split the department bracket off a clause body (`…。（责任单位：市科技局）`). */
export function splitDepartments(body: string): { text: string; departmentsText: string | null } {
  const label = body.search(/责任单位|牵头单位|责任部门/);
  if (label === -1) return { text: body.trim(), departmentsText: null };
  const open = Math.max(body.lastIndexOf('（', label), body.lastIndexOf('(', label), body.lastIndexOf('〔', label));
  let depth = 0;
  let close = body.length - 1;
  for (let i = open; i < body.length; i++) {
    if ('（(〔'.includes(body[i] as string)) depth++;
    else if ('）)〕'.includes(body[i] as string)) {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  return { text: (body.slice(0, open) + body.slice(close + 1)).trim(), departmentsText: body.slice(open, close + 1) };
}

/** Every clause of one source, with ids built from printed numbers like the pipeline's. */
export function clausesOf(key: keyof typeof SPECS): StructuredClause[] {
  const spec = SPECS[key] as SourceSpec;
  const lines = readFileSync(SOURCES + spec.file, 'utf8').split('\n');
  const clauses: StructuredClause[] = [];
  let path: number[] = [];
  let current: { path: number[]; number: string; value: number; body: string; line: number; lineEnd: number; sections: Array<{ marker: string; title: string }> } | null = null;
  let sections: Array<{ marker: string; title: string; depth: number }> = [];
  let started = false;
  const flush = () => {
    if (current && current.body.trim() !== '') {
      const { text, departmentsText } = splitDepartments(current.body);
      const p = current.path.join('.');
      clauses.push({
        id: `${spec.policyId}/${p}`,
        policyId: spec.policyId,
        city: spec.city,
        citySlug: spec.citySlug,
        number: current.number,
        numberValue: current.value,
        path: p,
        ordinal: clauses.length + 1,
        sectionPath: current.sections,
        title: text.split(/[。.]/)[0] ?? '',
        text,
        departmentsText,
        source: { file: spec.file, lineStart: current.line, lineEnd: current.lineEnd },
        alsoIn: [],
      });
    }
    current = null;
  };
  lines.forEach((raw, index) => {
    const line = raw.replace(/\[bookmark: _GoBack\]/g, '').replace(/\u00a0/g, ' ').trim();
    if (line === '') return;
    if (spec.stop.test(line)) {
      flush();
      started = false;
      path = [-1];
      return;
    }
    if (path[0] === -1) return;
    const area = AREA.exec(line);
    const l1 = L1.exec(line);
    const l2 = L2.exec(line);
    const l3 = L3.exec(line);
    const marker = area ?? l1 ?? l2 ?? l3;
    if (!marker) {
      if (started && current) {
        current.body += line;
        current.lineEnd = index + 1;
      }
      return;
    }
    started = true;
    flush();
    const rest = line.slice(marker[0].length).trim();
    let depth: number;
    let value: number;
    if (area) [depth, value] = [1, Number(area[1])];
    else if (l1) [depth, value] = [1, chineseNumber(l1[1] as string)];
    else if (l2) [depth, value] = [2, chineseNumber(l2[1] as string)];
    else [depth, value] = [3, Number((l3 as RegExpExecArray)[1])];
    // Shenzhen numbers its measures (一)…(三十二) straight through under its 01…09 areas.
    path = [...path.slice(0, depth - 1), value];
    while (path.length < depth) path.splice(path.length - 1, 0, 0);
    sections = sections.filter((s) => s.depth < depth);
    const isClause = /。|责任/.test(rest);
    if (isClause) current = { path: [...path], number: marker[0].trim(), value, body: rest, line: index + 1, lineEnd: index + 1, sections: sections.map(({ marker: m, title }) => ({ marker: m, title })) };
    else {
      sections.push({ marker: marker[0].trim(), title: rest, depth });
      // A heading whose body follows on the next line without a marker (嘉兴 一、工作目标).
      current = { path: [...path], number: marker[0].trim(), value, body: '', line: index + 1, lineEnd: index + 1, sections: sections.filter((s) => s.depth < depth).map(({ marker: m, title }) => ({ marker: m, title })) };
    }
  });
  flush();
  return clauses;
}
