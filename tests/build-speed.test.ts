// The build's shortcuts must not change what it produces: the similarity index against the
// plain definition, the clause loader without MDX render modules, search records made from the
// data (as the clause page's hidden record used to say), and the pages ↔ records check.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { clausePageUrls, installSearchIndex, searchRecord, searchRecords } from '../scripts/site/search-index';
import { frontmatterOnly } from '../src/lib/content-loaders';
import { decodeMetaText, indexTokens } from '../src/lib/search/text';
import { similarityIndex, type SimilarItem, type SimilarMatch } from '../src/lib/similar';
import { award, clause, policy } from './site-fixtures';

/** The similarity index as first written: string-keyed maps, full sorts. The reference. */
function plainSimilarity(items: readonly SimilarItem[], o: { perItem?: number; minScore?: number; anchors?: number; maxPostings?: number; candidates?: number } = {}) {
  const [perItem, minScore, anchorCount, maxPostings, candidateCount] = [o.perItem ?? 5, o.minScore ?? 0.05, o.anchors ?? 6, o.maxPostings ?? 100, o.candidates ?? 20];
  const grams = items.map((item) => {
    const counts = new Map<string, number>();
    let prev = '';
    for (const ch of item.text) {
      if (!/[\p{Script=Han}\p{L}\p{N}]/u.test(ch)) {
        prev = '';
        continue;
      }
      if (prev) counts.set(prev + ch, (counts.get(prev + ch) ?? 0) + 1);
      prev = ch;
    }
    return counts;
  });
  const df = new Map<string, number>();
  for (const g of grams) for (const gram of g.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const vectors = grams.map((g) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [gram, tf] of g) {
      const w = (1 + Math.log(tf)) * Math.log(1 + items.length / df.get(gram)!);
      v.set(gram, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [gram, w] of v) v.set(gram, w / norm);
    return v;
  });
  const anchors = vectors.map((v) =>
    [...v].filter(([gram]) => df.get(gram)! > 1).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, anchorCount),
  );
  const postings = new Map<string, number[]>();
  for (const list of anchors) for (const [gram] of list) postings.set(gram, []);
  vectors.forEach((v, i) => {
    for (const gram of v.keys()) {
      const list = postings.get(gram);
      if (list && list.length < maxPostings) list.push(i);
    }
  });
  const cosine = (a: Map<string, number>, b: Map<string, number>) => {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [gram, w] of small) {
      const other = large.get(gram);
      if (other !== undefined) dot += w * other;
    }
    return dot;
  };
  const result = new Map<string, SimilarMatch[]>();
  vectors.forEach((v, i) => {
    const proposed = new Map<number, number>();
    for (const [gram, w] of anchors[i]!) {
      for (const j of postings.get(gram)!) {
        if (j === i || items[j]!.group === items[i]!.group) continue;
        proposed.set(j, (proposed.get(j) ?? 0) + w * vectors[j]!.get(gram)!);
      }
    }
    const shortlist = [...proposed].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, candidateCount);
    const matches = shortlist
      .map(([j]) => ({ id: items[j]!.id, score: Math.round(cosine(v, vectors[j]!) * 1000) / 1000 }))
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, perItem);
    result.set(items[i]!.id, matches);
  });
  return result;
}

describe('similarityIndex (typed-array version)', () => {
  // Few distinct characters and many repeated texts, so texts share bigrams and scores tie often.
  const text = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('首台套奖励企业', '企业首台套', '奖励企业1A', '𠀀首台𠀀套', '首台套奖励企业首台') },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('首', '台', '套', '奖', '励', '企', '业', '，', 'A', '1', '𠀀'), { maxLength: 40 }).map((cs) => cs.join('')) },
  );
  const corpus = fc.array(fc.record({ group: fc.constantFrom('a', 'b', 'c', 'd'), text }), { maxLength: 60 });

  it('gives exactly the matches and scores of the plain definition, for any corpus and options', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), (rows, anchors, maxPostings, candidates) => {
        const items = rows.map((r, i) => ({ id: `${r.group}/${i}`, group: r.group, text: r.text }));
        const options = { anchors, maxPostings, candidates, perItem: 3, minScore: 0.01 };
        expect([...similarityIndex(items, options)]).toEqual([...plainSimilarity(items, options)]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('frontmatterOnly', () => {
  it('stores the wrapped loader’s entries without their render modules', async () => {
    const stored: unknown[] = [];
    const imports: string[] = [];
    const inner: Loader = {
      name: 'glob',
      load: async ({ store }) => {
        store.set({ id: 'p/1', data: { id: 'p/1' }, filePath: 'generated/clauses/p/1.mdx', digest: 'd', deferredRender: true });
        store.addModuleImport('generated/clauses/p/1.mdx');
      },
    };
    const context = {
      store: {
        set: (entry: unknown) => (stored.push(entry), true),
        addModuleImport: (file: string) => imports.push(file),
      },
    } as unknown as LoaderContext;
    await frontmatterOnly(inner).load(context);
    expect(stored).toEqual([{ id: 'p/1', data: { id: 'p/1' }, filePath: 'generated/clauses/p/1.mdx', digest: 'd', deferredRender: false }]);
    expect(imports).toEqual([]);
  });
});

const P = policy({ id: 'alpha-2024', city: { zh: '甲市', slug: 'alpha' }, title: '甲市  关于\n支持的措施', issued: '2024-03-01', year: null });
const Q = policy({ id: 'beta-draft', city: { zh: '乙市', slug: 'beta' }, draft: true, year: null });
const text1 = '对首台（套）产品给予奖励。\n第二行：每家给予50万元。';
const c1 = clause(
  P,
  '2.1',
  text1,
  { title: '首台套', tiers: ['little-giant', 'little-giant'], categories: ['innovation', 'finance'], primaryCategory: 'finance', departmentsText: '（责任单位：市经信局）' },
  (id, t) => [award(id, 1, t, '每家给予50万元', { amountYuan: 500_000 })],
);
const c2 = clause(Q, '3', '支持上市。', { title: '' });

describe('searchRecord', () => {
  it('carries the filters, meta and sort key the search page reads, for the clause page URL', () => {
    const record = searchRecord(c1, P, '2025-01-01');
    expect(record.url).toBe('/clause/alpha-2024/2.1/');
    expect(record.language).toBe('zh');
    expect(record.filters).toEqual({
      city: ['alpha'],
      category: ['finance', 'innovation'],
      tier: ['little-giant'],
      award: ['1'],
      status: ['in-force'],
      year: ['2024'],
    });
    expect(record.sort).toEqual({ order: 'alpha/2024/alpha-2024/00001' });
    expect(record.meta).toMatchObject({ title: c1.id, clause: c1.id, city: '甲市', number: c1.number, heading: '首台套', status: 'in-force' });
    // White space collapsed as Pagefind does for meta read from HTML.
    expect(record.meta.policy).toBe('甲市 关于 支持的措施');
    // Heading first (the text does not start with it), then text, one per line; the 责任单位
    // in a field of their own, searched only on request.
    expect(decodeMetaText(record.meta.text!)).toBe(`首台套\n${text1}`);
    expect(decodeMetaText(record.meta.departments!)).toBe('（责任单位：市经信局）');
    expect(record.content).toBe(indexTokens(`首台套\n${text1}`, '（责任单位：市经信局）'));
  });

  it('indexes a traditional-script clause in its simplified fold, so a simplified query finds it', () => {
    const traditional = clause(P, '2.2', '對首次認定的專精特新“小巨人”企業，給予一次性獎勵50萬元。', { title: '', departmentsText: '（責任單位：市經信局）' });
    const record = searchRecord(traditional, P, '2025-01-01');
    expect(record.content).toBe(indexTokens('对首次认定的专精特新“小巨人”企业，给予一次性奖励50万元。', '（责任单位：市经信局）'));
    // The page and the excerpt keep the printed characters.
    expect(decodeMetaText(record.meta.text!)).toBe(traditional.text);
  });

  it('leaves out empty meta and filters: no heading, no tiers, no year', () => {
    const record = searchRecord(c2, Q, '2025-01-01');
    expect(record.meta.heading).toBeUndefined();
    expect(record.filters.tier).toBeUndefined();
    expect(record.filters.year).toBeUndefined();
    expect(record.filters.status).toEqual(['draft']);
    expect(record.filters.award).toEqual(['0']);
    expect(record.sort.order).toBe(`beta/0/beta-draft/${String(c2.ordinal).padStart(5, '0')}`);
  });

  it('refuses a clause whose policy is missing, and sorts records by URL', () => {
    expect(() => searchRecords([c1], [Q], '2025-01-01')).toThrow(/names policy `alpha-2024`/);
    expect(searchRecords([c2, c1], [P, Q], '2025-01-01').map((r) => r.url)).toEqual(['/clause/alpha-2024/2.1/', '/clause/beta-draft/3/']);
  });
});

describe('installSearchIndex', () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function site(pages: string[], records: string[]) {
    dir = await mkdtemp(join(tmpdir(), 'atlas-install-'));
    const dist = join(dir, 'dist');
    for (const page of pages) {
      await mkdir(join(dist, page), { recursive: true });
      await writeFile(join(dist, page, 'index.html'), '<!doctype html>');
    }
    const bundle = join(dir, 'staging', 'pagefind');
    await mkdir(bundle, { recursive: true });
    await writeFile(join(bundle, 'pagefind.js'), '//');
    return { dist, staged: { dir: bundle, urls: records } };
  }

  it('lists the built clause pages as the URLs the site links', async () => {
    const { dist } = await site(['clause/a/1', 'clause/a/2.1', 'policy/a'], []);
    expect(await clausePageUrls(dist)).toEqual(['/clause/a/1/', '/clause/a/2.1/']);
  });

  it('moves the staged bundle into dist/pagefind when pages and records match', async () => {
    const { dist, staged } = await site(['clause/a/1', 'clause/a/2'], ['/clause/a/1/', '/clause/a/2/']);
    expect(await installSearchIndex(dist, staged)).toEqual({ pages: 2 });
    expect(await readdir(join(dist, 'pagefind'))).toEqual(['pagefind.js']);
  });

  it('fails, naming them, when a clause page has no record or a record no page', async () => {
    const { dist, staged } = await site(['clause/a/1', 'clause/a/2'], ['/clause/a/1/', '/clause/b/9/']);
    await expect(installSearchIndex(dist, staged)).rejects.toThrow(
      /1 clause pages have no search record: \/clause\/a\/2\/[\s\S]*1 search records have no clause page: \/clause\/b\/9\//,
    );
    expect(await readdir(dist)).toEqual(['clause']);
  });
});

describe('ingest with the emit worker', () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the same files, byte for byte, on two threads as on one', async () => {
    const { spawnSync } = await import('node:child_process');
    const { readFile } = await import('node:fs/promises');
    const { generateCorpus, readTemplates, writeCorpus } = await import('../scripts/tools/generate-corpus');
    dir = await mkdtemp(join(tmpdir(), 'atlas-emit-worker-'));
    await writeCorpus(generateCorpus(await readTemplates('content/sources'), 8), join(dir, 'sources'));
    const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    const trees: Map<string, string>[] = [];
    for (const flag of ['--no-emit-worker', '--emit-worker']) {
      const out = join(dir, flag);
      const run = spawnSync(tsx, ['scripts/ingest.ts', '--sources', join(dir, 'sources'), '--out', out, '--today', '2025-06-01', '--json', flag], {
        cwd: join(import.meta.dirname, '..'),
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      trees.push(new Map(await Promise.all(files.map(async (e) => [join(e.parentPath, e.name).slice(out.length), await readFile(join(e.parentPath, e.name), 'utf8')] as const))));
    }
    const [one, two] = trees as [Map<string, string>, Map<string, string>];
    expect([...one.keys()].filter((f) => f.endsWith('.mdx')).length).toBeGreaterThan(100);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, text] of one) expect(two.get(file), file).toBe(text);
  }, 120_000);
});
