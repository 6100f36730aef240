// The published PDF or Word file itself, beside its source page, byte for byte (its SHA-256 is
// on the page). Saved web pages are not served: their scripts would run on this site.
import type { APIRoute } from 'astro';
import { loadAtlas, readOriginal } from '../../../lib/data';
import { sourceSlug } from '../../../lib/url';

export async function getStaticPaths() {
  const atlas = await loadAtlas();
  return atlas.policies.flatMap((policy) =>
    policy.sources
      .filter((source) => source.format === 'pdf' || source.format === 'docx')
      .map((source) => ({ params: { file: sourceSlug(source.file), original: source.file }, props: { file: source.file } })),
  );
}

export const GET: APIRoute = ({ props }) => new Response(readOriginal(props.file as string));
