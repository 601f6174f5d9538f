import type { CheerioAPI } from 'cheerio';
import { Element as DomElement, type AnyNode, type ChildNode, type Document, type Element } from 'domhandler';
import { loadHtml, parseFragmentNodes } from './cheerio-load.js';
import { parseSimpleFragment } from './simple-html.js';

export type { AnyNode, Element };
export type Dom = CheerioAPI;

/**
 * One cheerio instance for every fragment: `cheerio.load()` defines a new class per call, which
 * costs more than parsing a short body and makes every later cheerio call slower.
 */
let shared: Dom | undefined;

/** Whether tidy HTML is parsed by the fast path (simple-html.ts); tests turn it off to compare. */
export const parsing = { fastPath: true };

/**
 * An HTML fragment as a DOM, as browsers parse it (parse5, or for tidy HTML htmlparser2, which
 * builds the same tree faster). The DOM is the shared instance's: it stays valid until the next
 * call (one body, then each of its notes, one after the other).
 */
export function loadFragment(html: string): Dom {
  shared ??= sharedInstance();
  const nodes = (parsing.fastPath ? parseSimpleFragment(html) : undefined) ?? parseFragmentNodes(html);
  const document = shared.root()[0] as Document;
  for (const child of document.children) child.parent = null;
  document.children = nodes;
  for (const node of nodes) node.parent = document;
  return shared;
}

/**
 * The shared instance. The HTML the passes insert (`replaceWith('<figure>…')`) goes through the
 * fast path first too: parse5 costs more to set up than such a snippet takes to parse.
 */
function sharedInstance(): Dom {
  return loadHtml('', false, (html) => (parsing.fastPath ? parseSimpleFragment(html) : undefined));
}

export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

/** Elements that count as content even without text. */
const SUBSTANTIAL = 'img, iframe, video, audio, object, embed, table, svg, canvas, input, math';

/** No visible text (spaces and no-break spaces do not count) and no image, media or table. */
export function isBlank($: Dom, node: AnyNode): boolean {
  if (node.type === 'text') return !/[^\s\u00a0]/.test((node as unknown as { data: string }).data);
  if (node.type === 'comment') return true;
  if (!isElement(node)) return true;
  if (node.tagName === 'hr' || node.tagName === 'br') return true;
  const el = $(node);
  return !/[^\s\u00a0]/.test(el.text()) && el.find(SUBSTANTIAL).length === 0 && !el.is(SUBSTANTIAL);
}

/** The class names of an element. */
export function classes(node: Element): string[] {
  return (node.attribs['class'] ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Replaces `el` by its inline wrappers' chain top while the wrapper holds nothing else: for
 * `<sup><a>1</a></sup>` given the <a>, returns the <sup>. Wrappers: sup, span, small, strong, b, em.
 */
export function outermostWrapper($: Dom, el: Element, tags = ['sup', 'span', 'small', 'strong', 'b', 'em', 'i']): Element {
  let node = el;
  const text = $(el).text().trim();
  while (node.parent && isElement(node.parent) && tags.includes(node.parent.tagName) && $(node.parent).text().trim() === text && $(node.parent).find('img').length === $(node).find('img').length) {
    node = node.parent;
  }
  return node;
}

/**
 * The elements of the document, in document order, that `test` accepts: what `$(selector)` gives
 * for a selector `test` spells out, in one walk. A selector costs a parse, a compiled matcher and
 * cheerio's wrapping at each call: for the passes that run on every post, more than the walk.
 * The list is made before the caller changes anything, as `$(selector)` makes it.
 */
export function elementsWhere($: Dom, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  eachElement($, (el) => {
    if (test(el)) found.push(el);
  });
  return found;
}

/** Calls `visit` for each element of the document, in document order; `visit` must not change the DOM. */
export function eachElement($: Dom, visit: (el: Element) => void): void {
  // An explicit stack: pasted HTML can nest deeper than the call stack goes.
  const stack: AnyNode[] = [...($.root()[0] as Document).children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) continue;
    visit(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Whether an element above `node` (the document aside) is one `test` accepts: `$(node).parents(selector).length > 0`. */
export function hasAncestor(node: AnyNode, test: (el: Element) => boolean): boolean {
  for (let parent = node.parent; parent !== null && isElement(parent); parent = parent.parent) if (test(parent)) return true;
  return false;
}

/** `$(old).replaceWith(replacement)` for one node made by the caller (nothing to parse). */
export function replaceNode(old: AnyNode, replacement: ChildNode): void {
  const { parent } = old;
  if (!parent) return;
  const index = parent.children.indexOf(old as ChildNode);
  parent.children[index] = replacement;
  replacement.parent = parent;
  replacement.prev = old.prev;
  replacement.next = old.next;
  if (old.prev) old.prev.next = replacement;
  if (old.next) old.next.prev = replacement;
  old.parent = old.prev = old.next = null;
}

/** `$(node).remove()` for one node. */
export function removeNode(node: AnyNode): void {
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  if (node.parent) {
    const { children } = node.parent;
    const index = children.lastIndexOf(node as ChildNode);
    if (index >= 0) children.splice(index, 1);
  }
  node.parent = node.prev = node.next = null;
}

/** A new element, as the parser would build `<name attributes>children</name>` (HTML namespace aside). */
export function newElement(name: string, attributes: Record<string, string>, children: ChildNode[] = []): Element {
  const element = new DomElement(name, attributes, children);
  children.forEach((child, i) => {
    child.parent = element;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
  return element;
}
