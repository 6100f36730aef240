// Serves a built site on 127.0.0.1: `npm start` uses it for dist/, the browser tests through
// tests/e2e/serve-dist.ts. Plain node:http, no dependencies.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { normaliseBase } from '../src/lib/relative-links';

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
  '.xml': 'application/xml',
};

export interface StaticServer {
  server: Server;
  /** e.g. `http://127.0.0.1:54321` (no trailing slash). */
  origin: string;
  /** The site root, `origin` + `/`. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Called once per request with the decoded path and the status sent. */
  onRequest?: (path: string, status: number) => void;
  /** The URL path the site is served under, as a host would with ATLAS_BASE. Default `/`. */
  base?: string;
}

/** Serve `root`: directory URLs get their index.html, missing files the site's 404.html. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const urlBase = normaliseBase(options.base ?? '/');
  const server = createServer(async (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    let path = pathname;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      // Malformed escapes are looked up as written, and so end in a 404.
    }
    const send = (status: number, file: string | null) => {
      options.onRequest?.(path, status);
      if (!file) return void response.writeHead(status).end(status === 403 ? 'forbidden' : 'not found');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      createReadStream(file).pipe(response);
    };
    // Outside the base path nothing is found (but the 404 page is still served, as hosts do).
    if (path.startsWith(urlBase)) {
      let file = normalize(join(base, path.slice(urlBase.length - 1)));
      if (file !== base && !file.startsWith(base + sep)) return send(403, null);
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      if (await isFile(file)) return send(200, file);
    }
    const notFound = join(base, '404.html');
    return send(404, (await isFile(notFound)) ? notFound : null);
  });
  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = normaliseBase(process.env.ATLAS_BASE ?? '/');
  const { origin } = await serveStatic('dist', { port: Number(process.env.PORT ?? 4321), base });
  console.log(`专精特新政策图谱 is served at ${origin}${base}  (Ctrl+C to stop)`);
}
