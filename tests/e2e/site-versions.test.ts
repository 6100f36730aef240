// Policy versions in a built site: the real sources plus the synthetic adopted copy of the
// Hangzhou draft (tests/fixtures/synthetic-versions.ts), built into a temporary folder. The
// adopted policy's page shows the timeline and the clause diff; the draft's page the timeline.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build';
import { SOURCES_DIR } from '../fixtures/ingest-helpers';
import { ADOPTED_ID, ADOPTED_SIDECAR, ADOPTED_TEXT, adoptedCopy } from '../fixtures/synthetic-versions';

let dir: string;
const page = (id: string) => readFileSync(join(dir, 'dist', 'policy', id, 'index.html'), 'utf8');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-versions-'));
  const sources = join(dir, 'sources');
  mkdirSync(sources);
  for (const name of readdirSync(SOURCES_DIR)) copyFileSync(join(SOURCES_DIR, name), join(sources, name));
  const { text, sidecar } = adoptedCopy();
  writeFileSync(join(sources, ADOPTED_TEXT), text);
  writeFileSync(join(sources, ADOPTED_SIDECAR), sidecar);
  await build({ sourcesDir: sources, generatedDir: join(dir, 'generated'), distDir: join(dir, 'dist'), today: '2026-01-01', log: () => {} });
});

afterAll(() => {
  if (dir && !process.env.KEEP) rmSync(dir, { recursive: true, force: true });
});

describe('policy versions on the built site', () => {
  it('shows the adopted policy’s timeline after the draft, and its changed amount and wording clause by clause', () => {
    const html = page(ADOPTED_ID);
    const timeline = html.slice(html.indexOf('class="version-timeline"'), html.indexOf('</ol>', html.indexOf('class="version-timeline"')));
    expect(timeline.indexOf('征求意见稿')).toBeLessThan(timeline.indexOf('（本页）'));
    expect(timeline).toContain('正式印发（采纳征求意见稿）');
    expect(html).toMatch(/1<del>0<\/del><ins>2<\/ins>0万元/);
    expect(html).toMatch(/<del>D<\/del><ins>C<\/ins>类高层次人才/);
    expect(html).toContain('little-giant：100 万元 → 120 万元');
    expect(html).toMatch(/0 条新增，0 条删除，2 条修改/);
  });

  it('links the draft’s page forward to its adopted form, without a diff of its own', () => {
    const html = page('hangzhou-action-plan');
    // Links are relative in a shell build, root-relative when vitest's environment runs Astro.
    expect(html).toMatch(new RegExp(`href="[./]*(policy/)?${ADOPTED_ID}/(index\\.html)?"`));
    expect(html).not.toContain('与上一版本相比');
  });
});
