// Stage `stated facts` (after the line rules, and again on the trailer): what we know about a source. The YAML sidecar is parsed and validated against
// SourceSidecarSchema with positions kept, so every problem points at file:line:col of the
// YAML. What the text itself states (title, 文号, 印发 date, 施行 date and 有效期, 征求意见稿)
// is read from its lines and cross-checked: a disagreement is an error naming both places.
import type { VFileMessage } from 'vfile-message';
import { LineCounter, isMap, isPair, isScalar, parseDocument, visit, type Alias, type Document } from 'yaml';
import type { z } from 'zod';
import { ID_RULE, SourceSidecarSchema, isRealDate, type SourceSidecar } from '../../src/schema';
import type { ContentLine } from './boilerplate';
import { placeAt, type DecodedSource } from './decode';
import { excerpt, makeMessage, type Place } from './diagnostics';
import { canonical, endsMidSentence, parseForm, parseNumber } from './normalise';

// ---------------------------------------------------------------------------------------------
// Sidecar

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

// ---------------------------------------------------------------------------------------------
// What the text states

export type FactField = 'title' | 'docNumber' | 'issued' | 'effective' | 'expires' | 'draft' | 'issuer' | 'publisher';

export interface TextFact {
  field: FactField;
  value: string | boolean;
  /** Where the text states it. */
  place: Place;
  /** The words that state it, as printed. */
  quote: string;
}

/** Lines that state metadata, with what they state. The lines count as `metadata` characters. */
export interface MetadataLines {
  lines: ContentLine[];
  facts: TextFact[];
  messages: VFileMessage[];
}

const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}[〔［\[【(（]\d{4}[〕］\]】)）]第?\d{1,5}号$/;
const DRAFT_WORDS = /(?:征求意见稿|送审稿|讨论稿|草案)/;
const DRAFT_LINE = /^[(（]?(?:公开)?(?:征求意见稿|送审稿|讨论稿|草案)[)）]?$/;
const ISSUED_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日印发$/;
const EFFECTIVE = /自(\d{4})年(\d{1,2})月(\d{1,2})日起?(?:施行|实施|执行|生效)/;
const VALIDITY_YEARS = /有效期(?:为)?([0-9一二两三四五六七八九十]{1,3})年/;
const VALIDITY_UNTIL = /有效期至(\d{4})年(\d{1,2})月(\d{1,2})日/;

/** True for a line that states the document's own dates (施行 sentence, 印发 line): end matter. */
export function statesDates(text: string): boolean {
  const t = compact(text);
  if (ISSUED_LINE.test(t)) return true;
  // `本文件自…起施行` opens the sentence; a clause that mentions a start date deep inside does not count.
  const m = EFFECTIVE.exec(t);
  return m !== null && m.index <= 12;
}

function compact(text: string): string {
  return parseForm(text).text.replace(/\s+/g, '');
}

/** Canonical title for matching: no whitespace, widths folded, 《》 and quotes dropped. */
function titleKey(text: string): string {
  return canonical(text).text.replace(/[《》〈〉“”"「」]/g, '');
}

/**
 * The lines (one to four in a row, among the first lines before any numbered clause) whose
 * words are the sidecar title. Returns indexes into `lines` (end exclusive) or null.
 */
export function findTitle(lines: readonly ContentLine[], title: string, limit: number): { from: number; to: number } | null {
  const wanted = titleKey(title);
  if (wanted.length === 0) return null;
  const max = Math.min(lines.length, limit);
  // The last printing wins: a page heading or cover repeats the title above the text's own.
  for (let from = max - 1; from >= 0; from--) {
    let joined = '';
    for (let to = from + 1; to <= Math.min(max, from + 4); to++) {
      joined += titleKey(lines[to - 1]!.run.text);
      if (joined === wanted) return { from, to };
      if (!wanted.startsWith(joined)) break;
    }
  }
  return null;
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** effective + N years − 1 day: a 3-year term from 2025-03-01 ends on 2028-02-29. */
export function addYearsMinusOneDay(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function factPlace(source: DecodedSource, line: ContentLine, index = 0): Place {
  const seg = line.run.segments[0];
  return placeAt(source, (seg?.start ?? line.line.start) + index);
}

/** Lines before the first clause that state a 文号 or draft status on their own. */
export function frontMetadata(source: DecodedSource, lines: readonly ContentLine[]): MetadataLines {
  const out: MetadataLines = { lines: [], facts: [], messages: [] };
  for (const line of lines) {
    const text = compact(line.run.text);
    if (DOC_NUMBER.test(text)) {
      out.lines.push(line);
      out.facts.push({ field: 'docNumber', value: line.run.text.replace(/\s+/g, ''), place: factPlace(source, line), quote: line.run.text });
    } else if (DRAFT_LINE.test(text)) {
      out.lines.push(line);
      out.facts.push({ field: 'draft', value: true, place: factPlace(source, line), quote: line.run.text });
    }
  }
  return out;
}

/** Facts stated by the title lines (征求意见稿 → draft). */
export function titleFacts(source: DecodedSource, lines: readonly ContentLine[]): TextFact[] {
  const facts: TextFact[] = [];
  const text = lines.map((l) => l.run.text).join('');
  if (lines[0]) facts.push({ field: 'title', value: text, place: factPlace(source, lines[0]), quote: text });
  lines.forEach((line) => {
    const m = DRAFT_WORDS.exec(line.run.text);
    if (m) facts.push({ field: 'draft', value: true, place: factPlace(source, line, m.index), quote: m[0] });
  });
  return facts;
}

/**
 * Lines after the last clause that state dates: `本文件自2025年3月1日起施行,有效期3年` and
 * `2025年2月22日印发`. A 施行 sentence broken over lines takes its continuation lines with it.
 */
export function trailerMetadata(source: DecodedSource, lines: readonly ContentLine[]): MetadataLines {
  const out: MetadataLines = { lines: [], facts: [], messages: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = compact(line.run.text);
    const issued = ISSUED_LINE.exec(text);
    if (issued) {
      out.lines.push(line);
      pushDate(out, source, line, 'issued', isoDate(issued[1]!, issued[2]!, issued[3]!));
      continue;
    }
    const effective = EFFECTIVE.exec(text);
    if (!effective) continue;
    // Take the whole sentence, even when a PDF wrapped it.
    const group = [line];
    while (endsMidSentence(group[group.length - 1]!.run.text) && lines[i + 1]) group.push(lines[++i]!);
    out.lines.push(...group);
    const sentence = compact(group.map((l) => l.run.text).join(''));
    const start = isoDate(effective[1]!, effective[2]!, effective[3]!);
    const ok = pushDate(out, source, line, 'effective', start);
    const years = VALIDITY_YEARS.exec(sentence);
    const until = VALIDITY_UNTIL.exec(sentence);
    if (until) pushDate(out, source, line, 'expires', isoDate(until[1]!, until[2]!, until[3]!));
    else if (years && ok) {
      const n = parseNumber(years[1]!);
      if (n) out.facts.push({ field: 'expires', value: addYearsMinusOneDay(start, n), place: factPlace(source, line), quote: years[0] });
    }
  }
  return out;
}

function pushDate(out: MetadataLines, source: DecodedSource, line: ContentLine, field: FactField, iso: string): boolean {
  if (!isRealDate(iso)) {
    out.messages.push(
      makeMessage({
        file: source.file,
        place: factPlace(source, line),
        ruleId: 'impossible-date',
        severity: 'error',
        reason: `The text states ${field} \`${iso}\`, a day that does not exist`,
        hint: 'check the source text against the published document; the date cannot be used as printed',
      }),
    );
    return false;
  }
  out.facts.push({ field, value: iso, place: factPlace(source, line), quote: line.run.text });
  return true;
}

const FIELD_LABEL: Record<FactField, string> = {
  title: '标题 (title)',
  docNumber: '文号 (docNumber)',
  issued: '印发 date (issued)',
  effective: '施行 date (effective)',
  expires: 'end of 有效期 (expires)',
  draft: '征求意见稿 (draft)',
  issuer: '发文机关 (issuer)',
  publisher: '发布机构 (publisher)',
};

function docNumberKey(value: string): string {
  return value.replace(/\s+/g, '').replace(/[［\[【(（]/g, '〔').replace(/[］\]】)）]/g, '〕').replace(/第(?=\d+号$)/, '');
}

/**
 * Compares what the text states with the sidecar. A conflict is an error at the text's place
 * that names the sidecar's place too; a fact the sidecar lacks is a warning.
 */
export function crossCheck(
  source: DecodedSource,
  facts: readonly TextFact[],
  sidecar: SourceSidecar,
  sidecarFile: string,
  placeOf: (path: readonly (string | number)[]) => Place,
): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const fact of facts) {
    if (fact.field === 'title') continue; // found by matching the sidecar title
    const stated = sidecar[fact.field];
    const label = FIELD_LABEL[fact.field];
    if (stated === undefined || (fact.field === 'draft' && stated === false && fact.value === false)) {
      messages.push(
        makeMessage({
          file: source.file,
          place: fact.place,
          ruleId: 'sidecar-missing-field',
          severity: 'warning',
          reason: `The text states ${label} \`${String(fact.value)}\`, but the sidecar does not`,
          hint: `add \`${fact.field}: ${String(fact.value)}\` to ${sidecarFile}`,
        }),
      );
      continue;
    }
    const same =
      fact.field === 'docNumber' ? docNumberKey(String(stated)) === docNumberKey(String(fact.value)) : stated === fact.value;
    if (same) continue;
    const at = placeOf([fact.field]);
    messages.push(
      makeMessage({
        file: source.file,
        place: fact.place,
        ruleId: 'metadata-conflict',
        // The office that put the page up may be named differently from the sidecar's publisher
        // (a department of it, a full name): worth a look, not a refusal.
        severity: fact.field === 'publisher' ? 'warning' : 'error',
        reason: `The text states ${label} \`${String(fact.value)}\` (from \`${excerpt(fact.quote, 40)}\`), but ${sidecarFile}:${at.line}:${at.column} says \`${String(stated)}\``,
        expected: [String(stated)],
        actual: String(fact.value),
        hint: `the text is what was published: correct \`${fact.field}\` in ${sidecarFile}, or fix the source text if it was mis-transcribed`,
      }),
    );
  }
  return messages;
}

/** A title-like line near the top that is not the sidecar title: worth a warning. */
export function titleLikeLine(lines: readonly ContentLine[]): ContentLine | null {
  for (const line of lines.slice(0, 5)) {
    const text = line.run.text;
    if (Array.from(text).length > 60 || /[。；;]$/.test(text)) continue;
    if (/(?:关于|办法|措施|意见|方案|计划|通知|规定|细则|政策)/.test(text)) return line;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The labelled block of a government page (政府信息公开): 索引号 / 发文机关 / 文号 / 成文日期 …

/** Labels such blocks use, longer first where one ends another (信息来源 before 来源). */
const PAGE_LABELS = [
  '索引号', '主题分类', '体裁分类', '组配分类', '服务对象', '发文机关', '发布机构', '发文字号', '文号', '成文日期', '发布日期',
  '生效日期', '废止日期', '有效性', '统一编号', '阅读版本', '主题词', '公开方式', '公开范围', '公开时限', '信息来源', '来源', '浏览次数', '字体',
];
/** Labels only a metadata block prints; one of them must be present (a lone `来源：` line is a site credit). */
const BLOCK_LABELS = new Set(['索引号', '发文机关', '发文字号', '文号', '成文日期', '有效性', '统一编号']);
// A label may be printed with spaces between its characters (`文 号:`).
const PAGE_LABEL = new RegExp(`(${PAGE_LABELS.map((l) => Array.from(l).join('[ \\t\\u3000]*')).join('|')})[ \\t\\u3000]*[:：]`, 'g');
const ISO_LIKE = /^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?/;

export interface LabelledBlock {
  /** Line numbers (1-based) of the block, value lines included: metadata, not boilerplate. */
  lines: Set<number>;
  facts: TextFact[];
  messages: VFileMessage[];
  /** Where the page says the document is no longer in force (有效性：失效 / 废止), if it does. */
  lapsed: Place | null;
}

/**
 * The labelled metadata block a government page prints before the text (sometimes twice, or
 * as a table flattened to one cell per line, the value on the line after its label), before
 * line `before` (the first numbered clause). Facts: 文号/发文字号 → docNumber, 成文日期 →
 * issued, 发文机关 → issuer, 发布机构 → publisher; each stated once however often printed.
 */
export function labelledBlock(source: DecodedSource, before: number): LabelledBlock {
  const out: LabelledBlock = { lines: new Set(), facts: [], messages: [], lapsed: null };
  const raw = source.lines.filter((l) => l.number < before);
  const textOf = (i: number) => source.text.slice(raw[i]!.start, raw[i]!.end);
  const labelsOf = (text: string) => [...text.matchAll(PAGE_LABEL)].map((m) => ({ label: m[1]!.replace(/[ \t\u3000]/g, ''), index: m.index, end: m.index + m[0].length }));
  const pairs: { label: string; value: string; line: number; offset: number }[] = [];
  const labelsSeen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const text = textOf(i);
    const labels = labelsOf(text);
    if (labels.length === 0 || text.slice(0, labels[0]!.index).trim() !== '') continue;
    out.lines.add(raw[i]!.number);
    for (const l of labels) labelsSeen.add(l.label);
    labels.forEach((l, k) => {
      const value = text.slice(l.end, labels[k + 1]?.index ?? text.length);
      const trimmed = value.trim();
      if (trimmed !== '') {
        pairs.push({ label: l.label, value: trimmed, line: raw[i]!.number, offset: raw[i]!.start + l.end + value.indexOf(trimmed) });
        return;
      }
      if (k < labels.length - 1) return;
      // An empty last value: the value is the next short line that is not itself labelled,
      // and the lines after it that repeat it (two-column pages print it twice).
      let j = i + 1;
      while (j < raw.length && textOf(j).trim() === '') j++;
      const next = j < raw.length ? textOf(j).trim() : '';
      if (next === '' || labelsOf(next).length > 0 || Array.from(next).length > 40 || /[。，,；;]/.test(next)) return;
      pairs.push({ label: l.label, value: next, line: raw[j]!.number, offset: raw[j]!.start + textOf(j).indexOf(next) });
      for (; j < raw.length && (textOf(j).trim() === next || textOf(j).trim() === ''); j++) if (textOf(j).trim() !== '') out.lines.add(raw[j]!.number);
    });
  }
  if (![...labelsSeen].some((l) => BLOCK_LABELS.has(l))) {
    return { lines: new Set(), facts: [], messages: [], lapsed: null };
  }
  const seen = new Set<string>();
  const add = (field: FactField, value: string, pair: (typeof pairs)[number]) => {
    if (seen.has(`${field}\u0000${value}`)) return;
    seen.add(`${field}\u0000${value}`);
    out.facts.push({ field, value, place: placeAt(source, pair.offset), quote: `${pair.label}：${pair.value}` });
  };
  for (const pair of pairs) {
    const compacted = pair.value.replace(/\s+/g, '');
    if ((pair.label === '文号' || pair.label === '发文字号') && DOC_NUMBER.test(compacted)) add('docNumber', compacted, pair);
    else if (pair.label === '发文机关') add('issuer', compacted, pair);
    else if (pair.label === '发布机构') add('publisher', compacted, pair);
    else if (pair.label === '有效性' && /失效|废止|已过期|无效/.test(compacted)) out.lapsed ??= placeAt(source, pair.offset);
    else if (pair.label === '成文日期') {
      const m = ISO_LIKE.exec(pair.value);
      if (!m) continue;
      const iso = isoDate(m[1]!, m[2]!, m[3]!);
      if (isRealDate(iso)) add('issued', iso, pair);
      else {
        out.messages.push(
          makeMessage({
            file: source.file,
            place: placeAt(source, pair.offset),
            ruleId: 'impossible-date',
            severity: 'error',
            reason: `The page states 成文日期 \`${iso}\`, a day that does not exist`,
            hint: 'check the page against the published document; the date cannot be used as printed',
          }),
        );
      }
    }
  }
  return out;
}
