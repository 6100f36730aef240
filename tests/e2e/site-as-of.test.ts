// The atlas as of a date in the built site (run `npm run build` first): static pages per day with
// statuses recomputed, and /expiring/ with the build day shown.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, distDir } from './serve-dist';

const dist = distDir();
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '');
beforeAll(() => assertDistBuilt(dist));

describe('the atlas as of a date', () => {
  it('builds every offered day as a policy list, a compare matrix, a tier ladder and each category’s columns and award levels, each naming the day and the build day', () => {
    const built = /构建于 (\d{4}-\d{2}-\d{2})/.exec(page(''))![1]!;
    const days = readdirSync(join(dist, 'as-of'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(days).toContain(built);
    expect(days).toContain(`${built.slice(0, 4)}-01-01`);
    for (const day of days) {
      for (const view of ['', 'compare', 'benchmark', 'compare/talent', 'benchmark/talent']) {
        expect(text(page(join('as-of', day, view))), `${day} ${view}`).toContain(`本页按 ${day} 计算各政策的状态`);
      }
    }
  });

  it('shows Changsha not yet in force on the day it was issued and expired the day after its last day', () => {
    expect(existsSync(join(dist, 'as-of', '2025-02-22'))).toBe(true);
    const before = text(page('as-of/2025-02-22/benchmark'));
    expect(before).toContain('长沙（尚未施行');
    expect(before).not.toContain('长沙（现行有效');
    // The category columns badge each policy for the day too, not for the build day.
    const columns = text(page('as-of/2025-02-22/compare/talent'));
    expect(columns).toContain('尚未施行');
    expect(columns).not.toContain('现行有效');
    expect(text(page('as-of/2025-03-01'))).toMatch(/长沙关于促进专精特新中小企业高质量发展的若干措施2025年3月1日2028年2月29日现行有效/);
    expect(text(page('as-of/2028-03-01'))).toMatch(/2028年2月29日已失效/);
  });

  it('lists on /expiring/ what ends within 12 months of the build day and what has ended, naming the build day', () => {
    const html = text(page('expiring'));
    const built = /构建于 (\d{4}-\d{2}-\d{2})/.exec(html)![1]!;
    expect(html).toContain(`按构建日 ${built}`);
    const changshaEnds = '2028-02-29';
    const section = built > changshaEnds ? '已失效' : built >= '2027-02-29' ? '12 个月内到期' : '未写明失效日期';
    if (section !== '未写明失效日期') expect(html).toMatch(new RegExp(`${section}（1）长沙`));
    else expect(html).toMatch(/12 个月内到期（0）[\s\S]*已失效（0）/);
  });
});
