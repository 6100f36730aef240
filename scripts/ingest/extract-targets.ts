// Quantitative targets (到2025年…3万家, 每年新增…300家) and stated budgets (专项资金每年安排不少于
// 1000万元). These are never awards; they are kept so the site can show them as goals.
import type { Target } from '../../src/schema/award';
import { findMoneyCompact, findQuantitiesCompact } from './extract-amounts';
import { compact, splitSentences, splitTopLevel, toOriginal, type Piece } from './extract-text';

export type TargetDraft = Omit<Target, 'id'>;

const TARGET_VERBS = '新增|滚动培育|入库培育|培育|创建|建设|引进|实现|争创|集聚|推动|发布|开展|举办|培训|出让|达到|突破';
const LEAD_RE = new RegExp(`^(?:到\\d{4}年底?|每年|全市|累计|力争|其中|${TARGET_VERBS})+`);
const VERB_END_RE = new RegExp(`(?:${TARGET_VERBS})$`);
const BOUND_END_RE = /(?:不低于|不少于|达到|超过|约)$/;

interface Found {
  start: number;
  end: number;
  value: number;
  unit: string;
}

export function extractTargets(text: string): TargetDraft[] {
  const c = compact(text);
  const targets: TargetDraft[] = [];
  for (const sentence of splitSentences(c.text)) {
    const s = sentence.text;
    const chunks = splitTopLevel(s, [',']);
    const chunkAt = (pos: number) => chunks.find((p) => pos >= p.start && pos <= p.end) as Piece;
    const quantities: Found[] = findQuantitiesCompact(s);
    // A bare number inside a list of counts takes the list's unit: `“小升规”企业300、省级…180家`.
    for (const m of s.matchAll(/(?<![\d.])(\d+)(?=、)/g)) {
      const next = quantities.find((q) => q.start > m.index);
      if (next && !quantities.some((q) => q.start <= m.index && q.end > m.index)) {
        quantities.push({ start: m.index, end: m.index + m[0].length, value: Number(m[1]), unit: next.unit });
      }
    }
    quantities.sort((a, b) => a.start - b.start);
    /** `itemStart`: where the words of this target start (after the previous list item). */
    const emit = (q: Found, metric: string, annual: boolean, year: number | null, itemStart: number) => {
      if (metric === '') return;
      const before = s.lastIndexOf(metric, q.start);
      const after = s.indexOf(metric, q.end);
      const metricBefore = before !== -1 && before >= itemStart;
      const from = metricBefore ? Math.min(before, itemStart) : itemStart;
      const to = !metricBefore && after !== -1 ? after + metric.length : q.end;
      const span = toOriginal(c, sentence.start + from, sentence.start + to);
      targets.push({ metric, value: q.value, unit: q.unit, year, annual, span, quote: text.slice(span.start, span.end) });
    };
    for (const q of quantities) {
      const before = s.slice(0, q.start);
      const years = [...before.matchAll(/到(\d{4})年/g)];
      const year = years.length > 0 ? Number((years[years.length - 1] as RegExpMatchArray)[1]) : null;
      const annual = /每年/.test(before);
      const chunk = chunkAt(q.start);
      let prefix = s.slice(chunk.start, q.start);
      // In a list of counts, each item's own words start after the previous item's unit.
      const sep = Math.max(...[...prefix.matchAll(/[家项件名个场亩人次\d]、/g)].map((m) => m.index + 2), 0);
      prefix = prefix.slice(sep);
      const itemStart = chunk.start + sep + (/^[,]/.test(s.slice(chunk.start + sep)) ? 1 : 0);
      const verbBefore = new RegExp(TARGET_VERBS).test(s.slice(chunk.start, q.start));
      if (year === null && !annual && !verbBefore) continue;
      const bare = prefix.replace(BOUND_END_RE, '');
      const after = s.slice(q.end, chunk.end).replace(/^(?:以上|左右)/, '').replace(/^的/, '').split(/、(?=[^、]*\d)/)[0] ?? '';
      let metric: string;
      if (bare === '' || VERB_END_RE.test(bare)) metric = after !== '' ? after : (VERB_END_RE.exec(bare)?.[0] ?? '');
      else metric = bare.replace(LEAD_RE, '').replace(BOUND_END_RE, '') || after;
      emit(q, metric, annual, year, itemStart);
    }
    // Budgets: 市工信专项资金每年安排不少于1000万元.
    for (const m of findMoneyCompact(s)) {
      const chunk = chunkAt(m.start);
      const prefix = s.slice(chunk.start, m.start);
      const at = prefix.indexOf('安排');
      if (at === -1) continue;
      const metric = prefix.slice(0, at).replace(/每年$/, '');
      emit({ start: m.start, end: m.end, value: m.value, unit: m.unit }, metric || '资金安排', /每年/.test(prefix), null, chunk.start);
    }
  }
  return targets.sort((a, b) => a.span.start - b.span.start);
}
