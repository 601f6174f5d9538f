import { FNREF_TAG } from '../footnotes/note-store.js';
import { rule } from './types.js';

/** A numbered footnote reference (footnotes/number.ts) -> `[^n]`. */
export const footnoteReference = rule('footnote-reference', {
  filter: (node) => node.nodeName === FNREF_TAG.toUpperCase(),
  replacement: (_, node) => `[^${(node as HTMLElement).getAttribute('data-n')}]`,
});
