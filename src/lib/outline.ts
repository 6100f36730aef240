// A policy's full text in printed order: section headings interleaved with clauses.
import type { Clause, Policy } from '../schema';

type Section = Policy['sections'][number];

export type OutlineItem =
  | { type: 'section'; section: Section; /** HTML heading level, 2..6. */ level: number }
  | { type: 'clause'; clause: Clause; level: number };

/** Compare dotted paths numerically; a prefix sorts before what it contains. */
export function comparePaths(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  }
  return pa.length - pb.length;
}

function ancestors(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Headings and clauses in reading order. Assumes clauses arrive with their printed `ordinal`
 * and sections in printed order; a heading is placed before the first clause whose path sorts
 * after it. Heading levels never skip (an absent intermediate heading does not add a level).
 */
export function policyOutline(sections: readonly Section[], clauses: readonly Clause[]): OutlineItem[] {
  const known = new Set(sections.map((s) => s.path));
  const levelOf = (path: string) => Math.min(6, 2 + ancestors(path).filter((p) => known.has(p)).length);
  const items: OutlineItem[] = [];
  let next = 0;
  for (const clause of [...clauses].sort((a, b) => a.ordinal - b.ordinal)) {
    while (next < sections.length && comparePaths(sections[next]!.path, clause.path) < 0) {
      const section = sections[next++]!;
      items.push({ type: 'section', section, level: levelOf(section.path) });
    }
    items.push({ type: 'clause', clause, level: levelOf(clause.path) });
  }
  for (; next < sections.length; next++) items.push({ type: 'section', section: sections[next]!, level: levelOf(sections[next]!.path) });
  return items;
}
