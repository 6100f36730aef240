// `npm run report`: print, per city, how many clauses fell in each category and every award
// (amount in 万元, kind, tier, quote), so a curator can check extraction by eye; then, per
// clause, every sum of money that became neither an award nor a known non-award.
// Reads generated/data/clauses.json as written by `npm run ingest` (or the path given).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { wan } from '../../src/lib/format';
import { CATEGORIES, type Clause } from '../../src/schema';
import { auditAmounts } from '../ingest/amount-audit';
import { reportUnexpected } from '../unexpected';


/** The report as lines of text; pure so it can be tested. */
export function formatReport(clauses: readonly Clause[]): string[] {
  const lines: string[] = [];
  const cities = [...new Set(clauses.map((c) => c.city))].sort();
  for (const city of cities) {
    const own = clauses.filter((c) => c.city === city).sort((a, b) => (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : a.ordinal - b.ordinal));
    const awards = own.flatMap((c) => c.awards.map((a) => ({ clause: c, award: a })));
    lines.push(`== ${city}: ${own.length} clauses, ${awards.length} awards, ${own.reduce((n, c) => n + c.targets.length, 0)} targets`);
    for (const { id, zh } of CATEGORIES) {
      const n = own.filter((c) => c.primaryCategory === id).length;
      if (n > 0) lines.push(`   ${zh} (${id}): ${n}`);
    }
    for (const { clause, award } of awards) {
      const amount = award.amountYuan === null ? '—' : `${wan(award.amountYuan)}万元`;
      const ratio = award.ratioPercent === null ? '' : ` ${award.ratioPercent}%${award.ratioBase ? ` of ${award.ratioBase}` : ''}`;
      const why = award.reason ? ` (${award.reason}${award.reference ? `: ${award.reference}` : ''})` : '';
      lines.push(`   ${award.id}  ${amount} ${award.kind}${ratio} ${award.frequency} tier=${award.tier ?? '—'} recipient=${award.recipient ?? '—'}${why}`);
      lines.push(`      「${award.quote.replace(/\s+/g, ' ')}」 [${clause.primaryCategory}]`);
    }
    const unread = own.flatMap((clause) => auditAmounts(clause).filter((m) => m.use === 'unread').map((m) => ({ clause, m })));
    lines.push(`   sums not understood: ${unread.length}`);
    for (const { clause, m } of unread) lines.push(`   ${clause.id}  ${m.text}  「…${clause.text.slice(Math.max(0, m.start - 20), m.end + 10).replace(/\s+/g, ' ')}…」`);
  }
  return lines;
}

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? 'generated/data/clauses.json');
  let clauses: Clause[];
  try {
    clauses = JSON.parse(await readFile(file, 'utf8')) as Clause[];
  } catch (error) {
    console.error(`report: cannot read ${file}: ${(error as Error).message}\n  Run \`npm run ingest\` first.`);
    process.exitCode = 1;
    return;
  }
  for (const line of formatReport(clauses)) console.log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main().catch((error: unknown) => reportUnexpected('report', error));
