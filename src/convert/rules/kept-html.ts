import { FNREF_TAG } from '../footnotes/note-store.js';
import { MORE_TAG, NEXTPAGE_TAG } from '../normalize/comments.js';

/**
 * An element written as HTML on purpose (a player, an embed, a table Markdown cannot hold), with
 * unpress's own marker elements inside it put back in the form a reader expects: a footnote
 * reference as `[^n]` text, `<!--more-->` and `<!--nextpage-->` as comments. Edits the node,
 * which turndown does not use after its rule.
 */
export function keptHtml(node: HTMLElement): string {
  restoreMarkers(node);
  return node.outerHTML;
}

export function restoreMarkers(node: HTMLElement): void {
  const document = node.ownerDocument;
  for (const reference of Array.from(node.querySelectorAll(FNREF_TAG))) {
    reference.replaceWith(document.createTextNode(`[^${reference.getAttribute('data-n')}]`));
  }
  for (const marker of Array.from(node.querySelectorAll(`${MORE_TAG}, ${NEXTPAGE_TAG}`))) {
    marker.replaceWith(document.createComment(marker.nodeName === MORE_TAG.toUpperCase() ? 'more' : 'nextpage'));
  }
}
