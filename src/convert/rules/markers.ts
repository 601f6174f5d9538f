import { MORE_TAG, NEXTPAGE_TAG } from '../normalize/comments.js';
import { rule } from './types.js';

/** `<!--more-->` (or `<!--more Link text-->`) on its own line. */
export const more = rule('more', {
  filter: (node) => node.nodeName === MORE_TAG.toUpperCase(),
  replacement(_, node) {
    const text = ((node as HTMLElement).getAttribute('data-text') ?? '').trim();
    return `\n\n<!--more${text ? ` ${text}` : ''}-->\n\n`;
  },
});

/** `<!--nextpage-->` on its own line: the post's pages, kept as one document. */
export const nextpage = rule('nextpage', {
  filter: (node) => node.nodeName === NEXTPAGE_TAG.toUpperCase(),
  replacement: () => '\n\n<!--nextpage-->\n\n',
});
