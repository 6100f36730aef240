// GB/T 7714-2015 citations for a policy or one of its clauses, in three forms chosen by the
// primary source's kind:
//   government document  主要责任者. 题名: 文号[A]. 出版地: 出版者, 出版年: 引文位置.
//   draft for comment    the same, with 征求意见稿 in the title (其他题名信息 when the title lacks it)
//   electronic reprint   主要责任者. 题名[EB/OL]. [出版地不详]: 出版者, 出版年: 引文位置[引用日期].
// With a known URL a source is cited as online, as in the standard's own examples (4.8):
//   主要责任者. 题名: 文号[A/OL]. 引文位置(发布日期)[引用日期]. 获取和访问路径.
// Unknowns are written as the standard says, never guessed: 佚名 for an unknown author,
// [出版者不详] / [出版地不详], an estimated year in brackets ([2022]).
import type { Clause, Policy } from '../schema';
import { numberCore } from './format';

/** Where a clause sits, as printed: `第六条` for a top-level clause, `二、(二)3` when nested. */
export function clauseLocator(clause: Pick<Clause, 'number' | 'sectionPath'>): string {
  if (clause.sectionPath.length === 0) return `第${numberCore(clause.number)}条`;
  const printed = clause.sectionPath.map((s) => s.marker.trim()).join('') + clause.number.trim();
  return printed.replace(/[、.．。\s]+$/, '');
}

export type CitationForm = 'government-document' | 'draft-for-comment' | 'electronic-reprint';

/** Which form a policy is cited in: from its primary source's kind (a draft flag wins). */
export function citationForm(policy: Pick<Policy, 'draft' | 'sources'>): CitationForm {
  const kind = (policy.sources.find((s) => s.primary) ?? policy.sources[0]!).sourceKind;
  if (policy.draft || kind === 'draft-for-comment') return 'draft-for-comment';
  return kind === 'official-document' ? 'government-document' : 'electronic-reprint';
}

/**
 * The citation text. `accessed` is the build day (YYYY-MM-DD), passed in so output is
 * reproducible; it is written only for online and electronic sources, as the standard asks.
 * The rendition cited is the primary source (publisher and URL).
 */
export function gbt7714(policy: Policy, clause: (Pick<Clause, 'number' | 'sectionPath'> & { source?: Clause['source'] }) | null, accessed: string): string {
  const primary = policy.sources.find((s) => s.primary) ?? policy.sources[0]!;
  const form = citationForm(policy);
  const author = policy.issuer ?? '佚名';
  let title = policy.title;
  if (form === 'draft-for-comment' && !/征求意见稿/.test(title)) title += ': 征求意见稿';
  if (policy.docNumber) title += `: ${policy.docNumber}`;
  const type = form === 'electronic-reprint' ? 'EB' : 'A';
  // In a PDF or Word file the clause's pages or paragraphs locate it too: `第六条 (p. 3)`.
  const locator = clause ? clauseLocator(clause) + (clause.source?.origin ? ` (${clause.source.origin})` : '') : null;
  const date = policy.issued ?? policy.effective;

  if (primary.url) {
    // Online (4.8 examples): the access path names the host, so no place or publisher.
    const when = `${date ? `(${date})` : ''}[${accessed}]`;
    return `${author}. ${title}[${type}/OL]. ${locator ?? ''}${when}. ${primary.url}.`;
  }
  // Offline: place and publisher, year, then the clause as 引文位置.
  const place = form === 'electronic-reprint' ? '[出版地不详]' : policy.city.zh;
  const publisher = primary.publisher ?? '[出版者不详]';
  const year = date ? date.slice(0, 4) : policy.year !== null ? `[${policy.year}]` : null;
  let publication = `${place}: ${publisher}`;
  if (year) publication += `, ${year}`;
  if (locator) publication += `: ${locator}`;
  if (type === 'EB') return `${author}. ${title}[EB/OL]. ${publication}[${accessed}].`;
  return `${author}. ${title}[${type}]. ${publication}.`;
}
