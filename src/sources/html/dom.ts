import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';

export type { Element };
export type Nodes = Cheerio<Element>;

/**
 * Text hidden from sight but read by screen readers ("Comments Off<span class="screen-reader-text">
 * on {title}</span>"), and the WP Subtitle / reading-time decorations some themes print inside
 * titles. Never part of a title, a count or a term name.
 */
const HIDDEN_TEXT = '.screen-reader-text, .assistive-text, .sr-only, .visually-hidden, script, style, noscript';

/** Visible text of an element: hidden text removed, whitespace (incl. no-break spaces) collapsed. */
export function visibleText(node: Nodes): string {
  const copy = node.clone();
  copy.find(HIDDEN_TEXT).remove();
  return collapse(copy.text());
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007]+/g, ' ').trim();
}

/** The element's class names. */
export function classesOf(node: Element): string[] {
  return (node.attribs['class'] ?? '').split(/\s+/).filter(Boolean);
}

/** Keeps the nodes that are not inside any of `outside` (nor one of them). */
export function notInside(nodes: Nodes, outside: readonly Element[]): Nodes {
  if (outside.length === 0) return nodes;
  return nodes.filter((_, el) => !outside.some((o) => o === el || isAncestor(o, el)));
}

export function isAncestor(ancestor: Element, node: Element): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
