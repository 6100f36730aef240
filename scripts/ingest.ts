// `npm run ingest [-- --sources <dir>] [--out <dir>] [--curation <dir>] [--json] [--strict] [--today YYYY-MM-DD]`
// Reads <sources>/*.txt with their .yaml sidecars (and <curation>/*.yaml: content/curation
// unless --sources names another corpus), runs the pure pipeline, and writes
//   <out>/clauses/<policyId>/<path>.mdx, <out>/policies/<policyId>.json,
//   <out>/data/clauses.json, <out>/ingest-report.json
// atomically and deterministically. Exits non-zero on any error, on unaccounted characters,
// and (with --strict) on warnings.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { formatMessage, hasFatal, messageToJson, severityOf } from './ingest/diagnostics';
import { emitClauseMdx } from './ingest/emit';
import { runIngest, type IngestOutput } from './ingest/pipeline';
import type { Accounting } from './ingest/types';
import { buildDay } from '../src/lib/status';
import { IngestReportSchema, type IngestReport } from '../src/schema';

interface Options {
  sources: string;
  /** Curation directory, or null for none. */
  curation: string | null;
  out: string;
  json: boolean;
  strict: boolean;
  today: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sources: 'content/sources', curation: null, out: 'generated', json: false, strict: false, today: buildDay() };
  let sourcesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`\`${arg}\` needs a value`);
      return v;
    };
    if (arg === '--sources') {
      options.sources = value();
      sourcesGiven = true;
    } else if (arg === '--curation') options.curation = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--json') options.json = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--today') {
      options.today = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new UsageError(`\`--today\` expects YYYY-MM-DD, found \`${options.today}\``);
    } else throw new UsageError(`unknown option \`${arg}\``);
  }
  // The project's curation belongs to the project's sources; another corpus brings its own.
  if (options.curation === null && !sourcesGiven && existsSync('content/curation')) options.curation = 'content/curation';
  return options;
}

/** Keys sorted at every level, two-space indent, final newline: byte-stable output. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** Write to a temp file beside the target, then rename: readers never see half a file. */
function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Removes files a previous run wrote that this run did not (a clause that disappeared). */
function removeStale(dir: string, keep: ReadonlySet<string>, pattern: RegExp): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      removeStale(path, keep, pattern);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (pattern.test(name) && !keep.has(path)) rmSync(path);
  }
}

function readInputs(dir: string, curationDir: string | null): Parameters<typeof runIngest>[0] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`sources directory \`${dir}\` does not exist`);
  if (curationDir !== null && !existsSync(curationDir)) throw new UsageError(`curation directory \`${curationDir}\` does not exist`);
  const names = readdirSync(dir).sort();
  const curation = curationDir === null ? [] : readdirSync(curationDir).filter((n) => /\.ya?ml$/.test(n)).sort();
  return {
    curation: curation.map((n) => ({ path: join(curationDir!, n), text: readFileSync(join(curationDir!, n), 'utf8') })),
    sources: names.filter((n) => n.endsWith('.txt')).map((n) => ({ path: join(dir, n), bytes: new Uint8Array(readFileSync(join(dir, n))) })),
    sidecars: names.filter((n) => /\.ya?ml$/.test(n)).map((n) => ({ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') })),
  };
}

function writeOutputs(out: string, output: IngestOutput, report: IngestReport): void {
  const { policies, clauses } = output.result;
  const written = new Set<string>();
  for (const clause of clauses) {
    const path = join(out, 'clauses', clause.policyId, `${clause.path}.mdx`);
    writeAtomic(path, emitClauseMdx(clause));
    written.add(path);
  }
  for (const policy of policies) {
    const path = join(out, 'policies', `${policy.id}.json`);
    writeAtomic(path, stableJson(policy));
    written.add(path);
  }
  removeStale(join(out, 'clauses'), written, /\.mdx$/);
  removeStale(join(out, 'policies'), written, /\.json$/);
  writeAtomic(join(out, 'data', 'clauses.json'), stableJson(clauses));
  writeAtomic(join(out, 'ingest-report.json'), stableJson(report));
}

function summaryLine(a: Accounting): string {
  const boilerplate = Object.entries(a.boilerplateChars)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  return [
    `${a.file}`,
    `  clauses ${a.clauses} · chars ${a.totalChars}: clause ${a.clauseChars}, heading ${a.headingChars}, preamble ${a.preambleChars}, metadata ${a.metadataChars}, unaccounted ${a.unaccounted}`,
    `  boilerplate: ${boilerplate || 'none'}`,
  ].join('\n');
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  const input = readInputs(options.sources, options.curation);
  const output = runIngest({ ...input, today: options.today });
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
    writeOutputs(options.out, output, report);
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
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`ingest: ${error.message}`);
    console.error('usage: npm run ingest -- [--sources <dir>] [--out <dir>] [--curation <dir>] [--json] [--strict] [--today YYYY-MM-DD]');
    process.exitCode = 2;
  } else if (error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).path === 'string') {
    const e = error as NodeJS.ErrnoException;
    console.error(`ingest: cannot ${e.syscall ?? 'access'} \`${e.path}\`: ${e.code}`);
    console.error('  hint: check the path and its permissions');
    process.exitCode = 2;
  } else {
    throw error; // a bug: let the stack trace show where
  }
}
