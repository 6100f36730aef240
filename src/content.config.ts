import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ClauseSchema, PolicySchema } from './schema';

// Both collections are written by `npm run ingest` into generated/; the schemas are the
// same objects the pipeline validated against before writing.
const clauses = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './generated/clauses',
    generateId: ({ data }) => String(data.id),
  }),
  schema: ClauseSchema,
});

const policies = defineCollection({
  loader: glob({
    pattern: '*.json',
    base: './generated/policies',
    generateId: ({ data }) => String(data.id),
  }),
  schema: PolicySchema,
});

export const collections = { clauses, policies };
