// Relative links in every built page (src/lib/relative-links.ts), applied as Astro renders the
// page so it is written once, already relative. Only in builds: the dev server serves pages at
// their directory URLs and keeps the site's root-relative links.
import { defineMiddleware } from 'astro:middleware';
import { NOT_FOUND_PAGE, normaliseBase, pagePathOf, relativizeHtml } from './lib/relative-links';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const base = normaliseBase(import.meta.env.BASE_URL);
  const page = pagePathOf(context.url.pathname, base);
  // A host serves 404.html at whatever address was missing (/clause/x/9.9/), where links
  // relative to the site root would miss: that page keeps its links absolute to the base,
  // and rewrites them itself when opened from a folder (src/pages/404.astro).
  if (page === NOT_FOUND_PAGE) return response;
  const html = relativizeHtml(await response.text(), page, base);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
