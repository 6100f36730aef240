// Emit: a validated Clause becomes one MDX file. The file is built as a syntax tree and
// serialised by remark-stringify + remark-mdx, so characters that mean something in MDX
// (`{`, `<`, `#`, `export`, …) are escaped by the serialiser and shown as text, never run.
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import YAML from 'yaml';
import { ClauseSchema, type Clause } from '../../src/schema';

// remark-mdx escapes `{` and `<` but not a line that starts with `import`/`export`, which MDX
// would run as ESM; these patterns make the serialiser write the first letter as a character
// reference (`&#x69;mport`) so the line stays text.
const esmUnsafe = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];
const serializer = unified()
  .use(remarkStringify, { bullet: '-', fences: true, unsafe: esmUnsafe })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx);
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

/** The mdast tree of a clause file: YAML frontmatter, then one paragraph per line of text. */
export function clauseTree(clause: Clause): Root {
  const frontmatter = YAML.stringify(clause, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd();
  const paragraphs: RootContent[] = clause.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', value: line }] }));
  return { type: 'root', children: [{ type: 'yaml', value: frontmatter }, ...paragraphs] };
}

/** Serialise a clause to MDX source. Validates first: nothing unvalidated is written. */
export function emitClauseMdx(clause: Clause): string {
  const valid = ClauseSchema.parse(clause);
  return serializer.stringify(clauseTree(valid));
}

/**
 * Parse emitted MDX back to its paragraphs' plain text. Used by tests (and available to the
 * CLI) to prove the body says exactly the clause text.
 */
export function readBackText(mdx: string): string[] {
  const tree = parser.parse(mdx) as Root;
  return tree.children
    .filter((node) => node.type === 'paragraph')
    .map((node) => plainText(node));
}

function plainText(node: unknown): string {
  const n = node as { value?: string; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(plainText).join('');
}
