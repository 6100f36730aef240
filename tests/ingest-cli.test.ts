// The CLI end to end, in a child process on copies of the corpus in a temp directory.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from './fixtures/ingest-helpers';
import { parseCategoryOverrides } from '../scripts/ingest/classify';
import { CurationReportSchema, type Clause } from '../src/schema';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const work = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ingest(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'ingest.ts'), '--today', '2025-06-01', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function corpus(name: string): string {
  const dir = join(work, name);
  cpSync(SOURCES_DIR, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(p.slice(dir.length), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

describe('npm run ingest', () => {
  const sources = corpus('good');
  const out = join(work, 'out');

  it('writes clause MDX, policy JSON, clauses.json and the report, and exits 0', () => {
    const r = ingest('--sources', sources, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('changsha-2025-measures.official.txt');
    expect(r.stdout).toMatch(/clauses 32 · chars \d+: .*unaccounted 0/);
    const files = [...snapshot(out).keys()];
    expect(files.filter((f) => f.endsWith('.mdx'))).toHaveLength(91);
    expect(files).toContain('/clauses/jiaxing-2022-opinions/2.2.3.mdx');
    expect(files).toContain('/policies/changsha-2025-measures.json');
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    const clauses = JSON.parse(readFileSync(join(out, 'data', 'clauses.json'), 'utf8')) as unknown[];
    expect(clauses).toHaveLength(91);
    const report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8')) as { ok: boolean; sources: { unaccounted: number }[] };
    expect(report.ok).toBe(true);
    expect(report.sources.map((s) => s.unaccounted)).toEqual([0, 0, 0, 0, 0]);
  });

  it('writes byte-identical output on a second run and removes files of clauses that disappeared', () => {
    writeFileSync(join(out, 'clauses', 'jiaxing-2022-opinions', '9.9.mdx'), 'stale');
    const first = snapshot(out);
    first.delete('/clauses/jiaxing-2022-opinions/9.9.mdx');
    expect(ingest('--sources', sources, '--out', out).code).toBe(0);
    expect(snapshot(out)).toEqual(first);
  });

  it('prints the same summary as JSON with --json', () => {
    const r = ingest('--sources', sources, '--out', out, '--json');
    const report = JSON.parse(r.stdout) as { ok: boolean; sources: { file: string; clauses: number }[]; messages: { ruleId: string }[] };
    expect(report.ok).toBe(true);
    expect(report.sources.map((s) => s.clauses)).toEqual([10, 10, 23, 26, 32]);
  });

  it('fails with file:line:col, severity, rule and hint on a bad source, and keeps the last good records', () => {
    const bad = corpus('bad');
    writeFileSync(join(bad, 'changsha-2025-measures.reprint.txt'), readFileSync(join(bad, 'changsha-2025-measures.reprint.txt'), 'utf8').replace('50万元', '60万元'));
    const badOut = join(work, 'bad-out');
    const r = ingest('--sources', bad, '--out', badOut);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/changsha-2025-measures\.reprint\.txt:3:\d+ {2}error {2}.* {2}\[rendition-mismatch\]\n {2}hint: /);
    expect(r.stdout).toContain('ingest FAILED');
    expect(existsSync(join(badOut, 'ingest-report.json'))).toBe(true);
    expect(existsSync(join(badOut, 'data', 'clauses.json'))).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('turns warnings into failure with --strict', () => {
    const warn = join(work, 'warn');
    cpSync(join(SOURCES_DIR, 'hangzhou-action-plan.draft.yaml'), join(warn, 'hangzhou-action-plan.draft.yaml'));
    const text = readFileSync(join(SOURCES_DIR, 'hangzhou-action-plan.draft.txt'), 'utf8').replace('3.加大产业链企业招引', '4.加大产业链企业招引');
    writeFileSync(join(warn, 'hangzhou-action-plan.draft.txt'), text);
    expect(ingest('--sources', warn, '--out', join(work, 'warn-out')).code).toBe(0);
    const strict = ingest('--sources', warn, '--out', join(work, 'warn-out'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('[skipped-number]');
  });

  it('removes what a killed run left beside the output and takes over its lock', () => {
    const killed = join(work, 'killed-out');
    expect(ingest('--sources', sources, '--out', killed).code).toBe(0);
    // A run killed with -9 mid-write leaves its staging sibling and its lock behind.
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = dead.stdout.trim();
    mkdirSync(`${killed}.tmp-${pid}/clauses/orphan`, { recursive: true });
    writeFileSync(`${killed}.tmp-${pid}/clauses/orphan/1.mdx`, 'half');
    writeFileSync(`${killed}.lock`, `${pid}\n`);
    const before = snapshot(killed);
    const r = ingest('--sources', sources, '--out', killed);
    expect(r.code).toBe(0);
    expect(readdirSync(work).filter((n) => n.startsWith('killed-out'))).toEqual(['killed-out']);
    expect(snapshot(killed)).toEqual(before);
  });

  it('refuses to run while another live process writes the same output', () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${out}.lock`, `${other.pid}\n`);
      const r = ingest('--sources', sources, '--out', out);
      expect(r.code).toBe(75);
      expect(r.stderr).toContain(`is being written by another process (pid ${other.pid}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      other.kill('SIGKILL');
      rmSync(`${out}.lock`, { force: true });
    }
  });

  it('reports a directory named like a source as a positioned error, with no stack trace', () => {
    const odd = corpus('odd');
    mkdirSync(join(odd, 'x.txt'));
    const r = ingest('--sources', odd, '--out', join(work, 'odd-out'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/odd\/x\.txt:1:1 {2}error {2}`x\.txt` is a directory, expected a text file {2}\[not-a-file\]\n {2}hint: /);
    expect(r.stderr).toBe('');
  });

  it('applies the curation folder beside the sources folder, and writes what it applied to curation.json', () => {
    // The layout of content/: <corpus>/sources and <corpus>/curation, named the way build.ts names them.
    const root = join(work, 'curated');
    cpSync(SOURCES_DIR, join(root, 'sources'), { recursive: true });
    cpSync(join(ROOT, 'content', 'curation'), join(root, 'curation'), { recursive: true });
    const curatedOut = join(work, 'curated-out');
    expect(ingest('--sources', join(root, 'sources'), '--out', curatedOut).code).toBe(0);
    const { overrides } = parseCategoryOverrides(readFileSync(join(root, 'curation', 'categories.yaml'), 'utf8'));
    expect(overrides.length).toBeGreaterThan(0);
    const written = CurationReportSchema.parse(JSON.parse(readFileSync(join(curatedOut, 'curation.json'), 'utf8')));
    const clauses = JSON.parse(readFileSync(join(curatedOut, 'data', 'clauses.json'), 'utf8')) as Clause[];
    expect(written.unapplied).toEqual([]);
    expect(written.applied.map((a) => a.clause)).toEqual(overrides.map((o) => o.clause));
    for (const o of overrides) {
      const clause = clauses.find((c) => c.id === o.clause)!;
      expect(clause.primaryCategory).toBe(o.primaryCategory);
      for (const c of o.categories ?? []) expect(clause.categories).toContain(c);
    }
  });

  it('explains a missing sources directory without a stack trace', () => {
    const r = ingest('--sources', join(work, 'nope'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm run ingest on published files', () => {
  it('unpacks a Word file and a saved page beside the texts, writes their extracted text, and builds the same policy', async () => {
    const { governmentPage, wordDocument } = await import('./fixtures/published');
    const plain = corpus('plain-formats');
    const published = corpus('published-formats');
    const official = readFileSync(join(published, 'changsha-2025-measures.official.txt'), 'utf8');
    const reprint = readFileSync(join(published, 'changsha-2025-measures.reprint.txt'), 'utf8');
    rmSync(join(published, 'changsha-2025-measures.official.txt'));
    rmSync(join(published, 'changsha-2025-measures.reprint.txt'));
    writeFileSync(join(published, 'changsha-2025-measures.official.docx'), wordDocument(official));
    const meta = { 索引号: '000014349/2025-00012', 发布机构: '长沙市人民政府办公室', 文号: '长政办发〔2025〕3号', 成文日期: '2025-02-22', 发布日期: '2025-02-26', 有效性: '有效' };
    writeFileSync(join(published, 'changsha-2025-measures.reprint.html'), governmentPage(reprint, meta, '关于促进专精特新中小企业高质量发展的若干措施'));

    const a = ingest('--sources', plain, '--out', join(work, 'plain-out'));
    const b = ingest('--sources', published, '--out', join(work, 'published-out'));
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('dropped by extraction: html-comment');
    expect(a.code).toBe(0);
    const policy = (dir: string) => JSON.parse(readFileSync(join(work, dir, 'policies', 'changsha-2025-measures.json'), 'utf8'));
    expect(policy('published-out').clauseIds).toEqual(policy('plain-out').clauseIds);
    expect(policy('published-out').sources.map((s: { file: string; format: string }) => `${s.file} ${s.format}`)).toEqual([
      'changsha-2025-measures.official.docx docx',
      'changsha-2025-measures.reprint.html html',
    ]);
    const extracted = JSON.parse(readFileSync(join(work, 'published-out', 'sources', 'changsha-2025-measures.official.docx.json'), 'utf8'));
    expect(extracted.format).toBe('docx');
    expect(extracted.origins[0]).toBe('¶ 1');
    // The Word file itself is kept for download; a saved web page is not (its scripts would run).
    expect(existsSync(join(work, 'published-out', 'originals', 'changsha-2025-measures.official.docx'))).toBe(true);
    expect(existsSync(join(work, 'published-out', 'originals', 'changsha-2025-measures.reprint.html'))).toBe(false);
    // A plain text is shown from its lines as read, never re-read from content/.
    const plainLines = JSON.parse(readFileSync(join(work, 'plain-out', 'sources', 'changsha-2025-measures.official.txt.json'), 'utf8'));
    expect(plainLines).toMatchObject({ format: 'txt', origins: [] });
    expect(plainLines.lines.length).toBeGreaterThan(10);
  });
});
