// A synthetic corpus for benchmarks: N cities made from the real sources in content/sources.
// City i is a variant of template policy i mod P (all its renditions): new city name, slug,
// policy id and 文号, amounts scaled, clauses reordered within their section (markers stay in
// place, bodies move), punctuation width, spaces before 万元, extra blank lines, BOM and CRLF
// varied. Every change keeps the text parseable by the real pipeline: headings, title lines,
// dates and boilerplate are left alone, and all renditions of one policy get the same edits
// so they still yield the same clauses.
//
// Deterministic: every choice comes from a PRNG seeded by (seed, city index), so the same N
// gives a byte-identical corpus, and the first k cities are the same whatever N is.
//
//   npm run corpus -- --cities 40 --out bench-results/corpus-40 [--sources content/sources] [--seed 1]
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import YAML from 'yaml';
import { SourceSidecarSchema, type SourceSidecar } from '../../src/schema';
import { cliArgs, reportUsage, UsageError } from '../cli-args';
import { matchMarker, USUAL_DEPTH } from '../ingest/numbering';

export interface TemplateSource {
  /** File name of the text, e.g. `changsha-2025-measures.official.txt`. */
  file: string;
  text: string;
  sidecar: SourceSidecar;
}

/** All renditions of one real policy. */
export interface TemplatePolicy {
  id: string;
  sources: TemplateSource[];
}

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
}

export interface CorpusSummary {
  cities: number;
  policies: number;
  sources: number;
  /** Bytes of the .txt files (what ingest throughput is measured over). */
  textBytes: number;
  /** Bytes of the .txt and .yaml files together. */
  totalBytes: number;
}

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** 32-bit FNV-1a of a string: turns a readable seed key into PRNG state. */
function hash32(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to pick variants; the same key gives the same stream. */
export function prng(key: string): () => number {
  let state = hash32(key);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function shuffle<T>(random: () => number, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// City names: two-character names from two pools, in a fixed shuffled order so city i has
// the same name whatever N is. Pools avoid the characters of the real cities (长沙 杭州 嘉兴
// 深圳) so a synthetic name never contains a real one.

const FIRST: ReadonlyArray<readonly [string, string]> = [
  ['青', 'qing'], ['云', 'yun'], ['金', 'jin'], ['玉', 'yu'], ['明', 'ming'], ['安', 'an'],
  ['宁', 'ning'], ['华', 'hua'], ['丰', 'feng'], ['泰', 'tai'], ['光', 'guang'], ['瑞', 'rui'],
  ['永', 'yong'], ['新', 'xin'], ['东', 'dong'], ['南', 'nan'], ['北', 'bei'], ['平', 'ping'],
  ['临', 'lin'], ['昌', 'chang'], ['德', 'de'], ['富', 'fu'], ['顺', 'shun'], ['松', 'song'],
];
const SECOND: ReadonlyArray<readonly [string, string]> = [
  ['川', 'chuan'], ['阳', 'yang'], ['江', 'jiang'], ['山', 'shan'], ['原', 'yuan'], ['岭', 'ling'],
  ['湖', 'hu'], ['城', 'cheng'], ['溪', 'xi'], ['泉', 'quan'], ['河', 'he'], ['坪', 'ping'],
  ['峰', 'feng'], ['潭', 'tan'], ['港', 'gang'], ['都', 'du'], ['口', 'kou'], ['门', 'men'],
  ['台', 'tai'], ['滨', 'bin'], ['田', 'tian'], ['谷', 'gu'], ['岩', 'yan'], ['塘', 'tang'],
];

export interface CityName {
  zh: string;
  slug: string;
}

/** The first `count` synthetic city names (unique zh and slug). */
export function cityNames(count: number, seed: string): CityName[] {
  const combos: CityName[] = [];
  for (const [a, pa] of FIRST) for (const [b, pb] of SECOND) combos.push({ zh: a + b, slug: pa + pb });
  const order = shuffle(prng(`${seed}:names`), combos);
  const names: CityName[] = [];
  const slugs = new Set<string>();
  for (let i = 0; i < count; i++) {
    const base = order[i % order.length] as CityName;
    // Past the pool, a numeral suffix keeps names unique (青川, …, 青川二, …).
    const round = Math.floor(i / order.length);
    const zh = round === 0 ? base.zh : base.zh + chineseNumeral(round + 1);
    let slug = round === 0 ? base.slug : `${base.slug}${round + 1}`;
    // Pinyin concatenations can collide (xin+gang / xing+ang); keep slugs unique.
    while (slugs.has(slug)) slug = `${slug}-${i}`;
    slugs.add(slug);
    names.push({ zh, slug });
  }
  return names;
}

const DIGITS = '零一二三四五六七八九';
function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

// ---------------------------------------------------------------------------------------
// Text variations

/** How one city's texts are varied; chosen once per city so all its renditions agree. */
export interface Variation {
  city: CityName;
  /** Multiplier for 万元 amounts (rounded to a plausible figure). */
  amountFactor: number;
  amountSpacing: 'keep' | 'tight' | 'spaced';
  punctuation: 'keep' | 'halfwidth' | 'fullwidth';
  /** Extra blank lines before numbered lines. */
  blankLines: 'keep' | 'double';
  bom: boolean;
  crlf: boolean;
  docNumberSerial: number;
  /** Key for the per-run clause permutations. */
  orderKey: string;
}

export function variationFor(index: number, city: CityName, seed: string): Variation {
  const random = prng(`${seed}:city:${index}`);
  return {
    city,
    amountFactor: pick(random, [0.6, 0.8, 1, 1.2, 1.5, 2]),
    amountSpacing: pick(random, ['keep', 'keep', 'tight', 'spaced'] as const),
    punctuation: pick(random, ['keep', 'keep', 'halfwidth', 'fullwidth'] as const),
    blankLines: pick(random, ['keep', 'keep', 'double'] as const),
    bom: random() < 0.15,
    crlf: random() < 0.15,
    docNumberSerial: 1 + Math.floor(random() * 98),
    orderKey: `${seed}:order:${index}`,
  };
}

/** Word's bookmark residue may precede a marker. */
const RESIDUE = /^\[bookmark: [^\]]*\]/;

/** The numbered-unit marker a line starts with (the one numbering module), its usual depth and length. */
function markerOf(line: string): { kind: string; rank: number; length: number } | null {
  const residue = RESIDUE.exec(line)?.[0].length ?? 0;
  const marker = matchMarker(line.slice(residue), { areaInUse: true });
  return marker ? { kind: marker.family, rank: USUAL_DEPTH[marker.family], length: residue + marker.length } : null;
}

/**
 * Reorder clauses inside each run of sibling units (consecutive units of one marker kind with
 * no other kind between them). Markers stay where they are and bodies move, so numbering
 * stays 一二三… / 1 2 3…. A run that ends the file keeps its last unit in place (it carries
 * the 施行 line, 抄送 block or site footer), and so does one followed by deeper units (it is
 * their heading).
 */
export function reorderClauses(lines: string[], orderKey: string): string[] {
  const markers = lines.map(markerOf);
  const out = [...lines];
  let runIndex = 0;
  let i = 0;
  while (i < lines.length) {
    const first = markers[i];
    if (!first) {
      i++;
      continue;
    }
    // Collect the run: units of `first.kind` until a marker of another kind or EOF.
    const units: Array<{ start: number; end: number }> = [];
    let j = i;
    while (j < lines.length) {
      const marker = markers[j];
      if (marker && marker.kind !== first.kind) break;
      if (marker) units.push({ start: j, end: j + 1 });
      else (units[units.length - 1] as { end: number }).end = j + 1;
      j++;
    }
    // The last unit stays put when it carries what trails the clauses (the run ends the file)
    // or when it is the heading of the deeper units that follow it.
    const next = markers[j];
    const lastFixed = !next || next.rank > first.rank;
    const movable = lastFixed ? units.slice(0, -1) : units;
    const random = prng(`${orderKey}:${runIndex}:${units.length}`);
    runIndex++;
    if (movable.length >= 2) {
      const bodies = movable.map(({ start, end }) => {
        const marker = markers[start] as { length: number };
        const firstLine = lines[start] as string;
        return [firstLine.slice(marker.length), ...lines.slice(start + 1, end)];
      });
      const order = shuffle(random, bodies.map((_, k) => k));
      // Rebuild the run's lines: position k keeps its marker and takes body order[k].
      const rebuilt: string[] = [];
      movable.forEach(({ start }, k) => {
        const marker = markers[start] as { length: number };
        const body = bodies[order[k] as number] as string[];
        rebuilt.push((lines[start] as string).slice(0, marker.length) + body[0], ...body.slice(1));
      });
      const from = (movable[0] as { start: number }).start;
      const to = (movable[movable.length - 1] as { end: number }).end;
      out.splice(from, to - from, ...rebuilt);
    }
    i = j;
  }
  return out;
}

const HALF_TO_FULL: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', ';': '；' };
const FULL_TO_HALF: Record<string, string> = Object.fromEntries(Object.entries(HALF_TO_FULL).map(([h, f]) => [f, h]));

/** Switch punctuation width on a numbered line, leaving digit groups (1,000) and URLs alone. */
export function switchWidth(line: string, to: 'halfwidth' | 'fullwidth'): string {
  const table = to === 'fullwidth' ? HALF_TO_FULL : FULL_TO_HALF;
  let out = '';
  for (let k = 0; k < line.length; k++) {
    const ch = line[k] as string;
    const replacement = table[ch];
    const betweenDigits = /\d/.test(line[k - 1] ?? '') && /\d/.test(line[k + 1] ?? '');
    const url = ch === ':' && line.startsWith('//', k + 1);
    out += replacement && !betweenDigits && !url ? replacement : ch;
  }
  return out;
}

/** A scaled amount, rounded the way policies round (…5, …0). */
export function scaleAmount(value: number, factor: number): number {
  const scaled = value * factor;
  const step = scaled >= 1000 ? 100 : scaled >= 100 ? 10 : scaled >= 10 ? 5 : 1;
  return Math.max(1, Math.round(scaled / step) * step);
}

// 万元 amounts, and bare 万 when an award word or punctuation follows (300万奖励), not 3万家.
const AMOUNT = /(\d+(?:\.\d+)?)([ \u00a0]*)(万元|万(?=[奖补资的，,。；;、）)\s]|$))/g;

function varyAmounts(line: string, variation: Variation): string {
  return line.replace(AMOUNT, (_all, digits: string, space: string, unit: string) => {
    const value = Number(digits);
    const scaled = digits.includes('.') ? value : scaleAmount(value, variation.amountFactor);
    const gap = variation.amountSpacing === 'keep' ? space : variation.amountSpacing === 'tight' ? '' : ' ';
    return `${scaled}${gap}${unit}`;
  });
}

/** The new 文号: same form, the city's first character for the template's, a new serial. */
export function varyDocNumber(docNumber: string, template: CityName, variation: Variation): string {
  let out = docNumber;
  if (out.startsWith(template.zh)) out = variation.city.zh + out.slice(template.zh.length);
  else if (out.startsWith(template.zh[0] as string)) out = (variation.city.zh[0] as string) + out.slice(1);
  return out.replace(/(\d+)号$/, `${variation.docNumberSerial}号`);
}

/** One rendition's text, varied. */
export function varyText(text: string, template: TemplateSource, variation: Variation, docNumber?: string): string {
  let body = text;
  if (template.sidecar.docNumber && docNumber) body = body.split(template.sidecar.docNumber).join(docNumber);
  body = body.split(template.sidecar.city.zh).join(variation.city.zh);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  let lines = body.split(eol);
  lines = reorderClauses(lines, variation.orderKey);
  const out: string[] = [];
  for (const line of lines) {
    let varied = varyAmounts(line, variation);
    const numbered = markerOf(varied) !== null;
    if (numbered && variation.punctuation !== 'keep') varied = switchWidth(varied, variation.punctuation);
    if (numbered && variation.blankLines === 'double' && out.length > 0) out.push('');
    out.push(varied);
  }
  return out.join(variation.crlf ? '\r\n' : eol);
}

// ---------------------------------------------------------------------------------------
// Templates and corpus

export async function readTemplates(sourcesDir: string): Promise<TemplatePolicy[]> {
  const names = (await readdir(sourcesDir)).filter((name) => name.endsWith('.txt')).sort();
  const byPolicy = new Map<string, TemplateSource[]>();
  for (const file of names) {
    const sidecarFile = file.replace(/\.txt$/, '.yaml');
    const bytes = await readFile(join(sourcesDir, file));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new Error(
        `${join(sourcesDir, file)}:1:1: corpus-template-encoding: expected UTF-8, found other bytes; ` +
          'hint: the generator varies text as UTF-8; convert this template or leave it out of --sources',
      );
    }
    const parsed = SourceSidecarSchema.safeParse(YAML.parse(await readFile(join(sourcesDir, sidecarFile), 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `${join(sourcesDir, sidecarFile)}:1:1: corpus-template-sidecar: expected a valid sidecar, found ${parsed.error.issues
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ')}; hint: run \`npm run ingest\` for the full diagnostic`,
      );
    }
    const list = byPolicy.get(parsed.data.policy) ?? [];
    list.push({ file, text, sidecar: parsed.data });
    byPolicy.set(parsed.data.policy, list);
  }
  return [...byPolicy.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, sources]) => ({ id, sources }));
}

/** The files of an N-city corpus, in name order. Pure: same inputs, same bytes. */
export function generateCorpus(templates: TemplatePolicy[], cities: number, seed = '1'): CorpusFile[] {
  if (templates.length === 0) throw new Error('corpus-no-templates: expected at least one source in --sources');
  const names = cityNames(cities, seed);
  const encoder = new TextEncoder();
  const files: CorpusFile[] = [];
  names.forEach((city, index) => {
    const template = templates[index % templates.length] as TemplatePolicy;
    const variation = variationFor(index, city, seed);
    const templateCity = (template.sources[0] as TemplateSource).sidecar.city;
    const policyId = template.id.includes(templateCity.slug)
      ? template.id.replace(templateCity.slug, city.slug)
      : `${city.slug}-${template.id}`;
    const docNumber = (template.sources[0] as TemplateSource).sidecar.docNumber;
    const newDocNumber = docNumber ? varyDocNumber(docNumber, templateCity, variation) : undefined;
    for (const source of template.sources) {
      const swap = (value: string | undefined) => value?.split(templateCity.zh).join(city.zh);
      const sidecar: Record<string, unknown> = {
        policy: policyId,
        primary: source.sidecar.primary,
        sourceKind: source.sidecar.sourceKind,
        publisher: swap(source.sidecar.publisher),
        city: { zh: city.zh, slug: city.slug },
        province: source.sidecar.province,
        title: swap(source.sidecar.title),
        issuer: swap(source.sidecar.issuer),
        docNumber: newDocNumber,
        issued: source.sidecar.issued,
        effective: source.sidecar.effective,
        expires: source.sidecar.expires,
        year: source.sidecar.year,
        draft: source.sidecar.draft,
      };
      for (const key of Object.keys(sidecar)) if (sidecar[key] === undefined) delete sidecar[key];
      // Validate before writing: the corpus must be as valid as the real sources.
      SourceSidecarSchema.parse(sidecar);
      const kind = source.file.slice(template.id.length).replace(/\.txt$/, ''); // e.g. `.official`
      const base = `${policyId}${kind}`;
      const yaml =
        `# Synthetic (scripts/tools/generate-corpus.ts, seed ${seed}, city ${index}) from ${source.file}.\n` +
        YAML.stringify(sidecar, { lineWidth: 0 });
      const text = varyText(source.text, source, variation, newDocNumber);
      const textBytes = encoder.encode(text);
      const bytes = variation.bom ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), textBytes) : textBytes;
      files.push({ name: `${base}.txt`, bytes }, { name: `${base}.yaml`, bytes: encoder.encode(yaml) });
    }
  });
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function summarise(files: CorpusFile[], cities: number): CorpusSummary {
  const texts = files.filter((file) => file.name.endsWith('.txt'));
  return {
    cities,
    policies: cities,
    sources: texts.length,
    textBytes: texts.reduce((sum, file) => sum + file.bytes.length, 0),
    totalBytes: files.reduce((sum, file) => sum + file.bytes.length, 0),
  };
}

/** Write the corpus into `outDir`, removing stale .txt/.yaml from a previous, larger N. */
export async function writeCorpus(files: CorpusFile[], outDir: string): Promise<void> {
  const dir = resolve(outDir);
  if (dir === resolve('content') || dir.startsWith(resolve('content') + '/')) {
    throw new Error(`corpus-inside-content: expected --out outside content/, found ${outDir}; hint: use bench-results/corpus-<N>`);
  }
  await mkdir(dir, { recursive: true });
  const keep = new Set(files.map((file) => file.name));
  for (const name of await readdir(dir)) {
    if (/\.(txt|yaml)$/.test(name) && !keep.has(name)) await rm(join(dir, name));
  }
  for (const file of files) await writeFile(join(dir, file.name), file.bytes);
}

const USAGE = 'npm run corpus -- --cities <N ≥ 1> --out <dir> [--sources content/sources] [--seed 1] [--json]';

async function main(argv: string[]): Promise<void> {
  const { values } = cliArgs(argv, {
    cities: { type: 'string', default: '4' },
    out: { type: 'string' },
    sources: { type: 'string', default: 'content/sources' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  });
  const cities = Number(values.cities);
  const out = values.out;
  if (!Number.isInteger(cities) || cities < 1) throw new UsageError(`\`--cities\` expects a whole number ≥ 1, found \`${values.cities}\``);
  if (!out) throw new UsageError('`--out` is required');
  const templates = await readTemplates(values.sources);
  const files = generateCorpus(templates, cities, values.seed);
  await writeCorpus(files, out);
  const summary = summarise(files, cities);
  if (values.json) console.log(JSON.stringify(summary));
  else
    console.error(
      `wrote ${summary.sources} sources for ${cities} cities (${(summary.textBytes / 1e6).toFixed(2)} MB of text) to ${out}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (reportUsage('corpus', USAGE, error)) return;
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
