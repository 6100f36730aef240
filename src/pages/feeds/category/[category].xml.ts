// feeds/category/<id>.xml: the policies with clauses in one category, as Atom.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAtlas, loadChangelog } from '../../../lib/data';
import { categoryFeeds } from '../../../lib/feed-pages';
import { atomXml, type Feed } from '../../../lib/feeds';

export const getStaticPaths = (async () =>
  categoryFeeds(await loadAtlas(), loadChangelog()).map(({ id, feed }) => ({ params: { category: id }, props: { feed } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(atomXml((props as { feed: Feed }).feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
