// The 404 page the way static hosts serve it: the site's 404.html sent, with status 404, for a
// deep missing address, at the root and under a base path (a second build with ATLAS_BASE), and
// opened from the folder. Its stylesheet must load and every link on it lead to a page.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build';
import { launchChromium } from '../../scripts/tools/chromium';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import { buildDay } from '../../src/lib/status';
import { assertDistBuilt, distDir } from './serve-dist';

const BASE = '/atlas/';
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  assertDistBuilt();
  browser = await launchChromium();
  scratch = await mkdtemp(join(tmpdir(), 'atlas-404-'));
});

afterAll(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

interface Visit {
  status: number | undefined;
  /** Requests other than the page itself that failed or were answered with an error. */
  failed: string[];
  /** True when site.css applied (the header's bottom border is one of its rules). */
  styled: boolean;
  links: string[];
}

async function visit(page: Page, url: string): Promise<Visit> {
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== url) failed.push(`${r.url()} → ${r.status()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle === 'solid');
  const links = await page.locator('a[href]:not([href^="#"])').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
  return { status: response?.status(), failed, styled, links };
}

/** Every link answered 200 by the host (or, from a folder, names a file that exists). */
async function brokenLinks(page: Page, links: string[]): Promise<string[]> {
  const broken: string[] = [];
  for (const link of links) {
    if (link.startsWith('file:')) {
      if (!existsSync(fileURLToPath(link.split('#')[0]!))) broken.push(link);
    } else if ((await page.request.get(link)).status() !== 200) broken.push(link);
  }
  return broken;
}

async function checkHost(dist: string, base: string): Promise<void> {
  const server: StaticServer = await serveStatic(dist, { base });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const missing = `${server.origin}${base}clause/jiaxing-2022-opinions/2.2.99/`;
    const found = await visit(page, missing);
    expect(found.status).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('找不到');
    expect(found.failed).toEqual([]);
    expect(found.styled).toBe(true);
    expect(found.links.length).toBeGreaterThanOrEqual(3);
    expect(found.links.every((l) => new URL(l).pathname.startsWith(base))).toBe(true);
    expect(await brokenLinks(page, found.links)).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
}

describe('the 404 page', () => {
  it('is served for a deep missing address at the root with its stylesheet and working links', async () => {
    await checkHost(distDir(), '/');
  });

  it(`is served for a deep missing address under the base path ${BASE} with its stylesheet and working links`, async () => {
    // The build's child processes inherit this environment: set the base, and drop what Vitest
    // adds to it (BASE_URL=/ among them, which Astro would take over the configured base).
    const saved = { ...process.env };
    for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete process.env[key];
    process.env.ATLAS_BASE = BASE;
    try {
      await build({ sourcesDir: 'content/sources', generatedDir: join(scratch, 'generated'), distDir: join(scratch, 'dist'), today: buildDay(), log: () => {} });
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
    await checkHost(join(scratch, 'dist'), BASE);
  }, 120_000);

  it('works opened from the folder (file://): styled, and every link names a file in it', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const found = await visit(page, pathToFileURL(join(distDir(), '404.html')).href);
      // The stylesheet is fetched again once the page has made its address relative.
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle)).toBe('solid');
      expect(errors).toEqual([]);
      const links = await page.locator('a[href]:not([href^="#"])').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
      expect(links.length).toBe(found.links.length);
      expect(await brokenLinks(page, links)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
