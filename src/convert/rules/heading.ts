import { rule } from './types.js';

/** `<h1>`…`<h6>` -> ATX (`## Title`), on one line; a closing `#` run is escaped; empty headings go. */
export const heading = rule('heading', {
  filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  replacement(content, node) {
    const text = content.replace(/\s*\n+\s*/g, ' ').trim().replace(/ (#+)$/, ' \\$1');
    if (!text) return '';
    return `\n\n${'#'.repeat(Number(node.nodeName.charAt(1)))} ${text}\n\n`;
  },
});
