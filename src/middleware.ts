// Relative links in every built page (scripts/relative-links.ts), applied as Astro renders the
// page so it is written once, already relative. Only in builds: the dev server serves pages at
// their directory URLs and keeps the site's root-relative links.
import { defineMiddleware } from 'astro:middleware';
import { normaliseBase, pagePathOf, relativizeHtml } from '../scripts/relative-links';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const base = normaliseBase(import.meta.env.BASE_URL);
  const html = relativizeHtml(await response.text(), pagePathOf(context.url.pathname, base), base);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
