// Browser tests of the built site (run `npm run build` first): every page type loads cleanly
// at desktop and phone widths, makes no request beyond 127.0.0.1, passes axe-core, and the
// interactive pieces (city chooser, chart marks, copy citation) work.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { distDir, useSiteInBrowser } from './serve-dist';
import { pageCases, type PageCase } from './site-pages';
import { LIMITS } from '../../src/lib/paging';

const SCREENSHOTS = resolve('test-results/screenshots');
const AXE = resolve('node_modules/axe-core/axe.min.js');
const WIDTHS = [1280, 375] as const;

const site = useSiteInBrowser(SCREENSHOTS);

interface Problems {
  consoleErrors: string[];
  failedRequests: string[];
  offsiteRequests: string[];
}

/** A page that records console errors, failed and off-site requests (off-site ones are blocked). */
async function openPage(context: BrowserContext, allowStatus: number[] = []): Promise<{ page: Page; problems: Problems }> {
  const page = await context.newPage();
  const problems: Problems = { consoleErrors: [], failedRequests: [], offsiteRequests: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    problems.offsiteRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !allowStatus.includes(response.status())) problems.failedRequests.push(`${response.url()} → ${response.status()}`);
  });
  return { page, problems };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

const cases: PageCase[] = existsSync(resolve(distDir(), 'index.html')) ? pageCases(distDir()) : [{ type: 'home', path: '/' }];

describe('every page type', () => {
  for (const width of WIDTHS) {
    for (const pageCase of cases) {
      it(`loads ${pageCase.type} (${pageCase.path}) at ${width}px with no console error, failed or off-site request, and no axe violation`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
        try {
          const { page, problems } = await openPage(context);
          const response = await page.goto(site.server.origin + pageCase.path, { waitUntil: 'load' });
          expect(response?.status()).toBe(200);
          expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
          await page.screenshot({ path: `${SCREENSHOTS}/${pageCase.type}-${width}.png`, fullPage: true });
          expect(problems).toEqual({ consoleErrors: [], failedRequests: [], offsiteRequests: [] });
          // The layout must not overflow sideways at phone width (charts and tables scroll inside their own box).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(1);
          if (width === 1280) expect(await axeViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('answers an unknown address with the 404 page and its links home', async () => {
    const context = await site.browser.newContext();
    try {
      const { page, problems } = await openPage(context, [404]);
      const response = await page.goto(`${site.server.origin}/no-such-page/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toContain('找不到');
      await page.screenshot({ path: `${SCREENSHOTS}/404-1280.png` });
      // Chromium reports the 404 document itself as a console error; nothing else may fail.
      expect(problems.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
      expect(problems.offsiteRequests).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('reading pages', () => {
  it('ship no JavaScript on policy, compare-matrix and methodology pages, and little on chart pages', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      for (const path of ['/methodology/', '/compare/', cases.find((c) => c.type === 'policy')!.path]) {
        await page.goto(site.server.origin + path);
        expect(await page.locator('script').count(), path).toBe(0);
      }
      for (const path of ['/', '/benchmark/']) {
        await page.goto(site.server.origin + path);
        const bytes = await page.evaluate(() => [...document.scripts].reduce((n, s) => n + (s.src ? 0 : s.textContent?.length ?? 0), 0));
        const external = await page.evaluate(() => [...document.scripts].filter((s) => s.src).length);
        expect(external, `${path} loads no script files`).toBe(0);
        expect(bytes, `${path} inline JavaScript in bytes`).toBeLessThan(4_000);
      }
    } finally {
      await context.close();
    }
  });

  it('show every city on a compare page when JavaScript is off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const path = cases.find((c) => c.type === 'compare')!.path;
      await page.goto(`${site.server.origin}${path}?cities=nowhere`);
      const columns = page.locator('.column[data-city]');
      expect(await columns.count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('.column[data-city]:visible').count()).toBe(await columns.count());
      expect(await page.locator('#city-picker').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

/** Slugs of every city in the built atlas, from the policy download. */
function atlasCitySlugs(): string[] {
  const policies = JSON.parse(readFileSync(join(distDir(), 'data/policies.json'), 'utf8')) as { city: { slug: string } }[];
  return [...new Set(policies.map((p) => p.city.slug))].sort();
}

describe('pages that list every city', () => {
  it('show a bounded set of compare columns without JavaScript and reach every other city from the directory', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.server.origin + cases.find((c) => c.type === 'compare')!.path);
      const onPage = await page.locator('.column[data-city]').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')!));
      expect(onPage.length).toBeGreaterThanOrEqual(2);
      expect(onPage.length).toBeLessThanOrEqual(LIMITS.cityColumns);
      const listed = await page.locator('#city-index a[href*="#city-"]').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).hash.slice('#city-'.length)));
      // Every city is either a column here or a link in the directory (all of them, when there is one).
      expect([...new Set([...onPage, ...listed])].sort()).toEqual(atlasCitySlugs());
      if (listed.length > 0) expect(listed.sort()).toEqual(atlasCitySlugs());
    } finally {
      await context.close();
    }
  });

  it('offer every city in the compare chooser, and load the column of a city this page does not hold', async () => {
    const context = await site.browser.newContext();
    try {
      const { page, problems } = await openPage(context);
      const path = cases.find((c) => c.type === 'compare')!.path;
      await page.goto(site.server.origin + path);
      const onPage = await page.locator('.column[data-city]').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')!));
      const offered = await page.locator('#city-picker select option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
      expect([...onPage, ...offered].sort()).toEqual(atlasCitySlugs());
      const elsewhere = offered.find((slug) => !onPage.includes(slug));
      if (elsewhere) {
        await page.locator('#city-picker select').selectOption(elsewhere);
        const column = page.locator(`.column[data-city="${elsewhere}"]`);
        await expect.poll(() => column.isVisible()).toBe(true);
        expect(new URL(page.url()).searchParams.get('cities')).toBe([...onPage, elsewhere].join(','));
        // Links inside the loaded column still lead to the right pages.
        const policyHref = await column.locator('.column-head a').first().getAttribute('href');
        const response = await page.request.get(new URL(policyHref!, page.url()).href);
        expect(response.status()).toBe(200);
        // The choice survives a reload and a move to another category.
        await page.reload();
        await expect.poll(() => page.locator(`.column[data-city="${elsewhere}"]`).isVisible()).toBe(true);
        expect(await page.locator('a[data-keep-cities]').first().getAttribute('href')).toContain(elsewhere);
      } else {
        expect(onPage.sort()).toEqual(atlasCitySlugs());
      }
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('compare city chooser', () => {
  it('changes the columns and keeps the choice in the URL', async () => {
    const context = await site.browser.newContext();
    try {
      const { page, problems } = await openPage(context);
      const path = cases.find((c) => c.type === 'compare')!.path;
      await page.goto(site.server.origin + path);
      const slugs = await page.locator('.column[data-city]').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')!));
      expect(slugs.length).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.column[data-city]:visible').count()).toBe(slugs.length);

      // Untick the first city: its column goes, the URL lists the others.
      await page.locator(`#city-picker input[value="${slugs[0]}"]`).uncheck();
      await expect.poll(() => page.locator('.column[data-city]:visible').count()).toBe(slugs.length - 1);
      expect(await page.locator(`.column[data-city="${slugs[0]}"]`).isHidden()).toBe(true);
      expect(new URL(page.url()).searchParams.get('cities')).toBe(slugs.slice(1).join(','));
      // Links to other categories carry the choice along.
      expect(await page.locator('a[data-keep-cities]').first().getAttribute('href')).toContain(`?cities=${slugs.slice(1).join(',')}`);

      // A URL with two cities shows exactly those two.
      const two = [slugs[1]!, slugs[2]!];
      await page.goto(`${site.server.origin}${path}?cities=${two.join(',')}`);
      const visible = await page.locator('.column[data-city]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')));
      expect(visible).toEqual(two);
      expect(await page.locator('#city-picker input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(two);

      // Fewer than two cities is refused.
      await page.locator(`#city-picker input[value="${two[0]}"]`).click();
      expect(await page.locator('#city-picker input:checked').count()).toBe(2);
      await expect(page.locator('.picker-status').textContent()).resolves.toContain('至少');
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('chart marks', () => {
  it('link to the clause whose words they quote, and show the words on focus', async () => {
    const context = await site.browser.newContext();
    try {
      const { page } = await openPage(context);
      await page.goto(`${site.server.origin}/`);
      // A mark names its quoted words (written once, in the chart's data table) with aria-describedby.
      const marks = await page.locator('svg a.mark').evaluateAll((els) =>
        els.map((e) => ({ href: e.getAttribute('href')!, quote: document.getElementById(e.getAttribute('aria-describedby')!)?.textContent ?? '' })),
      );
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => m.quote.length > 0)).toBe(true);
      const clausePage = await context.newPage();
      for (const mark of marks) {
        const target = new URL(mark.href, page.url());
        expect(target.pathname).toMatch(/\/clause\/[a-z0-9-]+\/[0-9.]+\/(index\.html)?$/);
        await clausePage.goto(target.href);
        const text = await clausePage.locator('[data-pagefind-body] .clause-text').textContent();
        expect(text, `${target.pathname} says “${mark.quote}”`).toContain(mark.quote.replace(/\n/g, ''));
      }
      // Keyboard focus shows the quoted words in a tooltip.
      const first = page.locator('svg a.mark').first();
      await first.focus();
      await expect(page.locator('#chart-tooltip').textContent()).resolves.toContain(marks[0]!.quote);
      expect(await page.locator('#chart-tooltip').isVisible()).toBe(true);
      // Following the mark lands on the clause.
      await Promise.all([page.waitForURL(/\/clause\//), first.press('Enter')]);
      expect(await page.locator('[data-pagefind-body] .clause-text').textContent()).toContain(marks[0]!.quote.replace(/\n/g, ''));
    } finally {
      await context.close();
    }
  });
});

describe('citation', () => {
  it('is shown as selectable text, and the copy button puts exactly that text on the clipboard', async () => {
    const context = await site.browser.newContext();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
      const { page, problems } = await openPage(context);
      await page.goto(site.server.origin + cases.find((c) => c.type === 'clause')!.path);
      const text = (await page.locator('#citation').textContent())!.trim();
      // GB/T 7714-2015: 责任者. 题名[A] or [EB/OL] (online forms carry the access date) …, ending with a full stop.
      expect(text).toMatch(/^[^.]+\. .+\[(A|EB)(\/OL)?\]\. .+\.$/);
      await page.locator('button[data-copy-target="citation"]').click();
      await expect.poll(() => page.locator('.copy-status').textContent()).toContain('已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the citation visible without JavaScript (the copy button stays hidden)', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.server.origin + cases.find((c) => c.type === 'clause')!.path);
      expect(await page.locator('#citation').isVisible()).toBe(true);
      expect(await page.locator('button[data-copy-target]').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('offline copy', () => {
  it('works from the folder opened via file://: chart mark → clause → policy → home, without errors', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(join(distDir(), 'index.html')).href);
      const mark = page.locator('svg a.mark').first();
      await Promise.all([page.waitForURL(/\/clause\/.+\/index\.html/), mark.click()]);
      expect(await page.locator('h1').count()).toBe(1);
      await Promise.all([page.waitForURL(/\/policy\/.+\/index\.html/), page.locator('.breadcrumb a').nth(1).click()]);
      await Promise.all([page.waitForURL(/\/dist[^/]*\/index\.html$|\/index\.html$/), page.locator('a.brand').click()]);
      expect(await page.locator('svg a.mark').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('print', () => {
  it('hides navigation and the city chooser and keeps every clause on compare and policy pages', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      for (const type of ['compare', 'policy'] as const) {
        await page.goto(site.server.origin + cases.find((c) => c.type === type)!.path);
        expect(await page.locator('.site-header').isVisible()).toBe(false);
        expect(await page.locator('#city-picker').isVisible()).toBe(false);
        const clauses = page.locator('article.clause');
        expect(await clauses.count()).toBeGreaterThan(0);
        expect(await page.locator('article.clause:visible').count()).toBe(await clauses.count());
        await page.screenshot({ path: `${SCREENSHOTS}/${type}-print.png`, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
