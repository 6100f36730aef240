// Browser tests of the built site on a 360 px phone (run `npm run build` first): every page
// type, and every policy, compare and benchmark page (long labels live there), fits the screen
// without sideways scrolling; every chart value label is on screen, chart text renders at
// 12 px or more, and every interactive element is at least 24 × 24 px (WCAG 2.2 SC 2.5.8,
// inline links in running text excepted). Screenshots at 360 and 1280 px of the main page types
// go to test-results/ for reading by eye.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { distDir, useSiteInBrowser } from './serve-dist';
import { pageCases, type PageCase } from './site-pages';

const SCREENSHOTS = resolve('test-results/narrow');
const PHONE = 360;
const DESKTOP = 1280;
/** Page types whose screenshots are read by eye at both widths. */
const SHOWN = ['home', 'benchmark', 'compare-matrix', 'policy', 'clause'];

const site = useSiteInBrowser(SCREENSHOTS);

/** Every page of the types whose content varies most in label length, plus one of each other type. */
function narrowCases(dist: string): PageCase[] {
  const cases = pageCases(dist);
  const seen = new Set(cases.map((c) => c.path));
  const add = (type: string, dir: string, prefix: string) => {
    const root = join(dist, dir);
    if (!existsSync(root)) return;
    for (const name of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      const path = `${prefix}${name}/`;
      if (!existsSync(join(root, name, 'index.html')) || seen.has(path)) continue;
      seen.add(path);
      cases.push({ type, path });
    }
  };
  add('policy', 'policy', '/policy/');
  add('compare', 'compare', '/compare/');
  add('benchmark-category', 'benchmark', '/benchmark/');
  cases.push({ type: 'search', path: '/search/?q=%E5%B0%8F%E5%B7%A8%E4%BA%BA' });
  cases.push({ type: '404', path: '/clause/no-such-policy/9.9.99/' });
  return cases;
}

const cases: PageCase[] = existsSync(resolve(distDir(), 'index.html')) ? narrowCases(distDir()) : [{ type: 'home', path: '/' }];

interface Findings {
  overflow: number;
  /** Elements wider than the viewport's right edge (when overflowing), for the message. */
  wide: string[];
  offscreenValues: string[];
  smallChartText: string[];
  chartsWiderThanBox: string[];
  smallTargets: string[];
}

/** What the page breaks at its current width. Runs in the page. */
function inspect(): Findings {
  const root = document.documentElement;
  const width = root.clientWidth;
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.split(' ').join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
  const wide = [...document.body.querySelectorAll('*')]
    .filter((el) => visible(el) && el.getBoundingClientRect().right > width + 1)
    .filter((el) => !el.closest('.table-wrap, .visually-hidden'))
    .slice(0, 5)
    .map(name);
  const offscreenValues: string[] = [];
  const smallChartText: string[] = [];
  const chartsWiderThanBox: string[] = [];
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart-svg')) {
    if (!visible(svg)) continue;
    const box = svg.getBoundingClientRect();
    const container = svg.closest('figure')!.getBoundingClientRect();
    if (box.width > container.width + 1) chartsWiderThanBox.push(`${svg.closest('figure')!.id}: ${box.width} > ${container.width}`);
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < 11.95) smallChartText.push(`${svg.closest('figure')!.id} “${text.textContent}” ${size.toFixed(1)} px`);
    }
    for (const value of svg.querySelectorAll('text.value')) {
      const r = value.getBoundingClientRect();
      if (r.left < 0 || r.right > width) offscreenValues.push(`${svg.closest('figure')!.id} “${value.textContent}” ${r.left.toFixed(0)}–${r.right.toFixed(0)}`);
    }
  }
  // Targets: links, buttons, form fields, summaries. An inline link inside running text is
  // exempt (SC 2.5.8 "inline"): its size is set by the line of text around it.
  const smallTargets: string[] = [];
  const targets = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  for (const el of targets) {
    if (!visible(el) || el.closest('.visually-hidden')) continue;
    if (el.matches('.skip-link') && el.getBoundingClientRect().bottom < 0) continue;
    const style = getComputedStyle(el);
    if (el instanceof HTMLAnchorElement && style.display === 'inline') {
      const block = el.parentElement?.closest('p, li, td, th, dd, dt, figcaption, div, caption, h1, h2, h3, h4');
      const own = (el.textContent ?? '').trim().length;
      if (block && (block.textContent ?? '').trim().length > own) continue;
    }
    const r = el.getBoundingClientRect();
    if (r.width < 23.5 || r.height < 23.5) smallTargets.push(`${name(el)} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
  }
  return { overflow: root.scrollWidth - width, wide, offscreenValues, smallChartText, chartsWiderThanBox, smallTargets };
}

async function settle(page: Page, path: string): Promise<void> {
  const response = await page.goto(site.server.origin + path, { waitUntil: 'load' });
  expect(response?.status()).toBe(path.startsWith('/clause/no-such-') ? 404 : 200);
  // Charts below the fold are laid out lazily (content-visibility): bring each into view once.
  await page.evaluate(() => document.querySelectorAll('.chart-frame').forEach((f) => f.scrollIntoView()));
  if (path.startsWith('/search/')) await page.waitForSelector('#search-results[data-search-state="done"]');
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe(`at ${PHONE} px`, () => {
  for (const pageCase of cases) {
    it(`${pageCase.type} ${pageCase.path} fits the screen, with legible chart text and targets of 24 px`, async () => {
      const context = await site.browser.newContext({ viewport: { width: PHONE, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        await settle(page, pageCase.path);
        const found = await page.evaluate(inspect);
        const shown = SHOWN.includes(pageCase.type) && !pageCase.path.includes('?');
        if (shown && (pageCase.type !== 'policy' || pageCase.path === cases.find((c) => c.type === 'policy')!.path)) {
          await page.screenshot({ path: `${SCREENSHOTS}/${pageCase.type}-${PHONE}.png`, fullPage: true });
        }
        expect({ overflow: found.overflow <= 1 ? 0 : found.overflow, wide: found.overflow <= 1 ? [] : found.wide }).toEqual({ overflow: 0, wide: [] });
        expect(found.chartsWiderThanBox).toEqual([]);
        expect(found.offscreenValues).toEqual([]);
        expect(found.smallChartText).toEqual([]);
        expect(found.smallTargets).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe(`at ${DESKTOP} px`, () => {
  for (const type of SHOWN) {
    it(`${type} keeps chart text at 12 px or more, every value label on screen and targets of 24 px`, async () => {
      const pageCase = cases.find((c) => c.type === type)!;
      const context = await site.browser.newContext({ viewport: { width: DESKTOP, height: 900 }, locale: 'zh-CN' });
      try {
        const page = await context.newPage();
        await settle(page, pageCase.path);
        const found = await page.evaluate(inspect);
        await page.screenshot({ path: `${SCREENSHOTS}/${type}-${DESKTOP}.png`, fullPage: true });
        expect(found.overflow).toBeLessThanOrEqual(1);
        expect(found.offscreenValues).toEqual([]);
        expect(found.smallChartText).toEqual([]);
        expect(found.smallTargets).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
