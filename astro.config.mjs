// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// ATLAS_BASE lets the same build be served under a sub-path (e.g. /atlas/); links are made
// relative after the build so the folder also works from file:// (see scripts/build.ts).
export default defineConfig({
  base: process.env.ATLAS_BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  prefetch: false,
});
