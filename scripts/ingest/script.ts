// Stage `script` (right after decode): a text printed in traditional characters (萬元, 給予, 獎勵, 責任單位, 第一條)
// is parsed in a simplified fold, so one vocabulary reads every text. The fold is one character
// for one character, so every offset, line and column of the fold is the original's; the records
// show the original characters again through `ScriptFold.restore`.
import * as OpenCC from 'opencc-js';
import type { Clause } from '../../src/schema';
import type { DecodedSource } from './decode';
import type { Run } from './normalise';

/** Share of CJK characters that must change for a text to count as traditional script. */
const TRADITIONAL_SHARE = 0.03;
/** And at least this many changed characters (a simplified text may hold a stray 於 or 著). */
const TRADITIONAL_MIN = 5;

let converter: ((text: string) => string) | null = null;
function toSimplified(text: string): string {
  // OpenCC's standard traditional (not Taiwan phrases: 記憶體 must not become 内存, which
  // would change the text's length and wording).
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(text);
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Each character's simplified form, or itself when that form is not one UTF-16 unit. */
function foldByCharacter(text: string): string {
  const cache = new Map<string, string>();
  let out = '';
  for (const ch of text) {
    let folded = cache.get(ch);
    if (folded === undefined) {
      const converted = ch.length === 1 && isCjk(ch.charCodeAt(0)) ? toSimplified(ch) : ch;
      folded = converted.length === ch.length ? converted : ch;
      cache.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

/** Simplified form of a whole text with the same length; phrase-aware where that holds. */
export function simplifiedFold(text: string): string {
  const whole = toSimplified(text);
  // Phrase tables may change a word's length; then fall back to one character at a time.
  return whole.length === text.length ? whole : foldByCharacter(text);
}

export interface ScriptFold {
  /** True when the text is in traditional script and was folded. */
  folded: boolean;
  /** Characters the fold changed. */
  changed: number;
  /** The original characters of a string taken (or rebuilt) from the folded text. */
  restore: (derived: string) => string;
  /** A text from elsewhere (a sidecar value) in the form the folded text is compared in. */
  fold: (text: string) => string;
  /** The original characters of a run of the folded source. */
  runText: (run: Run) => string;
}

/** The fold of a simplified text: nothing changes. */
export const NO_FOLD: ScriptFold = { folded: false, changed: 0, restore: (s) => s, fold: (s) => s, runText: (run) => run.text };

/** Characters a per-character fold changes, and the CJK characters it looked at. */
function changedCount(text: string): { changed: number; cjk: number } {
  let cjk = 0;
  for (let i = 0; i < text.length; i++) if (isCjk(text.charCodeAt(i))) cjk++;
  if (cjk === 0) return { changed: 0, cjk };
  const rough = foldByCharacter(text);
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (rough.charCodeAt(i) !== text.charCodeAt(i)) changed++;
  return { changed, cjk };
}

/** True when a text is in traditional script (enough of its characters have a simplified form). */
export function isTraditional(text: string): boolean {
  const { changed, cjk } = changedCount(text);
  return changed >= TRADITIONAL_MIN && changed / cjk >= TRADITIONAL_SHARE;
}

/**
 * Detects traditional script and folds the source to simplified. Returns the source unchanged
 * (and an identity fold) for simplified text, so the seed corpus is untouched by this stage.
 */
export function foldScript(source: DecodedSource): { source: DecodedSource; script: ScriptFold } {
  const original = source.text;
  // Decided on a per-character fold (cheap, cached); folded with phrases only when traditional.
  if (!isTraditional(original)) return { source, script: NO_FOLD };
  const folded = simplifiedFold(original);
  return { source: { ...source, text: folded }, script: restorer(folded, original) };
}

function restorer(folded: string, original: string): ScriptFold {
  // For strings that are not a stretch of the text (whitespace removed, names rebuilt from
  // parts): each folded character's most frequent original in this text.
  const counts = new Map<string, Map<string, number>>();
  for (let i = 0; i < folded.length; i++) {
    const f = folded[i]!;
    const o = original[i]!;
    let byOriginal = counts.get(f);
    if (!byOriginal) counts.set(f, (byOriginal = new Map()));
    byOriginal.set(o, (byOriginal.get(o) ?? 0) + 1);
  }
  const back = new Map<string, string>();
  for (const [f, byOriginal] of counts) {
    const best = [...byOriginal].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    if (best !== f) back.set(f, best);
  }
  let changed = 0;
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) !== original.charCodeAt(i)) changed++;
  const byCharacter = (s: string) => Array.from(s, (ch) => back.get(ch) ?? ch).join('');
  // Section titles and markers come back for every clause under them: look each up once.
  const restored = new Map<string, string>();
  const restore = (derived: string): string => {
    if (derived === '') return derived;
    const known = restored.get(derived);
    if (known !== undefined) return known;
    // A stretch of the text: its own characters, context and all.
    const at = folded.indexOf(derived);
    const result =
      at >= 0
        ? original.slice(at, at + derived.length)
        : derived
            .split('\n')
            .map((part) => {
              const i = part === '' ? -1 : folded.indexOf(part);
              return i >= 0 ? original.slice(i, i + part.length) : byCharacter(part);
            })
            .join('\n');
    restored.set(derived, result);
    return result;
  };
  return {
    folded: true,
    changed,
    fold: simplifiedFold,
    runText: (run) => run.segments.map((seg) => original.slice(seg.start, seg.end)).join(''),
    restore,
  };
}

/**
 * A clause parsed in the fold, with every text field in the original characters again. Quotes
 * are re-sliced from the restored text by their spans (the fold keeps lengths), so a quote is
 * always the clause's own words; names rebuilt from parts go through `restore`.
 */
export function restoreClause(clause: Clause, script: ScriptFold, originalText: string, originalDepartments: string | null): Clause {
  if (!script.folded) return clause;
  // `clause.text` is the fold of `originalText`, character for character: a name taken from the
  // clause is found there first, without searching the whole source.
  const r = (derived: string) => {
    const at = derived === '' ? -1 : clause.text.indexOf(derived);
    return at >= 0 ? originalText.slice(at, at + derived.length) : script.restore(derived);
  };
  const nullable = (s: string | null) => (s === null ? null : r(s));
  return {
    ...clause,
    number: r(clause.number),
    title: r(clause.title),
    text: originalText,
    departmentsText: originalDepartments,
    sectionPath: clause.sectionPath.map((s) => ({ marker: r(s.marker), title: r(s.title) })),
    departments: clause.departments.map((d) => ({ ...d, name: r(d.name) })),
    categoryEvidence: clause.categoryEvidence.map((e) => ({ ...e, words: e.words.map(r) })),
    awards: clause.awards.map((a) => ({
      ...a,
      quote: originalText.slice(a.span.start, a.span.end),
      recipient: nullable(a.recipient),
      ratioBase: nullable(a.ratioBase),
      reference: nullable(a.reference),
    })),
    targets: clause.targets.map((t) => ({ ...t, metric: r(t.metric), quote: originalText.slice(t.span.start, t.span.end) })),
  };
}
