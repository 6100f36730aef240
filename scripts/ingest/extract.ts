// The extraction stage: everything a structured clause says beyond its text — departments,
// categories, tiers, awards, targets — plus diagnostics for a curator. Pure: no files, no clock.
import { VFileMessage } from 'vfile-message';
import type { CategoryOverride } from '../../src/schema/category';
import { tierById } from '../../src/schema/tier';
import { classify } from './classify';
import { departmentCells, parseDepartments } from './departments';
import { extractAwards } from './extract-awards';
import { extractTargets } from './extract-targets';
import { findTiers, isRecognitionAward } from './tiers';
import type { ClauseExtraction, StructuredClause } from './types';

/**
 * A diagnostic from extraction. `offset` is into the clause `text` (or, for department
 * problems, into `departmentsText`, with `field` saying which); the pipeline turns it into a
 * file:line:column place.
 */
export type ExtractMessage = VFileMessage & { offset: number; field: 'text' | 'departmentsText' };

/** Tier families whose recognition is what 梯度培育与认定 is about. */
const RECOGNITION_FAMILIES: ReadonlySet<string> = new Set(['srdi', 'champion']);

export interface ExtractOptions {
  /** Category overrides from content/curation/categories.yaml. */
  overrides?: readonly CategoryOverride[];
}

function message(reason: string, ruleId: string, hint: string, offset: number, field: ExtractMessage['field']): ExtractMessage {
  const m = new VFileMessage(reason, { ruleId, source: 'extract' }) as ExtractMessage;
  m.note = hint;
  m.offset = offset;
  m.field = field;
  return m;
}

export function extract(clause: StructuredClause, options: ExtractOptions = {}): ClauseExtraction & { messages: ExtractMessage[] } {
  const messages: ExtractMessage[] = [];

  const parsed = parseDepartments(clause.departmentsText);
  const { diagnostics: departmentDiagnostics } = parsed;
  // A policy printed as a table names its departments in a cell of their own (a paragraph of
  // nothing but known department names), not in a 责任单位 bracket.
  const departments = clause.departmentsText === null ? departmentCells(clause.text) : parsed.departments;
  for (const d of departmentDiagnostics) messages.push(message(d.message, d.ruleId, d.hint, d.offset, 'departmentsText'));

  const found = extractAwards(clause.text);
  for (const d of found.diagnostics) messages.push(message(d.message, d.ruleId, d.hint, d.offset, 'text'));
  const awards = found.awards.map((a, i) => ({
    id: `${clause.id}#a${i + 1}`,
    ...a,
    recognition: isRecognitionAward(a.tier, a.quote),
  }));

  // Paying for an SRDI or champion recognition makes a clause one of 梯度培育与认定, whatever its heading.
  const paysRecognition = awards.some((a) => a.recognition && a.tier !== null && a.kind !== 'non-monetary' && RECOGNITION_FAMILIES.has(tierById(a.tier).family));
  const { primaryCategory, categories, categoryEvidence } = classify({ ...clause, paysRecognition }, options.overrides ?? []);

  const targets = extractTargets(clause.text).map((t, i) => ({ id: `${clause.id}#t${i + 1}`, ...t }));

  // The title is usually the start of the text; findTiers sees both once.
  const tiers = findTiers(clause.text.includes(clause.title) ? clause.text : `${clause.title}。${clause.text}`);

  return { departments, primaryCategory, categories, categoryEvidence, tiers, awards, targets, messages };
}
