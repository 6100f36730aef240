import { readFileSync } from 'node:fs';
import { runIngest } from './ingest/pipeline';
import { unpackSources } from './ingest/unpack';
const dir = 'content/sources/';
const yaml = readFileSync(dir + 'changsha-2025-measures.official.yaml', 'utf8');
const run = async (name: string, bytes: Uint8Array) => {
  const sources = await unpackSources([{ path: name, bytes }]);
  return runIngest({ sources, sidecars: [{ path: name.replace(/\.[a-z]+$/, '.yaml'), text: yaml }], today: '2025-06-01' });
};
const base = await run('changsha-2025-measures.official.txt', new Uint8Array(readFileSync(dir + 'changsha-2025-measures.official.txt')));
const sig = (o: any) => o.result.clauses.map((c: any) => `${c.id} ${c.departments.map((d: any) => d.id ?? d.name ?? JSON.stringify(d)).join(',')} ${c.awards.map((a: any) => `${a.amountYuan}/${a.tier}/${a.kind}`).join(',')}`);
const b = sig(base);
for (const f of ['pdf', 'html', 'docx']) {
  const o = await run(`changsha-2025-measures.official.${f}`, new Uint8Array(readFileSync(`/tmp/f15/c.${f}`)));
  const s = sig(o);
  console.log(f, o.result.clauses.length, b.length, JSON.stringify(s) === JSON.stringify(b) ? 'SAME' : 'DIFF');
  if (JSON.stringify(s) !== JSON.stringify(b)) for (let i = 0; i < Math.max(s.length, b.length); i++) if (s[i] !== b[i]) console.log('  txt:', b[i], '\n  ' + f + ':', s[i]);
  for (const m of o.messages) console.log('  ', m.ruleId, m.reason.slice(0, 150));
  console.log('  ', JSON.stringify(o.result.accounting[0]));
}
const h = await run('changsha-2025-measures.official.html', new Uint8Array(readFileSync('/tmp/f15/c.html')));
console.log(JSON.stringify(h.stated[0].facts.map((f: any) => [f.field, f.value, f.place.line])), JSON.stringify(h.result.accounting[0]));
console.log(h.result.policies[0]?.preamble.slice(0, 100));
const w = await run('wenzhou-2023-opinions.official.txt', new Uint8Array(readFileSync('/work/shared/wild/wenzhou-2023-opinions.official.txt')));
console.log(JSON.stringify(w.stated[0].facts.map((f: any) => [f.field, f.value, f.place.line])));
