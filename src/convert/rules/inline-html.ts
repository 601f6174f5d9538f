import { rule } from './types.js';

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
