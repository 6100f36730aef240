import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../src/lib/atlas';
import { atomXml, changelogEntries, changelogLead, feed, inlineCode, parseChangelog, policyEntries, relativeHref } from '../src/lib/feeds';
import { clause, policy, TODAY } from './site-fixtures';

const CHANGELOG = `# 数据更新记录

说明文字。

## 2026-11-30

- 长沙第四条归入梯度培育与认定。
- 分类规则：
  标题中心语加权。

## 2026-05-01

- 新增 x-measures。
`;

const p = policy({ id: 'x-measures', city: { zh: '某市', slug: 'x' }, effective: '2025-01-01' });
const q = policy({ id: 'changsha-2025-measures', city: { zh: '长沙', slug: 'changsha' }, effective: '2025-03-01' });
const atlas = buildAtlas([p, q], [clause(p, '1', '对认定的企业给予奖励。'), clause(q, '1', '建立梯度培育体系。')], TODAY);

describe('feeds', () => {
  it('reads the dated sections of the changelog, joining wrapped bullet lines', () => {
    expect(parseChangelog(CHANGELOG)).toEqual([
      { date: '2026-11-30', items: ['长沙第四条归入梯度培育与认定。', '分类规则： 标题中心语加权。'] },
      { date: '2026-05-01', items: ['新增 x-measures。'] },
    ]);
  });

  it('dates a policy’s entry by the last changelog section naming it, and quotes what it says', () => {
    const entries = policyEntries(atlas, parseChangelog(CHANGELOG));
    const changsha = entries.find((e) => e.path === '/policy/changsha-2025-measures/')!;
    expect(changsha.updated).toBe('2026-11-30T00:00:00Z');
    expect(changsha.summary).toContain('2026-11-30：长沙第四条归入梯度培育与认定。');
    expect(entries.find((e) => e.path === '/policy/x-measures/')!.updated).toBe('2026-05-01T00:00:00Z');
  });

  it('gives a policy a new entry id when a source text changes, so readers see it again', () => {
    const [before] = policyEntries(buildAtlas([p], [], TODAY), []);
    const changed = { ...p, sources: [{ ...p.sources[0]!, sha256: 'b'.repeat(64) }] };
    const [after] = policyEntries(buildAtlas([changed], [], TODAY), []);
    expect(after!.id).not.toBe(before!.id);
    expect(before!.id).toMatch(/^tag:[a-z0-9.-]+,\d{4}:policy\/x-measures\//);
  });

  it('writes Atom with escaped text, links relative to the feed file and the newest entry’s date as the feed’s', () => {
    const changelog = parseChangelog(CHANGELOG);
    const f = feed({ id: 'tag:t,2025:f', title: 'A & <B>', selfPath: '/feeds/city/x.xml', pagePath: '/compare/' }, [...policyEntries(atlas, changelog), ...changelogEntries(changelog)], TODAY);
    const text = atomXml(f);
    expect(f.updated).toBe('2026-11-30T00:00:00Z');
    expect(text).toContain('<title>A &amp; &lt;B&gt;</title>');
    expect(text).toContain('href="../../policy/x-measures/"');
    expect(text).toContain('<link rel="self" type="application/atom+xml" href="x.xml"/>');
    expect(text).not.toMatch(/href="(https?:)?\/\//);
  });

  it('resolves relative links between site files', () => {
    expect(relativeHref('/feeds/atlas.xml', '/changelog/')).toBe('../changelog/');
    expect(relativeHref('/feeds/atlas.xml', '/feeds/atlas.xml')).toBe('atlas.xml');
  });
});

describe('the changelog page', () => {
  it('reads the lead between the title and the first section, and inline code in a point', () => {
    expect(changelogLead('# 数据更新记录\n\n每次数据变化都记在这里。\n\n## 2026-11-30\n\n- 甲')).toEqual(['每次数据变化都记在这里。']);
    expect(inlineCode('旁注可用 `supersedes` 写明')).toEqual([
      ['旁注可用 ', false],
      ['supersedes', true],
      [' 写明', false],
    ]);
  });
});
