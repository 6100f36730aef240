// Display wording for awards, dates and clause numbers. Pure; no astro imports.
import type { Award, AwardKind, Clause, Policy } from '../schema';

export const KIND_LABELS: Record<AwardKind, { zh: string; en: string }> = {
  fixed: { zh: '定额', en: 'Fixed sum' },
  cap: { zh: '最高限额', en: 'Cap (up to)' },
  ratio: { zh: '按比例', en: 'Ratio' },
  matching: { zh: '配套', en: 'Matching funds' },
  'fee-reduction': { zh: '费用减免', en: 'Fee reduction' },
  'non-monetary': { zh: '非资金支持', en: 'Non-monetary' },
  unquantified: { zh: '金额未量化', en: 'Unquantified' },
};

export const FREQUENCY_LABELS: Record<Award['frequency'], { zh: string; en: string }> = {
  'one-off': { zh: '一次性', en: 'One-off' },
  annual: { zh: '每年', en: 'Annual' },
  'per-person-per-time': { zh: '每人每次', en: 'Per person, per time' },
  unspecified: { zh: '未写明', en: 'Not stated' },
};

export const REASON_LABELS: Record<NonNullable<Award['reason']>, { zh: string; en: string }> = {
  'delegated-to-other-document': { zh: '金额由其他文件规定', en: 'Amount set in another document' },
  'amount-not-stated': { zh: '未写明金额', en: 'Amount not stated' },
};

/** Yuan → 万元 as a short number string (500000 → `50`, 15000 → `1.5`). */
export function wan(yuan: number): string {
  const value = yuan / 10_000;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** Yuan → `50 万元`. */
export function wanWithUnit(yuan: number): string {
  return `${wan(yuan)} 万元`;
}

/** `100` (percent) → `1:1` for matching funds, else `50%`. */
export function percentLabel(kind: AwardKind, percent: number): string {
  if (kind === 'matching') {
    const ratio = percent / 100;
    return Number.isInteger(ratio) ? `1:${ratio}` : `${percent}%`;
  }
  return `${percent}%`;
}

/**
 * A one-line Chinese description of what an award pays, e.g. `50 万元`, `最高 30 万元`,
 * `按 50%（最高 3000 万元）`, `金额由其他文件规定：《…》`. Fixed and cap read differently on purpose.
 */
export function awardValueLabel(award: Pick<Award, 'kind' | 'amountYuan' | 'ratioPercent' | 'ratioBase' | 'reason' | 'reference'>): string {
  const amount = award.amountYuan;
  switch (award.kind) {
    case 'fixed':
      return amount === null ? '定额（未写明金额）' : wanWithUnit(amount);
    case 'cap':
      return amount === null ? '设有上限（未写明金额）' : `最高 ${wanWithUnit(amount)}`;
    case 'ratio': {
      const share = award.ratioPercent === null ? '按比例' : `按 ${percentLabel('ratio', award.ratioPercent)}`;
      const base = award.ratioBase ? `（基数：${award.ratioBase}）` : '';
      return amount === null ? `${share}${base}` : `${share}${base}，最高 ${wanWithUnit(amount)}`;
    }
    case 'matching': {
      const share = award.ratioPercent === null ? '配套' : `${percentLabel('matching', award.ratioPercent)} 配套`;
      return amount === null ? share : `${share}，最高 ${wanWithUnit(amount)}`;
    }
    case 'fee-reduction':
      return award.ratioPercent === null ? '费用减免' : `费用按 ${award.ratioPercent}% 计`;
    case 'non-monetary':
      return '非资金支持';
    case 'unquantified': {
      if (award.reason === 'delegated-to-other-document') {
        return award.reference ? `金额由其他文件规定：${bookTitle(award.reference)}` : REASON_LABELS['delegated-to-other-document'].zh;
      }
      return REASON_LABELS['amount-not-stated'].zh;
    }
  }
}

/** A compact label for tight places (matrix cells, chart bars): ratios keep their share and cap, not their base. */
export function awardShortLabel(award: Pick<Award, 'kind' | 'amountYuan' | 'ratioPercent' | 'ratioBase' | 'reason' | 'reference'>): string {
  if ((award.kind === 'ratio' || award.kind === 'matching') && award.ratioPercent !== null) {
    const share = award.kind === 'ratio' ? `按 ${award.ratioPercent}%` : `${percentLabel('matching', award.ratioPercent)} 配套`;
    return award.amountYuan === null ? share : `${share}，最高 ${wanWithUnit(award.amountYuan)}`;
  }
  return awardValueLabel({ ...award, ratioBase: null });
}

function bookTitle(reference: string): string {
  return reference.startsWith('《') ? reference : `《${reference}》`;
}

/** The printed number without its trailing punctuation and brackets: `（三十二）` → `三十二`, `23.` → `23`. */
export function numberCore(number: string): string {
  return number.replace(/[\s、.．。:：()（）〔〕]/g, '');
}

/** How a clause is named in lists: number as printed plus its title. */
export function clauseLabel(clause: Pick<Clause, 'number' | 'title'>): string {
  const sep = /[、.．]$/.test(clause.number) ? '' : ' ';
  return `${clause.number}${sep}${clause.title}`;
}

/** `2025-03-01` → `2025年3月1日`; null → the fallback. */
export function zhDate(iso: string | null, fallback = '未注明'): string {
  if (!iso) return fallback;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The year a policy is dated by: issued, else effective, else the sidecar's approximate year. */
export function policyYear(policy: Pick<Policy, 'issued' | 'effective' | 'year'>): number | null {
  const date = policy.issued ?? policy.effective;
  if (date) return Number(date.slice(0, 4));
  return policy.year;
}

/**
 * The year search files a policy under (its `year` filter): the sidecar's year when it has one,
 * else the year it was issued or took effect. The search record and the search page's year
 * options both use it, so every option matches some record.
 */
export function searchYear(policy: Pick<Policy, 'issued' | 'effective' | 'year'>): number | null {
  return policy.year ?? policyYear(policy);
}

/** Short label of a policy for column headers, e.g. `长沙 · 2025`. */
export function policyShortLabel(policy: Pick<Policy, 'city' | 'issued' | 'effective' | 'year'>): string {
  const year = policyYear(policy);
  return year === null ? policy.city.zh : `${policy.city.zh} · ${year}`;
}
