import { z } from 'zod';

/**
 * generated/release.json: which inputs this data was made from. `dataVersion` is a short hash
 * of every source text, sidecar and curation file (by name and content), so two builds with
 * the same inputs carry the same version and any change to the data changes it.
 */
export const ReleaseSchema = z.object({
  dataVersion: z
    .string()
    .regex(/^[0-9a-f]{12}$/)
    .describe('The first 12 hex digits of the SHA-256 over the inputs, e.g. `3f2a9c41b7d0`.'),
  inputs: z
    .array(
      z.object({
        kind: z.enum(['source', 'sidecar', 'curation']),
        file: z.string().min(1),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .describe('Every input file (base name) with the SHA-256 of its bytes, sorted by kind and name.'),
});
export type Release = z.output<typeof ReleaseSchema>;

/** The release facts every download row repeats, so a file separated from the site still says which data it is. */
export const ReleaseColumnsSchema = z.object({
  dataVersion: ReleaseSchema.shape.dataVersion.describe('Data version: a short hash of the sources and curation the row was made from (see release.json).'),
  built: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('The build day (YYYY-MM-DD) statuses were computed for.'),
});
export type ReleaseColumns = z.output<typeof ReleaseColumnsSchema>;
