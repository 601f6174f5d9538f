/** parseWxrItem() as it was before it read fast-xml-parser's ordered output: the oracle of parse-item.test.ts. */
import type { XMLParser } from 'fast-xml-parser';
import { canonicalKeys, type PrefixMap } from '../../../src/sources/wxr/namespaces.js';
import { attrOf, detached, listOf, makeWxrParser, setAsideCdata, textOf } from '../../../src/sources/wxr/xml-text.js';

/** One <item> of an export, as typed strings and numbers; nothing interpreted yet. */
interface WxrItem {
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

interface WxrComment {
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

/**
 * Parses the text of one <item>...</item>; throws when it is not well-formed. `checked`: the text
 * is known to be well-formed (isCleanItem), so the parser's own validation is skipped.
 */
export function referenceParseWxrItem(text: string, prefixes: PrefixMap, checked = false): WxrItem {
  parser ??= makeWxrParser();
  // Bodies are set aside before parsing: the parser walks only the item's markup.
  const aside = setAsideCdata(text);
  const parsed = canonicalKeys(parser.parse(aside.xml, !checked) as Record<string, unknown>, prefixes);
  const item = listOf(parsed['item'])[0] as Record<string, unknown> | undefined;
  if (!item || typeof item !== 'object') throw new Error('the item has no content');
  // Values are copies (detached): a slice of the item's text would keep all of it alive for as
  // long as a title sits in the manifest.
  const own = (value: string): string => detached(aside.restore(value));
  const str = (node: unknown): string => own(textOf(node));
  const field = (name: string): string => str(item[name]);
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
    categories: listOf(item['category']).map((c) => ({
      domain: restoreAttr(attrOf(c, 'domain'), own) ?? '',
      nicename: restoreAttr(attrOf(c, 'nicename'), own),
      name: str(c),
    })),
    meta: listOf(item['wp:postmeta']).map((m) => {
      const node = m as Record<string, unknown>;
      return { key: str(node['wp:meta_key']).trim(), value: str(node['wp:meta_value']) };
    }),
    comments: listOf(item['wp:comment']).map((c) => toComment(c as Record<string, unknown>, str)),
  };
}

function restoreAttr(value: string | undefined, restore: (value: string) => string): string | undefined {
  return value === undefined ? undefined : restore(value);
}

function toComment(node: Record<string, unknown>, str: (node: unknown) => string): WxrComment {
  const field = (name: string): string => str(node[name]);
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
