import type { XMLParser } from 'fast-xml-parser';
import { canonicalName, type PrefixMap } from './namespaces.js';
import { decodeXmlText, detached, makeWxrParser, setAsideCdata } from './xml-text.js';

/** One <item> of an export, as typed strings and numbers; nothing interpreted yet. */
export interface WxrItem {
  title: string;
  link: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: number;
  postDate: string;
  postDateGmt: string;
  modified: string;
  modifiedGmt: string;
  postName: string;
  status: string;
  parent: number;
  menuOrder: number;
  postType: string;
  password: string;
  isSticky: boolean;
  attachmentUrl: string;
  /** Item <category> elements; `nicename` is missing on WXR 1.0's legacy duplicates. */
  categories: Array<{ domain: string; nicename: string | undefined; name: string }>;
  meta: Array<{ key: string; value: string }>;
  comments: WxrComment[];
}

export interface WxrComment {
  id: number;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  approved: string;
  type: string;
  parent: number;
}

let parser: XMLParser | undefined;

/** fast-xml-parser's ordered output: an element `{ name: children, ':@'?: attributes }` or `{ '#text': text }`. */
type OrderedNode = Record<string, unknown>;

/**
 * Parses the text of one <item>...</item>; throws when it is not well-formed. `checked`: the text
 * is known to be well-formed (isCleanItem), so the parser's own validation is skipped.
 *
 * The parser's ordered output is read directly: its conversion to objects (a quarter of parsing)
 * is skipped. What is read is what that conversion gave: an element's value is its own text
 * (child elements and attributes apart), repeated elements join their values, and a name that two
 * prefixes of one namespace spell twice is read from the one that came last.
 */
export function parseWxrItem(text: string, prefixes: PrefixMap, checked = false): WxrItem {
  parser ??= makeWxrParser({ preserveOrder: true });
  // Bodies are set aside before parsing: the parser walks only the item's markup.
  const aside = setAsideCdata(text);
  const root = parser.parse(aside.xml, !checked) as OrderedNode[];
  const itemNode = root.find((node) => nameOf(node) === 'item');
  if (itemNode === undefined || !isObjectLike(itemNode)) throw new Error('the item has no content');
  const item = childrenOf(itemNode, prefixes);
  // Values are copies (detached): a slice of the item's text would keep all of it alive for as
  // long as a title sits in the manifest.
  const own = (value: string): string => detached(aside.restore(value));
  const str = (nodes: readonly OrderedNode[] | undefined): string => (nodes === undefined ? '' : own(nodes.map(textOfNode).join('')));
  return wxrItemOf((name) => str(item.get(name)), {
    categories: (item.get('category') ?? []).map((c) => ({
      domain: restoreAttr(attributeOf(c, 'domain'), own) ?? '',
      nicename: restoreAttr(attributeOf(c, 'nicename'), own),
      name: str([c]),
    })),
    meta: (item.get('wp:postmeta') ?? []).map((m) => {
      const node = childrenOf(m, prefixes);
      return { key: str(node.get('wp:meta_key')).trim(), value: str(node.get('wp:meta_value')) };
    }),
    comments: (item.get('wp:comment') ?? []).map((c) => {
      const node = childrenOf(c, prefixes);
      return wxrCommentOf((name) => str(node.get(name)));
    }),
  });
}

/**
 * An item from the text of its fields (canonical names, values as read: decoded, not trimmed) and
 * its lists; how each field is typed (trimmed, a number, a flag), whoever read the XML.
 */
export function wxrItemOf(field: (name: string) => string, lists: Pick<WxrItem, 'categories' | 'meta' | 'comments'>): WxrItem {
  return {
    title: field('title'),
    link: field('link').trim(),
    creator: field('dc:creator').trim(),
    guid: field('guid').trim(),
    content: field('content:encoded'),
    excerpt: field('excerpt:encoded'),
    postId: toInt(field('wp:post_id')),
    postDate: field('wp:post_date').trim(),
    postDateGmt: field('wp:post_date_gmt').trim(),
    modified: field('wp:post_modified').trim(),
    modifiedGmt: field('wp:post_modified_gmt').trim(),
    postName: field('wp:post_name').trim(),
    status: field('wp:status').trim(),
    parent: toInt(field('wp:post_parent')),
    menuOrder: toInt(field('wp:menu_order')),
    postType: field('wp:post_type').trim(),
    password: field('wp:post_password'),
    isSticky: field('wp:is_sticky').trim() === '1',
    attachmentUrl: field('wp:attachment_url').trim(),
    ...lists,
  };
}

/** The element's name (the first key that is not its attributes), `#text` for text. */
function nameOf(node: OrderedNode): string | undefined {
  for (const key in node) if (key !== ':@') return key;
  return undefined;
}

function elementChildren(node: OrderedNode): OrderedNode[] {
  const name = nameOf(node);
  const children = name === undefined || name === '#text' ? undefined : node[name];
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

/** An element the object conversion made an object (attributes or child elements), not a string. */
function isObjectLike(node: OrderedNode): boolean {
  return node[':@'] !== undefined || elementChildren(node).some((child) => nameOf(child) !== '#text');
}

/**
 * Child elements by name, prefixes made canonical, in document order. As with canonicalKeys() over
 * the converted object, when two spellings give one canonical name, the spelling seen first last wins.
 */
function childrenOf(node: OrderedNode, prefixes: PrefixMap): Map<string, OrderedNode[]> {
  const bySpelling = new Map<string, OrderedNode[]>();
  for (const child of elementChildren(node)) {
    const name = nameOf(child);
    if (name === undefined || name === '#text') continue;
    const list = bySpelling.get(name);
    if (list) list.push(child);
    else bySpelling.set(name, [child]);
  }
  if (prefixes.size === 0) return bySpelling;
  const out = new Map<string, OrderedNode[]>();
  for (const [name, list] of bySpelling) out.set(canonicalName(name, prefixes), list);
  return out;
}

/** An element's own text, entity-decoded (child elements and attributes apart). */
function textOfNode(node: OrderedNode): string {
  let text = '';
  for (const child of elementChildren(node)) {
    const value = child['#text'];
    if (value !== undefined && nameOf(child) === '#text') text += String(value);
  }
  return decodeXmlText(text);
}

function attributeOf(node: OrderedNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return value === undefined ? undefined : decodeXmlText(String(value));
}

function restoreAttr(value: string | undefined, restore: (value: string) => string): string | undefined {
  return value === undefined ? undefined : restore(value);
}

/** A comment from the text of its fields, as wxrItemOf() for items. */
export function wxrCommentOf(field: (name: string) => string): WxrComment {
  return {
    id: toInt(field('wp:comment_id')),
    author: field('wp:comment_author'),
    authorEmail: field('wp:comment_author_email').trim(),
    authorUrl: field('wp:comment_author_url').trim(),
    authorIp: field('wp:comment_author_IP').trim(),
    date: field('wp:comment_date').trim(),
    dateGmt: field('wp:comment_date_gmt').trim(),
    content: field('wp:comment_content'),
    approved: field('wp:comment_approved').trim(),
    type: field('wp:comment_type').trim(),
    parent: toInt(field('wp:comment_parent')),
  };
}

function toInt(value: string): number {
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) ? n : 0;
}
