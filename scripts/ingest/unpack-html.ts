// A saved web page → text lines, one per block of the page (paragraph, heading, table cell,
// list item, line break), each mapped to its place in the HTML and the element it came from.
// Parsed with rehype-parse (parse5, the HTML standard's parser), so broken markup reads as a
// browser reads it. Only text is kept: scripts, styles, frames, navigation and images are
// dropped and listed, and no markup or attribute (a `javascript:` link, an `onclick`) can
// reach the site, which only ever shows the text.
import type { Element, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { decode } from './decode';
import { fromLines, refused, type DropRule, type DroppedPiece, type Unpacked } from './unpack';

/** Elements that end a line before and after them (CSS display: block and table parts). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never policy text, by the rule that drops them. */
const DROPPED: Record<string, DropRule> = {
  script: 'html-script', noscript: 'html-script', template: 'html-script',
  style: 'html-style',
  iframe: 'html-embed', frame: 'html-embed', frameset: 'html-embed', object: 'html-embed', embed: 'html-embed',
  svg: 'html-embed', canvas: 'html-embed', video: 'html-embed', audio: 'html-embed',
  nav: 'html-navigation', aside: 'html-navigation', form: 'html-navigation', button: 'html-navigation',
  select: 'html-navigation', input: 'html-navigation', textarea: 'html-navigation',
  head: 'html-head',
  img: 'html-image',
};

export interface HtmlLinesOptions {
  /** Label for a line, made once the tree is parsed: by default its HTML place and element path. */
  originFor?: (tree: Root) => (path: readonly Element[], place: { line: number; column: number }) => string;
  /** Rule for dropped images (Word files say `docx-image`). */
  imageRule?: DropRule;
}

export function unpackHtml(path: string, bytes: Uint8Array): Unpacked {
  const decoded = decode(path, bytes);
  if (!decoded.source) return { ...refused('html', path, 'unpack-failed', `Cannot read \`${path}\` as text`, 'save the page again as HTML'), messages: decoded.messages };
  return htmlLines(decoded.source.text, {});
}

/** The text lines of an HTML document (also used for the HTML mammoth makes of a Word file). */
export function htmlLines(html: string, options: HtmlLinesOptions, format: Unpacked['format'] = 'html'): Unpacked {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const lines: { text: string; origin: string }[] = [];
  const dropped: DroppedPiece[] = [];
  const origin = options.originFor?.(tree) ?? ((path, place) => `HTML ${place.line}:${place.column} ${elementPath(path)}`);
  let buffer = '';
  let bufferOrigin: string | null = null;

  const flush = () => {
    const text = buffer.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
    if (text !== '' && bufferOrigin !== null) lines.push({ text, origin: bufferOrigin });
    buffer = '';
    bufferOrigin = null;
  };
  const placeOf = (node: Nodes) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const drop = (rule: DropRule, text: string, node: Nodes) => {
    const place = placeOf(node);
    dropped.push({ rule, text, origin: `HTML ${place.line}:${place.column}`, line: place.line, column: place.column });
  };

  const walk = (node: Nodes, path: Element[], pre: boolean, inArticle: boolean) => {
    if (node.type === 'doctype') return;
    if (node.type === 'comment') {
      // Invisible on the page, yet part of the file: listed, never text.
      if (node.value.trim() !== '') drop('html-comment', node.value.trim(), node);
      return;
    }
    if (node.type === 'text') {
      const text = pre ? node.value : node.value.replace(/[ \t\n\r\f]+/g, ' ');
      if (text.trim() === '' && buffer === '') return;
      if (bufferOrigin === null) bufferOrigin = origin(path, placeOf(node));
      buffer += text;
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) walk(child, path, pre, inArticle);
      return;
    }
    if (node.type !== 'element') return;
    const tag = node.tagName;
    scriptAttributes(node, (text) => drop('html-script', text, node));
    const rule =
      tag === 'img'
        ? (options.imageRule ?? 'html-image')
        : (DROPPED[tag] ?? ((tag === 'header' || tag === 'footer') && !inArticle ? 'html-navigation' : hidden(node) ? 'html-hidden' : null));
    if (rule) {
      // Handlers and javascript: links inside a dropped element are listed too.
      const listScripts = (parent: Element) => {
        for (const child of parent.children) {
          if (child.type !== 'element') continue;
          scriptAttributes(child, (text) => drop('html-script', text, child));
          listScripts(child);
        }
      };
      listScripts(node);
      const content = textContent(node).replace(/\s+/g, ' ').trim();
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      // An empty <head> or <form> drops nothing worth listing; an empty image or frame still is.
      if (content === '' && (rule === 'html-head' || rule === 'html-navigation')) return;
      drop(rule, content !== '' ? content : `<${tag}${alt ? ` alt="${alt}"` : ''}${src && !src.startsWith('data:') ? ` src="${src}"` : ''}>`, node);
      return;
    }
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    const inner = [...path, node];
    const article = inArticle || tag === 'article' || tag === 'main';
    for (const child of node.children) walk(child as Nodes, inner, pre || tag === 'pre', article);
    if (block) flush();
  };
  walk(tree, [], false, false);
  flush();
  return fromLines(format, lines, dropped, []);
}

/** An element the page never shows: `hidden`, or an inline `display: none` / `visibility: hidden`. */
function hidden(node: Element): boolean {
  const style = typeof node.properties.style === 'string' ? node.properties.style.replace(/\s+/g, '').toLowerCase() : '';
  return node.properties.hidden === true || /(?:^|;)(?:display:none|visibility:hidden)(?:;|!|$)/.test(style);
}

/** Inline event handlers and `javascript:` URLs on an element, as `name="value"`. */
function scriptAttributes(node: Element, report: (text: string) => void): void {
  for (const [key, value] of Object.entries(node.properties)) {
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if (/^on[a-z]/i.test(key)) report(`${key.toLowerCase()}="${text}"`);
    else if ((key === 'href' || key === 'src' || key === 'action') && /^\s*javascript:/i.test(text)) report(`${key}="${text}"`);
  }
}

function textContent(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textContent(c as Nodes)).join('');
  return '';
}

/** `div#zoom > p`: the last three elements of the path, each with its id or first class. */
function elementPath(path: readonly Element[]): string {
  return path
    .slice(-3)
    .map((e) => {
      const id = typeof e.properties.id === 'string' ? `#${e.properties.id}` : '';
      const cls = Array.isArray(e.properties.className) && e.properties.className[0] ? `.${String(e.properties.className[0])}` : '';
      return `${e.tagName}${id || cls}`;
    })
    .join(' > ');
}
