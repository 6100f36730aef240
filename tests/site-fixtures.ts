// Small synthetic policies and clauses for the site's unit tests. Every record is validated
// against the schema, so the fixtures cannot drift from the contract.
import { ClauseSchema, PolicySchema, type Award, type Clause, type Policy } from '../src/schema';

/** The build day the site's unit tests compute statuses for. */
export const TODAY = '2025-06-01';

export function policy(over: Partial<Policy> & { id: string; city: Policy['city'] }): Policy {
  return PolicySchema.parse({
    province: '某省',
    title: `${over.city.zh}的政策`,
    issuer: null,
    docNumber: null,
    issued: null,
    effective: null,
    expires: null,
    year: 2024,
    draft: false,
    sources: [{ file: `${over.id}.txt`, sourceKind: 'official-document', publisher: '某办公室', url: null, primary: true, sha256: 'a'.repeat(64), encoding: 'utf-8', lineCount: 10 }],
    preamble: '',
    clauseIds: [],
    sections: [],
    ...over,
  });
}

export function award(clauseId: string, n: number, text: string, quote: string, over: Partial<Award> = {}): Award {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote \`${quote}\` not in text`);
  return {
    id: `${clauseId}#a${n}`,
    amountYuan: null,
    kind: 'fixed',
    ratioPercent: null,
    ratioBase: null,
    frequency: 'unspecified',
    form: '奖励',
    recipient: null,
    tier: null,
    recognition: true,
    reason: null,
    reference: null,
    span: { start, end: start + quote.length },
    quote,
    ...over,
  };
}

export function clause(
  p: Policy,
  path: string,
  text: string,
  over: Partial<Clause> = {},
  awards: (id: string, text: string) => Award[] = () => [],
): Clause {
  const id = `${p.id}/${path}`;
  const last = Number(path.split('.').pop());
  return ClauseSchema.parse({
    id,
    policyId: p.id,
    city: p.city.zh,
    citySlug: p.city.slug,
    number: `${last}.`,
    numberValue: last,
    path,
    ordinal: last,
    sectionPath: [],
    title: text.split('。')[0],
    text,
    departmentsText: null,
    departments: [],
    source: { file: p.sources[0]!.file, lineStart: last, lineEnd: last },
    alsoIn: [],
    primaryCategory: 'cultivation',
    categories: ['cultivation'],
    categoryEvidence: [{ category: 'cultivation', words: ['培育'], by: 'rules' }],
    tiers: [],
    awards: awards(id, text),
    targets: [],
    ...over,
  });
}
