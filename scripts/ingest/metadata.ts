// Stage `stated facts` (after the line rules, and again on the trailer): what a source says
// about itself, to check its sidecar (scripts/ingest/sidecar.ts) against. What the text states
// (title, 文号, 印发 date, 施行 date and 有效期, 征求意见稿, a web page's labelled block) is read
// from its lines and cross-checked: a disagreement is an error naming both places.
import type { VFileMessage } from 'vfile-message';
import { isRealDate, type SourceSidecar } from '../../src/schema';
import type { ContentLine } from './boilerplate';
import { placeAt, type DecodedSource } from './decode';
import { excerpt, makeMessage, type Place } from './diagnostics';
import { canonical, endsMidSentence, parseForm, parseNumber } from './normalise';

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
