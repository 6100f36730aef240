// Metamorphic suite: the four seed policies, transformed in ways that keep their meaning
// (encodings, line endings, widths, spaces, PDF wraps, web furniture, traditional script, 亿
// forms), must give the same clause ids, awards (amount, kind, tier), departments and primary
// categories as the texts as published.
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { decode } from '../scripts/ingest/decode';
import { runIngest, type IngestInput } from '../scripts/ingest/pipeline';
import { parseForm } from '../scripts/ingest/normalise';
import { simplifiedFold } from '../scripts/ingest/script';
import { realInput, utf16, utf8 } from './fixtures/ingest-helpers';

/** GB18030 bytes of a text (iconv-lite comes with d3-dsv; the platform has no GB18030 encoder). */
function gb18030(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

const FULL_WIDTH_PUNCTUATION: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', ';': '；' };
const HALF_WIDTH_PUNCTUATION = Object.fromEntries(Object.entries(FULL_WIDTH_PUNCTUATION).map(([half, full]) => [full, half]));
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

/** Hard wraps at `width` characters, as a PDF text export makes them. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const chars = Array.from(line);
      const parts: string[] = [];
      for (let i = 0; i < chars.length; i += width) parts.push(chars.slice(i, i + width).join(''));
      return parts.join('\n');
    })
    .join('\n');
}

type Transform = { name: string; bytes: (text: string) => Uint8Array };
const text = (name: string, f: (t: string) => string): Transform => ({ name, bytes: (t) => utf8(f(t)) });

const TRANSFORMS: Transform[] = [
  text('CRLF line endings', (t) => t.replace(/\r?\n/g, '\r\n')),
  { name: 'UTF-8 with BOM', bytes: (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)]) },
  { name: 'GB18030', bytes: (t) => gb18030(t) },
  { name: 'UTF-16LE with BOM', bytes: (t) => utf16(t, 'le', true) },
  text('full-width digits everywhere', (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
  text('half- and full-width punctuation swapped', (t) => t.replace(/[(),:;（）：，；]/g, (c) => FULL_WIDTH_PUNCTUATION[c] ?? HALF_WIDTH_PUNCTUATION[c] ?? c)),
  text('trailing spaces and doubled blank lines', (t) => t.replace(/\n/g, '  \n\n')),
  text('a space between number and unit', (t) => t.replace(/(\d)(万元|亿元|元|%)/g, '$1 $2')),
  text('hard wraps at 38 characters', (t) => hardWrap(t, 38)),
  text('web-noise lines before and after', (t) => `上一篇:关于开展2025年度申报工作的通知\n${t}\n下一篇:政策解读\nCopyright © 2025 版权所有\n`),
  text('traditional script', (t) => toTraditional(t)),
  text('亿 written as 亿元 and 万元 as 亿', (t) => t.replace(/(\d+)亿(?!元)/g, '$1亿元').replace(/(\d+)0000万元/g, '$1亿元')),
];

interface Shape {
  ids: string[];
  awards: string[];
  departments: string[];
  categories: string[];
}

function shape(input: IngestInput): Shape {
  const out = runIngest(input);
  const clauses = out.result.clauses;
  return {
    ids: clauses.map((c) => c.id),
    awards: clauses.flatMap((c) => c.awards.map((a) => `${c.id} ${a.amountYuan} ${a.kind} ${a.tier}`)),
    // Names compared in the parse form of the simplified fold: the record shows them as printed.
    departments: clauses.map((c) => `${c.id} ${c.departments.map((d) => `${parseForm(simplifiedFold(d.name)).text}=${d.function}`).join('/')}`),
    categories: clauses.map((c) => `${c.id} ${c.primaryCategory}`),
  };
}

describe('the seed policies under meaning-preserving transformations', () => {
  const input = realInput();
  const original = shape(input);
  const texts = input.sources.map((s) => decode(s.path, s.bytes).source!.text);

  it('reads the seeds with awards and departments to compare', () => {
    expect(original.ids.length).toBeGreaterThan(80);
    expect(original.awards.length).toBeGreaterThan(80);
  });

  it.each(TRANSFORMS.map((t) => [t.name, t] as const))('gives the same clauses, awards, departments and categories with %s', (_name, transform) => {
    const changed = shape({ ...input, sources: input.sources.map((s, i) => ({ ...s, bytes: transform.bytes(texts[i]!) })) });
    expect(changed.ids).toEqual(original.ids);
    expect(changed.awards).toEqual(original.awards);
    expect(changed.departments).toEqual(original.departments);
    expect(changed.categories).toEqual(original.categories);
  });
});
