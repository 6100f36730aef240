// Shapes passed between pipeline stages. The records the pipeline finally writes are the
// schema types in src/schema; these are the intermediate forms.
import type { Clause, Policy } from '../../src/schema';

/**
 * A clause as structure finds it, before extraction/classification adds awards, tiers,
 * categories and canonical departments.
 */
export type StructuredClause = Pick<
  Clause,
  | 'id'
  | 'policyId'
  | 'city'
  | 'citySlug'
  | 'number'
  | 'numberValue'
  | 'path'
  | 'ordinal'
  | 'sectionPath'
  | 'title'
  | 'text'
  | 'departmentsText'
  | 'source'
  | 'alsoIn'
>;

/** What extraction adds to a structured clause. */
export type ClauseExtraction = Pick<
  Clause,
  'departments' | 'primaryCategory' | 'categories' | 'categoryEvidence' | 'tiers' | 'awards' | 'targets'
>;

/** Characters of one source by where they went; `unaccounted` must be 0. */
export interface Accounting {
  file: string;
  totalChars: number;
  clauses: number;
  clauseChars: number;
  preambleChars: number;
  /** Headings of sections (not clauses), e.g. `二、主要工作`. */
  headingChars: number;
  /** Department brackets, title/文号/date lines cross-checked against the sidecar. */
  metadataChars: number;
  /** Removed boilerplate, by the rule that removed it. */
  boilerplateChars: Record<string, number>;
  unaccounted: number;
}

export interface IngestResult {
  policies: Policy[];
  clauses: Clause[];
  accounting: Accounting[];
}
