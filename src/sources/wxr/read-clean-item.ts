import type { PrefixMap } from './namespaces.js';
import { isCleanItem, leafValue, normalizeNewlines } from './clean-item.js';
import type { WxrComment, WxrItem } from './parse-item.js';
import { detached } from './xml-text.js';

/**
 * What reading an item with the clean-item scan gave: not clean (the item takes the road of
 * repairs), clean and read, or clean in a shape this reader leaves to fast-xml-parser.
 */
export type CleanRead = { clean: false } | { clean: true; item: WxrItem | undefined };

/** A leaf element's place in the text: its value is read only if it is a field. */
interface Leaf {
  name: string;
  start: number;
  end: number;
}

/** Fields of an item (depth 1) that parseWxrItem() reads as strings. */
const ITEM_FIELDS = new Set([
  'title',
  'link',
  'dc:creator',
  'guid',
  'content:encoded',
  'excerpt:encoded',
  'wp:post_id',
  'wp:post_date',
  'wp:post_date_gmt',
  'wp:post_modified',
  'wp:post_modified_gmt',
  'wp:post_name',
  'wp:status',
  'wp:post_parent',
  'wp:menu_order',
  'wp:post_type',
  'wp:post_password',
  'wp:is_sticky',
  'wp:attachment_url',
]);
/** Fields of a comment (depth 2) that parseWxrItem() reads. */
const COMMENT_FIELDS = new Set([
  'wp:comment_id',
  'wp:comment_author',
  'wp:comment_author_email',
  'wp:comment_author_url',
  'wp:comment_author_IP',
  'wp:comment_date',
  'wp:comment_date_gmt',
  'wp:comment_content',
  'wp:comment_approved',
  'wp:comment_type',
  'wp:comment_parent',
]);
const META_FIELDS = new Set(['wp:meta_key', 'wp:meta_value']);

/**
 * Reads a clean item (isCleanItem: one well-formed element in a strict subset of XML) during the
 * scan that proves it clean, instead of handing it to fast-xml-parser afterwards: an item is then
 * walked once, not three times (scan, CDATA set aside, parse). The result is what parseWxrItem()
 * gives for the same text (tests compare the two on every item of the corpus and on damaged
 * variants). Shapes WordPress does not write, where the parser's rules are subtle, are left to the
 * parser (`item: undefined`): a root other than <item> or without child elements, a field that has
 * child elements, a name spelled with two prefixes bound to one namespace.
 */
export function readCleanItem(text: string, declared: ReadonlySet<string>, prefixes: PrefixMap): CleanRead {
  const spellings = new Map<string, string>();
  const canonical = (name: string): string => {
    if (prefixes.size === 0) return name;
    const colon = name.indexOf(':');
    if (colon <= 0) return name;
    const mapped = prefixes.get(name.slice(0, colon));
    const field = mapped === undefined ? name : `${mapped}${name.slice(colon)}`;
    // Two spellings of one name: the parser's rule (the spelling that came last wins) is not worth copying.
    const seen = spellings.get(field);
    if (seen === undefined) spellings.set(field, name);
    else if (seen !== name) shaped = false;
    return field;
  };
  const fields = new Map<string, Leaf[]>();
  const categories: Array<{ leaf: Leaf; attributes: string }> = [];
  const meta: Array<{ key: string; value: string }> = [];
  const comments: WxrComment[] = [];
  /** Leaves of the depth-1 element being read, and the names of its child elements with children. */
  let children: Leaf[] = [];
  let containers: string[] = [];
  let shaped = true;
  /** The root's name, once it closed with child elements (a root without any is left to the parser). */
  let root: string | undefined;

  const value = (leaves: readonly Leaf[] | undefined): string => {
    if (leaves === undefined) return '';
    let out = '';
    for (const leaf of leaves) out += leafValue(text, leaf.start, leaf.end);
    return detached(out);
  };
  const childValue = (name: string): string => value(children.filter((leaf) => leaf.name === name));

  const clean = isCleanItem(text, declared, {
    // A comment in a leaf is left out of its value, as the parser leaves it out.
    leaf(name, depth, start, end) {
      if (depth === 0 || depth > 2) return;
      const field = canonical(name);
      const leaf = { name: field, start, end };
      if (depth === 2) children.push(leaf);
      else if (field === 'category') categories.push({ leaf, attributes: startTagAttributes(text, start) });
      else if (field === 'wp:postmeta') meta.push({ key: '', value: '' });
      else if (field === 'wp:comment') comments.push(toComment(() => ''));
      else if (ITEM_FIELDS.has(field)) {
        const list = fields.get(field);
        if (list === undefined) fields.set(field, [leaf]);
        else list.push(leaf);
      }
    },
    close(name, depth) {
      if (depth === 0) {
        root = name;
        return;
      }
      if (depth > 2) return;
      const element = canonical(name);
      if (depth === 2) {
        containers.push(element);
        return;
      }
      if (element === 'wp:postmeta') {
        if (containers.some((c) => META_FIELDS.has(c))) shaped = false;
        meta.push({ key: childValue('wp:meta_key').trim(), value: childValue('wp:meta_value') });
      } else if (element === 'wp:comment') {
        if (containers.some((c) => COMMENT_FIELDS.has(c))) shaped = false;
        comments.push(toComment(childValue));
      } else if (ITEM_FIELDS.has(element) || element === 'category') shaped = false;
      children = [];
      containers = [];
    },
  });
  if (!clean) return { clean: false };
  if (!shaped || root !== 'item') return { clean: true, item: undefined };
  const field = (name: string): string => value(fields.get(name));
  return {
    clean: true,
    item: {
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
      categories: categories.map(({ leaf, attributes }) => ({
        domain: attributeValue(attributes, 'domain') ?? '',
        nicename: attributeValue(attributes, 'nicename'),
        name: value([leaf]),
      })),
      meta,
      comments,
    },
  };
}

function toComment(field: (name: string) => string): WxrComment {
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

/**
 * The attributes of the start tag that ends right before `contentStart` (`<category domain="…">`).
 * In a clean item, values are quoted and hold no `<`, `&` or `>`: the tag's `<` is the last one.
 */
function startTagAttributes(text: string, contentStart: number): string {
  return text.slice(text.lastIndexOf('<', contentStart - 1), contentStart);
}

/** One attribute of a clean start tag, from where the previous one ended (values hold no `<`, `&` or `>`). */
const ATTRIBUTE = /[ \t\n\r]+([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)=(?:"([^"]*)"|'([^']*)')/y;

/**
 * A quoted attribute's value in a clean start tag, line ends normalised as the parser does (no
 * references to decode: clean values have no `&`). Attributes are read one after the other, as
 * the parser reads them: `domain=` written inside another attribute's value is not one.
 */
function attributeValue(tag: string, name: string): string | undefined {
  const afterName = tag.search(/[ \t\n\r]/);
  if (afterName === -1) return undefined;
  ATTRIBUTE.lastIndex = afterName;
  for (let match = ATTRIBUTE.exec(tag); match !== null; match = ATTRIBUTE.exec(tag)) {
    if (match[1] === name) return detached(normalizeNewlines(match[2] ?? match[3]!));
  }
  return undefined;
}

function toInt(value: string): number {
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) ? n : 0;
}
