// `npm run ingest [-- --sources <dir>] [--out <dir>] [--curation <dir>] [--json] [--strict] [--today YYYY-MM-DD]
//                    [--emit-worker | --no-emit-worker]`
// Reads <sources>/*.{txt,pdf,html,docx} with their .yaml sidecars (and <curation>/*.yaml: by default
// the `curation` folder beside the sources folder, so content/sources gets content/curation however
// it is named on the command line), runs the pure pipeline, and writes
//   <out>/clauses/<policyId>/<path>.mdx, <out>/policies/<policyId>.json,
//   <out>/data/clauses.json, <out>/curation.json, <out>/release.json, <out>/changelog.md (the
//   CHANGELOG.md beside the sources folder), <out>/sources/<file>.json
//   (each source's lines as read, with where each line of a PDF, web page or Word file was
//   printed), <out>/originals/<file> (a PDF's or Word file's bytes), <out>/ingest-report.json
// deterministically, into a temporary sibling of <out> that replaces it only when complete
// (scripts/atomic-dir.ts; <out>.lock keeps a second run out), the report last. Exits non-zero
// on any error, on unaccounted characters, and (with --strict) on warnings. Large corpora
// emit their clause MDX on two threads (the output is the same); --emit-worker /
// --no-emit-worker force the choice.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { VFileMessage } from 'vfile-message';
import { acquireLock, cleanStaleSiblings, LockedError, onInterrupt, replaceDir, stagingDir, stagingPath } from './atomic-dir';
import { cliArgs, reportUsage, UsageError } from './cli-args';
import { stableJson } from './stable-json';
import { reportUnexpected } from './unexpected';
import { readSources } from './ingest/read';
import { compareMessages, formatMessage, hasFatal, messageToJson, severityOf } from './ingest/diagnostics';
import type { EmitRequest, EmitResponse } from './ingest/emit-worker';
import { runIngest, type IngestInput, type IngestOutput } from './ingest/pipeline';
import { writeAtomic, writeClauseFiles, writeNew } from './ingest/write';
import { unpackSources } from './ingest/unpack';
import type { Accounting } from './ingest/types';
import { buildDay } from '../src/lib/status';
import { CurationReportSchema, IngestReportSchema, ReleaseSchema, type Clause, type IngestReport, SourceTextSchema } from '../src/schema';

interface Options {
  sources: string;
  /** Curation directory, or null for none. */
  curation: string | null;
  out: string;
  json: boolean;
  strict: boolean;
  today: string;
  /** Emit clause MDX on a second thread too: true, false, or null to decide by corpus size. */
  emitWorker: boolean | null;
}

const USAGE = 'npm run ingest -- [--sources <dir>] [--out <dir>] [--curation <dir>] [--json] [--strict] [--today YYYY-MM-DD] [--emit-worker | --no-emit-worker]';

function parseArgs(argv: readonly string[]): Options {
  const { values } = cliArgs(argv, {
    sources: { type: 'string', default: 'content/sources' },
    curation: { type: 'string' },
    out: { type: 'string', default: 'generated' },
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    today: { type: 'string', default: buildDay() },
    'emit-worker': { type: 'boolean' },
    'no-emit-worker': { type: 'boolean' },
  });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(`\`--today\` expects YYYY-MM-DD, found \`${values.today}\``);
  if (values['emit-worker'] && values['no-emit-worker']) throw new UsageError('`--emit-worker` and `--no-emit-worker` exclude each other');
  const options: Options = {
    sources: values.sources,
    curation: values.curation ?? null,
    out: values.out,
    json: values.json,
    strict: values.strict,
    today: values.today,
    emitWorker: values['emit-worker'] ? true : values['no-emit-worker'] ? false : null,
  };
  // A corpus's curation sits beside its sources (content/sources ↔ content/curation): every
  // build of the project's sources applies it, and another corpus brings its own or none.
  if (options.curation === null) {
    const beside = join(dirname(resolve(options.sources)), 'curation');
    if (existsSync(beside)) options.curation = relative(process.cwd(), beside) || '.';
  }
  return options;
}

/**
 * Sources from which on the clause MDX is emitted on two threads (≈ 20 clauses a source, so
 * about a thousand clauses). Below it a worker's start-up costs more than it saves.
 */
const EMIT_WORKER_MIN_SOURCES = 50;

/** A worker thread that emits clause MDX (scripts/ingest/emit-worker.ts), started early so it loads while the pipeline runs. */
class EmitWorker {
  private readonly worker = new Worker(new URL('./ingest/emit-worker.ts', import.meta.url));

  /** Emit and write these clauses' MDX; resolves to the paths written. */
  write(out: string, clauses: Clause[]): Promise<string[]> {
    return new Promise((done, fail) => {
      this.worker.once('error', fail);
      this.worker.once('message', (response: EmitResponse) =>
        'error' in response ? fail(new Error(`emit worker: ${response.error}`)) : done(response.written),
      );
      this.worker.postMessage({ out, clauses } satisfies EmitRequest);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

function readInputs(dir: string, curationDir: string | null): Parameters<typeof runIngest>[0] & { readMessages: VFileMessage[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`sources directory \`${dir}\` does not exist`);
  if (curationDir !== null && !existsSync(curationDir)) throw new UsageError(`curation directory \`${curationDir}\` does not exist`);
  const curation = curationDir === null ? [] : readdirSync(curationDir).filter((n) => /\.ya?ml$/.test(n)).sort();
  const { sources, sidecars, messages } = readSources(dir);
  return {
    curation: curation.map((n) => ({ path: join(curationDir!, n), text: readFileSync(join(curationDir!, n), 'utf8') })),
    sources,
    sidecars,
    readMessages: messages,
  };
}

/**
 * This thread's share of the clause MDX when a worker emits the rest: it also serialises the
 * policies, clauses.json and the report (about as long as emitting a third of the clauses).
 */
const MAIN_THREAD_SHARE = 1 / 3;

/**
 * Write everything into a fresh temporary sibling of `out`, the report last, then swap it in:
 * `out` is never half-written and keeps no file of a clause that disappeared.
 */
/** The data changelog beside the sources folder (content/CHANGELOG.md), or null. */
function readChangelog(sources: string): string | null {
  const path = join(dirname(resolve(sources)), 'CHANGELOG.md');
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

async function writeOutputs(
  out: string,
  input: IngestInput,
  output: IngestOutput,
  report: IngestReport,
  worker: EmitWorker | null,
  changelog: string | null,
): Promise<void> {
  const { policies, clauses } = output.result;
  const staged = stagingDir(out);
  const split = worker ? Math.ceil(clauses.length * MAIN_THREAD_SHARE) : clauses.length;
  const theirs = worker ? worker.write(staged, clauses.slice(split)) : Promise.resolve([]);
  theirs.catch(() => undefined); // awaited below; this thread may fail first
  writeClauseFiles(staged, clauses.slice(0, split));
  for (const policy of policies) writeNew(join(staged, 'policies', `${policy.id}.json`), stableJson(policy));
  for (const t of output.sourceTexts) writeNew(join(staged, 'sources', `${t.file}.json`), stableJson(SourceTextSchema.parse(t)));
  // The original of a PDF or Word file, offered for download beside its extracted text.
  for (const src of input.sources) {
    const file = basename(src.path);
    if (/\.(?:pdf|docx)$/.test(file) && output.sourceTexts.some((t) => t.file === file)) writeNew(join(staged, 'originals', file), src.bytes);
  }
  writeNew(join(staged, 'data', 'clauses.json'), stableJson(clauses));
  writeNew(join(staged, 'curation.json'), stableJson(CurationReportSchema.parse(output.curation)));
  writeNew(join(staged, 'release.json'), stableJson(ReleaseSchema.parse(output.release)));
  // The site's changelog page and feeds read it from here, like everything else they show.
  if (changelog !== null) writeNew(join(staged, 'changelog.md'), changelog);
  await theirs;
  writeNew(join(staged, 'ingest-report.json'), stableJson(report));
  replaceDir(out, staged);
}

function summaryLine(a: Accounting): string {
  const boilerplate = Object.entries(a.boilerplateChars)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  return [
    `${a.file}`,
    `  clauses ${a.clauses} · chars ${a.totalChars}: clause ${a.clauseChars}, heading ${a.headingChars}, preamble ${a.preambleChars}, metadata ${a.metadataChars}, unaccounted ${a.unaccounted}`,
    `  boilerplate: ${boilerplate || 'none'}`,
    ...(a.droppedChars ? [`  dropped by extraction: ${Object.entries(a.droppedChars).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'nothing'}`] : []),
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  const input = readInputs(options.sources, options.curation);
  const lock = acquireLock(options.out, 'npm run ingest');
  // An interrupted run leaves `out` as it was: its staging sibling and lock go with it.
  const stopWatching = onInterrupt(() => {
    rmSync(stagingPath(options.out), { recursive: true, force: true });
    lock.release();
  });
  const worker = (options.emitWorker ?? input.sources.length >= EMIT_WORKER_MIN_SOURCES) ? new EmitWorker() : null;
  try {
    cleanStaleSiblings(options.out);
    return await ingest(options, input, worker);
  } finally {
    await worker?.close();
    rmSync(stagingPath(options.out), { recursive: true, force: true });
    stopWatching();
    lock.release();
  }
}

async function ingest(options: Options, input: ReturnType<typeof readInputs>, worker: EmitWorker | null): Promise<number> {
  const { readMessages, ...files } = input;
  // PDF, web pages and Word files are unpacked to text first (async); the pipeline is pure.
  const sources = await unpackSources(files.sources);
  const output = runIngest({ ...files, sources, today: options.today });
  // Entries that could not be read are errors like any other, in the same order.
  output.messages.push(...readMessages);
  output.messages.sort(compareMessages);
  const { messages } = output;
  const unaccounted = output.result.accounting.some((a) => a.unaccounted > 0);
  const warnings = messages.filter((m) => severityOf(m) === 'warning').length;
  const failed = hasFatal(messages) || unaccounted || (options.strict && warnings > 0);
  const report: IngestReport = IngestReportSchema.parse({
    ok: !failed,
    strict: options.strict,
    sources: output.result.accounting,
    policies: output.result.policies.map((p) => ({ id: p.id, clauses: p.clauseIds.length, sources: p.sources.map((s) => s.file) })),
    messages: messages.map(messageToJson),
    removedBoilerplate: output.removed,
  });

  if (failed) {
    // Keep the last good records; the report says why this run failed.
    writeAtomic(join(options.out, 'ingest-report.json'), stableJson(report));
  } else {
    await writeOutputs(options.out, input, output, report, worker, readChangelog(options.sources));
  }

  if (options.json) {
    process.stdout.write(stableJson(report));
  } else {
    for (const a of output.result.accounting) console.log(summaryLine(a));
    if (messages.length > 0) console.log('');
    for (const m of messages) console.log(formatMessage(m));
    console.log('');
    const errors = messages.filter((m: VFileMessage) => m.fatal === true).length;
    const status = failed ? 'FAILED' : 'ok';
    console.log(
      `ingest ${status}: ${output.result.policies.length} policies, ${output.result.clauses.length} clauses; ${errors} errors, ${warnings} warnings${options.strict ? ' (strict)' : ''}` +
        (failed ? `; report in ${relative(process.cwd(), join(options.out, 'ingest-report.json'))}` : `; written to ${options.out}/`),
    );
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (reportUsage('ingest', USAGE, error)) {
    // The usage error is printed; nothing else to say.
  } else if (error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).path === 'string') {
    const e = error as NodeJS.ErrnoException;
    console.error(`ingest: cannot ${e.syscall ?? 'access'} \`${e.path}\`: ${e.code}`);
    console.error('  hint: check the path and its permissions');
    process.exitCode = 2;
  } else if (error instanceof LockedError) {
    console.error(error.message);
    process.exitCode = 75; // EX_TEMPFAIL: try again later
  } else {
    reportUnexpected('ingest', error);
  }
}
