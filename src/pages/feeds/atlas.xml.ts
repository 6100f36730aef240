// feeds/atlas.xml: every policy and every data update, as Atom.
import type { APIRoute } from 'astro';
import { loadAtlas, loadChangelog } from '../../lib/data';
import { atlasFeed } from '../../lib/feed-pages';
import { atomXml } from '../../lib/feeds';

export const GET: APIRoute = async () =>
  new Response(atomXml(atlasFeed(await loadAtlas(), loadChangelog())), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
