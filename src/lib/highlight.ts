// Split a clause text into plain and marked runs so award words can be wrapped in <mark>.
import type { Span } from '../schema';

export interface TextRun {
  text: string;
  /** True when the run lies inside at least one span. */
  marked: boolean;
}

/**
 * Runs covering `text` exactly once, in order. Overlapping or touching spans merge into one
 * marked run (several awards often quote the same `分别给予…` words). Spans outside the text
 * are clipped rather than trusted.
 */
export function markRuns(text: string, spans: readonly Span[]): TextRun[] {
  const clipped = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const runs: TextRun[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) runs.push({ text: text.slice(at, span.start), marked: false });
    runs.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}

/**
 * The runs of each line of a multi-line text, so paragraphs can be rendered separately while
 * span offsets still refer to the whole text. Empty lines are dropped.
 */
export function markedParagraphs(text: string, spans: readonly Span[]): TextRun[][] {
  const paragraphs: TextRun[][] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineSpans = spans.map((s) => ({ start: s.start - offset, end: s.end - offset }));
    if (line.trim() !== '') paragraphs.push(markRuns(line, lineSpans));
    offset += line.length + 1;
  }
  return paragraphs;
}
