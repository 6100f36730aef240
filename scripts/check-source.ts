// `npm run check-source -- <file>`: a contributor's first look at a new text (.txt, or a PDF,
// saved web page or Word file, whose text is extracted first), no sidecar needed. Parses the text alone and prints the clauses as numbered, the awards, the sums that
// are not awards (and why), the sums the parser did not understand, the diagnostics, and a
// sidecar drafted from what the text states (and what a government page's labelled block says:
// 文号, 成文日期, 发文机关, 发布机构), to review and save beside the text.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { wan } from '../src/lib/format';
import type { Clause } from '../src/schema';
import { auditAmounts } from './ingest/amount-audit';
import { lineRules } from './ingest/boilerplate';
import { decode } from './ingest/decode';
import { formatMessage } from './ingest/diagnostics';
import type { TextFact } from './ingest/metadata';
import { matchMarker } from './ingest/numbering';
import { runIngest } from './ingest/pipeline';
import { unpack } from './ingest/unpack';
import { foldScript } from './ingest/script';

const TITLE_WORDS = /(?:意见|办法|措施|方案|计划|通知|规定|细则|政策|决定|若干条|条例)$/;

/** The printed title: the first line before the clauses that ends like a title (joined with a wrapped next line). */
export function guessTitle(lineTexts: readonly string[]): string | null {
  for (let i = 0; i < lineTexts.length; i++) {
    const text = lineTexts[i]!.trim();
    if (text.length < 6 || text.length > 80 || /[。；;，,:：]/.test(text)) continue;
    if (TITLE_WORDS.test(text)) return text;
    const next = lineTexts[i + 1]?.trim() ?? '';
    if (/关于/.test(text) && TITLE_WORDS.test(next) && !/[。；;，,]/.test(next)) return text + next;
  }
  return null;
}

/** The city the text is from, when it names its own government (`温州市人民政府…`). */
export function guessCity(text: string): string | null {
  return /([\u4e00-\u9fff]{2,3}?)[市县](?:人民政府|政府办公室|经济和信息化局)/.exec(text)?.[1] ?? null;
}

/** The issuing body as printed: `X人民政府` in the title, else a signature line. */
export function guessIssuer(title: string | null, lineTexts: readonly string[]): string | null {
  const inTitle = title ? /^([\u4e00-\u9fff]{2,16}?(?:人民政府办公厅|人民政府办公室|人民政府))关于/.exec(title)?.[1] : undefined;
  if (inTitle) return inTitle;
  return lineTexts.map((t) => t.trim()).find((t) => /^[\u4e00-\u9fff]{2,16}(?:人民政府办公厅|人民政府办公室|人民政府)$/.test(t)) ?? null;
}

function fact(facts: readonly TextFact[], field: TextFact['field']): TextFact | undefined {
  return facts.find((f) => f.field === field);
}

/** The sidecar as YAML, every guessed line marked for review. */
export function draftSidecar(file: string, title: string | null, city: string | null, guessedIssuer: string | null, facts: readonly TextFact[]): string {
  const name = basename(file).replace(/\.[^.]+$/, '');
  const [policy = name, kind = ''] = name.split('.');
  const sourceKind = { official: 'official-document', reprint: 'official-reprint', consultancy: 'consultancy-article', draft: 'draft-for-comment' }[kind] ?? 'official-document';
  const line = (key: string, value: string | null | undefined, why: string) =>
    value ? `${key}: ${/[:#{}[\],&*?|<>=!%@`'"]/.test(value) ? JSON.stringify(value) : value}  # ${why}` : `# ${key}:  # not stated in the text; add it if you know it, never guess`;
  const stated = (field: TextFact['field']) => {
    const f = fact(facts, field);
    return f ? String(f.value) : null;
  };
  const draft = fact(facts, 'draft')?.value === true;
  // A page's 发文机关 is the issuer as printed; without it, the issuer the title or signature names.
  const issuer = stated('issuer') ?? guessedIssuer;
  const publisher = stated('publisher');
  return [
    `# Drafted by check-source from what ${basename(file)} states. Review every line, then save as ${name}.yaml.`,
    `policy: ${policy}`,
    'primary: true',
    `sourceKind: ${draft ? 'draft-for-comment' : sourceKind}  # official-document | official-reprint | consultancy-article | draft-for-comment`,
    publisher ? line('publisher', publisher, 'the page’s 发布机构') : '# publisher:  # who published this rendition (the site or office you took it from)',
    city ? `city: { zh: ${city}, slug: TODO }  # the text names ${city}; slug: the city in pinyin, lower case` : '# city: { zh: ?, slug: ? }  # the text does not name its city',
    '# province:  # not stated in the text',
    line('title', title, 'as printed'),
    line('issuer', issuer, stated('issuer') ? 'the page’s 发文机关' : 'as printed'),
    line('docNumber', stated('docNumber'), 'as printed'),
    line('issued', stated('issued'), fact(facts, 'issued')?.quote.startsWith('成文日期') ? 'the page’s 成文日期' : 'stated by the 印发 line'),
    line('effective', stated('effective'), 'stated by the 施行 sentence'),
    line('expires', stated('expires'), 'from the stated term'),
    `draft: ${draft}`,
    '',
  ].join('\n');
}

function printClause(clause: Clause): string[] {
  const out = [`${clause.sectionPath.map((s) => s.marker).join(' ')} ${clause.number} ${clause.title || clause.text.slice(0, 24)}  → ${clause.id}`];
  for (const a of clause.awards) {
    const amount = a.amountYuan === null ? '—' : `${wan(a.amountYuan)}万元`;
    const ratio = a.ratioPercent === null ? '' : ` ${a.ratioPercent}%`;
    out.push(`    award   ${amount} ${a.kind}${ratio} tier=${a.tier ?? '—'} recipient=${a.recipient ?? '—'}  「${a.quote.replace(/\s+/g, ' ')}」`);
  }
  for (const m of auditAmounts(clause)) {
    if (m.use === 'award') continue;
    out.push(`    ${m.use === 'unread' ? 'UNREAD ' : 'not an award'} ${m.text}${m.use === 'unread' ? '  (a sum the parser did not place: check it)' : ` (${m.use})`}`);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error('usage: npm run check-source -- <file.txt|.pdf|.html|.docx>');
    return 2;
  }
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    console.error(`check-source: \`${file}\` is not a file`);
    return 2;
  }
  const bytes = new Uint8Array(readFileSync(file));
  // A PDF, web page or Word file: its extracted text is what is parsed (and guessed from).
  const unpacked = await unpack(file, bytes);
  if (unpacked?.messages.some((m) => m.fatal === true)) {
    for (const m of unpacked.messages) console.log(formatMessage(m));
    return 1;
  }
  const decoded = decode(file, unpacked ? new TextEncoder().encode(unpacked.text) : bytes);
  if (!decoded.source) {
    for (const m of decoded.messages) console.log(formatMessage(m));
    return 1;
  }
  // A provisional sidecar with the title the text prints, so the text is parsed as it will be.
  const { source, script } = foldScript(decoded.source);
  const lineTexts = lineRules(source).lines.map((l) => l.run.text);
  const firstMarker = lineTexts.findIndex((t) => matchMarker(t) !== null);
  const front = lineTexts.slice(0, firstMarker < 0 ? 40 : firstMarker);
  const guessed = guessTitle(front);
  const title = guessed === null ? null : script.restore(guessed);
  const provisional = [
    'policy: check-source',
    'sourceKind: official-document',
    'publisher: check-source',
    'city: { zh: 待定, slug: pending }',
    'province: 待定',
    `title: ${JSON.stringify(title ?? basename(file))}`,
    'draft: false',
  ].join('\n');
  const stem = file.replace(/\.[^./]+$/, '');
  const output = runIngest({ sources: [{ path: file, bytes, unpacked }], sidecars: [{ path: `${stem}.yaml`, text: provisional }] });

  const from = unpacked ? ` (text extracted from ${unpacked.format.toUpperCase()}: ${unpacked.origins.length} lines)` : '';
  console.log(`${file}: ${output.result.clauses.length} clauses${script.folded ? ' (traditional script, read folded)' : ''}${from}\n`);
  for (const clause of output.result.clauses) for (const line of printClause(clause)) console.log(line);
  // The provisional sidecar's placeholders are not facts to cross-check against.
  const own = output.messages.filter((m) => m.file === file && !(m.ruleId === 'metadata-conflict' && m.expected?.includes('check-source')));
  if (own.length > 0) console.log('');
  for (const m of own) console.log(formatMessage(m));
  const facts = output.stated.find((s) => s.file === file)?.facts ?? [];
  const city = guessCity(source.text);
  console.log(`\n${draftSidecar(file, title, city === null ? null : script.restore(city), guessIssuer(title, front.map(script.restore)), facts)}`);
  return own.some((m) => m.fatal === true) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
