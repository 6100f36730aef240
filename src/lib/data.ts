// The only module that reads the content collections. Everything is loaded and indexed once
// per build (memoised promises), so a site with 10,000 clause pages does the corpus-wide work
// once, not once per page.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import {
  CurationReportSchema,
  ReleaseSchema,
  type Clause,
  type CurationReport,
  type IngestReport,
  type Policy,
  type PolicySource,
  type Release,
  type SourceText,
  SourceTextSchema,
} from '../schema';
import { buildAtlas, inForceAtlas, type Atlas } from './atlas';
import { parseChangelog, type ChangelogSection } from './feeds';
import { buildDay } from './status';
import { similarMeasures, type MeasureMatch } from './similar-measures';
import { boilerplateFromReport, type IngestReportSummary, parseReport, summariseReport } from './report';
import type { BoilerplateRange } from './source-view';

let atlasPromise: Promise<Atlas> | undefined;
let recordsPromise: Promise<{ policies: Policy[]; clauses: Clause[] }> | undefined;

function loadRecords(): Promise<{ policies: Policy[]; clauses: Clause[] }> {
  recordsPromise ??= Promise.all([getCollection('policies'), getCollection('clauses')]).then(([policies, clauses]) => ({
    policies: policies.map((e) => e.data as Policy),
    clauses: clauses.map((e) => e.data as Clause),
  }));
  return recordsPromise;
}

/** All policies and clauses, indexed, with statuses on the build day. */
export function loadAtlas(): Promise<Atlas> {
  atlasPromise ??= loadRecords().then(({ policies, clauses }) => buildAtlas(policies, clauses, buildDay()));
  return atlasPromise;
}

const asOfAtlases = new Map<string, Promise<Atlas>>();

/** The same atlas with statuses computed for another day (the /as-of/<day>/ pages), built once per day. */
export function loadAtlasAsOf(day: string): Promise<Atlas> {
  if (day === buildDay()) return loadAtlas();
  let found = asOfAtlases.get(day);
  if (!found) asOfAtlases.set(day, (found = loadRecords().then(({ policies, clauses }) => buildAtlas(policies, clauses, day))));
  return found;
}

let similarPromise: Promise<Map<string, MeasureMatch[]>> | undefined;

/** Similar clauses in other cities for every clause (the equivalent measure first), computed once. */
export function loadSimilar(): Promise<Map<string, MeasureMatch[]>> {
  similarPromise ??= loadAtlas().then((atlas) => similarMeasures(atlas.clauses));
  return similarPromise;
}

/** The project root: Astro builds run with it as the working directory. */
export const ROOT = process.cwd();

let reportCache: { report: IngestReport | null } | undefined;

/** generated/ingest-report.json, or null when ingest did not write one. */
export function loadIngestReport(): IngestReport | null {
  if (!reportCache) {
    const path = resolve(ROOT, process.env.ATLAS_GENERATED ?? 'generated', 'ingest-report.json');
    reportCache = { report: existsSync(path) ? parseReport(JSON.parse(readFileSync(path, 'utf8'))) : null };
  }
  return reportCache.report;
}

let curationCache: { report: CurationReport | null } | undefined;

/**
 * generated/curation.json: the overrides ingest applied to the clause records and those it
 * could not; null when ingest did not write one (or an older ingest wrote another shape).
 */
export function loadCurationReport(): CurationReport | null {
  if (!curationCache) {
    const path = resolve(ROOT, process.env.ATLAS_GENERATED ?? 'generated', 'curation.json');
    const parsed = existsSync(path) ? CurationReportSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))) : null;
    curationCache = { report: parsed?.success ? parsed.data : null };
  }
  return curationCache.report;
}

let releaseCache: { release: (Release & { built: string }) | null } | undefined;

/** generated/release.json with the build day: the data version every page footer shows; null when ingest wrote none. */
export function loadRelease(): (Release & { built: string }) | null {
  if (!releaseCache) {
    const path = resolve(ROOT, process.env.ATLAS_GENERATED ?? 'generated', 'release.json');
    const parsed = existsSync(path) ? ReleaseSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))) : null;
    releaseCache = { release: parsed?.success ? { ...parsed.data, built: buildDay() } : null };
  }
  return releaseCache.release;
}

export function loadReportSummary(): IngestReportSummary | null {
  return summariseReport(loadIngestReport());
}

let boilerplateByFile: Map<string, IngestReport['removedBoilerplate']> | undefined;

/** Boilerplate line ranges of one source file, or null when the report does not list them. */
export function loadBoilerplate(file: string): BoilerplateRange[] | null {
  const report = loadIngestReport();
  if (!report) return null;
  // Grouped by file once: every source page would otherwise scan the whole corpus's list.
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  if (!boilerplateByFile) {
    boilerplateByFile = new Map();
    for (const item of report.removedBoilerplate) {
      const list = boilerplateByFile.get(name(item.file));
      if (list) list.push(item);
      else boilerplateByFile.set(name(item.file), [item]);
    }
  }
  return boilerplateFromReport({ ...report, removedBoilerplate: boilerplateByFile.get(name(file)) ?? [] }, file);
}

/**
 * A source's lines as ingest read them (generated/sources/<file>.json): a .txt's own, or the
 * text extracted from a PDF, web page or Word file with where each line was printed.
 */
export function readSourceText(file: string): SourceText {
  const path = resolve(ROOT, process.env.ATLAS_GENERATED ?? 'generated', 'sources', `${file}.json`);
  return SourceTextSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The bytes of a PDF or Word file as published, as ingest kept them (generated/originals/). */
export function readOriginal(file: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(readFileSync(resolve(ROOT, process.env.ATLAS_GENERATED ?? 'generated', 'originals', file)));
}

/** The data changelog as ingest copied it (generated/changelog.md from content/CHANGELOG.md), or an empty text. */
export function loadChangelogText(): string {
  const path = resolve(ROOT, process.env.ATLAS_GENERATED ?? 'generated', 'changelog.md');
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** The dated sections of the data changelog (empty when there is none). */
export function loadChangelog(): ChangelogSection[] {
  return parseChangelog(loadChangelogText());
}

/**
 * The atlas a comparison page shows: as of its day (the build day unless `asOf`), every policy
 * or only those in force, with both so the page can say what the in-force view hides.
 */
export async function loadView(options: { inForceOnly: boolean; asOf?: string | undefined }): Promise<{ full: Atlas; restricted: ReturnType<typeof inForceAtlas>; atlas: Atlas }> {
  const full = options.asOf ? await loadAtlasAsOf(options.asOf) : await loadAtlas();
  const restricted = inForceAtlas(full);
  return { full, restricted, atlas: options.inForceOnly ? restricted.atlas : full };
}
