import { describe, expect, it } from 'vitest';
import { decode } from '../scripts/ingest/decode';
import { runIngest } from '../scripts/ingest/pipeline';
import { foldScript, simplifiedFold } from '../scripts/ingest/script';
import { sidecarText, single, utf8 } from './fixtures/ingest-helpers';

const TRADITIONAL = '關於促進中小企業發展的若干措施\n一、對首次認定的專精特新“小巨人”企業，給予50萬元獎勵。（責任單位：市經信局）\n二、對新認定的省級專精特新中小企業，給予10萬元獎勵。\n';

describe('script fold', () => {
  it('folds a traditional text to simplified with the same length', () => {
    const { source, script } = foldScript(decode('t.txt', utf8(TRADITIONAL)).source!);
    expect(script.folded).toBe(true);
    expect(source.text).toHaveLength(TRADITIONAL.length);
    expect(source.text).toContain('给予50万元奖励');
    expect(script.restore('给予50万元奖励')).toBe('給予50萬元獎勵');
  });

  it('leaves simplified text, with a stray traditional character or two, untouched', () => {
    const text = '关于显著提升企业能力的措施\n一、对企业给予支持，於法有据。\n';
    const { source, script } = foldScript(decode('t.txt', utf8(text)).source!);
    expect(script.folded).toBe(false);
    expect(source.text).toBe(text);
  });

  it('keeps phrase conversion only where it keeps the length', () => {
    expect(simplifiedFold('記憶體')).toHaveLength(3);
  });
});

describe('a traditional-script policy through the pipeline', () => {
  const out = runIngest(single(TRADITIONAL, sidecarText({ title: '關於促進中小企業發展的若干措施' })));

  it('reads its awards, tiers and departments', () => {
    expect(out.result.clauses.flatMap((c) => c.awards.map((a) => [a.amountYuan, a.tier]))).toEqual([
      [500_000, 'little-giant'],
      [100_000, 'provincial-srdi'],
    ]);
    expect(out.result.clauses[0]?.departments.map((d) => [d.name, d.function])).toEqual([['市經信局', 'industry-it']]);
  });

  it('shows clause text, quotes and recipients in the printed characters', () => {
    const first = out.result.clauses[0]!;
    expect(first.text).toContain('給予50萬元獎勵');
    expect(first.awards[0]?.quote).toContain('50萬元獎勵');
    expect(first.awards[0]?.recipient).toContain('專精特新');
    expect(first.departmentsText).toBe('（責任單位：市經信局）');
  });

  it('matches a traditional sidecar title and says the text was folded', () => {
    const rules = out.messages.map((m) => m.ruleId);
    expect(rules).toContain('traditional-script');
    expect(rules).not.toContain('title-not-found');
    expect(rules).not.toContain('title-mismatch');
  });
});

describe('a traditional mirror page with pinyin glosses', () => {
  it('reads the sum through the gloss after folding', () => {
    const text = '關於促進中小企業發展的若干措施\n一、對首次認定的專精特新“小巨人”企業，給予50萬(wàn)元獎勵。\n二、對新認定的企業，給予10萬元獎勵。\n';
    const out = runIngest(single(text, sidecarText({ title: '關於促進中小企業發展的若干措施' })));
    expect(out.result.clauses.flatMap((c) => c.awards.map((a) => a.amountYuan))).toEqual([500_000, 100_000]);
    expect(out.result.clauses[0]?.awards[0]?.quote).toContain('50萬(wàn)元獎勵');
  });
});
