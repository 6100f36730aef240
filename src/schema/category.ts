import { z } from 'zod';

/** The fixed thematic taxonomy every clause is classified into. Order is display order. */
export const CATEGORIES = [
  { id: 'cultivation', zh: '梯度培育与认定', en: 'Tiered cultivation & recognition' },
  { id: 'fiscal', zh: '财税支持', en: 'Fiscal & tax support' },
  { id: 'finance', zh: '融资与上市', en: 'Financing & listing' },
  { id: 'innovation', zh: '研发创新', en: 'R&D and innovation' },
  { id: 'ip', zh: '知识产权', en: 'Intellectual property' },
  { id: 'talent', zh: '人才', en: 'Talent' },
  { id: 'digital', zh: '数字化与智能制造', en: 'Digitalisation & smart manufacturing' },
  { id: 'green', zh: '绿色低碳', en: 'Green & low-carbon' },
  { id: 'quality', zh: '质量品牌标准', en: 'Quality, brands & standards' },
  { id: 'market', zh: '市场开拓与产业链协作', en: 'Markets & supply-chain cooperation' },
  { id: 'space', zh: '用地与产业空间', en: 'Land & industrial space' },
  { id: 'service', zh: '企业服务', en: 'Enterprise services' },
  { id: 'governance', zh: '组织保障', en: 'Organisation & safeguards' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** A category id from the fixed taxonomy, e.g. `talent`. */
export const CategoryIdSchema = z.enum(
  CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]],
);

/** Why a clause got a category: the words in its text that decided it. */
export const CategoryEvidenceSchema = z.object({
  /** The category this evidence supports. */
  category: CategoryIdSchema,
  /** The words found in the clause (title or text) that matched, in order of appearance. */
  words: z.array(z.string().min(1)),
  /** `rules` when keyword rules decided, `curation` when a curation override did. */
  by: z.enum(['rules', 'curation']),
});
export type CategoryEvidence = z.output<typeof CategoryEvidenceSchema>;

/** A human override of a clause's categories, kept in `content/curation/categories.yaml`. */
export const CategoryOverrideSchema = z
  .object({
    /** The clause id the override applies to. */
    clause: z.string().min(1),
    /** The category that replaces the computed primary category. */
    primaryCategory: CategoryIdSchema,
    /** Further categories; replaces the computed list when given. */
    categories: z.array(CategoryIdSchema).optional(),
    /** Why a curator overrode the rules; shown on the methodology page. */
    reason: z.string().min(4),
  })
  .strict();
export type CategoryOverride = z.output<typeof CategoryOverrideSchema>;

export function categoryLabel(id: CategoryId): { zh: string; en: string } {
  const found = CATEGORIES.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown category \`${id}\``);
  return { zh: found.zh, en: found.en };
}
