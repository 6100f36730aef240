// PDFs printed by headless Chromium from the seeds (page breaks, a running header, `— n —` page
// numbers): the extracted text must yield the policy the seed's .txt yields, map lines to pages,
// and drop the page furniture by rule; scans, two-column and rotated pages are refused by page.
// Needs Chromium (like the other browser tests), not the built site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clause } from '../../src/schema';
import { runIngest, type IngestOutput } from '../../scripts/ingest/pipeline';
import { foldGlyphs } from '../../scripts/ingest/unpack-pdf';
import { unpack, unpackSources } from '../../scripts/ingest/unpack';
import { SOURCES_DIR } from '../fixtures/ingest-helpers';
import { cidFontPdf, paragraphs, printedPdf, printPdf, rotatedBody, scannedBody, stampedBody, tableBody, textThenScanBody, twoColumnBody } from '../fixtures/published';

const read = (name: string) => readFileSync(join(SOURCES_DIR, name));

async function ingestAs(seed: string, path: string, bytes: Uint8Array): Promise<IngestOutput> {
  const sources = await unpackSources([{ path, bytes }]);
  return runIngest({ sources, sidecars: [{ path: `${seed}.yaml`, text: read(`${seed}.yaml`).toString('utf8') }], today: '2025-06-01' });
}

const essence = (clauses: readonly Clause[]) =>
  clauses.map((c) => ({ id: c.id, departments: c.departments, awards: c.awards.map(({ amountYuan, kind, tier, recipient, ratioPercent, quote }) => ({ amountYuan, kind, tier, recipient, ratioPercent, quote })) }));

describe.each(['changsha-2025-measures.official', 'jiaxing-2022-opinions.consultancy'])('%s printed to PDF', (seed) => {
  let pdf: IngestOutput;
  let txt: IngestOutput;
  beforeAll(async () => {
    const text = read(`${seed}.txt`).toString('utf8');
    pdf = await ingestAs(seed, `${seed}.pdf`, await printedPdf(text, '测试市人民政府办公室文件'));
    txt = await ingestAs(seed, `${seed}.txt`, new Uint8Array(read(`${seed}.txt`)));
  }, 60_000);

  it('yields the clause ids, departments and awards (with their quotes) of the .txt', () => {
    expect(pdf.result.clauses.length).toBeGreaterThan(0);
    expect(essence(pdf.result.clauses)).toEqual(essence(txt.result.clauses));
    expect(pdf.messages.filter((m) => m.fatal === true).map((m) => m.reason)).toEqual([]);
  });

  it('drops the running header and the page numbers of every page by rule, and lists them by page', () => {
    const dropped = pdf.removed.filter((r) => r.origin !== undefined);
    const pages = pdf.result.policies[0]!.sources[0]!;
    expect(pages.format).toBe('pdf');
    const headers = dropped.filter((d) => d.rule === 'running-header');
    const numbers = dropped.filter((d) => d.rule === 'page-number');
    expect(headers.length).toBeGreaterThanOrEqual(2);
    expect(numbers.map((d) => d.text)).toEqual(numbers.map((_, i) => `— ${i + 1} —`));
    expect(headers.every((d) => d.text === '测试市人民政府办公室文件')).toBe(true);
    expect(numbers.map((d) => /^p\. (\d+)/.exec(d.origin!)![1])).toEqual(numbers.map((_, i) => String(i + 1)));
  });

  it('joins a paragraph that runs across a page break and cites clauses by page', () => {
    const origins = pdf.sourceTexts[0]!.origins;
    expect(origins.length).toBe(pdf.result.policies[0]!.sources[0]!.lineCount);
    expect(origins.every((o) => /^pp?\. \d+/.test(o))).toBe(true);
    for (const clause of pdf.result.clauses) expect(clause.source.origin).toMatch(/^pp?\. \d+(–\d+)?$/);
    // The forced page break falls inside the text: some line comes from two pages, or a page starts a paragraph.
    const pagesSeen = new Set(origins.map((o) => /^pp?\. (\d+)/.exec(o)![1]));
    expect(pagesSeen.size).toBeGreaterThanOrEqual(2);
  });

  it('extracts the text the .txt holds, every paragraph on one line', () => {
    const text = pdf.sourceTexts[0]!.lines.filter((l) => l !== '');
    // Chromium's print drops nothing but whitespace; the seed's paragraphs come back whole.
    expect(text.map((l) => l.replace(/\s+/g, ''))).toEqual(paragraphs(read(`${seed}.txt`).toString('utf8')).map((p) => p.replace(/\s+/g, '')));
  });
});

describe('PDFs that cannot be read right', () => {
  const seedText = () => read('changsha-2025-measures.reprint.txt').toString('utf8').split('\n').slice(0, 8).join('\n');

  it('refuses a scan without a text layer and says OCR is out of scope', async () => {
    const out = await unpack('scan.pdf', await printPdf(scannedBody()));
    const m = out!.messages.find((x) => x.ruleId === 'pdf-no-text-layer');
    expect(m?.fatal).toBe(true);
    expect(String(m && 'hint' in m ? m.hint : '')).toContain('OCR is out of scope');
    expect(out!.text).toBe('');
  }, 30_000);

  it('refuses a scanned page among text pages, by page', async () => {
    // A running header on both pages: the scanned page still has that much text.
    const header = `<div style="font-size:10pt;width:100%;text-align:center">测试市人民政府办公室文件</div>`;
    const out = await unpack('mixed.pdf', await printPdf(textThenScanBody(seedText().split('\n').slice(0, 2).join('\n')), { headerTemplate: header }));
    const m = out!.messages.find((x) => x.ruleId === 'pdf-page-without-text');
    expect(m?.fatal).toBe(true);
    expect(m?.reason).toMatch(/^Page 2 /);
  }, 30_000);

  it('reports a page set in two columns instead of reading across them', async () => {
    const out = await unpack('columns.pdf', await printPdf(twoColumnBody(seedText())));
    const m = out!.messages.find((x) => x.ruleId === 'pdf-two-columns');
    expect(m?.fatal).toBe(true);
    expect(m?.reason).toMatch(/^Page 1 /);
  }, 30_000);

  it('reads a table one cell per line, row after row, and does not take it for two columns', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => [String(i + 1), `项目${i + 1}`, `对首次认定的企业给予一次性${(i + 1) * 10}万元奖励`, '市经信局']);
    const out = await unpack('table.pdf', await printPdf(tableBody(rows)));
    expect(out!.messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(out!.text.split('\n').filter((l) => l !== '')).toEqual(rows.flat());
    expect(out!.origins.slice(0, 5)).toEqual(['p. 1, l. 1', 'p. 1, l. 1', 'p. 1, l. 1', 'p. 1, l. 1', 'p. 1, l. 2']);
  }, 30_000);

  it('drops a small stamp printed at an angle over the text, and lists it', async () => {
    const out = await unpack('stamp.pdf', await printPdf(stampedBody(seedText())));
    expect(out!.messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(out!.text).not.toContain('测试印章专用');
    expect(out!.dropped.filter((d) => d.rule === 'rotated-text').map((d) => [d.text, d.origin])).toEqual([['测试印章专用', 'p. 1']]);
  }, 30_000);

  it('reports a page whose text is rotated', async () => {
    const out = await unpack('rotated.pdf', await printPdf(rotatedBody(seedText())));
    const m = out!.messages.find((x) => x.ruleId === 'pdf-rotated-text');
    expect(m?.fatal).toBe(true);
  }, 30_000);

  it('refuses a file that is not a PDF with a hint', async () => {
    const out = await unpack('broken.pdf', new TextEncoder().encode('%PDF-1.7 truncated'));
    expect(out!.messages[0]!.ruleId).toBe('unpack-failed');
    expect(out!.messages[0]!.fatal).toBe(true);
  });
});

describe('Chinese fonts without a Unicode map', () => {
  // GB18030 bytes of a short policy: the codes a GBK-EUC-H font draws.
  const gbLines = () => {
    const bytes = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ingest', 'gb18030-policy.txt'));
    const lines: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        if (i > start) lines.push(new Uint8Array(bytes.subarray(start, i)));
        start = i + 1;
      }
    }
    return lines;
  };

  it('reads text in a non-embedded GBK-EUC-H font through Adobe’s CMaps, offline', async () => {
    const out = await unpack('gbk.pdf', cidFontPdf(gbLines()));
    const expected = new TextDecoder('gb18030').decode(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ingest', 'gb18030-policy.txt')));
    expect(out!.messages.filter((m) => m.fatal === true)).toEqual([]);
    // Equal lines drawn at one indent run together by the page geometry: compare the characters.
    expect(out!.text.replace(/\s+/g, '')).toBe(expected.replace(/\s+/g, ''));
  });

  it('refuses a font no CMap can name instead of extracting nothing or garbage', async () => {
    const out = await unpack('identity.pdf', cidFontPdf(gbLines(), 'Identity'));
    expect(out!.messages.map((m) => m.ruleId)).toContain('pdf-unmapped-font');
    expect(out!.messages.find((m) => m.ruleId === 'pdf-unmapped-font')?.fatal).toBe(true);
  });
});

describe('glyphs PDF fonts name by the wrong code point', () => {
  it('reads Kangxi radicals, the supplement’s forms, U+2015 and shared glyphs as the characters shown', () => {
    expect(foldGlyphs('⼈⺠⻓办公室―\u2329⼾\u232a')).toEqual({ text: '人民长办公室—〈户〉', count: 7 });
    expect(foldGlyphs('普通文本')).toEqual({ text: '普通文本', count: 0 });
  });
});
