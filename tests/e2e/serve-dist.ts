// The built site for browser tests: scripts/serve.ts on a free port, recording every request
// so tests can check what a page fetched. Shared by the site and search browser tests.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from '../../scripts/serve';
import { launchChromium } from '../../scripts/tools/chromium';

export interface DistServer {
  /** e.g. `http://127.0.0.1:54321` (no trailing slash). */
  origin: string;
  /** Every path requested, in order. */
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/** The dist directory the tests use: ATLAS_DIST or ./dist. */
export function distDir(): string {
  return resolve(process.env.ATLAS_DIST ?? 'dist');
}

/** Fails with a clear instruction when the site has not been built. */
export function assertDistBuilt(dir = distDir()): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site at ${dir} (index.html missing): run \`npm run build\` first`);
  }
}

export async function serveDist(dir = distDir()): Promise<DistServer> {
  assertDistBuilt(dir);
  const requests: DistServer['requests'] = [];
  const { origin, close } = await serveStatic(dir, { onRequest: (path, status) => requests.push({ path, status }) });
  return { origin, requests, close };
}

/**
 * Chromium and the built site for one test file: started before its tests (with the folder for
 * its screenshots made), closed after them. Read `server` and `browser` inside tests.
 */
export function useSiteInBrowser(screenshots?: string): { readonly server: DistServer; readonly browser: Browser } {
  const state = {} as { server: DistServer; browser: Browser };
  beforeAll(async () => {
    state.browser = await launchChromium();
    state.server = await serveDist();
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
