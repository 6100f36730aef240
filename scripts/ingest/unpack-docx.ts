// A Word file → text lines, each mapped to its Word paragraph (`¶ 12`, counted from the start
// of the body, empty paragraphs included, as Word's own navigation counts them). mammoth reads
// the OOXML into simple HTML (one <p>/<h1…6>/<li> per paragraph, table cells holding theirs);
// the HTML is read by the same line reader as saved web pages. Images are dropped and listed;
// external files are never fetched (mammoth's externalFileAccess stays off).
import type { Element, Root } from 'hast';
import mammoth from 'mammoth';
import { htmlLines } from './unpack-html';
import type { Unpacked } from './unpack';
import { makeMessage } from './diagnostics';

const PARAGRAPH = /^(?:p|h[1-6]|li)$/;

export async function unpackDocx(path: string, bytes: Uint8Array): Promise<Unpacked> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      ignoreEmptyParagraphs: false,
      // Keep no image data: an <img> with its alt text is enough to list what was dropped.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  const unpacked = htmlLines(result.value, { imageRule: 'docx-image', originFor: paragraphNumbers }, 'docx');
  for (const m of result.messages) {
    // mammoth warns about styles and elements it does not convert: worth knowing, never fatal.
    unpacked.messages.push(
      makeMessage({ file: path, ruleId: 'docx-unconverted', severity: 'info', reason: `Word file: ${m.message}`, hint: 'check the extracted text in the source view for anything missing' }),
    );
  }
  return unpacked;
}

/** `¶ n` for the innermost paragraph element around a line. */
function paragraphNumbers(tree: Root): (path: readonly Element[]) => string {
  const numbers = new Map<Element, number>();
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (PARAGRAPH.test(child.tagName)) numbers.set(child, numbers.size + 1);
      visit(child);
    }
  };
  visit(tree);
  return (path) => {
    const paragraph = [...path].reverse().find((e) => numbers.has(e));
    return paragraph ? `¶ ${numbers.get(paragraph)}` : '¶ ?';
  };
}
