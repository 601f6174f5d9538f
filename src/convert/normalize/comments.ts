import { isElement, type AnyNode } from '../dom.js';
import type { Normalizer } from './types.js';

/** Elements standing for the HTML comments that mean something (turndown drops comments). */
export const MORE_TAG = 'unpress-more';
export const NEXTPAGE_TAG = 'unpress-nextpage';

/**
 * `<!--more-->` (with optional link text, `<!--more Read on-->`) and `<!--nextpage-->` are kept as
 * their own lines in the Markdown (static site generators read `<!--more-->` as the summary
 * split). Other comments — `<!--noteaser-->`, notes to self, Word's `<!--[if gte mso 9]>` — go.
 */
export const markerComments: Normalizer = {
  name: 'marker-comments',
  appliesTo: /<!--/,
  apply($) {
    // autop turns the newlines around a marker into <br>s: the marker is its own line anyway.
    const replaceMarker = (node: AnyNode, html: string): void => {
      for (const side of ['prev', 'next'] as const) {
        let sibling = node[side];
        while (sibling && sibling.type === 'text' && !/\S/.test((sibling as unknown as { data: string }).data)) sibling = sibling[side];
        if (isElement(sibling) && sibling.tagName === 'br') $(sibling).remove();
      }
      const [before, after] = [node.prev, node.next];
      if (before?.type === 'text') (before as unknown as { data: string }).data = (before as unknown as { data: string }).data.replace(/\s+$/, '');
      if (after?.type === 'text') (after as unknown as { data: string }).data = (after as unknown as { data: string }).data.replace(/^\s+/, '');
      $(node).replaceWith(html);
    };
    for (const node of commentsIn($.root().get(0)!)) {
      const data = (node as unknown as { data: string }).data;
      const more = /^more(?:\s+([\s\S]*?))?\s*$/.exec(data);
      if (more) replaceMarker(node, `<${MORE_TAG} data-text="${(more[1] ?? '').replace(/"/g, '&quot;')}">more</${MORE_TAG}>`);
      else if (/^nextpage\s*$/.test(data)) replaceMarker(node, `<${NEXTPAGE_TAG}>nextpage</${NEXTPAGE_TAG}>`);
      else $(node).remove();
    }
  },
};

function commentsIn(root: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'comment') found.push(node);
    for (const child of (node as { children?: AnyNode[] }).children ?? []) walk(child);
  };
  walk(root);
  return found;
}
