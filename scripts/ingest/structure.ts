// Stage `structure`: numbered structure. Recognises the numbering styles of Chinese policy texts
// (第X章 / 第X节 / 第X条 / 一、 / （一） or (一) / 1. or 1． / (1) / `01 heading` area headings), nests them by
// order of first appearance (a style already open closes back to its level, a new one opens
// a deeper level), and turns every numbered leaf into a clause. Lines broken mid-sentence (PDF
// pages) are joined; a trailing 责任单位 bracket is split off as `departmentsText`.
import type { VFileMessage } from 'vfile-message';
import type { ContentLine } from './boilerplate';
import { placeAt, type DecodedSource } from './decode';
import { excerpt, makeMessage, type Place } from './diagnostics';
import {
  endsMidSentence,
  Paragraph,
  parseNumber,
  sliceRun,
  sourceOffset,
  trimBounds,
  trimRun,
  type Run,
} from './normalise';
import { findDepartmentBracket, MAX_BRACKET } from './department-bracket';
import { dashStandsForOne, formatMarker, isHeadingText, matchMarker, type Marker } from './numbering';
import type { StructuredClause } from './types';

// ---------------------------------------------------------------------------------------------
// Tree

interface Unit {
  marker: Marker;
  parent: Unit | null;
  children: Unit[];
  depth: number;
  /** The whole marker line (trimmed). */
  line: ContentLine;
  /** The line after the marker, trimmed (continued when a PDF cut the line). */
  rest: Paragraph;
  /** Paragraphs after the marker line, each possibly joined from several lines. */
  body: Paragraph[];
  /** Every line the unit took, as printed (for the accounting). */
  lineRuns: Run[];
  departments: Run | null;
  lastLine: number;
  place: Place;
}

export interface SectionInfo {
  path: string;
  marker: string;
  title: string;
  depth: number;
  /** Characters of the heading (accounted as `heading`). */
  runs: Run[];
}

/** A clause with what later stages need: runs for accounting, text parts for comparison. */
export interface ClauseDraft {
  clause: StructuredClause;
  /** All characters of the clause except the department bracket. */
  runs: Run[];
  departments: Run | null;
  /** `clause.text` is these parts' texts joined with `\n`. */
  textParts: Run[];
  place: Place;
}

export interface StructureOptions {
  policyId: string;
  city: string;
  citySlug: string;
  /** True for a line that starts the end matter (施行 sentence, 抄送 block): no clause text follows. */
  isEndMatter?: (text: string) => boolean;
}

export interface StructureResult {
  preamble: Run[];
  sections: SectionInfo[];
  clauses: ClauseDraft[];
  /** Lines after the clauses that belong to no clause (end matter, commentary). */
  trailer: ContentLine[];
  /** Characters of numbered units refused with an error (empty, duplicated): still counted as clause text. */
  rejected: Run[];
  messages: VFileMessage[];
}

const DUPLICATE_HINT =
  'two units cannot share a number (their permalinks would collide). If the printed numbering differs, the parser misread it: report this line; keep the source as published';

export function parseStructure(source: DecodedSource, lines: readonly ContentLine[], options: StructureOptions): StructureResult {
  const messages: VFileMessage[] = [];
  const place = (run: Run, index = 0): Place => placeAt(source, sourceOffset(run, index));
  const report = (at: Place, ruleId: string, severity: 'error' | 'warning' | 'info', reason: string, hint: string, expected?: string, actual?: string) =>
    messages.push(
      makeMessage({ file: source.file, place: at, ruleId, severity, reason, hint, ...(expected ? { expected: [expected] } : {}), ...(actual !== undefined ? { actual } : {}) }),
    );

  const preamble: Paragraph[] = [];
  const roots: Unit[] = [];
  const all: Unit[] = [];
  const stack: Unit[] = [];
  /** Last value seen per family and depth: numbering may continue across parents (Shenzhen （三）). */
  const lastValue = new Map<string, number>();
  let areaInUse = false;
  const dashForOne = dashStandsForOne(lines.map((l) => l.run.text));
  /** Families whose first marker has been read. */
  const started = new Set<string>();
  // A policy printed as a table arrives one cell per line: from its header row on, a line
  // is a cell and never the wrapped end of the line before it.
  const tableFrom = tableHeaderAt(lines.map((l) => l.run.text));
  if (tableFrom !== null) {
    const first = lines[tableFrom]!;
    report(
      place(first.run),
      'table-layout',
      'info',
      `A table header starts here (\`${excerpt(first.run.text, 12)}\` …): each following line is read as one cell`,
      'nothing to do; cells are kept apart so a recipient or quote never runs into the next cell',
    );
  }
  const wraps = (line: ContentLine, text: string) => (tableFrom === null || line.line.number < lines[tableFrom]!.line.number) && endsMidSentence(text);
  let current: Unit | null = null;
  /** The last line ended mid-sentence: the next line continues it. */
  let broken = false;
  let orphans: ContentLine[] = [];
  const trailer: ContentLine[] = [];
  let ended = false;

  const appendTo = (paragraphs: Paragraph[], run: Run, join: boolean) => {
    const last = paragraphs[paragraphs.length - 1];
    if (join && last) last.append(run);
    else paragraphs.push(new Paragraph(run));
  };

  /** Splits a trailing department bracket off the unit's last paragraph. */
  const closeIfDepartments = (unit: Unit) => {
    if (unit.departments) return;
    const last = unit.body.length > 0 ? unit.body[unit.body.length - 1]! : unit.rest;
    // A department bracket is short: look at the paragraph's end only (keeps long paragraphs linear).
    const tail = last.tail(MAX_BRACKET);
    const bracket = findDepartmentBracket(tail);
    if (!bracket) return;
    const full = last.run();
    const offset = full.text.length - tail.length;
    unit.departments = sliceRun(full, offset + bracket.start, offset + bracket.end);
    const before = trimRun(sliceRun(full, 0, offset + bracket.start));
    last.replace(before);
    if (last !== unit.rest && last.isEmpty) unit.body.pop();
  };

  const fits = (m: Marker): boolean => {
    const idx = findLastIndex(stack, (u) => u.marker.family === m.family);
    if (idx >= 0) return m.value === stack[idx]!.marker.value + 1;
    const cont = lastValue.get(`${m.family}@${stack.length + 1}`);
    return m.value === 1 || (cont !== undefined && m.value === cont + 1);
  };

  const adoptOrphans = () => {
    if (orphans.length === 0 || !current) return;
    const first = orphans[0]!;
    report(
      place(first.run),
      'text-after-departments',
      'warning',
      `Unnumbered text after the department bracket of \`${current.marker.printed}\`, kept as part of that clause`,
      'check that this paragraph belongs to the clause above; a department bracket normally ends a clause',
    );
    let join = false;
    for (const line of orphans) {
      current.lineRuns.push(line.run);
      appendTo(current.body, line.run, join);
      join = wraps(line, line.run.text);
      current.lastLine = line.line.number;
    }
    orphans = [];
  };

  for (const line of lines) {
    if (ended) {
      trailer.push(line);
      continue;
    }
    const text = line.run.text;
    const marker = matchMarker(text, { areaInUse, dashForOne });
    if (marker && (!broken || fits(marker))) {
      adoptOrphans();
      if (marker.family === 'cn-dun' && !marker.printed.startsWith('一') && marker.value === 1) {
        report(
          place(line.run),
          'dash-for-one',
          'info',
          `\`${marker.printed}\` is read as \`一、\`: the next heading of this style is \`二、\``,
          'nothing to do; a dash typed for 一 is a common typesetting slip, and the number is shown as printed',
        );
      }
      if (marker.family === 'area') areaInUse = true;
      const unit = openUnit(marker, line);
      current = unit;
      const restText = unit.rest.run().text;
      broken = !isHeadingText(restText) && wraps(line, restText);
      closeIfDepartments(unit);
      continue;
    }
    if (!current) {
      appendTo(preamble, line.run, broken);
      broken = wraps(line, text);
      continue;
    }
    if (options.isEndMatter?.(text)) {
      ended = true;
      trailer.push(line);
      continue;
    }
    current.lineRuns.push(line.run);
    if (broken) {
      const body = current.body;
      // A cut marker line continues its own first sentence; a cut paragraph continues itself.
      (body.length > 0 ? body[body.length - 1]! : current.rest).append(line.run);
      current.lastLine = line.line.number;
      broken = wraps(line, text);
      closeIfDepartments(current);
      continue;
    }
    if (current.departments) {
      current.lineRuns.pop();
      orphans.push(line);
      continue;
    }
    current.body.push(new Paragraph(line.run));
    current.lastLine = line.line.number;
    broken = wraps(line, text);
    closeIfDepartments(current);
  }
  trailer.unshift(...orphans);

  function openUnit(marker: Marker, line: ContentLine): Unit {
    const at = place(line.run);
    let parent: Unit | null;
    const idx = findLastIndex(stack, (u) => u.marker.family === marker.family);
    if (idx >= 0) {
      parent = stack[idx - 1] ?? null;
      stack.length = idx;
    } else {
      parent = stack[stack.length - 1] ?? null;
      const cont = lastValue.get(`${marker.family}@${stack.length + 1}`);
      if (marker.value !== 1 && !(cont !== undefined && marker.value === cont + 1)) {
        // Not the start of a deeper level: maybe a sibling printed in another style (一、二、3.).
        const sibling = findLastIndex(stack, (u) => u.marker.value + 1 === marker.value);
        if (sibling >= 0) {
          const other = stack[sibling]!;
          report(
            at,
            'mixed-numbering',
            'warning',
            `Mixed numbering styles at one level: \`${marker.printed}\` follows \`${other.marker.printed}\``,
            `read as the sibling of \`${other.marker.printed}\` (in its style \`${formatMarker(other.marker, marker.value)}\`); nothing to do if the published text prints it so`,
            formatMarker(other.marker, marker.value),
            marker.printed,
          );
          parent = stack[sibling - 1] ?? null;
          stack.length = sibling;
        }
      }
    }
    const siblings = parent ? parent.children : roots;
    const depth = stack.length + 1;
    const key = `${marker.family}@${depth}`;
    const prev = siblings[siblings.length - 1];
    const cont = lastValue.get(key);
    checkNumber(marker, prev?.marker ?? null, cont, at);
    lastValue.set(key, marker.value);

    const rest = new Paragraph(trimRun(sliceRun(line.run, marker.length)));
    const unit: Unit = { marker, parent, children: [], depth, line, rest, body: [], lineRuns: [line.run], departments: null, lastLine: line.line.number, place: at };
    siblings.push(unit);
    all.push(unit);
    stack.push(unit);
    return unit;
  }

  function checkNumber(marker: Marker, prev: Marker | null, cont: number | undefined, at: Place) {
    const firstOfFamily = !started.has(marker.family);
    started.add(marker.family);
    if (prev && prev.family === marker.family && prev.variant !== marker.variant) {
      report(
        at,
        'mixed-numbering',
        'warning',
        `Mixed numbering styles at one level: \`${marker.printed}\` (${marker.variant}) after \`${prev.printed}\` (${prev.variant})`,
        'kept as printed; nothing to do if the published text mixes them',
        formatMarker(prev, marker.value),
        marker.printed,
      );
    } else if (marker.variant === 'mixed-width') {
      report(at, 'mixed-numbering', 'warning', `Marker \`${marker.printed}\` mixes full- and half-width brackets`, 'kept as printed; nothing to do if the published text prints it so');
    }
    const like = prev && prev.family === marker.family ? prev : marker;
    const expected = prev ? prev.value + 1 : 1;
    if (marker.value === expected) return;
    if (!prev && cont !== undefined && marker.value === cont + 1) return;
    if (prev && marker.value === prev.value) {
      report(
        at,
        'duplicate-number',
        'error',
        `Duplicated number: \`${marker.printed}\` repeats the number before it, expected \`${formatMarker(like, expected)}\``,
        DUPLICATE_HINT,
        formatMarker(like, expected),
        marker.printed,
      );
      return;
    }
    if (firstOfFamily && !prev && cont === undefined) {
      // An excerpt may begin inside a list (`48.`): the number is kept as printed.
      report(
        at,
        'starts-mid-sequence',
        'info',
        `Numbering starts at \`${marker.printed}\`, not at \`${formatMarker(marker, 1)}\``,
        'nothing to do for an excerpt that begins inside a list; otherwise check that no units were lost before it',
      );
      return;
    }
    const highest = !prev && cont !== undefined ? Math.max(expected, cont + 1) : expected;
    if (marker.value > highest) {
      report(
        at,
        'skipped-number',
        'warning',
        `Skipped number: expected \`${formatMarker(like, expected === highest ? expected : cont! + 1)}\`, found \`${marker.printed}\``,
        'compare with the published document: a unit may have been lost in copying; the number is kept as printed',
        formatMarker(like, expected),
        marker.printed,
      );
      return;
    }
    report(
      at,
      'number-out-of-order',
      'warning',
      `Number out of order: expected \`${formatMarker(like, expected)}\`, found \`${marker.printed}\``,
      'compare with the published document; the number is kept as printed',
      formatMarker(like, expected),
      marker.printed,
    );
  }

  // Build sections and clauses in printed order.
  const sections: SectionInfo[] = [];
  const clauses: ClauseDraft[] = [];
  const rejected: Run[] = [];
  const seenPaths = new Map<string, Unit>();
  const pathOf = (unit: Unit): string => {
    const parts: number[] = [];
    for (let u: Unit | null = unit; u; u = u.parent) parts.unshift(u.marker.value);
    return parts.join('.');
  };
  const headingOf = (unit: Unit): string => {
    const text = unit.rest.run().text;
    const stop = text.indexOf('。');
    return stop > 0 ? text.slice(0, stop) : text;
  };

  for (const unit of all) {
    const path = pathOf(unit);
    const clash = seenPaths.get(path);
    if (clash) {
      const duplicateReported = messages.some((m) => m.ruleId === 'duplicate-number' && m.line === unit.place.line);
      if (!duplicateReported)
        report(
          unit.place,
          'duplicate-number',
          'error',
          `Duplicated number: \`${unit.marker.printed}\` gives path \`${path}\`, already used at line ${clash.place.line}`,
          DUPLICATE_HINT,
        );
      rejected.push(...unit.lineRuns);
      continue;
    }
    seenPaths.set(path, unit);

    if (unit.children.length > 0) {
      const runs = unit.lineRuns;
      sections.push({ path, marker: unit.marker.printed, title: headingOf(unit), depth: unit.depth, runs });
      const heading = unit.rest.run().text;
      if (unit.body.length > 0 || heading.indexOf('。') >= 0 && heading.indexOf('。') < heading.length - 1) {
        report(
          unit.place,
          'section-text',
          'warning',
          `Section \`${unit.marker.printed}\` has text of its own besides its heading and numbered units`,
          'this text is kept with the section heading, not in any clause; check that the numbering is right',
        );
      }
      continue;
    }

    // A leaf: a clause.
    const restRun = unit.rest.run();
    const restText = restRun.text;
    const bodyRuns = unit.body.map((p) => p.run());
    if (restText.length === 0 && bodyRuns.length === 0) {
      report(
        unit.place,
        'empty-clause',
        'error',
        `Numbered unit \`${unit.marker.printed}\` has no text`,
        'compare with the published document: the text after this number may have been lost in copying; the unit is not shown',
      );
      rejected.push(...unit.lineRuns);
      continue;
    }
    let title: string;
    let textParts: Run[];
    if (isHeadingText(restText) && bodyRuns.length > 0) {
      // `一、工作目标` on its own line, the body below it.
      title = restText;
      textParts = bodyRuns;
    } else {
      textParts = restText.length > 0 ? [restRun, ...bodyRuns] : bodyRuns;
      const stop = restText.indexOf('。');
      const phrase = stop > 0 ? restText.slice(0, stop) : restText;
      title = isHeadingText(phrase) ? phrase : '';
      if (bodyRuns.length === 0 && isHeadingText(restText) && !unit.departments) {
        report(
          unit.place,
          'heading-without-body',
          'warning',
          `Numbered heading \`${unit.marker.printed}${excerpt(restText)}\` has neither numbered units nor body text`,
          'compare with the published document for lines lost in copying',
        );
      }
    }
    const ancestors: Unit[] = [];
    for (let u = unit.parent; u; u = u.parent) ancestors.unshift(u);
    const text = textParts.map((p) => p.text).join('\n');
    const lastLine = Math.max(unit.lastLine, ...lineNumbersOf(source, unit.departments));
    clauses.push({
      clause: {
        id: `${options.policyId}/${path}`,
        policyId: options.policyId,
        city: options.city,
        citySlug: options.citySlug,
        number: unit.marker.printed,
        numberValue: unit.marker.value,
        path,
        ordinal: clauses.length + 1,
        sectionPath: ancestors.map((a) => ({ marker: a.marker.printed, title: headingOf(a) })),
        title,
        text,
        departmentsText: unit.departments ? unit.departments.text : null,
        source: { file: source.file, lineStart: unit.line.line.number, lineEnd: lastLine },
        alsoIn: [],
      },
      runs: subtractRun(unit.lineRuns, unit.departments),
      departments: unit.departments,
      textParts,
      place: unit.place,
    });
  }

  return { preamble: preamble.map((p) => p.run()), sections, clauses, trailer, rejected, messages };
}

/** Header cells of policy tables (序号 / 项目名称 / 条款内容 / 执行方式 / 责任单位 …). */
const TABLE_HEADER = /^(?:序号|编号|项目名称|项目|政策名称|条款内容|政策内容|支持内容|主要内容|具体内容|扶持内容|支持标准|执行方式|兑现方式|支持方式|兑现主体|是否纳入总量控制|责任单位|责任部门|牵头单位|责任|单位|备注)$/;

/** The index of the first header cell of a table written one cell per line: three header cells within six lines. */
export function tableHeaderAt(lineTexts: readonly string[]): number | null {
  for (let i = 0; i < lineTexts.length; i++) {
    if (!TABLE_HEADER.test(lineTexts[i]!.trim())) continue;
    const window = lineTexts.slice(i, i + 6).filter((t) => TABLE_HEADER.test(t.trim()));
    if (window.length >= 3) return i;
  }
  return null;
}

/** The runs without the characters of `minus` (the department bracket goes to metadata). */
function subtractRun(runs: readonly Run[], minus: Run | null): Run[] {
  if (!minus) return [...runs];
  const out: Run[] = [];
  for (const run of runs) {
    const kept: Run[] = [];
    for (const seg of run.segments) {
      let pieces = [{ start: seg.start, end: seg.end }];
      for (const cut of minus.segments) {
        pieces = pieces.flatMap((p) => {
          if (cut.end <= p.start || cut.start >= p.end) return [p];
          return [
            { start: p.start, end: Math.max(p.start, cut.start) },
            { start: Math.min(p.end, cut.end), end: p.end },
          ].filter((x) => x.end > x.start);
        });
      }
      for (const p of pieces) kept.push({ text: '', segments: [p] });
    }
    if (kept.length > 0) out.push({ text: '', segments: kept.flatMap((k) => k.segments) });
  }
  return out;
}

function lineNumbersOf(source: DecodedSource, run: Run | null): number[] {
  if (!run || run.segments.length === 0) return [];
  return [placeAt(source, run.segments[run.segments.length - 1]!.end - 1).line];
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
