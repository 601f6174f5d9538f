import { Text } from 'domhandler';
import { elementsWhere, isBlank, isElement, removeNode, replaceNode, type AnyNode, type Element } from '../dom.js';
import type { Normalizer } from './types.js';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'div', 'blockquote', 'figcaption', 'dd', 'dt', ...HEADINGS]);

/**
 * A `<br>` only breaks a line between two pieces of text: at the start or end of a paragraph (or
 * cell, caption…) it would leave a dangling `\`, so it goes. In a heading it is a space (a
 * Markdown heading is one line).
 */
export const lineBreaks: Normalizer = {
  name: 'line-breaks',
  appliesTo: /<br\b|wp-block-verse/i,
  apply($) {
    // Only the blocks a <br> is a child of can have one at an edge: found from the <br>s (one
    // traversal) rather than by visiting every block of the body.
    const blocks = new Set<Element>();
    for (const br of elementsWhere($, (el) => el.name === 'br')) {
      if (inHeading(br)) {
        replaceNode(br, new Text(' '));
        continue;
      }
      const parent = br.parent;
      if (isElement(parent) && BLOCKS.has(parent.tagName)) blocks.add(parent);
    }
    for (const block of blocks) {
      for (const edge of ['first', 'last'] as const) {
        for (;;) {
          const node = edgeNode($, block.children, edge);
          if (!node || !isElement(node) || node.tagName !== 'br') break;
          removeNode(node);
        }
      }
    }
  },
};

function inHeading(node: AnyNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (isElement(parent) && HEADINGS.has(parent.tagName)) return true;
  return false;
}

function edgeNode($: Parameters<Normalizer['apply']>[0], children: AnyNode[], edge: 'first' | 'last'): AnyNode | undefined {
  const list = edge === 'first' ? children : [...children].reverse();
  return list.find((node) => !(node.type === 'text' && isBlank($, node)));
}
