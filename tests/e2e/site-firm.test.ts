// The firm profile in the built site (run `npm run build` first): the static preset pages answer
// without JavaScript, and the form recomputes in the browser from the URL, links included.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/tools/chromium';
import { assertDistBuilt, distDir, serveDist, type DistServer } from './serve-dist';

const dist = distDir();
let server: DistServer;
let browser: Browser;

beforeAll(async () => {
  assertDistBuilt(dist);
  browser = await launchChromium();
  server = await serveDist();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the firm profile', () => {
  it('answers a little giant planning a listing without JavaScript: Changsha’s 50万 counted, Hangzhou’s draft marked and left out', () => {
    const html = readFileSync(join(dist, 'firm', 'little-giant-listing', 'index.html'), 'utf8');
    expect(html).toMatch(/长沙<span class="firm-headline">确定可得 50 万元/);
    expect(html).toMatch(/杭州<span class="firm-headline">无计入合计的奖补/);
    expect(html).toContain('未计入：政策征求意见稿');
    expect(html).toContain('href="../../clause/changsha-2025-measures/1/index.html"');
  });

  it('recomputes from the URL in the browser, with the retrofit subsidy capped and clause links that open', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/firm/?t=little-giant&dx=200`);
      const headline = page.locator('#firm-changsha .firm-headline');
      // Hand calculation: 50万 one-off + min(30% × 200万, 30万) = 80万 certain; the 30万 top-up is a ceiling.
      await expect.poll(() => headline.textContent()).toBe('确定可得 80 万元');
      expect(await page.locator('input[name=dx]').inputValue()).toBe('200');
      const link = page.locator('.firm-line[data-award="changsha-2025-measures/1#a1"] .firm-source a');
      const response = await page.request.get(await link.getAttribute('href') ?? '');
      expect(response.status()).toBe(200);
      await page.locator('input[name=list]').check();
      await expect.poll(() => page.url()).toContain('list=1');
    } finally {
      await page.close();
    }
  });

  it('says, opened from a folder (file://), that the form cannot compute there, and its preset pages link to clause files that exist', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${pathToFileURL(join(dist, 'firm', 'index.html')).href}?t=little-giant`);
      expect(await page.locator('#firm-state').textContent()).toContain('从本地文件夹打开时');
      await page.goto(pathToFileURL(join(dist, 'firm', 'little-giant', 'index.html')).href);
      const hrefs = await page.locator('.firm-source a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(existsSync(fileURLToPath(href.split('#')[0]!)), href).toBe(true);
    } finally {
      await page.close();
    }
  });
});
