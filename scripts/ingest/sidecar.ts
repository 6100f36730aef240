// Stage `sidecar` (beside each source): the YAML sidecar, parsed and validated against
// SourceSidecarSchema with positions kept, so every problem points at file:line:col of the YAML.
import type { VFileMessage } from 'vfile-message';
import { LineCounter, isMap, isPair, isScalar, parseDocument, visit, type Alias, type Document } from 'yaml';
import type { z } from 'zod';
import { ID_RULE, SourceSidecarSchema, type SourceSidecar } from '../../src/schema';
import { excerpt, makeMessage, type Place } from './diagnostics';
export interface SidecarResult {
  sidecar: SourceSidecar | null;
  messages: VFileMessage[];
  /** Where a field's value (or, failing that, its key or the document) is in the YAML. */
  placeOf: (path: readonly (string | number)[]) => Place;
}

const SIDECAR_FIELDS = Object.keys(SourceSidecarSchema.shape);

export function parseSidecar(yamlFile: string, text: string | undefined, sourceFile: string): SidecarResult {
  const messages: VFileMessage[] = [];
  if (text === undefined) {
    messages.push(
      makeMessage({
        file: sourceFile,
        place: { line: 1, column: 1 },
        ruleId: 'sidecar-missing',
        severity: 'error',
        reason: `Missing sidecar \`${yamlFile}\`, expected one YAML file beside every source text`,
        hint: `create ${yamlFile} with at least: policy, sourceKind, city: { zh, slug }, province, title, draft`,
      }),
    );
    return { sidecar: null, messages, placeOf: () => ({ line: 1, column: 1 }) };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOfOffset = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const placeOf = (path: readonly (string | number)[]): Place => placeInYaml(doc, path, placeOfOffset, false);
  const placeOfKey = (path: readonly (string | number)[]): Place => placeInYaml(doc, path, placeOfOffset, true);

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      messages.push(
        makeMessage({
          file: yamlFile,
          place: placeOfOffset(error.pos[0]),
          ruleId: 'invalid-yaml',
          severity: 'error',
          reason: `Invalid YAML: ${firstLine(error.message)}`,
          hint: 'fix the YAML syntax (indentation, closing brackets, one value per key); quote values that contain `:` or `#`',
        }),
      );
    }
    return { sidecar: null, messages, placeOf };
  }

  // Sidecars have no use for anchors and aliases, and a few nested aliases expand to gigabytes
  // (a "billion laughs" alias bomb): refuse them before anything is expanded.
  let alias: Alias | null = null;
  visit(doc, { Alias: (_, node) => ((alias ??= node), visit.BREAK) });
  if (alias) {
    messages.push(
      makeMessage({
        file: yamlFile,
        place: placeOfOffset((alias as Alias).range?.[0] ?? 0),
        ruleId: 'yaml-alias',
        severity: 'error',
        reason: `Unexpected YAML alias \`*${(alias as Alias).source}\`, expected plain values`,
        hint: 'write each value out in full; sidecars do not use YAML anchors (&) and aliases (*)',
      }),
    );
    return { sidecar: null, messages, placeOf };
  }

  const data: unknown = doc.toJS();
  const control = controlCharacter(data, []);
  if (control) {
    messages.push(
      makeMessage({
        file: yamlFile,
        place: placeOf(control.path),
        ruleId: 'sidecar-control-char',
        severity: 'error',
        reason: `Sidecar field \`${control.path.join('.')}\` contains the control character U+${control.code.toString(16).toUpperCase().padStart(4, '0')}`,
        hint: 'remove it: NUL and other control characters are invisible on the page and break CSV and search; retype the value',
      }),
    );
    return { sidecar: null, messages, placeOf };
  }
  const parsed = SourceSidecarSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) messages.push(sidecarIssue(yamlFile, issue, data, placeOf, placeOfKey));
    return { sidecar: null, messages, placeOf };
  }
  return { sidecar: parsed.data, messages, placeOf };
}

/** C0 controls but LF, DEL and C1 controls: never meant in a metadata value. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** The first string value (depth first, in key order) holding a control character. */
function controlCharacter(value: unknown, path: (string | number)[]): { path: (string | number)[]; code: number } | null {
  if (typeof value === 'string') {
    const at = value.search(CONTROL);
    return at < 0 ? null : { path, code: value.charCodeAt(at) };
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = controlCharacter(inner, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found) return found;
    }
  }
  return null;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function placeInYaml(doc: Document, path: readonly (string | number)[], placeOfOffset: (o: number) => Place, atKey: boolean): Place {
  let node: unknown = doc.contents;
  let best: Place = { line: 1, column: 1 };
  for (const [depth, key] of path.entries()) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (!pair || !isPair(pair)) break;
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    if (keyRange) best = placeOfOffset(keyRange[0]);
    if (atKey && depth === path.length - 1) break;
    node = pair.value;
    const valueRange = (node as { range?: [number, number, number] } | null)?.range;
    if (valueRange) best = placeOfOffset(valueRange[0]);
  }
  return best;
}

function sidecarIssue(
  yamlFile: string,
  issue: z.core.$ZodIssue,
  data: unknown,
  placeOf: (path: readonly (string | number)[]) => Place,
  placeOfKey: (path: readonly (string | number)[]) => Place,
): VFileMessage {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const suggestion = closest(key, SIDECAR_FIELDS);
    return makeMessage({
      file: yamlFile,
      place: placeOfKey([...path, key]),
      ruleId: 'sidecar-unknown-field',
      severity: 'error',
      reason: `Unknown sidecar field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`,
      expected: path.length === 0 ? SIDECAR_FIELDS : undefined,
      hint: suggestion ? `did you mean \`${suggestion}\`? Allowed fields: ${SIDECAR_FIELDS.join(', ')}` : `allowed fields: ${SIDECAR_FIELDS.join(', ')}`,
    });
  }
  const found = valueAt(data, path);
  const isDate = ['issued', 'effective', 'expires'].includes(String(path[path.length - 1]));
  if (found === undefined) {
    return makeMessage({
      file: yamlFile,
      place: placeOf(path.slice(0, -1)),
      ruleId: 'sidecar-missing-field',
      severity: 'error',
      reason: `Missing sidecar field \`${field}\``,
      hint: `add \`${field}: …\` (${issue.message})`,
    });
  }
  return makeMessage({
    file: yamlFile,
    place: placeOf(path),
    ruleId: isDate ? 'sidecar-invalid-date' : 'sidecar-invalid',
    severity: 'error',
    reason: `Sidecar field \`${field}\`: ${issue.message} (found \`${excerpt(String(found), 40)}\`)`,
    actual: String(found),
    hint: isDate
      ? 'write a day that exists as YYYY-MM-DD (e.g. 2025-02-28), or leave the field out when the date is unknown'
      : field === 'policy' || field === 'city.slug'
        ? `ids and slugs become URLs and file names: use ${ID_RULE} (e.g. \`changsha-2025-measures\`, \`changsha\`)`
        : `correct \`${field}\` in ${yamlFile}`,
  });
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The allowed name nearest to a misspelt one (edit distance ≤ 3), for "did you mean". */
function closest(word: string, options: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
