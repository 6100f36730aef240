// Curation reaches the built site (run `npm run build` first): every override in
// content/curation is what dist/data/clauses.json says, and the methodology page lists it as
// applied from generated/curation.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCategoryOverrides } from '../../scripts/ingest/classify';
import type { Clause } from '../../src/schema';
import { assertDistBuilt, distDir } from './serve-dist';

const dist = distDir();
beforeAll(() => assertDistBuilt(dist));

describe('curation in the built site', () => {
  const { overrides, diagnostics } = parseCategoryOverrides(readFileSync('content/curation/categories.yaml', 'utf8'));

  it('reads every override of content/curation without a problem', () => {
    expect(diagnostics).toEqual([]);
    expect(overrides.length).toBeGreaterThan(0);
  });

  it('gives every overridden clause in dist/data/clauses.json the curated categories', () => {
    const clauses = JSON.parse(readFileSync(join(dist, 'data', 'clauses.json'), 'utf8')) as Clause[];
    for (const o of overrides) {
      const clause = clauses.find((c) => c.id === o.clause);
      expect(clause, o.clause).toBeDefined();
      expect(clause!.primaryCategory).toBe(o.primaryCategory);
      expect(clause!.categories[0]).toBe(o.primaryCategory);
      for (const c of o.categories ?? []) expect(clause!.categories).toContain(c);
      expect(clause!.categoryEvidence.find((e) => e.category === o.primaryCategory)?.by).toBe('curation');
    }
  });

  it('lists every override on the methodology page as applied', () => {
    const page = readFileSync(join(dist, 'methodology', 'index.html'), 'utf8');
    const section = page.slice(page.indexOf('id="curation"'), page.indexOf('id="accounting"'));
    expect(section).toContain('已应用的分类校订');
    for (const o of overrides) expect(section).toContain(o.clause);
  });
});
