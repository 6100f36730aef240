// Recognition tiers named in a text, mapped to the canonical ids of src/schema/tier.ts.
import { tierById, type TierId } from '../../src/schema/tier';
import { compact, stripQuotes } from './extract-text';

interface TierHit {
  tier: TierId;
  /** Offset in the normalised text; only used to order hits. */
  at: number;
}

/**
 * Normalise for name matching: no quotes, no whitespace, half-width brackets, `首台(套)` →
 * `首台套`, `(培育)` kept as a word, other bracketed asides dropped (`行业(或地方、军用)标准` →
 * `行业标准`, `生态(绿色)设计` → `生态设计`).
 */
export function normaliseForTiers(text: string): string {
  return compact(stripQuotes(text))
    .text.replace(/首台\(套\)/g, '首台套')
    .replace(/\((培育|重点)\)/g, '$1')
    .replace(/\([^()]{0,30}\)/g, '');
}

// Plain names. Order matters only for readability; hits are sorted by position.
const NAMED: ReadonlyArray<{ re: RegExp; tier: (m: RegExpMatchArray) => TierId }> = [
  // A name followed by 培育 / 后备 / 储备 names a cultivation list, not the recognised tier.
  { re: /小巨人(?:企业)?(?:后备|培育|储备)/g, tier: () => 'little-giant-reserve' },
  { re: /小巨人(?!(?:企业)?(?:后备|培育|储备))/g, tier: () => 'little-giant' },
  { re: /隐形冠军(?:企业)?(?:培育|后备|储备)/g, tier: () => 'hidden-champion-cultivation' },
  { re: /隐形冠军(?!(?:企业)?(?:培育|后备|储备))/g, tier: () => 'hidden-champion' },
  { re: /专精特新(?:中小)?(?:企业)?(?:培育|后备|储备)/g, tier: () => 'srdi-cultivation' },
  {
    re: /单项冠军(示范企业|产品|培育)?/g,
    tier: (m) => (m[1] === '产品' ? 'single-champion-product' : m[1] === '培育' ? 'single-champion-cultivation' : 'single-champion-demo'),
  },
  { re: /创新型中小企业/g, tier: () => 'innovative-sme' },
  // Without a level (Changsha, Shenzhen, Jiaxing's “专精特新”中小企业) this is the provincial tier.
  // A municipal (or county) list is its own, lower tier: `市级专精特新中小企业`.
  { re: /(?:市级|县级|区级)专精特新中小企业(?!(?:培育|后备|储备))/g, tier: () => 'municipal-srdi' },
  { re: /(?<!市级|县级|区级)专精特新中小企业(?!(?:培育|后备|储备))/g, tier: () => 'provincial-srdi' },
  { re: /链主工厂/g, tier: () => 'chain-leader-factory' },
  { re: /智能(?:制造)?工厂/g, tier: () => 'smart-factory' },
  { re: /数字化车间/g, tier: () => 'digital-workshop' },
  { re: /中国质量奖/g, tier: () => 'quality-award-national' },
  { re: /省(?:人民)?政府质量奖/g, tier: () => 'quality-award-provincial' },
  { re: /市(?:人民)?政府质量奖/g, tier: () => 'quality-award-municipal' },
  { re: /院士(?:专家)?工作站/g, tier: () => 'academician-workstation' },
  { re: /(?<!院士)专家工作站/g, tier: () => 'expert-workstation' },
  { re: /博士后(?:科研)?工作站/g, tier: () => 'postdoc-station' },
  { re: /博士后创新创业实践基地/g, tier: () => 'postdoc-base' },
];

/** Names whose tier depends on a qualifier list before them: `国际、国内、省内首台套`. */
const QUALIFIED: ReadonlyArray<{ head: RegExp; quals: ReadonlyArray<[string, TierId]> }> = [
  {
    head: /首台套/g,
    quals: [
      ['国际', 'first-set-international'],
      ['国内', 'first-set-national'],
      ['国家级', 'first-set-national'],
      ['省内', 'first-set-provincial'],
      ['省级', 'first-set-provincial'],
      ['市内', 'first-set-municipal'],
      ['市级', 'first-set-municipal'],
    ],
  },
  {
    head: /标准(?!化)/g,
    quals: [
      ['国际', 'standard-international'],
      ['国家', 'standard-national'],
      ['市级地方', 'standard-industry'],
      ['省级地方', 'standard-industry'],
      ['行业', 'standard-industry'],
      ['地方', 'standard-industry'],
      ['军用', 'standard-industry'],
      ['品字标浙江制造', 'standard-group'],
      ['浙江制造', 'standard-group'],
      ['团体', 'standard-group'],
    ],
  },
  {
    head: /中小企业服务平台/g,
    quals: [
      ['国家级', 'service-platform-national'],
      ['省级', 'service-platform-provincial'],
    ],
  },
  {
    head: /设计示范企业/g,
    quals: [
      ['国家级', 'green-design-demo-national'],
      ['省级', 'green-design-demo-provincial'],
      ['市级', 'green-design-demo-municipal'],
    ],
  },
];

/**
 * The qualifiers in the list that ends right before `headAt` (`国内、省内、市内重大技术装备` →
 * 国内, 省内, 市内). Scans backwards over a bounded window: no regex backtracking.
 */
function qualifiersBefore(text: string, headAt: number, quals: ReadonlyArray<[string, TierId]>): Array<{ tier: TierId; at: number }> {
  const windowStart = Math.max(0, headAt - 32);
  const window = text.slice(windowStart, headAt);
  const stop = Math.max(window.lastIndexOf(','), window.lastIndexOf(';'), window.lastIndexOf('。'), window.lastIndexOf(':'));
  const scopeStart = stop + 1;
  const scoped = window.slice(scopeStart);
  const found: Array<{ tier: TierId; at: number }> = [];
  let end = scoped.length;
  // The last qualifier may stand a few words before the head (`重大技术装备`, `工业产品生态`);
  // earlier ones must join it through a list separator.
  let gapAllowed = 12;
  for (;;) {
    let best: { start: number; end: number; tier: TierId } | undefined;
    for (let s = Math.max(0, end - gapAllowed - 8); s < end; s++) {
      for (const [word, tier] of quals) {
        const e = s + word.length;
        if (e > end || end - e > gapAllowed || !scoped.startsWith(word, s)) continue;
        if (scoped.slice(e, end).includes('、')) continue;
        // Closest to the head first; for the same end, the longest word (`市级地方` over `地方`).
        if (!best || e > best.end || (e === best.end && s < best.start)) best = { start: s, end: e, tier };
      }
    }
    if (!best) break;
    found.push({ tier: best.tier, at: windowStart + scopeStart + best.start });
    const sep = /(?:、|和|及|与)$/.exec(scoped.slice(0, best.start));
    if (!sep) break;
    end = best.start - sep[0].length;
    gapAllowed = 0;
  }
  return found.reverse();
}

function tierHits(text: string): TierHit[] {
  const norm = normaliseForTiers(text);
  const hits: TierHit[] = [];
  for (const rule of NAMED) {
    for (const m of norm.matchAll(rule.re)) hits.push({ tier: rule.tier(m), at: m.index });
  }
  for (const rule of QUALIFIED) {
    for (const m of norm.matchAll(rule.head)) hits.push(...qualifiersBefore(norm, m.index, rule.quals));
  }
  return hits.sort((a, b) => a.at - b.at);
}

/** Tiers a text mentions, in order of first appearance, each once. */
export function findTiers(text: string): TierId[] {
  const seen = new Set<TierId>();
  for (const hit of tierHits(text)) seen.add(hit.tier);
  return [...seen];
}

/**
 * The tier of an award's recipient. A recipient may name two tiers (`专精特新“小巨人”企业建设院士
 * 工作站`, `首台（套）的“专精特新”中小企业产品`): the thing being rewarded (workstation, first set)
 * is more specific than the SRDI status of its owner, so non-SRDI families win; within the
 * winning group the last name wins because the Chinese head noun comes last.
 */
export function recipientTier(recipient: string | null): TierId | null {
  if (!recipient) return null;
  const hits = tierHits(recipient);
  const specific = hits.filter((h) => tierById(h.tier).family !== 'srdi');
  const pool = specific.length > 0 ? specific : hits;
  // `参与制定国际、国家和市级地方标准的企业` names three tiers of one family: no single tier.
  const families = new Map<string, Set<TierId>>();
  for (const h of pool) {
    const family = tierById(h.tier).family;
    families.set(family, (families.get(family) ?? new Set()).add(h.tier));
  }
  const last = pool[pool.length - 1];
  if (!last) return null;
  return (families.get(tierById(last.tier).family)?.size ?? 0) > 1 ? null : last.tier;
}

// The recognition rule is shared with the site's comparisons, so it lives in src/lib.
export { isRecognitionAward } from '../../src/lib/recognition';
