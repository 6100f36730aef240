// Status on every figure of the built site (run `npm run build` first): chart rows, matrix
// cells and compare columns say in words whether the policy is in force, and the “in force
// only” pages are static and say what they hide.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, distDir } from './serve-dist';

const dist = distDir();
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const STATUS = /现行有效|征求意见稿|已失效|状态未知|尚未施行/;
beforeAll(() => assertDistBuilt(dist));

const words = (svg: string) => svg.replace(/<[^>]+>/g, '');

/**
 * Each chart row of every SVG on a page: its label and the status in words. The wide layout
 * prints the status in a column of its own beside the label; the narrow one after the label,
 * in brackets (`长沙（现行有效 · 正式公文）`).
 */
function chartRows(html: string): { layout: string; label: string; status: string }[] {
  const rows: { layout: string; label: string; status: string }[] = [];
  for (const svg of html.matchAll(/<svg[^>]*class="chart-svg chart-(wide|narrow)"[^>]*>([\s\S]*?)<\/svg>/g)) {
    const layout = svg[1]!;
    for (const m of svg[2]!.matchAll(/<text[^>]*class="row-label"[^>]*>([\s\S]*?)<\/text>(?:<text class="row-status"[^>]*><tspan[^>]*>([^<]*)<\/tspan>)?/g)) {
      const label = words(m[1]!);
      if (layout === 'wide') rows.push({ layout, label, status: m[2] ?? '' });
      else rows.push({ layout, label: label.replace(/（[^（）]*）$/, ''), status: /（([^（）]*) · [^（）]*）$/.exec(label)?.[1] ?? '' });
    }
  }
  return rows;
}

describe('status on every figure', () => {
  it('prints the status beside every row of the home chart, and only Changsha\'s little-giant figure is in force', () => {
    const rows = chartRows(page(''));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.status, `${r.layout}: ${r.label}`).toMatch(STATUS);
    for (const layout of ['wide', 'narrow']) {
      expect(rows.filter((r) => r.layout === layout && r.status === '现行有效').map((r) => r.label), layout).toEqual(['长沙']);
    }
  });

  it('prints the status beside every row of every tier ladder', () => {
    const rows = chartRows(page('benchmark'));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.status, `${r.layout}: ${r.label}`).toMatch(STATUS);
  });

  it('states a status in every matrix cell that has clauses', () => {
    const html = page('compare');
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/gs)].map((m) => m[1]!).filter((c) => c.includes('class="count"'));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toMatch(/class="cell-status[^"]*">[^<]*(现行有效|征求意见稿|已失效|状态未知|尚未施行)/);
  });

  it('offers static in-force-only pages that say how many awards they hide', () => {
    for (const [all, inForce] of [['benchmark', 'benchmark/in-force'], ['compare', 'compare/in-force'], ['benchmark/finance', 'benchmark/finance/in-force'], ['compare/finance', 'compare/finance/in-force']] as const) {
      expect(page(all)).toMatch(/href="[^"]*in-force\/(index\.html)?"/);
      const html = page(inForce);
      const hidden = /隐藏了 (\d+) 项奖补/.exec(html);
      expect(hidden, inForce).not.toBeNull();
      expect(Number(hidden![1])).toBeGreaterThan(0);
      expect(chartRows(html).filter((r) => /征求意见稿|状态未知/.test(r.status)), inForce).toEqual([]);
    }
  });
});
