import { FNREF_TAG } from '../footnotes/note-store.js';
import { hardenEdges } from '../markdown/escape.js';
import { hasAncestor, rule } from './types.js';

/**
 * `<em>`/`<i>` -> `*text*`, `<strong>`/`<b>` -> `**text**`. The same emphasis nested in itself
 * (`<strong>bold <strong>text</strong></strong>`) is written once: `****` would not parse.
 */
export const emphasis = rule('emphasis', {
  filter: ['em', 'i'],
  replacement: (content, node) => wrap(content, '*', hasAncestor(node, ['EM', 'I'])),
});

export const strong = rule('strong', {
  filter: ['strong', 'b'],
  replacement: (content, node) => wrap(content, '**', hasAncestor(node, ['STRONG', 'B'])),
});

/**
 * Delimiters hug the text: surrounding spaces and a hard break at either end (`<b>text<br></b>`)
 * go outside them, since `**text\` + newline + `**` would not close.
 */
function wrap(content: string, delimiter: string, nested: boolean): string {
  if (nested || !content.trim()) return content;
  const [, leading, text, trailing] = /^((?:\s|\\\n)*)([\s\S]*?)((?:\s|(?<!\\)\\\n)*)$/.exec(content)!;
  if (!text!.trim()) return content;
  return `${leading}${delimiter}${hardenEdges(text!)}${delimiter}${trailing}`;
}

/** `<del>`, `<s>`, `<strike>` -> `~~text~~` (GFM). */
export const strikethrough = rule('strikethrough', {
  filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
  replacement: (content) => (content.trim() ? `~~${hardenEdges(content)}~~` : content),
});

/**
 * Inline markup Markdown has no syntax for but readers see — underline, highlight, sub/superscript
 * (`H<sub>2</sub>O`, `1<sup>er</sup>`) — stays as the HTML tag around converted text.
 */
export const inlineHtml = rule('inline-html', {
  filter: (node) => ['U', 'INS', 'MARK', 'SUB', 'SUP'].includes(node.nodeName),
  replacement(content, node) {
    if (!content.trim()) return content;
    const tag = node.nodeName.toLowerCase();
    return `<${tag}>${content}</${tag}>`;
  },
});

/** `<q>` is a quotation the browser puts in quotes. */
export const quotation = rule('quotation', {
  filter: 'q',
  replacement: (content) => `"${content}"`,
});

/** A numbered footnote reference (footnotes/number.ts) -> `[^n]`. */
export const footnoteReference = rule('footnote-reference', {
  filter: (node) => node.nodeName === FNREF_TAG.toUpperCase(),
  replacement: (_, node) => `[^${(node as HTMLElement).getAttribute('data-n')}]`,
});
