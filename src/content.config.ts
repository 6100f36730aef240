import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterOnly } from './lib/content-loaders';
import { ClauseSchema, PolicySchema } from './schema';

// Both collections are written by `npm run ingest` into generated/; the schemas are the
// same objects the pipeline validated against before writing.
const clauses = defineCollection({
  // Frontmatter only: pages show a clause from its data and never render the MDX body.
  loader: frontmatterOnly(
    glob({
      pattern: '**/*.mdx',
      base: `${process.env.ATLAS_GENERATED ?? './generated'}/clauses`,
      generateId: ({ data }) => String(data.id),
      // The body repeats the frontmatter's `text`; nothing reads it from the store.
      retainBody: false,
    }),
  ),
  schema: ClauseSchema,
});

const policies = defineCollection({
  loader: glob({
    pattern: '*.json',
    base: `${process.env.ATLAS_GENERATED ?? './generated'}/policies`,
    generateId: ({ data }) => String(data.id),
  }),
  schema: PolicySchema,
});

export const collections = { clauses, policies };
