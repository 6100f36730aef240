// Award bars, state: benchmark rows → a chart-ready series (groups of labelled rows, one mark
// per row). Pure and unit-tested; knows nothing about SVG or Astro.
import { tierById, type TierId } from '../../schema';
import type { AwardPoint, HeadlineRow, LadderFamily, LadderTier, PolicyRow } from '../../lib/benchmark';
import { awardShortLabel, clauseLabel, FREQUENCY_LABELS, KIND_LABELS, numberCore, wan } from '../../lib/format';
import { LIMITS } from '../../lib/paging';
import { selectPolicyRows, type RowCounts, type RowSelection } from '../../lib/selection';
import { OTHER_SUPPORT_LABEL, tierRole } from '../../lib/recognition';
import { provenanceText, STATUS_LABELS, type Provenance } from '../../lib/status';

/** `fixed` and `cap` are drawn as bars (solid vs hatched); everything else as words. */
export type MarkKind = 'fixed' | 'cap' | 'text';

export interface BarMark {
  kind: MarkKind;
  /** Bar length in 万元; null for text marks. */
  valueWan: number | null;
  /** What is printed beside the bar or instead of it, e.g. `最高 30 万元`. */
  label: string;
  /** Link to the clause the figure comes from; null for rows that only say "absent". */
  href: string | null;
  /** The exact words quoted from the clause; empty for absent rows. */
  quote: string;
  /** Clause as printed (number and title); empty for absent rows. */
  clause: string;
  /** Award kind and frequency in words, for the data table. */
  kindLabel: string;
  /** Muted styling for rows that state an absence. */
  muted: boolean;
}

export interface BarRow {
  key: string;
  label: string;
  mark: BarMark;
  /**
   * The row's policy status and source kind, printed beside the row (words, so it survives
   * greyscale and print); null only for rows that stand for no policy.
   */
  provenance: Provenance | null;
}

export interface BarGroup {
  key: string;
  /** Empty for a single unlabelled group. */
  label: string;
  /** A remark under the group heading, e.g. the spread between cities. */
  note: string;
  rows: BarRow[];
  /** When the group shows only its top rows: what was left out, and where the full list is. */
  more: MoreLink | null;
}

/** The line under a group that shows only its top rows. */
export interface MoreLink {
  /** The whole count in words, for the data table: see moreText. */
  text: string;
  /** A short line for the chart, e.g. `共 400 个政策，此处为金额最高的 12 个`. */
  short: string;
  /** The full ranking; null when there is none to link to. */
  href: string | null;
}

export interface BarSeries {
  groups: BarGroup[];
  /** Largest bar value in 万元 (0 when there is no bar). */
  maxWan: number;
  unit: '万元';
  /** Which mark kinds occur, so the legend lists only those. */
  kinds: MarkKind[];
  /** True when some row's policy is not in force (its bar is then drawn with a dashed outline). */
  anyNotInForce: boolean;
}

export type HrefFor = (clauseId: string) => string;

/** The mark for one award: a bar when a fixed sum or a ceiling is stated, else words. */
export function pointMark(point: AwardPoint, hrefFor: HrefFor): BarMark {
  const { award, clause } = point;
  const drawable = award.amountYuan !== null && award.amountYuan > 0 && award.kind !== 'unquantified' && award.kind !== 'non-monetary';
  const kind: MarkKind = !drawable ? 'text' : award.kind === 'fixed' ? 'fixed' : 'cap';
  let label = awardShortLabel(award);
  if (award.kind === 'non-monetary') label = `非资金支持：${award.quote}`;
  return {
    kind,
    valueWan: drawable ? award.amountYuan! / 10_000 : null,
    label,
    href: hrefFor(clause.id),
    quote: award.quote,
    clause: clauseLabel(clause),
    kindLabel: `${KIND_LABELS[award.kind].zh} · ${FREQUENCY_LABELS[award.frequency].zh}${tierRole(award) === 'other-support' ? ` · ${OTHER_SUPPORT_LABEL.zh}（非认定奖励）` : ''}`,
    muted: false,
  };
}

function absentMark(label: string): BarMark {
  return { kind: 'text', valueWan: null, label, href: null, quote: '', clause: '', kindLabel: '', muted: true };
}

function finish(groups: BarGroup[]): BarSeries {
  const marks = groups.flatMap((g) => g.rows.map((r) => r.mark));
  // A loop, not Math.max(...marks): spreading an unbounded array into a call overflows the stack.
  const maxWan = marks.reduce((most, m) => Math.max(most, m.valueWan ?? 0), 0);
  const kinds = (['fixed', 'cap', 'text'] as const).filter((k) => marks.some((m) => m.kind === k));
  const anyNotInForce = groups.some((g) => g.rows.some((r) => r.provenance !== null && r.provenance.status !== 'in-force'));
  return { groups, maxWan, unit: '万元', kinds, anyNotInForce };
}

/** Rows for one policy: one per award (labelled with the clause number when there are several), or one "absent" row. */
function policyRows(row: PolicyRow, hrefFor: HrefFor, absentLabel: string): BarRow[] {
  if (row.points.length === 0) {
    return [{ key: row.policy.id, label: row.label, mark: absentMark(row.state === 'not-parsed' ? '未能解析出条款' : absentLabel), provenance: row.provenance }];
  }
  return row.points.map((point, i) => ({
    key: `${point.award.id}:${i}`,
    label: row.points.length > 1 ? `${row.label} 第${numberCore(point.clause.number)}条` : row.label,
    mark: pointMark(point, hrefFor),
    provenance: point.provenance,
  }));
}

/**
 * How a group's policies divide, in words: how many state a sum (and its median), how many
 * only words, how many none, e.g. `共 400 个政策：137 个写明金额（中位数 50 万元），263 个未规定`.
 */
export function countsText(counts: RowCounts): string {
  const parts = [`${counts.quantified} 个写明金额${counts.medianYuan === null ? '' : `（中位数 ${wan(counts.medianYuan)} 万元${counts.anyCap ? '，含上限' : ''}）`}`];
  if (counts.words > 0) parts.push(`${counts.words} 个以文字说明`);
  if (counts.absent > 0) parts.push(`${counts.absent} 个未规定`);
  if (counts.notParsed > 0) parts.push(`${counts.notParsed} 个未能解析`);
  return `共 ${counts.total} 个政策：${parts.join('，')}`;
}

/** What a capped group left out, in words: the shown count (and any tie at the cut), then countsText. */
export function moreText(shown: number, counts: RowCounts, tiedBeyond = 0): string {
  return `显示金额最高的 ${shown} 个${tieText(tiedBeyond)}；${countsText(counts)}`;
}

function tieText(tiedBeyond: number): string {
  return tiedBeyond > 0 ? `（另有 ${tiedBeyond} 个与末位同额，同额按城市拼音排序）` : '';
}

function moreLink<R>(selection: RowSelection<R>, href: string | null): MoreLink | null {
  if (!selection.capped) return null;
  const tie = selection.tiedBeyond > 0 ? `，另有 ${selection.tiedBeyond} 个同额` : '';
  return {
    text: moreText(selection.shown.length, selection.counts, selection.tiedBeyond),
    short: `共 ${selection.counts.total} 个政策，此处为金额最高的 ${selection.shown.length} 个${tie}`,
    href,
  };
}

/** Headline: one row per policy, the first-time national little-giant award (pass the selected rows). */
export function headlineSeries(rows: readonly HeadlineRow[], hrefFor: HrefFor, more: MoreLink | null = null): BarSeries {
  return finish([
    {
      key: 'little-giant',
      label: '',
      note: '',
      more,
      rows: rows.map((row) => ({
        key: row.policy.id,
        label: row.label,
        mark: row.point ? pointMark(row.point, hrefFor) : absentMark(row.state === 'not-parsed' ? '未能解析出条款' : '本政策未规定此项奖励'),
        provenance: row.provenance,
      })),
    },
  ]);
}

/**
 * Words for how far apart the cities are in one tier, computed only among comparable figures
 * (fixed sums of policies in force) and saying which, e.g.
 * `现行有效的定额中，最高（甲 150 万元）为最低（乙 50 万元）的 3 倍；未计入：丙 最高 30 万元（上限）`.
 */
export function spreadNote(spread: LadderFamily['tiers'][number]['spread']): string {
  if (!spread) return '';
  const amount = (p: AwardPoint) => `${p.award.kind === 'cap' ? '最高 ' : ''}${wan(p.award.amountYuan!)} 万元`;
  const named = (p: AwardPoint) => `${p.policy.city.zh} ${amount(p)}`;
  let head: string;
  if (spread.ratio !== null && spread.min && spread.max) {
    head =
      spread.ratio === 1
        ? `现行有效的定额各地相同（${spread.compared.map(named).join('、')}）`
        : `现行有效的定额中，最高（${named(spread.max)}）为最低（${named(spread.min)}）的 ${spread.ratio} 倍`;
  } else if (spread.compared.length === 1) {
    head = `只有 1 个可比金额（现行有效的定额：${named(spread.compared[0]!)}），不计算倍数`;
  } else {
    head = '没有可比金额（现行有效的定额），不计算倍数';
  }
  if (spread.excluded.length === 0) return head;
  const why = (e: (typeof spread.excluded)[number]) => (e.why === 'cap' ? '上限，非定额' : STATUS_LABELS[e.point.provenance.status].zh);
  return `${head}；未计入：${spread.excluded.map((e) => `${named(e.point)}（${why(e)}）`).join('、')}`;
}

/** The headline's "N more" line when it shows only its top rows. */
export function headlineMore(selection: RowSelection<HeadlineRow>, href: string | null): MoreLink | null {
  return moreLink(selection, href);
}

export interface LadderOptions {
  /** Policies a tier shows before it keeps the top ones by amount. Default LIMITS.ladderRows. */
  limit?: number;
  /** The full ranking of a tier, linked from a capped group. */
  rankingHref?: (tier: TierId) => string;
}

/** The rows of a tier the ladder shows (all when they fit, else the top by amount). */
export function ladderSelection(tier: LadderTier, limit: number = LIMITS.ladderRows): RowSelection<PolicyRow> {
  return selectPolicyRows(tier.rows, limit);
}

/** Tier ladder of one family: a group per tier (low → high), a row per policy and award. */
export function ladderSeries(family: LadderFamily, hrefFor: HrefFor, options: LadderOptions = {}): BarSeries {
  return finish(
    family.tiers.map((t) => {
      const selection = ladderSelection(t, options.limit);
      return {
        key: t.tier.id,
        label: `${t.tier.zh} · ${t.tier.en}`,
        note: spreadNote(t.spread),
        rows: selection.shown.flatMap((row) => policyRows(row, hrefFor, '本政策未规定')),
        more: moreLink(selection, options.rankingHref?.(t.tier.id) ?? null),
      };
    }),
  );
}

/** One page of a tier's full ranking: a row per policy and award, labelled with the policy's rank. */
export function rankingSeries(tier: LadderTier, rows: readonly PolicyRow[], firstRank: number, hrefFor: HrefFor): BarSeries {
  return finish([
    {
      key: tier.tier.id,
      label: '',
      note: '',
      more: null,
      rows: rows.flatMap((row, i) => policyRows({ ...row, label: `${firstRank + i}. ${row.label}` }, hrefFor, '本政策未规定')),
    },
  ]);
}

/**
 * Award levels within a category: a group per policy, a row per award, labelled by the tier
 * when the tier's recognition triggers it, else by the recipient as written — an award for
 * listing paid to SRDI enterprises must not read as what the city pays for the tier.
 */
export function categorySeries(rows: readonly PolicyRow[], hrefFor: HrefFor): BarSeries {
  return finish(
    rows.map((row) => ({
      key: row.policy.id,
      label: `${row.label}（${provenanceText(row.provenance)}）`,
      note: '',
      more: null,
      rows:
        row.points.length === 0
          ? [{ key: `${row.policy.id}:none`, label: '—', mark: absentMark(row.state === 'not-parsed' ? '未能解析出条款' : '本类条款中没有奖补'), provenance: row.provenance }]
          : row.points.map((point, i) => ({
              key: `${point.award.id}:${i}`,
              provenance: point.provenance,
              label: point.award.tier && tierRole(point.award) === 'recognition' ? tierById(point.award.tier).zh : (point.award.recipient ?? point.clause.title),
              mark: pointMark(point, hrefFor),
            })),
    })),
  );
}
