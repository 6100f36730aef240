// The ingest pipeline: raw source bytes and sidecar texts in, validated Policy and Clause
// records, per-source character accounting and diagnostics out. Pure: no file system, no
// clock (pass `today`), no global state; the CLI in scripts/ingest.ts does the I/O.
import { createHash } from 'node:crypto';
import type { VFileMessage } from 'vfile-message';
import type { z } from 'zod';
import {
  ClauseSchema,
  ID_RULE,
  isSourceFileName,
  MAX_SOURCE_NAME,
  PolicySchema,
  type Clause,
  type CurationReport,
  type SourceText,
  type Policy,
  type PolicySource,
  type Release,
  type SourceSidecar,
} from '../../src/schema';
import { byCodePoint } from '../../src/lib/order';
import { Ledger, type RemovedPiece } from './accounting';
import { amountProblems } from './amount-checks';
import { frontRules, isEndBlockStart, leadingFurniture, lineRules, trailerRules, type ContentLine } from './boilerplate';
import { classify, parseCategoryOverrides, unknownOverrideClauses, type CurationDiagnostic } from './classify';
import { decode, decodeSidecar, placeAt, type DecodedSource } from './decode';
import { compareMessages, excerpt, makeMessage, type Place } from './diagnostics';
import { extract, type ExtractOptions } from './extract';
import { findMoney } from './extract-amounts';
import {
  crossCheck,
  findTitle,
  frontMetadata,
  labelledBlock,
  statesDates,
  titleFacts,
  titleLikeLine,
  trailerMetadata,
  type TextFact,
} from './metadata';
import { sourceOffset } from './normalise';
import { matchMarker } from './numbering';
import { choosePrimary, compareClauses, compareSidecars, textOffsetToSource, type Rendition } from './renditions';
import { foldScript, NO_FOLD, restoreClause, type ScriptFold } from './script';
import { parseSidecar } from './sidecar';
import { parseStructure, type ClauseDraft, type SectionInfo } from './structure';
import type { Accounting, IngestResult, StructuredClause } from './types';
import { citedOrigin, droppedChars, formatOf, type Unpacked } from './unpack';
import { versionProblems } from './versions';

export interface IngestInput {
  /**
   * Source files; `path` is used in diagnostics, its base name in records. A PDF, web page or
   * Word file comes with `unpacked`, its extracted text (scripts/ingest/unpack.ts: async, so
   * done before this pure stage); `bytes` stay the original, hashed as published.
   */
  sources: IngestSource[];
  /**
   * Sidecar YAML, paired with sources by path (`x.txt` ↔ `x.yaml` or `x.yml`): raw bytes (decoded
   * by the same detector as the texts) or, in tests, text.
   */
  sidecars: ({ path: string; text: string } | { path: string; bytes: Uint8Array })[];
  /** Curation files (content/curation/*.yaml) as text; `categories.yaml` holds category overrides. */
  curation?: { path: string; text: string }[];
  /** `YYYY-MM-DD`; enables date sanity checks. Never read from the clock here. */
  today?: string;
}

export interface IngestSource {
  path: string;
  bytes: Uint8Array;
  unpacked?: Unpacked | null;
}

export interface IngestOutput {
  result: IngestResult;
  messages: VFileMessage[];
  /** Every removed piece of boilerplate with the rule that removed it, per source in order. */
  removed: RemovedPiece[];
  /** What each text states about itself (title, 文号, dates, draft), for check-source's sidecar draft. */
  stated: { file: string; facts: TextFact[] }[];
  /** The curation overrides as applied to the clauses (and those that could not be). */
  curation: CurationReport;
  /** The data version: a hash of every input by name and content. */
  release: Release;
  /** Each source's lines as read (extracted text for a PDF, web page or Word file), for the source view. */
  sourceTexts: SourceText[];
}

interface SourceOutcome {
  rendition: Rendition | null;
  preamble: string;
  sections: SectionInfo[];
  sha256: string;
  accounting: Accounting | null;
  removed: RemovedPiece[];
  messages: VFileMessage[];
  /** How the text was folded for parsing (identity for simplified text). */
  script: ScriptFold;
  /** The source's path, and what its text states about itself. */
  file: string;
  facts: TextFact[];
  /** The extraction, for a PDF, web page or Word file. */
  unpacked: Unpacked | null;
  /** The decoded lines in their printed characters (before any fold), for the source view. */
  lines: string[];
}

export function runIngest(input: IngestInput): IngestOutput {
  const messages: VFileMessage[] = [];
  // 0. Names become URLs and file names: refuse any that do not follow the one pattern, and a
  //    source with two sidecars (`x.yaml` and `x.yml`), before anything is read.
  const named = <T extends { path: string }>(files: readonly T[]) => files.filter((f) => checkFileName(f.path, messages));
  const sources = named(input.sources);
  const sidecars = named(input.sidecars)
    .sort((a, b) => byCodePoint(a.path, b.path))
    .flatMap((s) => {
      if ('text' in s) return [s];
      const decoded = decodeSidecar(s.path, s.bytes);
      messages.push(...decoded.messages);
      return decoded.text === null ? [] : [{ path: s.path, text: decoded.text }];
    });
  const sidecarByStem = new Map<string, { path: string; text: string }>();
  for (const s of sidecars) {
    const twin = sidecarByStem.get(stem(s.path));
    if (twin) messages.push(twinMessage(twin.path, s.path));
    else sidecarByStem.set(stem(s.path), s);
  }
  const usedSidecars = new Set<string>();
  // One policy text per stem: `x.txt` beside `x.pdf` would share one sidecar and one record.
  const sourceByStem = new Map<string, string>();
  const single = sources.filter((src) => {
    const twin = sourceByStem.get(stem(src.path));
    if (twin === undefined) return sourceByStem.set(stem(src.path), src.path), true;
    messages.push(
      makeMessage({
        file: src.path,
        ruleId: 'source-twins',
        severity: 'error',
        reason: `Two files for one source: \`${baseName(twin)}\` and \`${baseName(src.path)}\``,
        hint: `keep one of them; a second rendition of the policy needs its own name (e.g. \`.official.pdf\` beside \`.reprint.txt\`) and sidecar`,
      }),
    );
    return false;
  });

  // 1. Each source on its own: decode, clean, find metadata and structure, account.
  const outcomes: SourceOutcome[] = [];
  for (const src of [...single].sort((a, b) => byCodePoint(a.path, b.path))) {
    const sidecar = sidecarByStem.get(stem(src.path));
    if (sidecar) usedSidecars.add(sidecar.path);
    const outcome = ingestSource(src, sidecar, input.today);
    messages.push(...outcome.messages);
    outcomes.push(outcome);
  }
  for (const s of sidecarByStem.values()) {
    if (usedSidecars.has(s.path)) continue;
    messages.push(
      makeMessage({
        file: s.path,
        ruleId: 'orphan-sidecar',
        severity: 'warning',
        reason: `Sidecar \`${s.path}\` has no source text beside it`,
        hint: `add ${stem(s.path)}.txt (or .pdf, .html, .docx), or delete the sidecar`,
      }),
    );
  }

  // 2. A city slug names one city, and a city one slug, across all sidecars.
  messages.push(...cityIdentity(outcomes.flatMap((o) => (o.rendition ? [o.rendition] : []))));

  // 3. Group renditions by policy; compare them; build records.
  const groups = new Map<string, SourceOutcome[]>();
  for (const o of outcomes) {
    if (!o.rendition) continue;
    const id = o.rendition.sidecar.policy;
    groups.set(id, [...(groups.get(id) ?? []), o]);
  }
  const curation = readCuration(input.curation ?? []);
  messages.push(...curation.messages);
  const policies: Policy[] = [];
  const clauses: Clause[] = [];
  for (const [policyId, group] of [...groups].sort(([a], [b]) => byCodePoint(a, b))) {
    const built = buildPolicy(policyId, group, curation.options);
    messages.push(...built.messages);
    if (built.policy) policies.push(built.policy);
    clauses.push(...built.clauses);
  }

  // 4. A policy's earlier versions (supersedes, adoptsDraft) must be policies of the atlas.
  messages.push(...versionProblems(policies, (id) => groups.get(id)?.find((o) => o.rendition?.sidecar.primary)?.rendition ?? groups.get(id)?.[0]?.rendition ?? null));

  const unknown = unknownOverrideClauses(curation.options.overrides ?? [], clauses.map((c) => c.id));
  for (const d of unknown) {
    const place = curation.placeOf(d.clause);
    messages.push(makeMessage({ file: curation.file!, place, ruleId: d.ruleId, severity: 'warning', reason: d.message, hint: d.hint }));
  }

  const accounting = outcomes.flatMap((o) => (o.accounting ? [o.accounting] : []));
  messages.sort(compareMessages);
  const removed = outcomes.flatMap((o) => o.removed);
  const stated = outcomes.map((o) => ({ file: o.file, facts: o.facts }));
  const sourceTexts = outcomes.flatMap((o) =>
    o.rendition
      ? [{ file: baseName(o.file), format: o.unpacked?.format ?? ('txt' as const), lines: o.lines, origins: o.unpacked?.origins ?? [] }]
      : [],
  );
  return {
    result: { policies, clauses, accounting },
    messages,
    removed,
    stated,
    sourceTexts,
    curation: curationReport(curation, clauses, unknown),
    release: release(input),
  };
}

/** Refuse a source or sidecar whose file name does not follow the documented pattern. */
function checkFileName(path: string, messages: VFileMessage[]): boolean {
  const name = baseName(path);
  if (isSourceFileName(name)) return true;
  const lower = name.toLowerCase();
  messages.push(
    makeMessage({
      file: path,
      ruleId: 'file-name',
      severity: 'error',
      reason: `File name \`${excerpt(name, 80)}\` is not allowed: it becomes part of URLs and file names`,
      actual: name,
      hint:
        (lower !== name && isSourceFileName(lower) ? `rename it to \`${lower}\`; ` : '') +
        `names are dot-separated parts of ${ID_RULE}, ending .txt, .pdf, .html, .htm, .docx, .yaml or .yml, at most ${MAX_SOURCE_NAME} characters (e.g. changsha-2025-measures.official.txt)`,
    }),
  );
  return false;
}

function twinMessage(kept: string, other: string): VFileMessage {
  return makeMessage({
    file: other,
    ruleId: 'sidecar-twins',
    severity: 'error',
    reason: `Two sidecars for one source: \`${baseName(kept)}\` and \`${baseName(other)}\``,
    hint: `keep one of ${kept} and ${other} and delete the other`,
  });
}

/**
 * A city slug belongs to one city name and a city name to one slug: a second sidecar that pairs
 * either with something else is an error at its `city`, naming the first sidecar.
 */
function cityIdentity(renditions: readonly Rendition[]): VFileMessage[] {
  const out: VFileMessage[] = [];
  const bySlug = new Map<string, Rendition>();
  const byName = new Map<string, Rendition>();
  const sorted = [...renditions].sort((a, b) => byCodePoint(a.sidecarFile, b.sidecarFile));
  for (const r of sorted) {
    const { zh, slug } = r.sidecar.city;
    const first = [bySlug.get(slug), byName.get(zh)].find((f) => f && (f.sidecar.city.zh !== zh || f.sidecar.city.slug !== slug));
    bySlug.set(slug, bySlug.get(slug) ?? r);
    byName.set(zh, byName.get(zh) ?? r);
    if (!first) continue;
    const sameSlug = first.sidecar.city.slug === slug;
    const field = sameSlug ? 'zh' : 'slug';
    const at = first.placeOf(['city', field]);
    out.push(
      makeMessage({
        file: r.sidecarFile,
        place: r.placeOf(['city', field]),
        ruleId: 'city-identity',
        severity: 'error',
        reason: sameSlug
          ? `City slug \`${slug}\` is \`${zh}\` here but \`${first.sidecar.city.zh}\` in ${first.sidecarFile}:${at.line}:${at.column}`
          : `City \`${zh}\` has slug \`${slug}\` here but \`${first.sidecar.city.slug}\` in ${first.sidecarFile}:${at.line}:${at.column}`,
        expected: [sameSlug ? first.sidecar.city.zh : first.sidecar.city.slug],
        actual: sameSlug ? zh : slug,
        hint: 'a slug names one city and a city has one slug in every sidecar: correct one of the two',
      }),
    );
  }
  return out;
}

/** The inputs by base name and content hash, and the short hash over them all (order-independent). */
function release(input: IngestInput): Release {
  const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
  const inputs = [
    ...input.sources.map((s) => ({ kind: 'source' as const, file: baseName(s.path), sha256: sha(s.bytes) })),
    ...input.sidecars.map((s) => ({ kind: 'sidecar' as const, file: baseName(s.path), sha256: sha('text' in s ? s.text : s.bytes) })),
    ...(input.curation ?? []).map((c) => ({ kind: 'curation' as const, file: baseName(c.path), sha256: sha(c.text) })),
  ].sort((a, b) => byCodePoint(a.kind, b.kind) || byCodePoint(a.file, b.file));
  const dataVersion = sha(inputs.map((i) => `${i.kind}\t${i.file}\t${i.sha256}\n`).join('')).slice(0, 12);
  return { dataVersion, inputs };
}

/**
 * What curation did, read back from the clause records themselves (not from the YAML), with
 * what the keyword rules alone would have said.
 */
function curationReport(curation: ReturnType<typeof readCuration>, clauses: readonly Clause[], unknown: readonly CurationDiagnostic[]): CurationReport {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const applied = (curation.options.overrides ?? []).flatMap((o) => {
    const clause = byId.get(o.clause);
    if (!clause) return [];
    const rules = classify(clause);
    return [
      {
        clause: o.clause,
        reason: o.reason,
        rules: { primaryCategory: rules.primaryCategory, categories: rules.categories },
        result: { primaryCategory: clause.primaryCategory, categories: clause.categories },
      },
    ];
  });
  const unapplied = [...curation.diagnostics, ...unknown].map((d) => ({ clause: d.clause, ruleId: d.ruleId, problem: d.message }));
  return { file: curation.file, applied, unapplied };
}

function stem(path: string): string {
  return path.replace(/\.(txt|pdf|html?|docx|ya?ml)$/i, '');
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function ingestSource(src: IngestSource, sidecarFile: { path: string; text: string } | undefined, today: string | undefined): SourceOutcome {
  const outcome = ingestText(src, sidecarFile, today);
  const origins = src.unpacked?.origins;
  if (!origins) return outcome;
  // Places in an extracted text also say where they were printed: `(p. 3, l. 4–7)`.
  const own = new Set(src.unpacked?.messages);
  for (const m of outcome.messages) {
    const origin = m.file === src.path && !own.has(m) && typeof m.line === 'number' ? origins[m.line - 1] : undefined;
    if (origin) m.reason = m.message = `${m.reason} (${origin})`;
  }
  return outcome;
}

function ingestText(src: IngestSource, sidecarFile: { path: string; text: string } | undefined, today: string | undefined): SourceOutcome {
  const messages: VFileMessage[] = [];
  const sha256 = createHash('sha256').update(src.bytes).digest('hex');
  const unpacked = src.unpacked ?? null;
  const empty: SourceOutcome = { rendition: null, preamble: '', sections: [], sha256, accounting: null, removed: [], messages, script: NO_FOLD, file: src.path, facts: [], unpacked, lines: [] };
  const format = formatOf(src.path);
  if (format !== null && format !== 'txt' && !unpacked) {
    throw new Error(`\`${src.path}\` is a ${format} file but was not unpacked: call unpackSources() before runIngest()`);
  }

  // Decode; unusable bytes stop here. A published file's text was extracted before: decode that.
  if (unpacked) messages.push(...unpacked.messages);
  if (unpacked && unpacked.messages.some((m) => m.fatal === true)) return empty;
  const decoded = decode(src.path, unpacked ? new TextEncoder().encode(unpacked.text) : src.bytes);
  messages.push(...decoded.messages);
  const sidecarPath = sidecarFile?.path ?? `${stem(src.path)}.yaml`;
  const sidecarResult = parseSidecar(sidecarPath, sidecarFile?.text, src.path);
  messages.push(...sidecarResult.messages);
  if (!decoded.source) return empty;
  const sidecar = sidecarResult.sidecar;

  // Script: traditional text is parsed in a simplified fold of the same length.
  const { source, script } = foldScript(decoded.source);
  if (script.folded) {
    messages.push(
      makeMessage({
        file: source.file,
        place: { line: 1, column: 1 },
        ruleId: 'traditional-script',
        severity: 'info',
        reason: `The text is in traditional script: ${script.changed} characters were read in their simplified form`,
        hint: 'nothing to do; clauses, quotes and the source view keep the printed characters',
      }),
    );
  }
  // Sidecar values are compared with the text in the same fold (a traditional title matches).
  const compared = sidecar && script.folded ? { ...sidecar, title: script.fold(sidecar.title), ...(sidecar.docNumber ? { docNumber: script.fold(sidecar.docNumber) } : {}) } : sidecar;

  const ledger = new Ledger(source);
  // A government page's labelled block (索引号 / 文号 / 成文日期 …) before the first clause is metadata.
  const firstMarkerLine = source.lines.find((l) => matchMarker(source.text.slice(l.start, l.end).trim()) !== null)?.number ?? source.lines.length + 1;
  const labelled = labelledBlock(source, firstMarkerLine);
  messages.push(...labelled.messages);
  // Line rules: blank lines, residue, web furniture anywhere.
  const cleaned = lineRules(source, labelled.lines);
  ledger.assignRemovals(cleaned.removals);
  const lines = cleaned.lines.filter((l) => !labelled.lines.has(l.line.number));
  for (const l of cleaned.lines) if (labelled.lines.has(l.line.number)) ledger.assignRun(l.run, 'metadata');

  // Front matter: the title (matched against the sidecar), the 文号, the cover or site header.
  const firstMarker = lines.findIndex((l) => matchMarker(l.run.text) !== null);
  const limit = firstMarker < 0 ? Math.min(lines.length, 200) : firstMarker;
  const title = compared ? findTitle(lines, compared.title, limit) : null;
  const bodyStart = title ? title.to : leadingFurniture(lines.slice(0, limit));
  const titleLines = title ? lines.slice(title.from, title.to) : [];
  const beforeBody = lines.slice(0, title ? title.from : bodyStart);
  const front = frontMetadata(source, [...beforeBody, ...lines.slice(bodyStart, limit)]);
  const claimed = new Set<ContentLine>([...titleLines, ...front.lines]);
  ledger.assignRemovals(frontRules(beforeBody, title !== null, claimed));
  for (const line of [...titleLines, ...front.lines]) ledger.assignRun(line.run, 'metadata');
  if (!title && sidecar) {
    const lookalike = titleLikeLine(lines.slice(bodyStart, limit));
    messages.push(
      makeMessage({
        file: source.file,
        place: lookalike ? placeAt(source, lookalike.run.segments[0]!.start) : { line: 1, column: 1 },
        ruleId: lookalike ? 'title-mismatch' : 'title-not-found',
        severity: lookalike ? 'warning' : 'info',
        reason: lookalike
          ? `Line \`${excerpt(lookalike.run.text, 40)}\` looks like a title but is not the sidecar title \`${excerpt(sidecar.title, 40)}\``
          : `The sidecar title \`${excerpt(sidecar.title, 40)}\` is not printed in the text`,
        hint: lookalike ? `make \`title\` in ${sidecarPath} match the printed title` : 'nothing to do when the source has no title line',
      }),
    );
  }

  // Structure: numbered units → sections and clauses; lines after them → trailer.
  const body = lines.slice(bodyStart).filter((l) => !claimed.has(l));
  const structure = parseStructure(source, body, {
    policyId: sidecar?.policy ?? 'unknown',
    city: sidecar?.city.zh ?? '?',
    citySlug: sidecar?.city.slug ?? 'unknown',
    isEndMatter: (text) => statesDates(text) || isEndBlockStart(text),
  });
  messages.push(...structure.messages);
  if (structure.clauses.length === 0) {
    messages.push(
      makeMessage({
        file: source.file,
        place: body[0] ? placeAt(source, body[0].run.segments[0]!.start) : { line: 1, column: 1 },
        ruleId: 'no-clauses',
        severity: 'error',
        reason: 'Found no numbered clauses (一、 / （一） / 1. / 01 / 第一条), expected at least one',
        hint: 'check that the text is a policy with numbered measures; numbering must start a line',
      }),
    );
  }

  // Trailer: dates stated after the clauses are metadata; the rest is listed boilerplate.
  const trailer = trailerMetadata(source, structure.trailer);
  messages.push(...trailer.messages, ...front.messages);
  ledger.assignRemovals(trailerRules(structure.trailer, new Set(trailer.lines)));
  for (const line of trailer.lines) ledger.assignRun(line.run, 'metadata');
  for (const run of structure.preamble) ledger.assignRun(run, 'preamble');
  for (const section of structure.sections) for (const run of section.runs) ledger.assignRun(run, 'heading');
  for (const run of structure.rejected) ledger.assignRun(run, 'clause');
  for (const draft of structure.clauses) {
    for (const run of draft.runs) ledger.assignRun(run, 'clause');
    if (draft.departments) ledger.assignRun(draft.departments, 'metadata');
  }
  const counted = ledger.finish(structure.clauses.length);
  messages.push(...counted.messages);
  const dropped: RemovedPiece[] = (unpacked?.dropped ?? []).map((d) => ({ file: source.file, rule: d.rule, line: d.line, column: d.column, text: d.text, origin: d.origin }));
  const accounting = counted.accounting && unpacked ? { ...counted.accounting, droppedChars: droppedChars(unpacked.dropped) } : counted.accounting;

  // Cross-check what the text states against the sidecar.
  const facts: TextFact[] = [...labelled.facts, ...titleFacts(source, titleLines), ...front.facts, ...trailer.facts].map((f) =>
    typeof f.value === 'string' ? { ...f, value: script.restore(f.value), quote: script.restore(f.quote) } : f,
  );
  if (sidecar) {
    messages.push(...crossCheck(source, facts.map((f) => (typeof f.value === 'string' ? { ...f, value: script.fold(f.value) } : f)), compared!, sidecarPath, sidecarResult.placeOf));
    messages.push(...dateChecks(source.file, sidecar, sidecarPath, sidecarResult.placeOf, today));
    // The page says the document lapsed; without an end date the site would call it in force.
    if (labelled.lapsed && !sidecar.expires) {
      messages.push(
        makeMessage({
          file: source.file,
          place: labelled.lapsed,
          ruleId: 'page-says-lapsed',
          severity: 'warning',
          reason: 'The page’s 有效性 says the document is no longer in force, but the sidecar gives no `expires`',
          hint: `add the last day in force as \`expires\` to ${sidecarPath} (the repeal notice or the stated term says it)`,
        }),
      );
    }
  }

  const rendition: Rendition | null = sidecar
    ? { source, sidecar, sidecarFile: sidecarPath, placeOf: sidecarResult.placeOf, clauses: structure.clauses }
    : null;
  return {
    rendition,
    preamble: structure.preamble.map(script.runText).join('\n'),
    sections: structure.sections.map((s) => ({ ...s, marker: script.restore(s.marker), title: script.restore(s.title) })),
    sha256,
    accounting,
    removed: [...dropped, ...ledger.removedPieces()],
    messages,
    script,
    file: src.path,
    facts,
    unpacked,
    lines: decoded.source.lines.map((l) => decoded.source!.text.slice(l.start, l.end)),
  };
}

function dateChecks(
  file: string,
  sidecar: SourceSidecar,
  sidecarPath: string,
  placeOf: (path: readonly (string | number)[]) => Place,
  today: string | undefined,
): VFileMessage[] {
  const out: VFileMessage[] = [];
  // Issued ≤ effective ≤ expires. Expiring before issue or before taking effect is impossible;
  // taking effect before issue (retroactively) happens, but rarely, so it is only a warning.
  const order: Array<[later: 'effective' | 'expires', earlier: 'issued' | 'effective', severity: 'error' | 'warning', hint: string]> = [
    ['expires', 'effective', 'error', 'the last day in force cannot precede the first'],
    ['expires', 'issued', 'error', 'a policy cannot expire before it is issued'],
    ['effective', 'issued', 'warning', 'a policy rarely takes effect before it is issued: check both dates against the text'],
  ];
  for (const [later, earlier, severity, hint] of order) {
    const a = sidecar[later];
    const b = sidecar[earlier];
    if (!a || !b || a >= b) continue;
    // One report for expires < effective < issued: the first pair found.
    if (later === 'expires' && earlier === 'issued' && sidecar.effective && sidecar.expires! < sidecar.effective) continue;
    out.push(
      makeMessage({
        file: sidecarPath,
        place: placeOf([later]),
        ruleId: 'date-order',
        severity,
        reason: `\`${later}\` ${a} is before \`${earlier}\` ${b}`,
        hint,
      }),
    );
  }
  if (sidecar.year !== undefined && sidecar.issued && Number(sidecar.issued.slice(0, 4)) !== sidecar.year) {
    out.push(
      makeMessage({
        file: sidecarPath,
        place: placeOf(['year']),
        ruleId: 'year-conflict',
        severity: 'error',
        reason: `\`year\` ${sidecar.year} contradicts \`issued\` ${sidecar.issued}`,
        hint: '`year` is only for policies without a known issue date: remove it, or correct `issued`',
      }),
    );
  }
  if (today && sidecar.issued && sidecar.issued > today) {
    out.push(
      makeMessage({
        file: sidecarPath,
        place: placeOf(['issued']),
        ruleId: 'date-in-future',
        severity: 'warning',
        reason: `\`issued\` ${sidecar.issued} is after today (${today})`,
        hint: `check the date in ${sidecarPath} (source ${file})`,
      }),
    );
  }
  return out;
}

/** Category overrides from `categories.yaml` among the curation files, with their problems. */
function readCuration(files: readonly { path: string; text: string }[]): {
  options: ExtractOptions;
  file: string | null;
  diagnostics: CurationDiagnostic[];
  messages: VFileMessage[];
  /** Where an override names a clause id in the file (its `clause:` line), else 1:1. */
  placeOf: (clause: string | null) => Place;
} {
  const file = files.find((f) => /(^|\/)categories\.ya?ml$/.test(f.path));
  const placeOf = (clause: string | null): Place => {
    if (!file || clause === null) return { line: 1, column: 1 };
    const lines = file.text.split(/\r?\n/);
    const at = lines.findIndex((l) => new RegExp(`clause:\\s*["']?${clause.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`).test(l));
    return at < 0 ? { line: 1, column: 1 } : { line: at + 1, column: lines[at]!.indexOf(clause) + 1 };
  };
  if (!file) return { options: {}, file: null, diagnostics: [], messages: [], placeOf };
  const parsed = parseCategoryOverrides(file.text);
  const messages = parsed.diagnostics.map((d) =>
    makeMessage({ file: file.path, place: d.line !== null ? { line: d.line, column: 1 } : placeOf(d.clause), ruleId: d.ruleId, severity: 'error', reason: d.message, hint: d.hint }),
  );
  return { options: { overrides: parsed.overrides }, file: file.path, diagnostics: parsed.diagnostics, messages, placeOf };
}

function buildPolicy(policyId: string, group: SourceOutcome[], options: ExtractOptions): { policy: Policy | null; clauses: Clause[]; messages: VFileMessage[] } {
  const messages: VFileMessage[] = [];
  const renditions = group.map((o) => o.rendition!);
  const chosen = choosePrimary(policyId, renditions);
  messages.push(...chosen.messages);
  const primary = chosen.primary;
  if (!primary) return { policy: null, clauses: [], messages };
  const primaryOutcome = group.find((o) => o.rendition === primary)!;
  const others = renditions.filter((r) => r !== primary).sort((a, b) => byCodePoint(a.source.file, b.source.file));
  for (const other of others) messages.push(...compareSidecars(primary, other), ...compareClauses(primary, other));

  // Clauses: the primary's text and lines; the other renditions' lines as alsoIn.
  const clauses: Clause[] = [];
  const byPath = others.map((o) => new Map(o.clauses.map((d) => [d.clause.path, d])));
  const unpackedOf = (r: Rendition) => group.find((o) => o.rendition === r)!.unpacked;
  // A clause's place in records: the file's base name, and for a PDF or Word file its pages or paragraphs.
  const located = (r: Rendition, loc: StructuredClause['source']): StructuredClause['source'] => {
    const unpacked = unpackedOf(r);
    const origin = unpacked ? citedOrigin(unpacked.format, unpacked.origins, loc.lineStart, loc.lineEnd) : null;
    return { ...loc, file: baseName(loc.file), ...(origin ? { origin } : {}) };
  };
  for (const draft of primary.clauses) {
    const alsoIn = byPath.flatMap((paths, i) => {
      const twin = paths.get(draft.clause.path);
      return twin ? [located(others[i]!, twin.clause.source)] : [];
    });
    const structured: StructuredClause = { ...draft.clause, source: located(primary, draft.clause.source), alsoIn };
    const clause = withExtraction(structured, draft, primary.source, messages, options, primaryOutcome.script);
    if (clause) clauses.push(clause);
  }

  messages.push(...silentAmounts(primary, clauses));

  const sources: PolicySource[] = [primary, ...others].map((r) => {
    const outcome = group.find((o) => o.rendition === r)!;
    return {
      file: baseName(r.source.file),
      sourceKind: r.sidecar.sourceKind,
      publisher: r.sidecar.publisher ?? null,
      url: r.sidecar.url ?? null,
      primary: r === primary,
      sha256: outcome.sha256,
      encoding: r.source.encoding,
      lineCount: r.source.lines.length,
      format: outcome.unpacked?.format ?? 'txt',
    };
  });
  const s = primary.sidecar;
  const candidate: Policy = {
    id: policyId,
    city: s.city,
    province: s.province,
    title: s.title,
    issuer: s.issuer ?? null,
    docNumber: s.docNumber ?? null,
    issued: s.issued ?? null,
    effective: s.effective ?? null,
    expires: s.expires ?? null,
    year: s.year ?? (s.issued ? Number(s.issued.slice(0, 4)) : null),
    draft: s.draft,
    sources,
    ...(s.supersedes ? { supersedes: s.supersedes } : {}),
    ...(s.adoptsDraft ? { adoptsDraft: s.adoptsDraft } : {}),
    preamble: primaryOutcome.preamble,
    clauseIds: clauses.map((c) => c.id),
    sections: primaryOutcome.sections.map(({ path, marker, title, depth }) => ({ path, marker, title, depth })),
  };
  const parsed = PolicySchema.safeParse(candidate);
  if (!parsed.success) {
    messages.push(schemaMessage(`Policy \`${policyId}\``, parsed.error, primary.sidecarFile, { line: 1, column: 1 }));
    return { policy: null, clauses, messages };
  }
  return { policy: parsed.data, clauses, messages };
}

function withExtraction(
  structured: StructuredClause,
  draft: ClauseDraft,
  source: DecodedSource,
  messages: VFileMessage[],
  options: ExtractOptions,
  script: ScriptFold,
): Clause | null {
  let extraction;
  try {
    extraction = extract(structured, options);
  } catch (error) {
    // A bug in extraction must not hide the other clauses; report it where the clause is.
    messages.push(
      makeMessage({
        file: source.file,
        place: draft.place,
        ruleId: 'extract-failed',
        severity: 'error',
        reason: `Extraction failed for clause \`${structured.id}\`: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'this is a bug in scripts/ingest/extract*.ts; the clause text is shown in the record without awards',
      }),
    );
    return null;
  }
  for (const problem of amountProblems(structured.text)) {
    messages.push(
      makeMessage({
        file: source.file,
        place: placeAt(source, textOffsetToSource(draft, problem.offset)),
        ruleId: problem.ruleId,
        severity: 'error',
        reason: problem.reason,
        hint: problem.hint,
      }),
    );
  }
  const { messages: found, ...fields } = extraction;
  for (const m of found) {
    // Offsets are into the clause text or its department bracket; report them in the source.
    const offset =
      m.field === 'departmentsText' && draft.departments ? sourceOffset(draft.departments, m.offset) : textOffsetToSource(draft, m.offset);
    const message = makeMessage({
      file: source.file,
      place: placeAt(source, offset),
      ruleId: m.ruleId ?? 'extract',
      severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
      reason: m.reason,
      hint: m.note ?? 'see the extraction rules in scripts/ingest/extract*.ts',
    });
    message.source = m.source ?? 'extract';
    messages.push(message);
  }
  const candidate: Clause = restoreClause(
    { ...structured, ...fields },
    script,
    draft.textParts.map(script.runText).join('\n'),
    draft.departments ? script.runText(draft.departments) : null,
  );
  const parsed = ClauseSchema.safeParse(candidate);
  if (!parsed.success) {
    messages.push(schemaMessage(`Clause \`${structured.id}\``, parsed.error, source.file, draft.place));
    return null;
  }
  return parsed.data;
}

/**
 * A text that states sums of money but yields no award with an amount or a share is read
 * wrongly far more often than it pays nothing: say so, with the lines that hold the sums.
 */
function silentAmounts(primary: Rendition, clauses: readonly Clause[]): VFileMessage[] {
  if (clauses.some((c) => c.awards.some((a) => a.amountYuan !== null || a.ratioPercent !== null))) return [];
  const lines: number[] = [];
  for (const draft of primary.clauses) {
    for (const m of findMoney(draft.clause.text)) {
      const line = placeAt(primary.source, textOffsetToSource(draft, m.start)).line;
      if (!lines.includes(line)) lines.push(line);
    }
  }
  if (lines.length === 0) return [];
  const shown = lines.slice(0, 8).join(', ') + (lines.length > 8 ? `, … (${lines.length} lines)` : '');
  return [
    makeMessage({
      file: primary.source.file,
      place: { line: lines[0]!, column: 1 },
      ruleId: 'amounts-without-awards',
      severity: 'warning',
      reason: `The text states sums of money (lines ${shown}) but no award was read from it`,
      hint: 'run `npm run check-source -- <file>` to see how each sum was read; a city must not appear to pay nothing because its wording was not understood',
    }),
  ];
}

/** One friendly line per schema problem: which field, what is wrong, what was found. */
function schemaMessage(what: string, error: z.ZodError, file: string, place: Place): VFileMessage {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.') || '(record)';
    return `\`${field}\`: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return makeMessage({
    file,
    place,
    ruleId: 'schema-invalid',
    severity: 'error',
    reason: `${what} does not fit the schema: ${issues.join('; ')}${more}`,
    hint: 'the record was not written; fix the source or sidecar so the field can be filled, or report a parser bug',
  });
}
