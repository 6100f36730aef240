import { z } from 'zod';
import { IsoDateSchema } from './date';

/**
 * The one pattern for names that become URL segments and file names (policy ids, city slugs,
 * each dot-separated part of a source file name): lower-case ASCII letters, digits and `-`, not
 * starting or ending with `-`, at most 64 characters. Safe unescaped in a URL, on every file
 * system and from file://; short enough that id + clause path stays under file-name limits.
 */
export const ID_PATTERN = /^(?=.{1,64}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** ID_PATTERN in words, for hints. */
export const ID_RULE = 'lower-case ASCII letters, digits and `-` (not first or last), at most 64 characters';
/** An id or slug following ID_PATTERN. */
export const IdSchema = z.string().regex(ID_PATTERN, { message: `expected ${ID_RULE}` });

/** Longest source or sidecar file name, in characters. */
export const MAX_SOURCE_NAME = 128;

/** How a source is published: plain text, or a file whose text is extracted (scripts/ingest/unpack.ts). */
export const SOURCE_FORMATS = ['txt', 'pdf', 'html', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * Whether `name` is an acceptable source (`.txt`, `.pdf`, `.html`, `.htm`, `.docx`) or sidecar
 * (`.yaml`, `.yml`) file name: parts that each follow ID_PATTERN joined by `.`, a lower-case
 * extension, at most MAX_SOURCE_NAME characters — e.g. `changsha-2025-measures.official.txt`.
 */
export function isSourceFileName(name: string): boolean {
  const match = /^(.+)\.(txt|pdf|html|htm|docx|yaml|yml)$/.exec(name);
  return name.length <= MAX_SOURCE_NAME && match !== null && match[1]!.split('.').every((part) => ID_PATTERN.test(part));
}

/** A city: Chinese name for display, ASCII slug for URLs and ids. */
export const CitySchema = z
  .object({
    /** Chinese name without 市, e.g. `长沙`. */
    zh: z.string().min(1),
    /** Lower-case ASCII, e.g. `changsha`. */
    slug: IdSchema,
  })
  .strict();
export type City = z.output<typeof CitySchema>;

/** What kind of publication a source text is. */
export const SOURCE_KINDS = ['official-document', 'official-reprint', 'consultancy-article', 'draft-for-comment'] as const;

/**
 * The YAML sidecar beside every `content/sources/<name>.txt`. Fields about the policy must
 * agree across all renditions of it; what the text itself states is cross-checked.
 */
export const SourceSidecarSchema = z
  .object({
    /** Id of the policy this text is a rendition of, e.g. `changsha-2025-measures`. */
    policy: IdSchema,
    /** Which rendition is the reference for clause text and line numbers (exactly one per policy). */
    primary: z.boolean().default(true),
    /** What this source is. */
    sourceKind: z.enum(SOURCE_KINDS),
    /** Who published this rendition (may differ from the issuer for reprints); omit when unknown — never guessed. */
    publisher: z.string().min(1).optional(),
    /** Where it was published, when known. */
    url: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url), { message: 'expected an http:// or https:// address' })
      .optional(),
    city: CitySchema,
    /** Province in Chinese, e.g. `湖南省`. */
    province: z.string().min(1),
    /** Full title of the policy. */
    title: z.string().min(1),
    /** Issuing body; omit when unknown. */
    issuer: z.string().min(1).optional(),
    /** 文号 such as `长政办发〔2025〕3号`; omit when the text has none. */
    docNumber: z.string().min(1).optional(),
    /** Date of issue (印发); omit when unknown — never invented. */
    issued: IsoDateSchema.optional(),
    /** First day in force (施行). */
    effective: IsoDateSchema.optional(),
    /** Last day in force. */
    expires: IsoDateSchema.optional(),
    /** Approximate year when no exact date is known (e.g. Jiaxing ≈ 2022); used for sorting and citation only. */
    year: z.number().int().min(1949).max(2100).optional(),
    /** True for 征求意见稿 and other drafts. */
    draft: z.boolean(),
    /** Id of an earlier policy this one replaces (a revision, a renewal); the policy pages then show both as versions. */
    supersedes: IdSchema.optional(),
    /** Id of the draft (征求意见稿) this policy is the adopted form of. */
    adoptsDraft: IdSchema.optional(),
  })
  .strict();
export type SourceSidecar = z.output<typeof SourceSidecarSchema>;

/** One rendition of a policy as the site lists it. */
export const PolicySourceSchema = z.object({
  /** File name under `content/sources/`. */
  file: z.string().min(1),
  sourceKind: z.enum(SOURCE_KINDS),
  /** Who published this rendition; null when unknown (a citation then says [出版者不详]). */
  publisher: z.string().min(1).nullable(),
  url: z.string().nullable(),
  primary: z.boolean(),
  /** SHA-256 of the raw bytes, so a citation can name the exact text. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Encoding the bytes were decoded from (`utf-8` for the text extracted from a PDF, web page or Word file). */
  encoding: z.string().min(1),
  /** Lines of the text as parsed: the file's own, or the extracted text's. */
  lineCount: z.number().int().nonnegative(),
  /** How the file is published; for all but `txt` the site shows the extracted text and links the original. */
  format: z.enum(SOURCE_FORMATS).default('txt'),
});
export type PolicySource = z.output<typeof PolicySourceSchema>;

/** A policy: one document however many renditions of it exist. Status is not stored; it is computed from the dates at build time. */
export const PolicySchema = z.object({
  /** The policy id from its sidecars (ID_PATTERN). */
  id: IdSchema,
  city: CitySchema,
  province: z.string().min(1),
  title: z.string().min(1),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  issued: IsoDateSchema.nullable(),
  effective: IsoDateSchema.nullable(),
  expires: IsoDateSchema.nullable(),
  year: z.number().int().nullable(),
  draft: z.boolean(),
  sources: z.array(PolicySourceSchema).min(1),
  /** Id of the earlier policy this one replaces, from the sidecar; absent when it names none. */
  supersedes: IdSchema.optional(),
  /** Id of the draft this policy is the adopted form of, from the sidecar; absent when it names none. */
  adoptsDraft: IdSchema.optional(),
  /** Text before the first numbered unit, original characters. */
  preamble: z.string(),
  /** Clause ids in printed order. */
  clauseIds: z.array(z.string()),
  /** Section headings in printed order, for rendering the policy in full. */
  sections: z.array(
    z.object({
      /** Dotted number path, e.g. `2.1`. */
      path: z.string(),
      marker: z.string(),
      title: z.string(),
      depth: z.number().int().positive(),
    }),
  ),
});
export type Policy = z.output<typeof PolicySchema>;
