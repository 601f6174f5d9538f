import type TurndownService from 'turndown';
import type { AnyNode, Element } from 'domhandler';
import type { Dom } from '../dom.js';
import { ViewNode } from './view-node.js';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * The cheerio DOM of a body, after its passes, as the tree turndown converts: under an
 * `<x-turndown>` root, as turndown places HTML it parses itself. The result is what serializing
 * the DOM and parsing it again would give (adjacent text joined, line ends normalized, nothing
 * empty), without the cost of doing it.
 */
export function viewOf($: Dom): ViewNode {
  const root = ViewNode.element('x-turndown', 'html');
  appendChildren(root, $.root()[0]?.children ?? []);
  return root;
}

/**
 * What to hand turndown: it converts a copy of the node it is given (cloneNode), and this tree
 * was built for it alone, so the "copy" is the tree itself.
 */
export function turndownInput(root: ViewNode): TurndownService.Node {
  return { nodeType: root.nodeType, cloneNode: () => root } as unknown as TurndownService.Node;
}

function appendChildren(parent: ViewNode, children: readonly AnyNode[]): void {
  let pendingText = '';
  const flushText = (): void => {
    if (pendingText) parent.appendChild(ViewNode.text(pendingText.includes('\r') ? pendingText.replace(/\r\n?/g, '\n') : pendingText));
    pendingText = '';
  };
  for (const child of children) {
    if (child.type === 'text' || child.type === 'cdata') {
      pendingText += child.type === 'text' ? child.data : textOfCdata(child);
      continue;
    }
    if (child.type === 'comment') {
      flushText();
      parent.appendChild(ViewNode.comment(child.data));
    } else if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
      flushText();
      const namespace = (child as { namespace?: string }).namespace;
      const space = namespace === undefined || namespace === HTML_NAMESPACE ? 'html' : 'foreign';
      const element = ViewNode.element(space === 'html' ? child.name.toLowerCase() : child.name, space, attributesOf(child, space));
      parent.appendChild(element);
      appendChildren(element, child.children);
    }
    // directives (<!doctype>) and processing instructions carry no content
  }
  flushText();
}

/**
 * The element's attributes by their qualified names. parse5 keeps the prefix of a foreign
 * attribute (`xlink:href`, `xml:lang`, `xmlns:xlink` in SVG and MathML) apart from its name.
 */
function attributesOf(element: Element, space: 'html' | 'foreign'): Record<string, string> {
  const prefixes = (element as { 'x-attribsPrefix'?: Record<string, string | undefined> })['x-attribsPrefix'];
  if (space === 'html' || prefixes === undefined || !Object.values(prefixes).some(Boolean)) return element.attribs;
  const qualified: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attribs)) qualified[prefixes[name] ? `${prefixes[name]}:${name}` : name] = value;
  return qualified;
}

function textOfCdata(node: AnyNode): string {
  return 'children' in node ? node.children.map((child) => ('data' in child ? String(child.data) : '')).join('') : '';
}
