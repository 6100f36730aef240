// Reading a sources directory: every entry named .txt/.pdf/.html/.docx/.yaml/.yml is read or refused with a
// positioned error; nothing hangs, follows a link out of the project, or loads a huge file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PUBLISHED_BYTES, MAX_SOURCE_BYTES, readSources } from '../scripts/ingest/read';

const work = mkdtempSync(join(tmpdir(), 'ingest-read-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function dir(name: string): string {
  const path = join(work, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'good.txt'), '一、甲措施。\n');
  writeFileSync(join(path, 'good.yaml'), 'policy: good\n');
  writeFileSync(join(path, 'README.md'), 'not an input');
  return path;
}

/** The one refusal of a read, as `rule file:line:col`. */
function refusals(path: string, roots?: string[]): string[] {
  return readSources(path, roots).messages.map((m) => `${m.ruleId} ${m.file?.slice(path.length + 1)}:${m.line}:${m.column}`);
}

describe('readSources', () => {
  it('reads sources and sidecars as bytes, in name order, and ignores other files', () => {
    const path = dir('plain');
    writeFileSync(join(path, 'X.TXT'), 'upper case');
    const read = readSources(path);
    expect(read.sources.map((s) => s.path.slice(path.length + 1))).toEqual(['X.TXT', 'good.txt']);
    expect(read.sidecars.map((s) => s.path.slice(path.length + 1))).toEqual(['good.yaml']);
    expect(read.messages).toEqual([]);
  });

  it('refuses a directory named x.txt', () => {
    const path = dir('directory');
    mkdirSync(join(path, 'x.txt'));
    expect(refusals(path)).toEqual(['not-a-file x.txt:1:1']);
  });

  it('refuses a FIFO named x.txt without opening it (which would hang)', () => {
    const path = dir('fifo');
    expect(spawnSync('mkfifo', [join(path, 'x.txt')]).status).toBe(0);
    expect(refusals(path)).toEqual(['not-a-file x.txt:1:1']);
  });

  it('refuses a symlink that leads out of the project, and follows one that stays inside', () => {
    const path = dir('links');
    const outside = join(work, 'outside.txt');
    writeFileSync(outside, '一、外部文本。\n');
    symlinkSync(outside, join(path, 'leak.txt'));
    symlinkSync(join(path, 'good.txt'), join(path, 'alias.txt'));
    expect(refusals(path, [])).toEqual(['symlink-outside leak.txt:1:1']);
    expect(readSources(path, []).sources.map((s) => s.path.slice(path.length + 1))).toEqual(['alias.txt', 'good.txt']);
  });

  it('refuses a dangling symlink as unreadable', () => {
    const path = dir('dangling');
    symlinkSync(join(path, 'missing.txt'), join(path, 'x.txt'));
    expect(refusals(path)).toEqual(['unreadable x.txt:1:1']);
  });

  it('refuses a 20 MB source by the documented size limit without reading it', () => {
    const path = dir('large');
    writeFileSync(join(path, 'big.txt'), '');
    truncateSync(join(path, 'big.txt'), 20 * 1024 * 1024);
    const read = readSources(path);
    expect(refusals(path)).toEqual(['source-too-large big.txt:1:1']);
    expect(read.messages[0]!.reason).toContain(`limit of ${MAX_SOURCE_BYTES}`);
    expect(read.sources.map((s) => s.path.slice(path.length + 1))).toEqual(['good.txt']);
  });

  it('reads published files (PDF, web page, Word) as sources, and refuses a directory named like one', () => {
    const path = dir('published');
    writeFileSync(join(path, 'a.official.pdf'), '%PDF-1.7');
    writeFileSync(join(path, 'b.official.html'), '<p>一、甲。</p>');
    writeFileSync(join(path, 'c.official.docx'), 'PK');
    mkdirSync(join(path, 'd.official.htm'));
    const read = readSources(path);
    expect(read.sources.map((s) => s.path.slice(path.length + 1))).toEqual(['a.official.pdf', 'b.official.html', 'c.official.docx', 'good.txt']);
    expect(refusals(path)).toEqual(['not-a-file d.official.htm:1:1']);
  });

  it('allows a published file more bytes than a text, up to its own limit', () => {
    const path = dir('large-pdf');
    writeFileSync(join(path, 'fonts.pdf'), '');
    truncateSync(join(path, 'fonts.pdf'), MAX_SOURCE_BYTES + 1);
    writeFileSync(join(path, 'huge.pdf'), '');
    truncateSync(join(path, 'huge.pdf'), MAX_PUBLISHED_BYTES + 1);
    expect(refusals(path)).toEqual(['source-too-large huge.pdf:1:1']);
    expect(readSources(path).sources.map((s) => s.path.slice(path.length + 1))).toEqual(['fonts.pdf', 'good.txt']);
  });
});
