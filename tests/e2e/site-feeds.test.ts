// The Atom feeds of the built site (run `npm run build` first), checked in Chromium's XML parser
// against RFC 4287: well-formed, the elements a feed and an entry must have, unique absolute
// ids, RFC 3339 dates, and no link that leaves the site.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/tools/chromium';
import { assertDistBuilt, distDir } from './serve-dist';

const dist = distDir();
let browser: Browser;

beforeAll(async () => {
  assertDistBuilt(dist);
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const feeds = () =>
  readdirSync(join(dist, 'feeds'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.xml'))
    .sort();

/** Problems of one Atom document, found in the page (runs in Chromium). */
function atomProblems(text: string): string[] {
  const NS = 'http://www.w3.org/2005/Atom';
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return ['not well-formed XML'];
  const problems: string[] = [];
  const root = doc.documentElement;
  if (root.namespaceURI !== NS || root.localName !== 'feed') problems.push('root is not atom:feed');
  const kids = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === NS && c.localName === name);
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  const ids = new Set<string>();
  const check = (el: Element, where: string) => {
    for (const name of ['id', 'title', 'updated']) if (kids(el, name).length !== 1) problems.push(`${where}: needs exactly one atom:${name}`);
    const id = kids(el, 'id')[0]?.textContent ?? '';
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) problems.push(`${where}: id \`${id}\` is not an absolute IRI`);
    if (ids.has(id)) problems.push(`${where}: id \`${id}\` repeats`);
    ids.add(id);
    const updated = kids(el, 'updated')[0]?.textContent ?? '';
    if (!rfc3339.test(updated)) problems.push(`${where}: updated \`${updated}\` is not RFC 3339`);
    for (const link of kids(el, 'link')) if (/^([a-z]+:)?\/\//i.test(link.getAttribute('href') ?? '')) problems.push(`${where}: link leaves the site`);
  };
  check(root, 'feed');
  const entries = kids(root, 'entry');
  if (kids(root, 'author').length === 0 && entries.some((e) => kids(e, 'author').length === 0)) problems.push('feed: no atom:author');
  entries.forEach((e, i) => {
    check(e, `entry ${i + 1}`);
    if (kids(e, 'content').length === 0 && !kids(e, 'link').some((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')) problems.push(`entry ${i + 1}: needs content or an alternate link`);
    if (kids(e, 'summary').length > 1) problems.push(`entry ${i + 1}: more than one summary`);
  });
  return problems;
}

describe('the Atom feeds', () => {
  it('has a feed for the atlas, each city and each category', () => {
    const names = feeds();
    expect(names).toContain('atlas.xml');
    expect(names.filter((n) => n.startsWith('city/'))).toEqual(['city/changsha.xml', 'city/hangzhou.xml', 'city/jiaxing.xml', 'city/shenzhen.xml']);
    expect(names.filter((n) => n.startsWith('category/')).length).toBeGreaterThan(5);
  });

  it('is well-formed Atom with the required elements, unique ids and RFC 3339 dates, in every file', async () => {
    const page = await browser.newPage();
    try {
      for (const name of feeds()) {
        const problems = await page.evaluate(atomProblems, readFileSync(join(dist, 'feeds', name), 'utf8'));
        expect(problems, name).toEqual([]);
      }
      // The checker itself catches a broken feed.
      expect(await page.evaluate(atomProblems, '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')).toContain('feed: needs exactly one atom:id');
      expect(await page.evaluate(atomProblems, '<feed><entry></feed>')).toEqual(['not well-formed XML']);
    } finally {
      await page.close();
    }
  });

  it('gives the atlas feed an entry per policy and per changelog section', () => {
    const text = readFileSync(join(dist, 'feeds', 'atlas.xml'), 'utf8');
    const policies = readdirSync(join(dist, 'policy')).length;
    expect((text.match(/<id>tag:[^<]*:policy\//g) ?? []).length).toBe(policies);
    expect((text.match(/<id>tag:[^<]*:changelog\//g) ?? []).length).toBeGreaterThan(0);
  });
});
