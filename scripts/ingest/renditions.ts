// Stage `renditions` (per policy, after every source is read): one policy, several texts. Sources whose sidecars name the same `policy` are
// renditions of it: exactly one is primary, their sidecars agree on what describes the
// policy, and their clauses must be the same after normalisation (widths folded, whitespace
// dropped). Any difference is reported at both places; the primary's clauses are kept and
// the others' lines go into `alsoIn`.
import type { VFileMessage } from 'vfile-message';
import type { SourceSidecar } from '../../src/schema';
import { placeAt, type DecodedSource } from './decode';
import { excerpt, makeMessage, type Place } from './diagnostics';
import { canonical, sourceOffset, type Run } from './normalise';
import type { ClauseDraft } from './structure';

export interface Rendition {
  source: DecodedSource;
  sidecar: SourceSidecar;
  sidecarFile: string;
  placeOf: (path: readonly (string | number)[]) => Place;
  clauses: ClauseDraft[];
}

/** Sidecar fields that describe the policy, not the rendition; they must agree. */
const POLICY_FIELDS = ['title', 'issuer', 'docNumber', 'issued', 'effective', 'expires', 'year', 'draft', 'province', 'city', 'supersedes', 'adoptsDraft'] as const;

/** Picks the primary rendition; reports when there is not exactly one. */
export function choosePrimary(policyId: string, renditions: readonly Rendition[]): { primary: Rendition | null; messages: VFileMessage[] } {
  const primaries = renditions.filter((r) => r.sidecar.primary);
  if (primaries.length === 1) return { primary: primaries[0]!, messages: [] };
  const at = primaries[1] ?? renditions[0]!;
  const message = makeMessage({
    file: at.sidecarFile,
    place: at.placeOf(['primary']),
    ruleId: 'primary-count',
    severity: 'error',
    reason:
      primaries.length === 0
        ? `Policy \`${policyId}\` has no primary rendition among ${renditions.map((r) => r.source.file).join(', ')}`
        : `Policy \`${policyId}\` has ${primaries.length} primary renditions: ${primaries.map((r) => r.source.file).join(', ')}`,
    expected: ['exactly one `primary: true`'],
    hint: 'set `primary: true` in the sidecar of the rendition whose text and line numbers are the reference, `primary: false` in the others',
  });
  return { primary: primaries[0] ?? renditions[0] ?? null, messages: [message] };
}

/** Sidecar fields that differ between two renditions of one policy. */
export function compareSidecars(primary: Rendition, other: Rendition): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const field of POLICY_FIELDS) {
    const a = JSON.stringify(primary.sidecar[field] ?? null);
    const b = JSON.stringify(other.sidecar[field] ?? null);
    if (a === b) continue;
    const pa = primary.placeOf([field]);
    messages.push(
      makeMessage({
        file: other.sidecarFile,
        place: other.placeOf([field]),
        ruleId: 'rendition-metadata-mismatch',
        severity: 'error',
        reason: `\`${field}\` is ${b} here but ${a} in ${primary.sidecarFile}:${pa.line}:${pa.column} (same policy \`${primary.sidecar.policy}\`)`,
        expected: [a],
        actual: b,
        hint: 'fields that describe the policy (title, dates, 文号, city, draft) must be the same in every rendition’s sidecar',
      }),
    );
  }
  return messages;
}

/** Source offset of a character of a clause's text (parts joined by `\n`). */
export function textOffsetToSource(draft: ClauseDraft, index: number): number {
  let pos = 0;
  for (const part of draft.textParts) {
    if (index <= pos + part.text.length) return sourceOffset(part, Math.max(0, index - pos));
    pos += part.text.length + 1;
  }
  const last = draft.textParts[draft.textParts.length - 1];
  return last ? sourceOffset(last, last.text.length) : 0;
}

interface Field {
  name: string;
  text: (d: ClauseDraft) => string;
  offset: (d: ClauseDraft, index: number) => number;
}

const runOffset = (run: Run | null, fallback: (d: ClauseDraft) => number) => (d: ClauseDraft, index: number) =>
  run ? sourceOffset(run, index) : fallback(d);

const FIELDS: Field[] = [
  { name: 'number', text: (d) => d.clause.number, offset: (d) => d.runs[0]?.segments[0]?.start ?? 0 },
  { name: 'title', text: (d) => d.clause.title, offset: (d) => d.runs[0]?.segments[0]?.start ?? 0 },
  { name: 'text', text: (d) => d.clause.text, offset: (d, i) => textOffsetToSource(d, i) },
  {
    name: 'departments',
    text: (d) => d.clause.departmentsText ?? '',
    offset: (d, i) => runOffset(d.departments, (x) => textOffsetToSource(x, x.clause.text.length))(d, i),
  },
];

/**
 * Compares two renditions clause by clause (by path) in canonical form. Each difference is a
 * `rendition-mismatch` error at the other rendition's place that names the primary's place.
 */
export function compareClauses(primary: Rendition, other: Rendition): VFileMessage[] {
  const messages: VFileMessage[] = [];
  const where = (r: Rendition, offset: number) => {
    const p = placeAt(r.source, offset);
    return { place: p, label: `${r.source.file}:${p.line}:${p.column}` };
  };
  const byPath = new Map(other.clauses.map((d) => [d.clause.path, d]));
  const seen = new Set<string>();
  for (const a of primary.clauses) {
    const b = byPath.get(a.clause.path);
    const pa = where(primary, a.runs[0]?.segments[0]?.start ?? 0);
    if (!b) {
      messages.push(
        makeMessage({
          file: other.source.file,
          place: { line: 1, column: 1 },
          ruleId: 'rendition-mismatch',
          severity: 'error',
          reason: `Clause \`${a.clause.number}\` (path ${a.clause.path}) at ${pa.label} has no counterpart in this rendition`,
          hint: 'the renditions must have the same numbered clauses; check both texts for a missing or merged clause',
        }),
      );
      continue;
    }
    seen.add(a.clause.path);
    for (const field of FIELDS) {
      const ca = canonical(field.text(a));
      const cb = canonical(field.text(b));
      if (ca.text === cb.text) continue;
      let i = 0;
      while (i < ca.text.length && i < cb.text.length && ca.text[i] === cb.text[i]) i++;
      const atA = where(primary, field.offset(a, ca.toInput[i] ?? 0));
      const atB = where(other, field.offset(b, cb.toInput[i] ?? 0));
      messages.push(
        makeMessage({
          file: other.source.file,
          place: atB.place,
          ruleId: 'rendition-mismatch',
          severity: 'error',
          reason: `Clause ${a.clause.path} ${field.name} differs from ${atA.label}: \`${excerpt(cb.text.slice(i), 16) || '(end)'}\` here, \`${excerpt(ca.text.slice(i), 16) || '(end)'}\` there`,
          expected: [ca.text.slice(i, i + 16)],
          actual: cb.text.slice(i, i + 16),
          hint: `renditions of one policy must say the same after width folding and whitespace removal; compare ${atA.label} with this line`,
        }),
      );
      break;
    }
  }
  for (const b of other.clauses) {
    if (seen.has(b.clause.path)) continue;
    const pb = where(other, b.runs[0]?.segments[0]?.start ?? 0);
    messages.push(
      makeMessage({
        file: other.source.file,
        place: pb.place,
        ruleId: 'rendition-mismatch',
        severity: 'error',
        reason: `Clause \`${b.clause.number}\` (path ${b.clause.path}) has no counterpart in ${primary.source.file}`,
        hint: 'the renditions must have the same numbered clauses; check both texts for a missing or merged clause',
      }),
    );
  }
  return messages;
}
