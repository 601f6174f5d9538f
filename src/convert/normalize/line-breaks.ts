import { isBlank, isElement, type AnyNode } from '../dom.js';
import type { Normalizer } from './types.js';

const BLOCKS = 'p, li, td, th, div, blockquote, figcaption, dd, dt, h1, h2, h3, h4, h5, h6';

/**
 * A `<br>` only breaks a line between two pieces of text: at the start or end of a paragraph (or
 * cell, caption…) it would leave a dangling `\`, so it goes. In a heading it is a space (a
 * Markdown heading is one line).
 */
export const lineBreaks: Normalizer = {
  name: 'line-breaks',
  appliesTo: /<br\b|wp-block-verse/i,
  apply($) {
    $('h1, h2, h3, h4, h5, h6').find('br').replaceWith(' ');
    $(BLOCKS).each((_, block) => {
      for (const edge of ['first', 'last'] as const) {
        for (;;) {
          const node = edgeNode($, block.children, edge);
          if (!node || !isElement(node) || node.tagName !== 'br') break;
          $(node).remove();
        }
      }
    });
  },
};

function edgeNode($: Parameters<Normalizer['apply']>[0], children: AnyNode[], edge: 'first' | 'last'): AnyNode | undefined {
  const list = edge === 'first' ? children : [...children].reverse();
  return list.find((node) => !(node.type === 'text' && isBlank($, node)));
}
