import { isBlank, isElement, type AnyNode, type Dom, type Element } from '../dom.js';

/** Wrappers a note list may leave behind once its notes are gone. */
const WRAPPERS = new Set(['div', 'section', 'aside', 'footer', 'ol', 'ul', 'p', 'span', 'sup', 'font', 'o:p']);

/**
 * Removes a block that held notes, then what only framed it: wrappers left empty (Word's
 * `<div style="mso-element:footnote-list">`, Jetpack's `<div class="footnotes">`), and the blank
 * elements right before and after it, up to and including the `<hr>` that separated the notes
 * from the text (and Word's `<br clear="all">`).
 */
export function removeNoteBlocks($: Dom, blocks: readonly Element[]): void {
  const cuts: Element[] = [];
  for (const block of blocks) {
    if (!block.parent) continue; // already gone with an earlier block
    const marker = $('<unpress-cut></unpress-cut>').insertBefore(block).get(0) as Element;
    cuts.push(marker);
    $(block).remove();
  }
  for (const marker of cuts) {
    let node: AnyNode = marker;
    // Climb out of wrappers left with nothing in them.
    while (node.parent && isElement(node.parent) && WRAPPERS.has(node.parent.tagName) && isBlank($, node.parent)) node = node.parent;
    removeBlankAround($, node);
    $(node).remove();
  }
}

function removeBlankAround($: Dom, node: AnyNode): void {
  for (const direction of ['prev', 'next'] as const) {
    let sibling = direction === 'prev' ? node.prev : node.next;
    while (sibling && isBlank($, sibling) && !isMarker(sibling)) {
      const further = direction === 'prev' ? sibling.prev : sibling.next;
      const wasRule = isElement(sibling) && sibling.tagName === 'hr';
      $(sibling).remove();
      sibling = further;
      if (wasRule) break;
    }
  }
}

function isMarker(node: AnyNode): boolean {
  return isElement(node) && node.tagName === 'unpress-cut';
}
