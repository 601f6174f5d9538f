import { Text } from 'domhandler';
import { elementsWhere, removeNode, replaceNode } from '../dom.js';
import type { Normalizer } from './types.js';

/**
 * Images as a reader saw them: a lazy-loaded image's real address is in `data-src` (or
 * `data-lazy-src`, `data-orig-file`) while `src` holds a placeholder; WordPress's emoji images
 * (`<img class="wp-smiley emoji" alt="😀">`) are the emoji itself; an image without any address
 * is nothing.
 */
export const images: Normalizer = {
  name: 'images',
  appliesTo: /<img\b/i,
  apply($) {
    for (const img of elementsWhere($, (el) => el.name === 'img')) {
      const attrs = img.attribs;
      if (/\b(?:wp-smiley|emoji)\b/.test(attrs['class'] ?? '') && attrs['alt']) {
        replaceNode(img, new Text(attrs['alt']));
        continue;
      }
      const lazy = attrs['data-src'] ?? attrs['data-lazy-src'] ?? attrs['data-orig-file'];
      if (lazy && (!attrs['src'] || attrs['src'].startsWith('data:'))) attrs['src'] = lazy;
      if (!attrs['src']?.trim()) removeNode(img);
    }
  },
};
