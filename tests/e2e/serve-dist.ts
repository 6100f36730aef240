// A tiny static server for the built site, for browser tests: node:http on 127.0.0.1 and a
// random free port, serving dist/ (directory URLs → index.html, 404 → dist/404.html).
// Shared by the site and search browser tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface DistServer {
  /** e.g. `http://127.0.0.1:54321` (no trailing slash). */
  origin: string;
  /** Every path requested, in order (for tests that check what was fetched). */
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
  const root = resolve(dir);
  const requests: DistServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      requests.push({ path, status: 403 });
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      requests.push({ path, status: 404 });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    requests.push({ path, status: 200 });
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
  };
}
