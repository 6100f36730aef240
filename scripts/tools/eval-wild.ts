// `npm run eval:wild`: award precision and recall per real text in tests/fixtures/wild/ and
// overall, with every miss, false positive and wrong tier listed. Exits 1 below the targets
// (precision ≥ 0.98, recall ≥ 0.95, no tier errors).
import { formatMessage } from '../ingest/diagnostics';
import { evaluateWild } from './wild-eval';

const { score, output } = evaluateWild();
const pct = (x: number) => x.toFixed(3);
for (const t of score.texts) {
  const precision = t.found === 0 ? 1 : t.matched / t.found;
  const recall = t.expected === 0 ? 1 : t.matched / t.expected;
  console.log(
    `${t.city.padEnd(8)} awards ${t.matched}/${t.expected} found ${t.found}  precision ${pct(precision)}  recall ${pct(recall)}  clauses ${t.clauses.found}/${t.clauses.expected}`,
  );
  for (const m of t.missed) console.log(`  missed   ${m}`);
  for (const f of t.falsePositives) console.log(`  extra    ${f}`);
  for (const e of t.tierErrors) console.log(`  tier     ${e}`);
}
console.log(`\noverall  precision ${pct(score.precision)}  recall ${pct(score.recall)}  tier errors ${score.tierErrors}`);
if (process.argv.includes('--messages')) for (const m of output.messages) console.log(formatMessage(m));
process.exitCode = score.precision >= 0.98 && score.recall >= 0.95 && score.tierErrors === 0 ? 0 : 1;
