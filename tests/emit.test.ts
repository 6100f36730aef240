import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { emitClauseMdx, readBackText } from '../scripts/ingest/emit';
import type { Clause } from '../src/schema';

function clauseWithText(text: string): Clause {
  return {
    id: 'test-policy/1',
    policyId: 'test-policy',
    city: '测试',
    citySlug: 'test',
    number: '一、',
    numberValue: 1,
    path: '1',
    ordinal: 1,
    sectionPath: [],
    title: '标题',
    text,
    departmentsText: null,
    departments: [],
    source: { file: 'test.txt', lineStart: 1, lineEnd: 1 },
    alsoIn: [],
    primaryCategory: 'service',
    categories: [],
    categoryEvidence: [],
    tiers: [],
    awards: [],
    targets: [],
  };
}

// Each line is something MDX, JSX, HTML or Markdown would otherwise interpret.
const hostileLines = [
  '对{首台套}给予奖励',
  '{',
  '}',
  '{{x}}',
  '<script>alert(1)</script>',
  '<3.14',
  'export const a = 1',
  "import x from 'y'",
  'exporter 与 importer 不是语句',
  '`反引号`与```三个```',
  '$x$ 与 $$y$$',
  '<!-- 注释 -->',
  '# 不是标题',
  '> 不是引用',
  '- 不是列表',
  '1. 不是编号',
  '* 也不是列表',
  '---',
  '***',
  '===',
  '    缩进四格',
  '\t制表符开头',
  '[链接](javascript:alert(1))',
  '<img src=x onerror=alert(1)>',
  '&amp; &lt; &#x3c;',
  'a\\b 反斜杠',
  '| 表 | 格 |',
  '<Component prop={1} />',
];

describe('emitClauseMdx', () => {
  it.each(hostileLines)('keeps %j as literal text through MDX compilation', async (line) => {
    const mdx = emitClauseMdx(clauseWithText(line));
    expect(readBackText(mdx)).toEqual([line]);
    const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
    const js = String(await compile(body));
    // Nothing the text says may become code: no ESM beyond the runtime import, no JSX element
    // other than the paragraph.
    expect(js).not.toMatch(/^export const a/m);
    expect(js).not.toMatch(/^import x from/m);
    expect(js).not.toMatch(/_jsx\("script"|_jsx\("img"|_jsx\(Component|_jsx\("h1"|_jsx\("blockquote"|_jsx\("ul"|_jsx\("ol"|_jsx\("hr"|_jsx\("pre"|_jsx\("table"|_jsx\("a"/);
  });

  it('keeps every line of a multi-line clause as its own paragraph, in order', () => {
    const mdx = emitClauseMdx(clauseWithText(hostileLines.join('\n')));
    expect(readBackText(mdx)).toEqual(hostileLines);
  });

  it('refuses a clause that does not satisfy the schema', () => {
    expect(() => emitClauseMdx({ ...clauseWithText('文本'), id: 'Not An Id' })).toThrow();
  });

  it('writes the clause as YAML frontmatter that parses back to the same record', async () => {
    const { parse } = await import('yaml');
    const clause = clauseWithText('文本: 带冒号 # 和井号');
    const mdx = emitClauseMdx(clause);
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1];
    expect(parse(yaml ?? '')).toEqual(clause);
  });
});
