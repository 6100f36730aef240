import { describe, expect, it } from 'vitest';
import { posix } from 'node:path';
import fc from 'fast-check';
import { normaliseBase, pagePathOf, relativePath, relativizeHtml, withPrintUrls } from '../src/lib/relative-links';

describe('relativizeHtml', () => {
  it('points a directory link from a nested page at the index.html relative to it', () => {
    const html = '<a href="/compare/talent/">人才</a>';
    expect(relativizeHtml(html, 'clause/changsha-2025-measures/6/index.html')).toBe(
      '<a href="../../../compare/talent/index.html">人才</a>',
    );
  });

  it('keeps query strings and fragments', () => {
    const html = '<a href="/policy/hangzhou-action-plan/?x=1#c-2.1.2">x</a>';
    expect(relativizeHtml(html, 'index.html')).toBe('<a href="policy/hangzhou-action-plan/index.html?x=1#c-2.1.2">x</a>');
  });

  it('rewrites assets and form actions but leaves external and protocol-relative URLs alone', () => {
    const html =
      '<link href="/_astro/a.css"><form action="/search/"></form><a href="https://example.org/">e</a><img src="//cdn.example/x.png">';
    expect(relativizeHtml(html, 'data/index.html')).toBe(
      '<link href="../_astro/a.css"><form action="../search/index.html"></form><a href="https://example.org/">e</a><img src="//cdn.example/x.png">',
    );
  });

  it('strips a base path before making the link relative', () => {
    const html = '<a href="/atlas/benchmark/">b</a><a href="/other/">o</a>';
    expect(relativizeHtml(html, 'policy/x/index.html', '/atlas/')).toBe(
      '<a href="../../benchmark/index.html">b</a><a href="/other/">o</a>',
    );
  });

  it('keeps the site address of page links inside <main> for print, and of no other link', () => {
    const html = '<nav><a href="/compare/">c</a></nav><main><a class="x" href="/clause/a/1/#c">1</a><a href="/policy/p/">p</a><a href="/data/a.csv">csv</a><a href="#top">t</a><svg><a href="/clause/b/2/">m</a></svg></main>';
    expect(withPrintUrls(html)).toBe(
      '<nav><a href="/compare/">c</a></nav><main><a class="x" href="/clause/a/1/#c" data-print-url="/clause/a/1/#c">1</a><a href="/policy/p/" data-print-url="/policy/p/">p</a><a href="/data/a.csv">csv</a><a href="#top">t</a><svg><a href="/clause/b/2/">m</a></svg></main>',
    );
    expect(relativizeHtml(html, 'index.html')).toContain('<a class="x" href="clause/a/1/index.html#c" data-print-url="/clause/a/1/#c">1</a>');
  });

  it('links the home page from the home page to index.html', () => {
    expect(relativizeHtml('<a href="/">home</a>', 'index.html')).toBe('<a href="index.html">home</a>');
  });
});

describe('pagePathOf', () => {
  it('names the file Astro writes for a page URL, as the links of that page are resolved from it', () => {
    expect(pagePathOf('/')).toBe('index.html');
    expect(pagePathOf('/clause/changsha-2025-measures/6/')).toBe('clause/changsha-2025-measures/6/index.html');
    expect(pagePathOf('/404/')).toBe('404.html');
    expect(pagePathOf('/atlas/compare/talent/', '/atlas/')).toBe('compare/talent/index.html');
    expect(pagePathOf('/atlas/', '/atlas/')).toBe('index.html');
  });

  it('gives a clause page the same links as its path in dist would', () => {
    const html = '<a href="/atlas/compare/talent/">人才</a>';
    expect(relativizeHtml(html, pagePathOf('/atlas/clause/x/6/', '/atlas/'), '/atlas/')).toBe('<a href="../../../compare/talent/index.html">人才</a>');
  });

  it('normalises a base path without its trailing slash', () => {
    expect(normaliseBase('/atlas')).toBe('/atlas/');
    expect(normaliseBase('/')).toBe('/');
  });
});

describe('relativePath', () => {
  it('agrees with posix.relative for any two site paths', () => {
    const segment = fc.constantFrom('a', 'b', 'clause', 'index.html', '2.1', '.', '..', '', 'x y');
    const path = fc.array(segment, { maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(path, path, (from, to) => {
        expect(relativePath(from, to)).toBe(posix.relative(from, to));
      }),
      { numRuns: 2000 },
    );
  });
});
