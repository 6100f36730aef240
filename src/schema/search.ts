import { z } from 'zod';
import { PolicyStatusSchema } from './downloads';

/**
 * What a clause's search record carries for the result list (Pagefind meta). Values are strings
 * with white space collapsed, and empty ones are left out, as Pagefind keeps meta read from HTML.
 */
export const SearchMetaSchema = z.object({
  title: z.string().min(1).describe('The clause id, Pagefind’s title.'),
  clause: z.string().min(1).describe('The clause id, e.g. `changsha-2025-measures/1`.'),
  city: z.string().min(1).describe('City name in Chinese.'),
  policy: z.string().min(1).describe('The policy title.'),
  number: z.string().min(1).describe('The clause number as printed.'),
  heading: z.string().optional().describe('The clause heading, when it has one.'),
  status: PolicyStatusSchema.describe('The policy status on the build day.'),
  text: z.string().optional().describe('Heading and text, one part a line, encoded by encodeMetaText.'),
  departments: z.string().optional().describe('The 责任单位, encoded by encodeMetaText; searched only on request.'),
});
export type SearchMeta = z.output<typeof SearchMetaSchema>;

/** The filters a result can be narrowed by; an empty list is left out. */
export const SearchFiltersSchema = z
  .object({
    city: z.array(z.string()),
    category: z.array(z.string()),
    tier: z.array(z.string()),
    award: z.array(z.enum(['0', '1'])),
    status: z.array(PolicyStatusSchema),
    year: z.array(z.string().regex(/^\d{4}$/)),
  })
  .partial();

/** One Pagefind custom record: a clause page, its index tokens, meta, filters and sort key. */
export const SearchRecordSchema = z.object({
  url: z.string().regex(/^\/clause\/.+\/$/).describe('The clause page, root-relative: `/clause/<policyId>/<path>/`.'),
  content: z.string().describe('Index tokens (src/lib/search/text.ts indexTokens): one per character, then the 责任单位.'),
  language: z.literal('zh'),
  meta: SearchMetaSchema,
  filters: SearchFiltersSchema,
  sort: z.object({ order: z.string().min(1) }),
});
export type SearchRecord = z.output<typeof SearchRecordSchema>;
