// Printing the reading pages (run `npm run build` first): no navigation, every link in the
// text followed by its site address, compare pages on A4 landscape with the cities' columns
// side by side. Screenshots of the print layout go to test-results/print/.

import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';
import { distDir, useSiteInBrowser } from './serve-dist';
import { pageCases } from './site-pages';

const SCREENSHOTS = resolve('test-results/print');
/** A4 at 96 px to the inch, less the print margins: what the columns have to share. */
const A4_LANDSCAPE = { width: 1047, height: 700 };
const A4_PORTRAIT = { width: 703, height: 1000 };

const site = useSiteInBrowser(SCREENSHOTS);

const cases = pageCases(distDir());
const pathOf = (type: string) => cases.find((c) => c.type === type)!.path;

/** The page size of the first page of a printed PDF, in points. */
function firstPageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('no /MediaBox in the printed PDF');
  return { width: Number(box[1]), height: Number(box[2]) };
}

describe('print', () => {
  for (const type of ['policy', 'clause', 'compare'] as const) {
    it(`prints the ${type} page without navigation and with the address of every link in the text`, async () => {
      const context = await site.browser.newContext({ viewport: type === 'compare' ? A4_LANDSCAPE : A4_PORTRAIT });
      try {
        const page = await context.newPage();
        await page.emulateMedia({ media: 'print' });
        await page.goto(site.server.origin + pathOf(type));
        for (const selector of ['.site-header', '.site-footer', '.breadcrumb', '.site-search']) {
          expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
        }
        const links = await page.locator('main a[href]:visible').evaluateAll((els) =>
          els
            .filter((a) => !(a.getAttribute('href') ?? '').startsWith('#') && !a.closest('svg'))
            .map((a) => ({ text: (a.textContent ?? '').trim(), after: getComputedStyle(a, '::after').content, url: a.getAttribute('data-print-url') })),
        );
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) {
          if (!link.url) continue; // a download or an anchor: named by its text
          expect(link.after, link.text).toContain(link.url);
        }
        expect(links.filter((l) => l.url).length).toBeGreaterThan(0);
        await page.screenshot({ path: `${SCREENSHOTS}/${type}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }

  it('prints compare pages on A4 landscape with every city column side by side', async () => {
    const context = await site.browser.newContext({ viewport: A4_LANDSCAPE });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(site.server.origin + pathOf('compare'));
      const tops = await page.locator('.column[data-city]:visible').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThanOrEqual(2);
      expect(new Set(tops).size).toBe(1);
      const size = firstPageSize(await page.pdf({ preferCSSPageSize: true }));
      expect(size.width).toBeGreaterThan(size.height);
      expect(Math.round(size.width)).toBe(842);
      // A policy prints portrait.
      await page.goto(site.server.origin + pathOf('policy'));
      const portrait = firstPageSize(await page.pdf({ preferCSSPageSize: true }));
      expect(portrait.height).toBeGreaterThan(portrait.width);
    } finally {
      await context.close();
    }
  });
});
