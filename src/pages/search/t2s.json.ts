// search/t2s.json: traditional → simplified pairs for the characters this corpus uses, fetched
// by the search page only when a query contains a traditional character (see _client.ts).
import type { APIRoute } from 'astro';
import { loadAtlas } from '../../lib/data';
import { allSearchableText } from '../../lib/search/text';
import { corpusTraditionalMap } from '../../lib/search/traditional-map';

export interface TraditionalPairs {
  /** Traditional → simplified pairs, concatenated: `專专臺台…`. */
  pairs: string;
}

export const GET: APIRoute = async () => {
  const atlas = await loadAtlas();
  const body: TraditionalPairs = { pairs: Object.entries(corpusTraditionalMap(atlas.clauses, allSearchableText)).flat().join('') };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
