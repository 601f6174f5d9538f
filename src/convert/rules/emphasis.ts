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
