// The only module that reads the content collections. Everything is loaded and indexed once
// per build (memoised promises), so a site with 10,000 clause pages does the corpus-wide work
// once, not once per page.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getCollection } from 'astro:content';
import {
  CurationReportSchema,
  ExtractedSourceSchema,
  ReleaseSchema,
  type Clause,
  type CurationReport,
  type ExtractedSource,
  type IngestReport,
  type Policy,
  type PolicySource,
  type Release,
} from '../schema';
import { buildAtlas, type Atlas } from './atlas';
import { buildDay } from './status';
import { similarMeasures, type MeasureMatch } from './similar-measures';
import { boilerplateFromReport, type IngestReportSummary, parseReport, summariseReport } from './report';
import type { BoilerplateRange } from './source-view';

let atlasPromise: Promise<Atlas> | undefined;

/** All policies and clauses, indexed. */
export function loadAtlas(): Promise<Atlas> {
  atlasPromise ??= (async () => {
    const [policies, clauses] = await Promise.all([getCollection('policies'), getCollection('clauses')]);
    return buildAtlas(
      policies.map((e) => e.data as Policy),
      clauses.map((e) => e.data as Clause),
      buildDay(),
    );
  })();
  return atlasPromise;
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
 * The text a source view shows: a .txt as published, decoded with the encoding ingest
 * detected; for a PDF, web page or Word file, the text ingest extracted and where each line was.
 */
export function readSourceView(meta: PolicySource): { text: string; origins: string[] } {
  if (meta.format === 'txt') return { text: readSourceText(meta.file, meta.encoding), origins: [] };
  const { text, origins } = readExtracted(meta.file);
  return { text, origins };
}

/** generated/extracted/<file>.json, written by ingest for each PDF, web page or Word file. */
export function readExtracted(file: string): ExtractedSource {
  const path = resolve(ROOT, process.env.ATLAS_GENERATED ?? 'generated', 'extracted', `${file}.json`);
  return ExtractedSourceSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The bytes of a source file as published. */
export function readSourceBytes(file: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(readFileSync(resolve(ROOT, process.env.ATLAS_SOURCES ?? 'content/sources', file)));
}

/** Raw text of a source file, decoded with the encoding ingest detected. */
export function readSourceText(file: string, encoding: string): string {
  const bytes = readFileSync(resolve(ROOT, process.env.ATLAS_SOURCES ?? 'content/sources', file));
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}

/** Optional text file under the project root (e.g. content/curation/categories.yaml). */
export function readProjectFile(relative: string): string | null {
  const path = join(ROOT, relative);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}
