// Browser tests of search on the built site (run `npm run build` first: they need dist/ with
// dist/pagefind). Expected results are computed from the clause data with the same matching
// rule the page promises (src/lib/search/text.ts), never listed by hand.
import * as OpenCC from 'opencc-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertSearchBuilt,
  collectResults,
  expectedIds,
  loadClauses,
  searchPage,
} from '../../scripts/tools/search-eval';
import { launchChromium } from '../../scripts/tools/chromium';
import { allSearchableText, containsTerm, decodeMetaText, looseKey, searchableText } from '../../src/lib/search/text';
import type { Clause } from '../../src/schema';
import { distDir, serveDist, type DistServer } from './serve-dist';

const dist = distDir();
let server: DistServer;
let browser: Browser;
let clauses: Clause[];
let searchUrl: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  assertSearchBuilt(dist);
  clauses = loadClauses(dist);
  server = await serveDist(dist);
  searchUrl = `${server.origin}${process.env.ATLAS_BASE ?? '/'}search/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

/** Terms from the domain, kept only when the data has clauses for them (so tests adapt to the corpus). */
const CANDIDATES = ['揭榜挂帅', '贴息', '首台套', '小巨人', '隐形冠军', '院士工作站', '知识产权', '融资担保', '上市'];
function presentTerm(filter: (loose: Set<string>) => boolean = (s) => s.size > 0): string {
  const term = CANDIDATES.find((t) => filter(expectedIds(clauses, t, false)));
  if (!term) throw new Error(`None of ${CANDIDATES.join('、')} fits this corpus; the test needs one`);
  return term;
}

// Each test runs several searches in a real browser; allow for a busy machine.
describe('search page', { timeout: 120_000 }, () => {
  it('lists exactly the clauses whose text contains a Chinese query', async () => {
    const page = await newPage();
    for (const term of CANDIDATES.slice(0, 4)) {
      const expected = expectedIds(clauses, term, false);
      const { ids, state } = await searchPage(page, searchUrl, { q: term });
      expect(state, term).toBe('done');
      expect(sorted(ids), term).toEqual(sorted(expected));
    }
    await page.context().close();
  });

  it('requires every word of a multi-word query', async () => {
    const page = await newPage();
    const [a, b] = ['小巨人', '奖励'] as const;
    const both = new Set([...expectedIds(clauses, a, false)].filter((id) => expectedIds(clauses, b, false).has(id)));
    expect(both.size).toBeGreaterThan(0);
    const { ids } = await searchPage(page, searchUrl, { q: `${a} ${b}` });
    expect(sorted(ids)).toEqual(sorted(both));
    await page.context().close();
  });

  it('narrows results with filters and writes them into the URL', async () => {
    const page = await newPage();
    const term = '专精特新';
    const all = await searchPage(page, searchUrl, { q: term });
    const matching = clauses.filter((c) => all.ids.includes(c.id));
    // The city with the fewest (but some) matching clauses, so the filter visibly narrows.
    const counts = new Map<string, number>();
    for (const c of matching) counts.set(c.citySlug, (counts.get(c.citySlug) ?? 0) + 1);
    const [city] = [...counts].sort((x, y) => x[1] - y[1])[0]!;
    expect(counts.size).toBeGreaterThan(1);

    await page.selectOption('select[name="city"]', city);
    await page.waitForURL((url) => url.searchParams.get('city') === city && url.searchParams.get('q') === term);
    const byCity = await collectResults(page);
    expect(sorted(byCity.ids)).toEqual(sorted(matching.filter((c) => c.citySlug === city).map((c) => c.id)));
    expect(byCity.ids.length).toBeLessThan(all.ids.length);

    await page.check('input[name="award"]');
    await page.waitForURL((url) => url.searchParams.get('award') === '1' && url.searchParams.get('city') === city);
    const withAward = await collectResults(page);
    const expectedAward = matching.filter((c) => c.citySlug === city && c.awards.length > 0).map((c) => c.id);
    expect(sorted(withAward.ids)).toEqual(sorted(expectedAward));

    // The URL alone reproduces the search: a shared link shows the same results and form.
    const shared = await newPage();
    await shared.goto(page.url());
    const again = await collectResults(shared);
    expect(sorted(again.ids)).toEqual(sorted(withAward.ids));
    expect(await shared.inputValue('#search-q')).toBe(term);
    expect(await shared.inputValue('select[name="city"]')).toBe(city);
    expect(await shared.isChecked('input[name="award"]')).toBe(true);
    await page.context().close();
    await shared.context().close();
  });

  it('lists clauses by tier alone when there is no query', async () => {
    const page = await newPage();
    const tier = clauses.flatMap((c) => c.tiers)[0];
    expect(tier, 'the corpus has a clause with a tier').toBeDefined();
    const { ids } = await searchPage(page, searchUrl, { tier: tier! });
    expect(sorted(ids)).toEqual(sorted(clauses.filter((c) => c.tiers.includes(tier!)).map((c) => c.id)));
    await page.context().close();
  });

  it('returns exactly the clauses containing a quoted phrase, character for character', async () => {
    const page = await newPage();
    // A term written several ways in the corpus (e.g. 首台套 and 首台（套）) shows the difference.
    const term = CANDIDATES.find((t) => {
      const exact = expectedIds(clauses, t, true);
      return exact.size > 0 && exact.size < expectedIds(clauses, t, false).size;
    });
    if (!term) throw new Error('No candidate term is written both with and without brackets/quotes in this corpus');
    const exact = await searchPage(page, searchUrl, { q: `"${term}"` });
    expect(sorted(exact.ids)).toEqual(sorted(expectedIds(clauses, term, true)));
    const loose = await searchPage(page, searchUrl, { q: term });
    expect(loose.ids.length).toBeGreaterThan(exact.ids.length);
    for (const id of exact.ids) expect(loose.ids).toContain(id);
    await page.context().close();
  });

  it('finds with traditional characters what simplified characters find', async () => {
    const page = await newPage();
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const term of ['专精特新', '首台套']) {
      const traditional = toTraditional(term);
      expect(traditional).not.toBe(term);
      const simplified = await searchPage(page, searchUrl, { q: term });
      const converted = await searchPage(page, searchUrl, { q: traditional });
      expect(converted.ids.length, term).toBeGreaterThan(0);
      expect(converted.ids, traditional).toEqual(simplified.ids);
      expect(await page.textContent('#search-status')).toContain(term);
    }
    await page.context().close();
  });

  it('leads from a result to the clause with the searched words highlighted', async () => {
    const page = await newPage();
    const term = presentTerm();
    const { ids } = await searchPage(page, searchUrl, { q: term });
    const first = page.locator('#search-list > li').first();
    expect(await first.locator('.result-excerpt mark').count()).toBeGreaterThan(0);
    await first.locator('a').first().click();
    await page.waitForURL((url) => url.pathname.includes(`/clause/${ids[0]}/`));
    const marks = await page.locator('[data-pagefind-body] mark.search-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const text of marks) expect(looseKey(text)).toBe(looseKey(term));
    await expect.poll(() => page.locator('mark.search-hit').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('fetches the highlighter only for visitors who arrive from a search', async () => {
    const page = await newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const clausePage = new URL(`../clause/${clauses[0]!.id}/`, searchUrl).href;
    await page.goto(clausePage);
    expect(fetched.filter((path) => path.endsWith('/search-highlight.js'))).toEqual([]);
    expect(await page.locator('mark.search-hit').count()).toBe(0);
    await page.goto(`${clausePage}?pagefind-highlight=${encodeURIComponent(clauses[0]!.text.slice(0, 4))}`);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    expect(fetched.filter((path) => path.endsWith('/search-highlight.js'))).toHaveLength(1);
    await page.context().close();
  });

  it('explains without JavaScript that search needs it and links to the compare pages', async () => {
    const page = await newPage(false);
    await page.goto(`${searchUrl}?q=${encodeURIComponent('贴息')}`);
    const notice = page.locator('.notice', { hasText: 'JavaScript' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('搜索需要启用 JavaScript');
    const links = await notice.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(new URL(link).pathname).toMatch(/\/compare\//);
    // The plain form still submits here with GET, so the query survives in the URL.
    expect(await page.getAttribute('#search-form', 'method')).toBe('get');
    expect(await page.getAttribute('#search-q', 'name')).toBe('q');
    await page.context().close();
  });

  it('indexes every clause once, with its searchable text stored exactly', async () => {
    const page = await newPage();
    await page.goto(searchUrl);
    // A string, so the test runner does not rewrite the browser's dynamic import().
    const stored = (await page.evaluate(`(async () => {
      const pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
      const all = await pagefind.search(null, { filters: {} });
      return Promise.all(all.results.map(async (r) => { const d = await r.data(); return [d.meta.clause, d.meta.text]; }));
    })()`)) as [string, string][];
    expect(sorted(stored.map(([id]) => id))).toEqual(sorted(clauses.map((c) => c.id)));
    const byId = new Map(stored);
    for (const clause of clauses) expect(decodeMetaText(byId.get(clause.id) ?? ''), clause.id).toBe(searchableText(clause));
    await page.context().close();
  });

  it('matches the clause text by default, the 责任单位 only when asked, and says where each term matched', async () => {
    // A two-character word some clause has in its 责任单位 but not in its heading or text.
    let word = '';
    let clause: Clause | undefined;
    for (const c of clauses) {
      const chars = [...(c.departmentsText ?? '')].filter((ch) => /\p{Script=Han}/u.test(ch));
      for (let i = 0; i + 1 < chars.length && !word; i++) {
        const w = chars[i]! + chars[i + 1]!;
        if (!containsTerm(searchableText(c), { text: w, exact: false })) [word, clause] = [w, c];
      }
      if (word) break;
    }
    expect(clause, 'some clause names a department word its text does not').toBeDefined();
    const page = await newPage();
    const plain = await searchPage(page, searchUrl, { q: word });
    expect(sorted(plain.ids)).toEqual(sorted(expectedIds(clauses, word, false)));
    expect(plain.ids).not.toContain(clause!.id);

    const withDepartments = await searchPage(page, searchUrl, { q: word, dept: '1' });
    const expected = clauses.filter((c) => containsTerm(allSearchableText(c), { text: word, exact: false })).map((c) => c.id);
    expect(sorted(withDepartments.ids)).toEqual(sorted(expected));
    expect(await page.isChecked('input[name="dept"]')).toBe(true);
    const where = await page.locator(`#search-list > li[data-clause-id="${clause!.id}"] .result-where`).textContent();
    expect(where).toContain(`${word} 见于责任单位`);
    await page.context().close();
  });

  it('shows every term of the query in each excerpt, and never a cut highlight', async () => {
    const page = await newPage();
    const terms = ['小巨人', '奖励'];
    const { ids } = await searchPage(page, searchUrl, { q: terms.join(' ') });
    expect(ids.length).toBeGreaterThan(0);
    const excerpts = await page.locator('#search-list .result-excerpt').evaluateAll((els) => els.map((e) => [...e.querySelectorAll('mark')].map((m) => m.textContent ?? '')));
    for (const marks of excerpts) {
      const keys = marks.map(looseKey);
      for (const term of terms) expect(keys.some((k) => k.includes(term)), `${term} in ${marks.join('|')}`).toBe(true);
      // Every marked piece is a whole hit: it holds a whole term.
      for (const key of keys) expect(terms.some((t) => key.includes(t)), key).toBe(true);
    }
    await page.context().close();
  });

  it('splits an unspaced query into words, not characters, and marks only those words on the clause', async () => {
    const page = await newPage();
    const whole = await searchPage(page, searchUrl, { q: '小巨人奖励' });
    expect(whole.fallback).toBe(true);
    const both = new Set([...expectedIds(clauses, '小巨人', false)].filter((id) => expectedIds(clauses, '奖励', false).has(id)));
    expect(sorted(whole.ids)).toEqual(sorted(both));
    await expect(page.textContent('#search-status')).resolves.toContain('小巨人、奖励');
    await page.locator('#search-list > li a').first().click();
    await page.waitForURL(/\/clause\//);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    const marked = (await page.locator('mark.search-hit').allTextContents()).map(looseKey);
    expect([...new Set(marked)].sort()).toEqual(['奖励', '小巨人'].filter((w) => marked.includes(w)).sort());
    expect(marked.every((m) => m === '小巨人' || m === '奖励')).toBe(true);
    await page.context().close();
  });

  it('searches English words for tiers and award forms as their Chinese terms, and says so', async () => {
    const page = await newPage();
    for (const [en, zh] of [['little giant', '小巨人'], ['interest subsidy', '贴息']] as const) {
      const english = await searchPage(page, searchUrl, { q: en });
      expect(english.ids.length, en).toBeGreaterThan(0);
      expect(sorted(english.ids), en).toEqual(sorted(expectedIds(clauses, zh, false)));
      await expect(page.textContent('#search-status')).resolves.toContain(`${en} → ${zh}`);
    }
    await page.context().close();
  });

  it('names a long pasted query by its first words only in the status line', async () => {
    const page = await newPage();
    const paragraph = clauses.map((c) => c.text).find((t) => t.length > 300)!.slice(0, 400);
    const words = paragraph.replace(/[，。；、]/g, ' ');
    await searchPage(page, searchUrl, { q: words });
    const status = (await page.textContent('#search-status')) ?? '';
    expect(status.length).toBeLessThan(160);
    expect(status).toMatch(/…|等 \d+ 个词/);
    // Unspaced and found nowhere whole: split into words, and still named briefly.
    const glued = clauses.slice(0, 3).map((c) => c.text.replace(/[\s，。；、“”（）]/g, '').slice(0, 120)).join('');
    await searchPage(page, searchUrl, { q: glued });
    expect(((await page.textContent('#search-status')) ?? '').length).toBeLessThan(200);
    await page.context().close();
  });

  it('explains the two marks on a clause page reached from a search', async () => {
    const page = await newPage();
    const term = '小巨人';
    const withAward = clauses.find((c) => c.awards.length > 0 && containsTerm(searchableText(c), { text: term, exact: false }))!;
    await page.goto(`${new URL(`../clause/${withAward.id}/`, searchUrl).href}?pagefind-highlight=${encodeURIComponent(term)}`);
    await expect.poll(() => page.locator('[data-search-legend]').isVisible()).toBe(true);
    const background = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor + getComputedStyle(el).borderBottomStyle);
    expect(await background('.clause-text mark.award-word')).not.toBe(await background('.clause-text mark.search-hit'));
    expect(await page.locator('.mark-legend .key-award-word').isVisible()).toBe(true);
    expect(await background('.mark-legend .key-search-hit')).toBe(await background('.clause-text mark.search-hit'));
    await page.context().close();
  });

  it('logs no console errors on any page it visited', () => {
    expect(consoleErrors).toEqual([]);
  });
});
