import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftSidecar, guessCity, guessIssuer, guessTitle } from '../scripts/check-source';
import { governmentPage, wordDocument } from './fixtures/published';

const ROOT = join(import.meta.dirname, '..');

describe('what a text states about itself', () => {
  it('finds a title printed on two lines', () => {
    expect(guessTitle(['发布日期: 2023-03-01', '温州市人民政府关于全面加快', '科技创新推动工业高质量发展的若干政策意见', '各县(市、区)人民政府:'])).toBe(
      '温州市人民政府关于全面加快科技创新推动工业高质量发展的若干政策意见',
    );
  });

  it('names the city and the issuer the text names', () => {
    expect(guessCity('温州市人民政府关于全面加快科技创新')).toBe('温州');
    expect(guessIssuer('余姚市人民政府关于印发推进制造业高质量发展的若干意见的通知', [])).toBe('余姚市人民政府');
    expect(guessIssuer(null, ['各单位:', '慈溪市人民政府办公室'])).toBe('慈溪市人民政府办公室');
  });

  it('drafts a sidecar that leaves what the text does not state commented out', () => {
    const yaml = draftSidecar('content/sources/wuhan-2025-measures.official.txt', '关于测试的若干措施', '武汉', null, [
      { field: 'docNumber', value: '武政办〔2025〕1号', place: { line: 3, column: 1 }, quote: '武政办〔2025〕1号' },
    ]);
    expect(yaml).toContain('policy: wuhan-2025-measures');
    expect(yaml).toContain('title: 关于测试的若干措施');
    expect(yaml).toContain('docNumber: 武政办〔2025〕1号');
    expect(yaml).toMatch(/^# issuer:/m);
    expect(yaml).toMatch(/^# issued:/m);
  });
});

describe('npm run check-source', () => {
  it('parses a real text alone and prints its clauses, awards, non-awards and a drafted sidecar', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-source.ts'), join(ROOT, 'tests/fixtures/wild/ningbo-2017-opinions.official.txt')], {
      encoding: 'utf8',
    });
    expect(out).toContain('3 clauses (traditional script, read folded)');
    expect(out).toMatch(/award {3}5000万元 ratio 10%/);
    expect(out).toContain('not an award 1億元 (threshold)');
    expect(out).toContain('title: 寧波市人民政府關於寧波市推進“中國制造2025”試點示范城市建設的若干意見');
  });
});

describe('npm run check-source on published files', () => {
  const run = (file: string) =>
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-source.ts'), file], { encoding: 'utf8' });
  const seed = readFileSync(join(ROOT, 'content/sources/changsha-2025-measures.official.txt'), 'utf8');

  it('drafts the sidecar from a government page’s metadata table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-source-'));
    try {
      const file = join(dir, 'changsha-2025-measures.official.html');
      const meta = { 索引号: '000014349/2025-00012', 发布机构: '长沙市人民政府办公室', 文号: '长政办发〔2025〕3号', 成文日期: '2025-02-22', 发布日期: '2025-02-26', 有效性: '有效' };
      writeFileSync(file, governmentPage(seed, meta, '关于促进专精特新中小企业高质量发展的若干措施'));
      const out = run(file);
      expect(out).toContain('10 clauses (text extracted from HTML');
      expect(out).toContain('publisher: 长沙市人民政府办公室  # the page’s 发布机构');
      expect(out).toContain('docNumber: 长政办发〔2025〕3号');
      expect(out).toContain('issued: 2025-02-22  # the page’s 成文日期');
      // The placeholder sidecar check-source parses with is not reported as a conflict.
      expect(out).not.toContain('metadata-conflict');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses a Word file and refuses a corrupt one with a rule id and a hint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-source-'));
    try {
      const good = join(dir, 'changsha-2025-measures.official.docx');
      writeFileSync(good, wordDocument(seed));
      expect(run(good)).toContain('10 clauses (text extracted from DOCX');
      const bad = join(dir, 'broken.official.docx');
      writeFileSync(bad, 'not a zip');
      let output = '';
      try {
        run(bad);
      } catch (error) {
        output = String((error as { stdout?: string }).stdout);
      }
      expect(output).toMatch(/error .*\[unpack-failed\]\n {2}hint: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a drafted sidecar from a page’s labelled block', () => {
  it('takes issuer and publisher from 发文机关 and 发布机构 over guesses', () => {
    const yaml = draftSidecar('content/sources/x-2025.official.html', '关于测试的若干措施', null, '猜测的机关', [
      { field: 'issuer', value: '测试市人民政府', place: { line: 2, column: 1 }, quote: '发文机关：测试市人民政府' },
      { field: 'publisher', value: '测试市人民政府办公室', place: { line: 3, column: 1 }, quote: '发布机构：测试市人民政府办公室' },
      { field: 'issued', value: '2025-01-02', place: { line: 4, column: 1 }, quote: '成文日期：2025-01-02' },
    ]);
    expect(yaml).toContain('issuer: 测试市人民政府  # the page’s 发文机关');
    expect(yaml).toContain('publisher: 测试市人民政府办公室  # the page’s 发布机构');
    expect(yaml).toContain('issued: 2025-01-02  # the page’s 成文日期');
  });
});
