// Search records made from the data the clause pages show (scripts/site/search-index.ts), and
// the pages ↔ records check before the index joins the site.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clausePageUrls, installSearchIndex, searchRecord, searchRecords } from '../scripts/site/search-index';
import { decodeMetaText } from '../src/lib/search/text';
import { award, clause, policy } from './site-fixtures';

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
    // One token per character, `zz` at a line break, then the 责任单位 as department tokens (checked by reading).
    expect(record.content).toBe(
      '首 台 套 zz 对 首 台 套 产 品 给 予 奖 励 xdaac zz 第 二 行 xdk 每 家 给 予 xdf xda 万 元 xdaac zz yincd yeopl yfdff yepen ydk yfoac yhomp yepob yfmea',
    );
  });

  it('indexes a traditional-script clause in its simplified fold, so a simplified query finds it', () => {
    const traditional = clause(P, '2.2', '對首次認定的專精特新“小巨人”企業，給予一次性獎勵50萬元。', { title: '', departmentsText: '（責任單位：市經信局）' });
    const record = searchRecord(traditional, P, '2025-01-01');
    expect(record.content).toBe(
      '对 首 次 认 定 的 专 精 特 新 小 巨 人 企 业 xcm 给 予 一 次 性 奖 励 xdf xda 万 元 xdaac zz yincd yeopl yfdff yepen ydk yfoac yhomp yepob yfmea',
    );
    // The page and the excerpt keep the printed characters.
    expect(decodeMetaText(record.meta.text!)).toBe(traditional.text);
  });

  it('folds a short clause of a traditional policy too: the script is decided over the whole policy', () => {
    const long = clause(P, '2.3', '對首次認定的專精特新“小巨人”企業，給予一次性獎勵50萬元。', { title: '' });
    const short = clause(P, '2.4', '本辦法自發布之日起施行。', { title: '' });
    const [, shortRecord] = searchRecords([long, short], [P], '2025-01-01');
    expect(shortRecord!.content).toBe('本 办 法 自 发 布 之 日 起 施 行 xdaac');
    // Alone, three changed characters are too few to call it traditional.
    expect(searchRecord(short, P, '2025-01-01').content).toBe('本 辦 法 自 發 布 之 日 起 施 行 xdaac');
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
