import { hardenEdges } from '../markdown/escape.js';
import { rule } from './types.js';

/** `<del>`, `<s>`, `<strike>` -> `~~text~~` (GFM). */
export const strikethrough = rule('strikethrough', {
  filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
  replacement: (content) => (content.trim() ? `~~${hardenEdges(content)}~~` : content),
});
