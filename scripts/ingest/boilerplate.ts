// Stage `boilerplate` (line rules first, then front and trailer rules): what is not the policy, found by named rules and listed with the rule that removed
// it. Three passes, because some rules need to know where the policy starts and ends:
//   lineRules      anywhere: blank lines, Word residue, invisible characters, edge whitespace,
//                  site footers, 上一篇/下一篇 links, 信息来源 credits
//   frontRules     lines before the title: the cover page of an official notice, or a web
//                  page's header (navigation, headline)
//   trailerRules   lines after the last clause: 抄送 block, 印发 footer, commentary
// Rules are patterns, not per-file cases; each removal keeps its source offsets.
import type { BoilerplateRule } from '../../src/schema';
import type { DecodedSource, SourceLine } from './decode';
import { isBlank, runOf, concatRuns, trimBounds, trimRun, type Run } from './normalise';

export interface Removal {
  rule: BoilerplateRule;
  start: number;
  end: number;
  /** 1-based line where the removed text starts. */
  line: number;
}

/** A line that survived the line rules: its cleaned, trimmed characters. */
export interface ContentLine {
  line: SourceLine;
  run: Run;
}


// Patterns are anchored and use bounded or non-overlapping quantifiers (no backtracking blow-up).
const WORD_RESIDUE = /\[(?:bookmark|footnoteRef|endnoteRef|annotationRef|comment)\s*:?[^\]\n]{0,80}\]/g;
const SITE_FOOTER = /(?:Copyright|版权所有|ICP备|ICP证|公网安备|©)/i;
const PREV_NEXT = /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|返回顶部|返回列表|打印本页|关闭窗口)/;
const SOURCE_CREDIT = /^(?:信息来源|文章来源|来源|发布时间|发布日期|发布机构|作者|责任编辑|编辑|浏览次数|阅读次数|点击数)\s*[:：]/;
const HEADLINE_START = /^(?:重磅|独家|最新|快讯|速看|收藏|解读|官宣|刚刚)/;
const COVER_SERIAL = /^[A-Z]{2,8}\s*[—–\-－]\s*\d{4}\s*[—–\-－]\s*\d{2,8}$/;
const COVER_MASTHEAD = /^[\u4e00-\u9fff]{2,30}文件$/;
const COVER_NOTICE = /印发.{1,120}的通知$/;
const COVER_PUBLIC = /^[（(]此件(?:主动)?公开(?:发布)?[）)]$/;
const CC_START = /^抄\s*送\s*[:：]/;
const PRINT_ORG = /^[\u4e00-\u9fff]{2,30}(?:办公室|办公厅|人民政府|政府|委员会|局|厅|部)$/;
const PUNCTUATION = /[。，,；;：:！!？?、]/;
/** A page number printed on its own line by a PDF export. A bare digit is not one (a table cell may be). */
export const PAGE_NUMBER = /^(?:[-—–－―]\s*[0-9０-９]{1,4}\s*[-—–－―]|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?|[0-9０-９]{1,4}\s*\/\s*[0-9０-９]{1,4})$/;

// Control characters other than tab, and zero-width characters (same set as isInvisible).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f\u200b-\u200d\u2060\ufeff]/;

/**
 * Pass 1: rules that apply to any line, wherever it is. Lines in `metadata` (a page's labelled
 * block, whose 发布机构/发布日期 lines would read as site credits) are never whole-line furniture.
 */
export function lineRules(source: DecodedSource, metadata: ReadonlySet<number> = new Set()): { removals: Removal[]; lines: ContentLine[] } {
  const { text } = source;
  const removals: Removal[] = [];
  const lines: ContentLine[] = [];
  for (const line of source.lines) {
    if (line.crlf) removals.push({ rule: 'crlf', start: line.end, end: line.end + 1, line: line.number });
    const raw = text.slice(line.start, line.end);
    if (isBlank(raw)) {
      removals.push({ rule: 'blank-line', start: line.start, end: line.end, line: line.number });
      continue;
    }
    // Whole-line web furniture.
    const trimmed = raw.trim();
    // Web furniture is short and is not a sentence; a clause that mentions 版权 stays a clause.
    const furniture = trimmed.length <= 200 && !/。$/.test(trimmed) && !metadata.has(line.number);
    const wholeLine = !furniture
      ? null
      : PAGE_NUMBER.test(trimmed)
      ? 'page-number'
      : SITE_FOOTER.test(trimmed)
      ? 'site-footer'
      : trimmed.length <= 120 && PREV_NEXT.test(trimmed)
        ? 'prev-next-nav'
        : trimmed.length <= 120 && SOURCE_CREDIT.test(trimmed)
          ? 'source-credit'
          : null;
    if (wholeLine) {
      removals.push({ rule: wholeLine, start: line.start, end: line.end, line: line.number });
      continue;
    }
    // Most lines have no residue and no invisible characters: trim and go (keeps 10 MB cheap).
    if (!raw.includes('[') && !INVISIBLE.test(raw)) {
      const [a, b] = trimBounds(raw);
      if (a > 0) removals.push({ rule: 'edge-whitespace', start: line.start, end: line.start + a, line: line.number });
      if (b < raw.length) removals.push({ rule: 'edge-whitespace', start: line.start + b, end: line.end, line: line.number });
      lines.push({ line, run: runOf(text, line.start + a, line.start + b) });
      continue;
    }
    // Cut residue and invisible characters out of the line; keep the rest as runs.
    const keep: Run[] = [];
    let pos = 0;
    const cut = (from: number, to: number, rule: BoilerplateRule) => {
      if (from > pos) keep.push(...splitInvisible(source, line, pos, from, removals));
      removals.push({ rule, start: line.start + from, end: line.start + to, line: line.number });
      pos = to;
    };
    for (const m of raw.matchAll(WORD_RESIDUE)) cut(m.index, m.index + m[0].length, 'word-residue');
    if (pos < raw.length) keep.push(...splitInvisible(source, line, pos, raw.length, removals));
    const joined = concatRuns(keep);
    const run = trimRun(joined);
    // Whatever trimming dropped is edge whitespace.
    for (const seg of joined.segments) {
      for (let i = seg.start; i < seg.end; ) {
        if (inRun(run, i)) {
          i++;
          continue;
        }
        let j = i;
        while (j < seg.end && !inRun(run, j)) j++;
        removals.push({ rule: 'edge-whitespace', start: i, end: j, line: line.number });
        i = j;
      }
    }
    if (run.text.length > 0) lines.push({ line, run });
  }
  return { removals, lines };
}

function inRun(run: Run, offset: number): boolean {
  for (const seg of run.segments) if (offset >= seg.start && offset < seg.end) return true;
  return false;
}

function isInvisible(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || code === 0x7f || code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff || code === 0x2060;
}

/** Runs of a line's characters between invisible characters, which are listed as removed. */
function splitInvisible(source: DecodedSource, line: SourceLine, from: number, to: number, removals: Removal[]): Run[] {
  const runs: Run[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (!isInvisible(source.text.charCodeAt(line.start + i))) continue;
    if (i > start) runs.push(runOf(source.text, line.start + start, line.start + i));
    removals.push({ rule: 'invisible-char', start: line.start + i, end: line.start + i + 1, line: line.number });
    start = i + 1;
  }
  if (to > start) runs.push(runOf(source.text, line.start + start, line.start + to));
  return runs;
}

function removeLine(line: ContentLine, rule: BoilerplateRule): Removal[] {
  return line.run.segments.map((seg) => ({ rule, start: seg.start, end: seg.end, line: line.line.number }));
}

/** True for the lines that make a document an official notice with a cover page. */
export function isCoverCue(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return COVER_SERIAL.test(t) || COVER_MASTHEAD.test(t) || COVER_NOTICE.test(t) || COVER_PUBLIC.test(t);
}

function isNavLine(text: string): boolean {
  return Array.from(text).length <= 10 && !PUNCTUATION.test(text);
}

function isHeadline(text: string): boolean {
  return HEADLINE_START.test(text) || (/[!！]/.test(text) && Array.from(text).length <= 60);
}

/**
 * Pass 2: lines before the policy's title. With a title found, nothing before it is the
 * policy: an official notice's cover page, or a web page's header. `kept` are the lines the
 * caller already claimed (e.g. the 文号 line as metadata).
 */
export function frontRules(front: readonly ContentLine[], titleFound: boolean, kept: ReadonlySet<ContentLine>): Removal[] {
  const removals: Removal[] = [];
  const candidates = front.filter((l) => !kept.has(l));
  const cover = candidates.some((l) => isCoverCue(l.run.text));
  for (const line of candidates) {
    const text = line.run.text;
    let rule: BoilerplateRule | null;
    if (cover) rule = 'cover-page';
    else if (isHeadline(text)) rule = 'site-headline';
    else if (isNavLine(text)) rule = 'site-nav';
    else rule = titleFound ? 'site-header' : null;
    if (rule) removals.push(...removeLine(line, rule));
  }
  return removals;
}

/**
 * Without a title line, only a headline or cover-page lines at the very top are front
 * matter; short lines stay (they may be a title the sidecar words differently).
 */
export function leadingFurniture(lines: readonly ContentLine[]): number {
  let i = 0;
  while (i < lines.length) {
    const text = lines[i]!.run.text;
    if (HEADLINE_START.test(text) || isCoverCue(text)) i++;
    else break;
  }
  return i;
}

/**
 * Pass 3: lines after the last clause that are not metadata. `kept` are lines the caller
 * claimed as metadata (施行 sentence, 印发 date).
 */
export function trailerRules(trailer: readonly ContentLine[], kept: ReadonlySet<ContentLine>): Removal[] {
  const removals: Removal[] = [];
  let inCc = false;
  trailer.forEach((line, index) => {
    if (kept.has(line)) {
      inCc = false;
      return;
    }
    const text = line.run.text.replace(/\s+/g, '');
    const next = trailer[index + 1];
    if (CC_START.test(text)) inCc = true;
    let rule: BoilerplateRule;
    if (next && kept.has(next) && PRINT_ORG.test(text)) rule = 'print-block';
    else if (inCc) rule = 'cc-block';
    else rule = 'commentary';
    removals.push(...removeLine(line, rule));
  });
  return removals;
}

/** True for the first line of an end block that is never clause text (抄送, 印发 footer). */
export function isEndBlockStart(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return CC_START.test(t);
}
