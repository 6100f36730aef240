// The synthetic corpus generator (scripts/tools/generate-corpus.ts): deterministic, valid sidecars,
// and variations that keep the clause structure the pipeline parses.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cityNames,
  generateCorpus,
  readTemplates,
  reorderClauses,
  scaleAmount,
  switchWidth,
  type CorpusFile,
  type TemplatePolicy,
} from '../scripts/tools/generate-corpus';
import { SourceSidecarSchema } from '../src/schema';

const digest = (files: CorpusFile[]) => {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update('\0').update(file.bytes).update('\0');
  return hash.digest('hex');
};
const text = (file: CorpusFile) => new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '');

describe('the synthetic corpus generator', () => {
  let templates: TemplatePolicy[];
  beforeAll(async () => {
    templates = await readTemplates(resolve(import.meta.dirname, '../content/sources'));
  });

  it('gives byte-identical output for the same number of cities', () => {
    expect(digest(generateCorpus(templates, 12))).toBe(digest(generateCorpus(templates, 12)));
  });

  it('gives different output for a different seed', () => {
    expect(digest(generateCorpus(templates, 8, '2'))).not.toBe(digest(generateCorpus(templates, 8, '1')));
  });

  it('makes the first cities of a larger corpus identical to a smaller one', () => {
    const small = generateCorpus(templates, 4);
    const large = new Map(generateCorpus(templates, 9).map((f) => [f.name, digest([f])]));
    for (const file of small) expect(large.get(file.name), file.name).toBe(digest([file]));
  });

  it('writes one valid sidecar per text, with unique city slugs and policy ids per city', () => {
    const files = generateCorpus(templates, 30);
    const texts = files.filter((f) => f.name.endsWith('.txt')).map((f) => f.name.replace(/\.txt$/, ''));
    const sidecars = files.filter((f) => f.name.endsWith('.yaml'));
    expect(sidecars.map((f) => f.name.replace(/\.yaml$/, ''))).toEqual(texts);
    const cityByPolicy = new Map<string, string>();
    for (const file of sidecars) {
      const sidecar = SourceSidecarSchema.parse(YAML.parse(text(file)));
      expect(file.name.startsWith(`${sidecar.policy}.`), file.name).toBe(true);
      const seen = cityByPolicy.get(sidecar.policy);
      if (seen) expect(seen).toBe(sidecar.city.slug);
      cityByPolicy.set(sidecar.policy, sidecar.city.slug);
    }
    expect(new Set(cityByPolicy.values()).size).toBe(30);
    expect(cityByPolicy.size).toBe(30);
  });

  it('puts the new city name and 文号 in the text wherever the sidecar has them, and no real city name', () => {
    const files = generateCorpus(templates, 8);
    for (const yaml of files.filter((f) => f.name.endsWith('.yaml'))) {
      const sidecar = SourceSidecarSchema.parse(YAML.parse(text(yaml)));
      const body = text(files.find((f) => f.name === yaml.name.replace(/\.yaml$/, '.txt')) as CorpusFile);
      for (const real of ['长沙', '杭州', '嘉兴', '深圳']) expect(body.includes(real), `${yaml.name}: ${real}`).toBe(false);
      // The 文号 is in the new text exactly where the template text had its own.
      const template = templates
        .flatMap((t) => t.sources)
        .find((source) => yaml.name.endsWith(source.file.slice(source.sidecar.policy.length).replace(/\.txt$/, '.yaml')));
      const hadIt = Boolean(template?.sidecar.docNumber && template.text.includes(template.sidecar.docNumber));
      expect(Boolean(sidecar.docNumber && body.includes(sidecar.docNumber)), yaml.name).toBe(hadIt);
    }
  });

  it('keeps the sequence of clause markers while moving clause bodies within their section', () => {
    const lines = ['前言', '一、甲。', '甲续', '二、乙。', '三、丙。', '四、丁。', '（一）戊。', '（二）己。', '尾注'];
    const markers = (list: string[]) => list.map((l) => /^([一二三四]、|（[一二]）)/.exec(l)?.[1]).filter(Boolean);
    const bodies = (list: string[]) => list.map((l) => l.replace(/^([一二三四]、|（[一二]）)/, '')).sort();
    let moved = false;
    for (let key = 0; key < 20; key++) {
      const out = reorderClauses(lines, `k${key}`);
      expect(markers(out)).toEqual(markers(lines));
      expect(bodies(out)).toEqual(bodies(lines));
      // A unit's continuation lines travel with it; the run that ends the file keeps its last unit.
      expect(out.indexOf('甲续')).toBe(out.indexOf(out.find((l) => l.endsWith('甲。')) as string) + 1);
      expect(out.slice(-2)).toEqual(['（二）己。', '尾注']);
      // A unit followed by deeper units is their heading and keeps its place.
      expect(out[5]).toBe('四、丁。');
      if (out.join() !== lines.join()) moved = true;
    }
    expect(moved).toBe(true);
  });

  it('reorders the renditions of one policy the same way', () => {
    const files = generateCorpus(templates, 4);
    const clauseTitles = (name: string) =>
      text(files.find((f) => f.name.endsWith(name)) as CorpusFile)
        .split(/\r?\n/)
        .filter((l) => /^[一二三四五六七八九十]+、/.test(l))
        .map((l) => l.slice(0, 10).replace(/[（(]/g, '('));
    const official = clauseTitles('.official.txt');
    expect(official.length).toBeGreaterThan(5);
    expect(clauseTitles('.reprint.txt')).toEqual(official);
  });

  it('switches punctuation width but leaves digit groups and URLs alone', () => {
    expect(switchWidth('(一)对1,000家企业:奖励;http://x', 'fullwidth')).toBe('（一）对1,000家企业：奖励；http://x');
    expect(switchWidth('（一）奖励，补助：', 'halfwidth')).toBe('(一)奖励,补助:');
  });

  it('scales amounts to round figures and keeps their order', () => {
    expect(scaleAmount(150, 1.2)).toBe(180);
    expect(scaleAmount(50, 0.6)).toBe(30);
    expect(scaleAmount(3, 0.6)).toBe(2);
    const amounts = [10, 20, 30, 50, 100, 150, 200, 300, 1000];
    for (const factor of [0.6, 0.8, 1.2, 1.5, 2]) {
      const scaled = amounts.map((a) => scaleAmount(a, factor));
      expect([...scaled].sort((a, b) => a - b)).toEqual(scaled);
    }
  });

  it('names cities uniquely beyond the size of the name pool', () => {
    const names = cityNames(1200, '1');
    expect(new Set(names.map((n) => n.zh)).size).toBe(1200);
    expect(new Set(names.map((n) => n.slug)).size).toBe(1200);
    for (const n of names) expect(n.slug).toMatch(/^[a-z][a-z0-9-]*$/);
  });
});
