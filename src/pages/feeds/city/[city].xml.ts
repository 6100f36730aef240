// feeds/city/<slug>.xml: one city's policies, as Atom.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAtlas, loadChangelog } from '../../../lib/data';
import { cityFeeds } from '../../../lib/feed-pages';
import { atomXml, type Feed } from '../../../lib/feeds';

export const getStaticPaths = (async () =>
  cityFeeds(await loadAtlas(), loadChangelog()).map(({ slug, feed }) => ({ params: { city: slug }, props: { feed } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(atomXml((props as { feed: Feed }).feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
