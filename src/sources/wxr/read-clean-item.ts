import { canonicalName, type PrefixMap } from './namespaces.js';
import { isCleanItem, leafValue, normalizeNewlines } from './clean-item.js';
import { wxrCommentOf, wxrItemOf, type WxrComment, type WxrItem } from './parse-item.js';
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

/** The fields a builder reads, found by running it once with a field reader that notes names. */
function fieldsRead(build: (field: (name: string) => string) => unknown): ReadonlySet<string> {
  const names = new Set<string>();
  build((name) => {
    names.add(name);
    return '';
  });
  return names;
}

/** Fields of an item (depth 1) and of a comment (depth 2) that an item is made of. */
const ITEM_FIELDS = fieldsRead((field) => wxrItemOf(field, { categories: [], meta: [], comments: [] }));
const COMMENT_FIELDS = fieldsRead(wxrCommentOf);
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
    if (prefixes.size === 0 || name.indexOf(':') <= 0) return name;
    const field = canonicalName(name, prefixes);
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
      else if (field === 'wp:comment') comments.push(wxrCommentOf(() => ''));
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
        comments.push(wxrCommentOf(childValue));
      } else if (ITEM_FIELDS.has(element) || element === 'category') shaped = false;
      children = [];
      containers = [];
    },
  });
  if (!clean) return { clean: false };
  if (!shaped || root !== 'item') return { clean: true, item: undefined };
  const item = wxrItemOf((name) => value(fields.get(name)), {
    categories: categories.map(({ leaf, attributes }) => ({
      domain: attributeValue(attributes, 'domain') ?? '',
      nicename: attributeValue(attributes, 'nicename'),
      name: value([leaf]),
    })),
    meta,
    comments,
  });
  return { clean: true, item };
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
