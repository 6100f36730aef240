// Part of the `structure` stage, one job: the 责任单位 bracket that closes a clause
// (`（责任单位：市科技局）`, `〔责任单位：…〕`), found from the end of a paragraph so the
// structure stage can keep it apart from the clause text as `departmentsText`.
import { DEPARTMENT_ROLES } from '../../src/schema';
import { trimBounds } from './normalise';

/** Longest department bracket looked for at the end of a paragraph, in characters. */
export const MAX_BRACKET = 2000;
const ROLE_START = new RegExp(`^\\s*(?:${DEPARTMENT_ROLES.join('|')})\\s*[:：]`);
const CLOSE_TO_OPEN: Record<string, string> = { '）': '(', ')': '(', '〕': '〔', ']': '[', '】': '[' };
const OPEN_KIND: Record<string, string> = { '（': '(', '(': '(', '〔': '〔', '[': '[', '【': '[' };

/**
 * The trailing department bracket of a paragraph, e.g. `（责任单位：市科技局）`,
 * `(责任单位:市委组织部(市委人才办)、各县(市、区)政府)` or `〔责任单位：…，各区、县（市）政府〕`:
 * offsets of the bracket (start inclusive, end exclusive), or null. Nesting is followed
 * backwards from the closing bracket, so inner brackets never cut it short.
 */
export function findDepartmentBracket(text: string): { start: number; end: number } | null {
  const [, end] = trimBounds(text);
  const last = text[end - 1];
  if (last === undefined || !(last in CLOSE_TO_OPEN)) return null;
  const stack: string[] = [];
  for (let i = end - 1; i >= 0; i--) {
    const ch = text[i]!;
    const closeKind = CLOSE_TO_OPEN[ch];
    if (closeKind) {
      stack.push(closeKind);
      continue;
    }
    const openKind = OPEN_KIND[ch];
    if (!openKind) continue;
    if (stack.pop() !== openKind) return null;
    if (stack.length === 0) return ROLE_START.test(text.slice(i + 1, end - 1)) ? { start: i, end } : null;
  }
  return null;
}
