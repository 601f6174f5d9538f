import { italic } from './figure.js';
import { rule } from './types.js';

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
