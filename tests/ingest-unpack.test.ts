// Sources as published: a saved government page, a Word file and a PDF made from each seed must
// yield the policy the seed's .txt yields, map every line back to where it was printed, list
// what extraction dropped, and read the page's labelled metadata block as facts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clause } from '../src/schema';
import { runIngest, type IngestOutput } from '../scripts/ingest/pipeline';
import { citedOrigin, unpack, unpackSources } from '../scripts/ingest/unpack';
import { htmlLines } from '../scripts/ingest/unpack-html';
import { SOURCES_DIR, utf8 } from './fixtures/ingest-helpers';
import { governmentPage, wordDocument, type PageMeta } from './fixtures/published';

const SEEDS = ['changsha-2025-measures.official', 'hangzhou-action-plan.draft', 'jiaxing-2022-opinions.consultancy', 'shenzhen-2022-measures.consultancy'];
const read = (name: string) => readFileSync(join(SOURCES_DIR, name));
const sidecarOf = (seed: string) => read(`${seed}.yaml`).toString('utf8');

/** Ingest one file of a seed, with the seed's own sidecar. */
async function ingestAs(seed: string, ext: string, bytes: Uint8Array, sidecar = sidecarOf(seed)): Promise<IngestOutput> {
  const sources = await unpackSources([{ path: `${seed}.${ext}`, bytes }]);
  return runIngest({ sources, sidecars: [{ path: `${seed}.yaml`, text: sidecar }], today: '2025-06-01' });
}

/** What a policy must keep whatever its format: clause ids, departments and awards. */
const essence = (clauses: readonly Clause[]) =>
  clauses.map((c) => ({
    id: c.id,
    departments: c.departments,
    awards: c.awards.map(({ amountYuan, kind, tier, recipient, ratioPercent, frequency }) => ({ amountYuan, kind, tier, recipient, ratioPercent, frequency })),
  }));

const CHANGSHA_PAGE: PageMeta = {
  索引号: '000014349/2025-00012',
  发布机构: '长沙市人民政府办公室',
  文号: '长政办发〔2025〕3号',
  成文日期: '2025-02-22',
  发布日期: '2025-02-26',
  有效性: '有效',
};
const pageOf = (seed: string, meta: Partial<PageMeta> = {}) =>
  utf8(governmentPage(read(`${seed}.txt`).toString('utf8'), { ...CHANGSHA_PAGE, ...meta }, /title: (.*)/.exec(sidecarOf(seed))![1]!));

describe('a seed as a saved web page and as a Word file', () => {
  const baseline = new Map<string, IngestOutput>();
  beforeAll(async () => {
    for (const seed of SEEDS) baseline.set(seed, await ingestAs(seed, 'txt', read(`${seed}.txt`)));
  });

  for (const seed of SEEDS) {
    it(`yields the clause ids, departments and awards of ${seed}.txt from its web page`, async () => {
      // The page's labelled block is Changsha's; other seeds get a page without 文号 and 成文日期 clashes.
      const meta = seed.startsWith('changsha') ? {} : { 文号: '', 成文日期: '', 发布机构: '' };
      const out = await ingestAs(seed, 'html', pageOf(seed, meta));
      expect(out.result.clauses.length).toBeGreaterThan(0);
      expect(essence(out.result.clauses)).toEqual(essence(baseline.get(seed)!.result.clauses));
      expect(out.messages.filter((m) => m.fatal === true).map((m) => m.reason)).toEqual([]);
    });

    it(`yields the clause ids, departments and awards of ${seed}.txt from its Word file`, async () => {
      const out = await ingestAs(seed, 'docx', wordDocument(read(`${seed}.txt`).toString('utf8')));
      expect(essence(out.result.clauses)).toEqual(essence(baseline.get(seed)!.result.clauses));
      expect(out.messages.filter((m) => m.fatal === true).map((m) => m.reason)).toEqual([]);
    });
  }

  it('keeps the original bytes as the source of record: the sha256 is the file’s, the format is named', async () => {
    const bytes = wordDocument(read('changsha-2025-measures.official.txt').toString('utf8'));
    const out = await ingestAs('changsha-2025-measures.official', 'docx', bytes);
    const source = out.result.policies[0]!.sources[0]!;
    const { createHash } = await import('node:crypto');
    expect(source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(source.format).toBe('docx');
    expect(out.sourceTexts[0]!.origins.length).toBe(source.lineCount);
  });

  it('maps each Word line to its paragraph and cites a clause by its paragraphs', async () => {
    const out = await ingestAs('changsha-2025-measures.official', 'docx', wordDocument(read('changsha-2025-measures.official.txt').toString('utf8')));
    expect(out.sourceTexts[0]!.origins.slice(0, 3)).toEqual(['¶ 1', '¶ 2', '¶ 3']);
    const first = out.result.clauses[0]!;
    expect(first.source.origin).toMatch(/^¶ \d+(–\d+)?$/);
  });
});

describe('a web page saved in GB18030', () => {
  it('is decoded like a text before its markup is parsed', async () => {
    const body = readFileSync(join(import.meta.dirname, 'fixtures', 'ingest', 'gb18030-policy.txt'));
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="gb2312"></head><body><div id="zoom"><p>'), body, Buffer.from('</p></div></body></html>')]);
    const unpacked = (await unpack('x.html', new Uint8Array(page)))!;
    expect(unpacked.messages).toEqual([]);
    expect(unpacked.text).toContain('一、支持企业发展。给予50万元奖励。');
  });
});

describe('the line reader shared by web pages and Word files', () => {
  it('makes a line of each block and of each <br>, and lists images under the caller’s rule', () => {
    const out = htmlLines('<p>一、甲<br>乙</p><table><tr><td>序号</td><td>项目</td></tr></table><p><img alt="图1"></p>', { imageRule: 'docx-image' }, 'docx');
    expect(out.text).toBe('一、甲\n乙\n序号\n项目\n');
    expect(out.dropped.map((d) => [d.rule, d.text])).toEqual([['docx-image', '<img alt="图1">']]);
  });

  it('leaves out what the page never shows, and lists it', () => {
    const out = htmlLines('<p>一、甲。</p><div style="display: none">隐藏的关键词</div><p hidden>藏</p><span style="visibility:hidden">也藏</span><p style="color:red">二、乙。</p>', {});
    expect(out.text).toBe('一、甲。\n二、乙。\n');
    expect(out.dropped.map((d) => [d.rule, d.text])).toEqual([['html-hidden', '隐藏的关键词'], ['html-hidden', '藏'], ['html-hidden', '也藏']]);
  });
});

describe('hostile markup in a saved page', () => {
  it('never reaches the text: scripts, frames, handlers and javascript: links are dropped and listed', async () => {
    const html = governmentPage(read('changsha-2025-measures.official.txt').toString('utf8'), CHANGSHA_PAGE, '关于促进专精特新中小企业高质量发展的若干措施');
    const unpacked = (await unpack('x.html', utf8(html)))!;
    for (const bad of ['<', 'javascript:', 'evil.example.com', '注入的段落', 'steal()', 'alert(1)', 'tracker.js', '请启用脚本']) {
      expect(unpacked.text).not.toContain(bad);
    }
    const byRule = (rule: string) => unpacked.dropped.filter((d) => d.rule === rule).map((d) => d.text);
    expect(byRule('html-script')).toEqual(expect.arrayContaining(['href="javascript:alert(1)"', 'onclick="steal()"', "document.write('<p>注入的段落</p>')"]));
    expect(byRule('html-embed')).toEqual(['<iframe src="https://evil.example.com/frame">']);
    expect(byRule('html-image')).toEqual(['<img alt="印章" src="/images/seal.png">']);
    expect(byRule('html-navigation').join(' ')).toContain('ICP备');
  });

  it('lists what extraction dropped in the accounting, apart from the characters of the text', async () => {
    const out = await ingestAs('changsha-2025-measures.official', 'html', pageOf('changsha-2025-measures.official'));
    const accounting = out.result.accounting[0]!;
    expect(accounting.unaccounted).toBe(0);
    expect(Object.keys(accounting.droppedChars ?? {})).toEqual(['html-comment', 'html-embed', 'html-head', 'html-image', 'html-navigation', 'html-script']);
    const dropped = out.removed.filter((r) => r.origin !== undefined);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((d) => /^HTML \d+:\d+$/.test(d.origin!))).toBe(true);
  });
});

describe('the labelled metadata block of a government page', () => {
  it('states the 文号, 成文日期 and 发布机构 the sidecar has, so nothing conflicts', async () => {
    const out = await ingestAs('changsha-2025-measures.official', 'html', pageOf('changsha-2025-measures.official'));
    const facts = out.stated[0]!.facts;
    expect(facts.filter((f) => f.quote.includes('：')).map((f) => [f.field, f.value])).toEqual([
      ['publisher', '长沙市人民政府办公室'],
      ['docNumber', '长政办发〔2025〕3号'],
      ['issued', '2025-02-22'],
    ]);
    expect(out.messages.filter((m) => m.ruleId === 'metadata-conflict')).toEqual([]);
  });

  it('warns when the page says the document lapsed but the sidecar gives no end date', async () => {
    const sidecar = sidecarOf('changsha-2025-measures.official').replace(/^expires:.*\n/m, '');
    const lapsed = await ingestAs('changsha-2025-measures.official', 'html', pageOf('changsha-2025-measures.official', { 有效性: '失效' }), sidecar);
    expect(lapsed.messages.filter((m) => m.ruleId === 'page-says-lapsed')).toHaveLength(1);
    const inForce = await ingestAs('changsha-2025-measures.official', 'html', pageOf('changsha-2025-measures.official'), sidecar);
    expect(inForce.messages.filter((m) => m.ruleId === 'page-says-lapsed')).toEqual([]);
  });

  it('cross-checks the page against the sidecar: a wrong 文号 is an error at the page’s line, with its HTML place', async () => {
    const out = await ingestAs('changsha-2025-measures.official', 'html', pageOf('changsha-2025-measures.official', { 文号: '长政办发〔2025〕9号' }));
    const conflict = out.messages.find((m) => m.ruleId === 'metadata-conflict');
    expect(conflict?.fatal).toBe(true);
    expect(conflict?.reason).toContain('长政办发〔2025〕9号');
    expect(conflict?.reason).toMatch(/\(HTML \d+:\d+ [^)]*td\)$/);
  });

});

describe('citations of extracted lines', () => {
  it('names pages for a PDF and paragraphs for a Word file, nothing for a web page', () => {
    expect(citedOrigin('pdf', ['p. 2, l. 3–9', 'pp. 2–3 (p. 2, l. 25 – p. 3, l. 6)'], 1, 2)).toBe('pp. 2–3');
    expect(citedOrigin('pdf', ['p. 4, l. 1'], 1, 1)).toBe('p. 4');
    expect(citedOrigin('docx', ['¶ 7', '¶ 9'], 1, 2)).toBe('¶ 7–9');
    expect(citedOrigin('html', ['HTML 3:1 div > p'], 1, 1)).toBeNull();
  });
});

describe('files that cannot be read', () => {
  it('refuses a corrupt Word file with a rule id and a hint', async () => {
    const out = await ingestAs('changsha-2025-measures.official', 'docx', utf8('not a zip'));
    const m = out.messages.find((x) => x.ruleId === 'unpack-failed');
    expect(m?.fatal).toBe(true);
    expect(out.result.clauses).toEqual([]);
  });

  it('refuses a page with nothing but scripts and navigation, saying no text was found', async () => {
    const out = await unpack('x.html', utf8('<html><body><nav>首页</nav><script>x()</script></body></html>'));
    const m = out!.messages.find((x) => x.ruleId === 'unpack-no-text');
    expect(m?.fatal).toBe(true);
    expect(m?.reason).toContain('2 non-text pieces dropped');
  });

  it('refuses a .txt beside a .pdf of the same name: one source per sidecar', async () => {
    const txt = read('changsha-2025-measures.official.txt');
    const sources = await unpackSources([
      { path: 'changsha-2025-measures.official.txt', bytes: new Uint8Array(txt) },
      { path: 'changsha-2025-measures.official.docx', bytes: wordDocument(txt.toString('utf8')) },
    ]);
    const out = runIngest({ sources, sidecars: [{ path: 'changsha-2025-measures.official.yaml', text: sidecarOf('changsha-2025-measures.official') }] });
    expect(out.messages.map((m) => m.ruleId)).toContain('source-twins');
  });
});
