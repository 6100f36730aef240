// GB/T 7714-2015 citations for a policy or one of its clauses.
//   主要责任者. 题名: 其他题名信息[EB/OL]. 出版者, 出版年: 引文位置(发布日期)[引用日期]. 获取和访问路径.
// An unknown author is written 佚名 (GB/T 7714-2015, 8.1.1); nothing is invented.
import type { Clause, Policy } from '../schema';
import { numberCore, policyYear } from './format';

/** Where a clause sits, as printed: `第六条` for a top-level clause, `二、(二)3` when nested. */
export function clauseLocator(clause: Pick<Clause, 'number' | 'sectionPath'>): string {
  if (clause.sectionPath.length === 0) return `第${numberCore(clause.number)}条`;
  const printed = clause.sectionPath.map((s) => s.marker.trim()).join('') + clause.number.trim();
  return printed.replace(/[、.．。\s]+$/, '');
}

/**
 * The citation text. `accessed` is the build day (YYYY-MM-DD), passed in so output is
 * reproducible. The rendition cited is the primary source (publisher and URL).
 */
export function gbt7714(policy: Policy, clause: (Pick<Clause, 'number' | 'sectionPath'> & { source?: Clause['source'] }) | null, accessed: string): string {
  const primary = policy.sources.find((s) => s.primary) ?? policy.sources[0]!;
  const author = policy.issuer ?? '佚名';
  const title = policy.docNumber ? `${policy.title}: ${policy.docNumber}` : policy.title;
  const year = policyYear(policy);
  let publication = primary.publisher;
  if (year !== null) publication += `, ${year}`;
  if (clause) publication += `: ${clauseLocator(clause)}`;
  // In a PDF or Word file the clause's pages or paragraphs locate it too: `第六条 (p. 3)`.
  if (clause?.source?.origin) publication += ` (${clause.source.origin})`;
  const date = policy.issued ?? policy.effective;
  if (date) publication += `(${date})`;
  publication += `[${accessed}]`;
  const url = primary.url ? ` ${primary.url}.` : '';
  return `${author}. ${title}[EB/OL]. ${publication}.${url}`;
}
