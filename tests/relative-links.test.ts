import { describe, expect, it } from 'vitest';
import { relativizeHtml } from '../scripts/relative-links';

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

  it('links the home page from the home page to index.html', () => {
    expect(relativizeHtml('<a href="/">home</a>', 'index.html')).toBe('<a href="index.html">home</a>');
  });
});
