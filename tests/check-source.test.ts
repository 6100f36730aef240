import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftSidecar, guessCity, guessIssuer, guessTitle } from '../scripts/check-source';

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
