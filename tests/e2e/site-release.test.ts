// The release on the built site (run `npm run build` first): every page footer, every download
// and the citations name the data version and the build day; the changelog is a page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReleaseSchema } from '../../src/schema';
import { assertDistBuilt, distDir } from './serve-dist';
import { htmlFiles } from './site-pages';

const dist = distDir();
beforeAll(() => assertDistBuilt(dist));

describe('the release', () => {
  const published = JSON.parse(readFileSync(join(dist, 'data', 'release.json'), 'utf8')) as { dataVersion: string; built: string };

  it('publishes data/release.json with the version and the inputs it was made from', () => {
    expect(ReleaseSchema.safeParse(published).success).toBe(true);
    expect(published.built).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names the data version and build day in every page footer', () => {
    for (const file of htmlFiles(dist)) {
      if (file.startsWith('pagefind/')) continue;
      const html = readFileSync(join(dist, file), 'utf8');
      expect(html, file).toContain(`数据版本 <code>${published.dataVersion}</code> · 构建于 ${published.built}`);
    }
  });

  it('stamps every CSV row with the data version', () => {
    for (const name of ['clauses', 'awards', 'targets', 'policies']) {
      const [header, ...rows] = readFileSync(join(dist, 'data', `${name}.csv`), 'utf8').trim().split('\n');
      expect(header, name).toMatch(/,dataVersion,built$/);
      expect(rows.length, name).toBeGreaterThan(0);
      // Quoted cells may hold line breaks; every record still ends with the version and the day.
      expect(rows.filter((r) => r.endsWith(`,${published.dataVersion},${published.built}`)).length, name).toBeGreaterThan(0);
    }
  });

  it('renders the data changelog as a page linked from the footer', () => {
    const page = readFileSync(join(dist, 'changelog', 'index.html'), 'utf8');
    expect(page).toContain('数据更新记录');
    expect(page).toContain(published.dataVersion);
  });
});
