import { serializeChildren, serializeNode } from './serialize.js';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;

/** Where an element comes from: HTML, or SVG/MathML content inside HTML (names keep their case). */
export type ElementSpace = 'html' | 'foreign';

/**
 * The DOM, as far as turndown and unpress's rules (rules/) read and edit it: a small tree of
 * plain objects built from the cheerio DOM once its passes are done (from-cheerio.ts), so the
 * body is never serialized to HTML and parsed a second time by turndown's own parser (domino).
 *
 * Members follow the DOM's meaning: `nodeName` is upper case for HTML elements, `children` holds
 * elements only, `textContent` joins the text of every descendant. Turndown adds its own marks
 * (isBlock, isCode...) to nodes as it goes, as it does on a browser's DOM.
 */
export class ViewNode {
  parentNode: ViewNode | null = null;
  firstChild: ViewNode | null = null;
  lastChild: ViewNode | null = null;
  previousSibling: ViewNode | null = null;
  nextSibling: ViewNode | null = null;
  /** Turndown's marks. */
  isBlock?: boolean;
  isCode?: boolean;
  isBlank?: boolean;
  flankingWhitespace?: { leading: string; trailing: string };

  private constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    /** Text or comment data; '' for elements. */
    public data: string,
    /** The tag as written in HTML: lower case for HTML elements, as parsed for SVG/MathML. */
    readonly localName: string,
    readonly space: ElementSpace,
    /** Name -> value, owned by this node (the parser's record, not copied). */
    private readonly attrs: Record<string, string>,
  ) {}

  static element(localName: string, space: ElementSpace, attributes: Record<string, string> = {}): ViewNode {
    const name = space === 'html' ? upperCaseName(localName) : localName;
    return new ViewNode(ELEMENT_NODE, name, '', localName, space, attributes);
  }

  static text(data: string): ViewNode {
    return new ViewNode(TEXT_NODE, '#text', data, '', 'html', NO_ATTRIBUTES);
  }

  static comment(data: string): ViewNode {
    return new ViewNode(COMMENT_NODE, '#comment', data, '', 'html', NO_ATTRIBUTES);
  }

  get nodeValue(): string | null {
    return this.nodeType === ELEMENT_NODE ? null : this.data;
  }

  set nodeValue(value: string | null) {
    if (this.nodeType !== ELEMENT_NODE) this.data = value ?? '';
  }

  get tagName(): string {
    return this.nodeName;
  }

  get childNodes(): ViewNode[] {
    const nodes: ViewNode[] = [];
    for (let child = this.firstChild; child; child = child.nextSibling) nodes.push(child);
    return nodes;
  }

  get children(): ViewNode[] {
    return this.childNodes.filter((child) => child.nodeType === ELEMENT_NODE);
  }

  get firstElementChild(): ViewNode | null {
    for (let child = this.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) return child;
    return null;
  }

  get lastElementChild(): ViewNode | null {
    for (let child = this.lastChild; child; child = child.previousSibling) if (child.nodeType === ELEMENT_NODE) return child;
    return null;
  }

  get textContent(): string {
    if (this.nodeType !== ELEMENT_NODE) return this.data;
    let text = '';
    for (let node = this.firstChild; node && node !== this; node = following(node, this)) {
      if (node.nodeType === TEXT_NODE) text += node.data;
    }
    return text;
  }

  get attributes(): Array<{ name: string; value: string }> {
    return Object.entries(this.attrs).map(([name, value]) => ({ name, value }));
  }

  getAttribute(name: string): string | null {
    if (Object.hasOwn(this.attrs, name)) return this.attrs[name]!;
    const lower = name.toLowerCase();
    return Object.hasOwn(this.attrs, lower) ? this.attrs[lower]! : null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  removeAttribute(name: string): void {
    delete this.attrs[name];
  }

  get ownerDocument(): ViewDocument {
    return VIEW_DOCUMENT;
  }

  get outerHTML(): string {
    return serializeNode(this);
  }

  get innerHTML(): string {
    return serializeChildren(this);
  }

  /**
   * Elements below this one in document order whose tag is in `selector` (`a, b`), or all (`*`).
   * As in an HTML document: HTML elements match whatever the case, SVG and MathML ones exactly.
   */
  querySelectorAll(selector: string): ViewNode[] {
    const names = selector.split(',').map((name) => name.trim());
    if (names.some((name) => !/^(?:\*|[A-Za-z][\w-]*)$/.test(name))) throw new Error(`unsupported selector: ${selector}`);
    const all = names.includes('*');
    const lower = names.map((name) => name.toLowerCase());
    const found: ViewNode[] = [];
    for (let node = this.firstChild; node && node !== this; node = following(node, this)) {
      if (node.nodeType !== ELEMENT_NODE) continue;
      if (all || (node.space === 'html' ? lower.includes(node.localName) : names.includes(node.localName))) found.push(node);
    }
    return found;
  }

  querySelector(selector: string): ViewNode | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  getElementsByTagName(name: string): ViewNode[] {
    return this.querySelectorAll(name);
  }

  appendChild(child: ViewNode): ViewNode {
    child.remove();
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
    return child;
  }

  removeChild(child: ViewNode): ViewNode {
    if (child.parentNode !== this) throw new Error('not a child of this node');
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    else this.firstChild = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    else this.lastChild = child.previousSibling;
    child.parentNode = child.previousSibling = child.nextSibling = null;
    return child;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  replaceWith(node: ViewNode): void {
    const parent = this.parentNode;
    if (!parent || node === this) return;
    node.remove();
    node.parentNode = parent;
    node.previousSibling = this.previousSibling;
    node.nextSibling = this.nextSibling;
    if (this.previousSibling) this.previousSibling.nextSibling = node;
    else parent.firstChild = node;
    if (this.nextSibling) this.nextSibling.previousSibling = node;
    else parent.lastChild = node;
    this.parentNode = this.previousSibling = this.nextSibling = null;
  }

  cloneNode(deep = false): ViewNode {
    const copy = new ViewNode(this.nodeType, this.nodeName, this.data, this.localName, this.space, this.nodeType === ELEMENT_NODE ? { ...this.attrs } : NO_ATTRIBUTES);
    if (deep) for (let child = this.firstChild; child; child = child.nextSibling) copy.appendChild(child.cloneNode(true));
    return copy;
  }
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** HTML tag name -> its nodeName, one string per name (a run meets a few dozen names). */
const UPPER_CASE_NAMES = new Map<string, string>();
const MAX_NAMES = 2000;

/**
 * An HTML element's nodeName, as an internalized string (the kind V8 makes of property names and
 * literals). Turndown looks node names up in arrays of literals at every node (isBlock, isVoid,
 * rule filters): V8 tells two internalized strings apart by address, other strings by content.
 */
function upperCaseName(localName: string): string {
  let name = UPPER_CASE_NAMES.get(localName);
  if (name === undefined) {
    name = internalized(localName.toUpperCase());
    // The key is a copy too: the parser's tag name may be a slice that keeps a whole body alive.
    if (UPPER_CASE_NAMES.size < MAX_NAMES) UPPER_CASE_NAMES.set(internalized(localName), name);
  }
  return name;
}

function internalized(text: string): string {
  return Object.keys({ [text]: 0 })[0]!;
}

/** The next node after `node` in document order, staying inside `root`; `root` itself when done. */
function following(node: ViewNode, root: ViewNode): ViewNode {
  if (node.firstChild) return node.firstChild;
  for (let current: ViewNode | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return root;
}

/** What rules create nodes with (`node.ownerDocument.createTextNode(…)`). */
export interface ViewDocument {
  createTextNode(data: string): ViewNode;
  createComment(data: string): ViewNode;
}

const VIEW_DOCUMENT: ViewDocument = {
  createTextNode: (data) => ViewNode.text(data),
  createComment: (data) => ViewNode.comment(data),
};
