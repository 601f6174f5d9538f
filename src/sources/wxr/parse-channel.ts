import { XMLValidator } from 'fast-xml-parser';
import type { SiteIndex, TermInfo } from '../../model/site.js';
import { termKey } from '../../model/site.js';
import { canonicalKeys, readPrefixMap, type PrefixMap } from './namespaces.js';
import { repairItemXml } from './repair-item.js';
import { inlineCdata, listOf, makeWxrParser, textOf } from './xml-text.js';

export interface WxrChannel {
  prefixes: PrefixMap;
  /** Every prefix the header binds (xmlns:p), to tell items that use an undeclared one. */
  declaredPrefixes: ReadonlySet<string>;
  /** What was wrong with the header and read leniently (a DOCTYPE ignored, entities...). */
  repairs: string[];
  wxrVersion?: string;
  title?: string;
  link?: string;
  language?: string;
  baseUrl?: string;
  authors: Array<{ login: string; displayName: string }>;
  terms: TermInfo[];
}

/** Thrown for input that is not a WXR export at all; the message is one sentence for the user. */
export class NotAnExportError extends Error {}

/**
 * Reads the channel header (everything before the first <item>): namespaces, site facts, authors
 * and the term dictionary. A DOCTYPE is dropped unread: WXR never has one, and its entities are
 * how hostile files explode (billion laughs) or read local files (external entities). Entity
 * references are never expanded beyond XML's five and HTML's named ones.
 */
export function parseWxrChannel(header: string): WxrChannel {
  const text = header.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new NotAnExportError('is empty');
  const rssChannel = /<rss[\s>]/.test(text) && /<channel[\s>]/.test(text);
  // A damaged <rss> or <channel> does not make an export something else: its namespace says what it is.
  const wxrSigns = /wordpress\.org\/export\/|<(?:\w+:)?wxr_version>/.test(text);
  if (!rssChannel && !wxrSigns) {
    if (/<html[\s>]/i.test(text)) throw new NotAnExportError('is an HTML page, not a WordPress export (WXR)');
    if (!/^\s*</.test(text)) throw new NotAnExportError('is not XML');
    throw new NotAnExportError('is XML but not a WordPress export (no <rss><channel>)');
  }
  const { text: withoutDoctype, doctype } = dropDoctype(text);
  const repaired = repairItemXml(withoutDoctype, new Set());
  const repairs = [
    ...(doctype ? ['ignored a DOCTYPE: its entity declarations are never expanded or fetched'] : []),
    ...(rssChannel ? [] : ['read a header whose <rss> or <channel> tag is missing or damaged']),
    ...repaired.repairs,
  ];
  const closed = /<\/rss>/.test(repaired.text) ? repaired.text : `${repaired.text}</channel></rss>`;
  const prefixes = readPrefixMap(withoutDoctype);
  const inlined = inlineCdata(closed);
  const strict = XMLValidator.validate(inlined);
  if (strict !== true) {
    // Still read (the items may be fine), but the user learns that site facts may be incomplete.
    repairs.push(`its structure is broken at line ${strict.err.line} (${strict.err.msg.replace(/\.$/, '')}): site facts, authors or terms may be incomplete`);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = canonicalKeys(makeWxrParser().parse(inlined) as Record<string, unknown>, prefixes);
  } catch (error) {
    throw new NotAnExportError(`has a channel header that cannot be read (${(error as Error).message.split('\n')[0]})`);
  }
  const rss = parsed['rss'] as Record<string, unknown> | undefined;
  const channel = ((rss?.['channel'] as Record<string, unknown> | undefined) ?? findChannel(parsed) ?? {}) as Record<string, unknown>;
  const wxrVersion = textOf(channel['wp:wxr_version']).trim() || undefined;
  if (wxrVersion === undefined && !/wordpress\.org\/export\//.test(withoutDoctype)) {
    throw new NotAnExportError('is an RSS feed, not a WordPress export (no WXR namespace)');
  }
  return {
    prefixes,
    declaredPrefixes: new Set([...withoutDoctype.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=/g)].map((m) => m[1]!)),
    repairs,
    wxrVersion,
    title: decodeName(textOf(channel['title'])),
    link: textOf(channel['link']).trim() || undefined,
    language: textOf(channel['language']).trim() || undefined,
    baseUrl: (textOf(channel['wp:base_blog_url']) || textOf(channel['wp:base_site_url'])).trim() || undefined,
    authors: listOf(channel['wp:author']).map((a) => {
      const node = a as Record<string, unknown>;
      const login = textOf(node['wp:author_login']).trim();
      return { login, displayName: decodeName(textOf(node['wp:author_display_name'])) || login };
    }),
    terms: [
      ...listOf(channel['wp:category']).map((c) => categoryTerm(c as Record<string, unknown>)),
      ...listOf(channel['wp:tag']).map((t) => tagTerm(t as Record<string, unknown>)),
      ...listOf(channel['wp:term']).map((t) => customTerm(t as Record<string, unknown>)),
    ].filter((t) => t.slug !== '' || t.name !== ''),
  };
}

/**
 * Removes a DOCTYPE declaration, internal subset included, scanning once (quotes and brackets
 * tracked) so that no crafted declaration can make it slow. An unterminated one runs to the end.
 */
export function dropDoctype(text: string): { text: string; doctype: boolean } {
  const start = text.search(/<!DOCTYPE/i);
  if (start === -1) return { text, doctype: false };
  let depth = 0;
  let quote = '';
  let end = text.length;
  for (let i = start + 9; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close === -1 ? text.length : close + 2;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '>' && depth === 0) {
      end = i + 1;
      break;
    }
  }
  return { text: text.slice(0, start) + text.slice(end), doctype: true };
}

/** The element that holds the channel's WXR children, wherever a damaged header left it. */
function findChannel(node: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!node || typeof node !== 'object' || depth > 4) return undefined;
  const element = (Array.isArray(node) ? node[0] : node) as Record<string, unknown> | undefined;
  if (!element || typeof element !== 'object') return undefined;
  if (['wp:wxr_version', 'wp:author', 'wp:category', 'wp:base_site_url'].some((key) => key in element)) return element;
  for (const [key, child] of Object.entries(element)) {
    if (key.startsWith('@_') || key === '#text') continue;
    const found = findChannel(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Term and author names are stored HTML-escaped by WordPress (&amp; in CDATA): decode once more. */
export function decodeName(value: string): string {
  return textOf(value).trim();
}

function categoryTerm(node: Record<string, unknown>): TermInfo {
  const slug = textOf(node['wp:category_nicename']).trim();
  return {
    taxonomy: 'category',
    slug,
    name: decodeName(textOf(node['wp:cat_name'])) || slug,
    parent: textOf(node['wp:category_parent']).trim(),
    description: textOf(node['wp:category_description']) || undefined,
  };
}

function tagTerm(node: Record<string, unknown>): TermInfo {
  const slug = textOf(node['wp:tag_slug']).trim();
  return {
    taxonomy: 'post_tag',
    slug,
    name: decodeName(textOf(node['wp:tag_name'])) || slug,
    parent: '',
    description: textOf(node['wp:tag_description']) || undefined,
  };
}

function customTerm(node: Record<string, unknown>): TermInfo {
  const slug = textOf(node['wp:term_slug']).trim();
  return {
    taxonomy: textOf(node['wp:term_taxonomy']).trim() || 'unknown',
    slug,
    name: decodeName(textOf(node['wp:term_name'])) || slug,
    parent: textOf(node['wp:term_parent']).trim(),
    description: textOf(node['wp:term_description']) || undefined,
  };
}

/** Adds a channel's authors and terms to the site index (split exports repeat them). */
export function addChannelToIndex(site: SiteIndex, channel: WxrChannel): void {
  site.title ??= channel.title;
  site.baseUrl ??= channel.baseUrl;
  site.language ??= channel.language;
  for (const author of channel.authors) if (!site.authors.has(author.login)) site.authors.set(author.login, author.displayName);
  for (const term of channel.terms) {
    const key = termKey(term.taxonomy, term.slug);
    if (!site.terms.has(key)) site.terms.set(key, term);
  }
}

