import { italic } from './figures.js';
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

/**
 * `<cite>` closing a quote or pullquote is its attribution: `— Name` under the quote (its own
 * paragraph in block quotes; after the line break in a classic quote's last paragraph).
 * Elsewhere it names a work, which browsers show in italics.
 */
export const cite = rule('cite', {
  filter: 'cite',
  replacement(content, node) {
    const text = content.trim();
    if (!text) return '';
    const parent = node.parentNode as HTMLElement | null;
    const attribution = /^[—–-]/.test(text) ? text : `— ${text}`;
    if (parent?.nodeName === 'BLOCKQUOTE' || (parent?.nodeName === 'FIGURE' && /pullquote/.test(parent.getAttribute('class') ?? ''))) {
      return `\n\n${attribution}\n\n`;
    }
    if (parent?.nodeName === 'P' && parent.parentNode?.nodeName === 'BLOCKQUOTE' && isLast(node)) return attribution;
    return italic(text);
  },
});

function isLast(node: Node): boolean {
  for (let next = node.nextSibling; next; next = next.nextSibling) if (next.nodeType !== 3 || /\S/.test(next.textContent ?? '')) return false;
  return true;
}

/** `<details><summary>Title</summary>…</details>` has no Markdown form: kept as HTML around Markdown. */
export const details = rule('details', {
  filter: 'details',
  replacement(content, node) {
    const summary = (node as HTMLElement).querySelector('summary');
    const title = (summary?.textContent ?? '').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return `\n\n<details>\n<summary>${title}</summary>\n\n${content.trim()}\n\n</details>\n\n`;
  },
});

export const summary = rule('summary', {
  filter: (node) => node.nodeName === 'SUMMARY' && node.parentNode?.nodeName === 'DETAILS',
  replacement: () => '',
});
