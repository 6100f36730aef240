// Shapes passed between pipeline stages. The records the pipeline finally writes are the
// schema types in src/schema; these are the intermediate forms.
import type { Clause, Policy, SourceAccounting } from '../../src/schema';

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
export type Accounting = SourceAccounting;

export interface IngestResult {
  policies: Policy[];
  clauses: Clause[];
  accounting: Accounting[];
}
