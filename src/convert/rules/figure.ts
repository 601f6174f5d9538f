import { hardenEdges } from '../markdown/escape.js';
import { rule } from './types.js';

/**
 * `<figure>` (images, galleries, embeds, tables, pullquotes, media) -> its content as blocks;
 * `<figcaption>` -> an italic paragraph under it. A caption already in italics stays as written;
 * one with `*` emphasis inside is wrapped in `_` instead, so that delimiters never run together.
 */
export const figure = rule('figure', {
  filter: 'figure',
  replacement: (content) => `\n\n${content.trim()}\n\n`,
});

export const figcaption = rule('figcaption', {
  filter: 'figcaption',
  replacement(content, node) {
    const paragraphs = content
      .trim()
      .split(/\n{2,}/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean);
    if (paragraphs.length === 0) return '';
    return `\n\n${isItalic(node) ? paragraphs.join('\n\n') : paragraphs.map(italic).join('\n\n')}\n\n`;
  },
});

/** `*text*`, or `_text_` when the text has `*` emphasis of its own. */
export function italic(markdown: string): string {
  const text = hardenEdges(markdown);
  const delimiter = /(?<!\\)\*/.test(text) && !/(?<!\\)_/.test(text) ? '_' : '*';
  return `${delimiter}${text}${delimiter}`;
}

/** The caption is one <em>/<i> already. */
function isItalic(node: HTMLElement): boolean {
  const children = Array.from(node.childNodes).filter((child) => child.nodeType !== 3 || /\S/.test(child.textContent ?? ''));
  return children.length === 1 && ['EM', 'I'].includes(children[0]!.nodeName);
}
