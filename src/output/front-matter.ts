import { Document, stringify, type DocumentOptions, type ToStringOptions } from 'yaml';
import type { PostRecord } from '../model/post.js';

/** Front matter keys in the order they are written; only keys with a value appear. */
export type FrontMatter = Record<string, unknown>;

/**
 * The plain front matter: the exact keys other tools and our checks rely on (README lists them).
 * Custom taxonomies get one key each, named after the taxonomy, after tags.
 */
export function toFrontMatter(record: PostRecord): FrontMatter {
  const published = record.status === 'publish' && !record.passwordProtected;
  const fm: FrontMatter = {
    title: record.title,
    slug: record.slug || undefined,
    date: record.date,
    lastmod: record.modified && record.modified !== record.date ? record.modified : undefined,
    author: record.author,
    categories: nonEmpty(record.categories),
    tags: nonEmpty(record.tags),
  };
  for (const taxonomy of Object.keys(record.taxonomies).sort()) {
    if (Object.hasOwn(fm, taxonomy) || RESERVED.has(taxonomy)) continue;
    // defineProperty, not assignment: a taxonomy may be named __proto__ or constructor.
    const names = Object.hasOwn(record.taxonomies, taxonomy) ? record.taxonomies[taxonomy] : undefined;
    Object.defineProperty(fm, taxonomy, { value: nonEmpty(names ?? []), enumerable: true, writable: true, configurable: true });
  }
  Object.assign(fm, {
    comment_count: record.commentCount,
    draft: published ? undefined : true,
    status: published ? undefined : record.status,
    password_protected: record.passwordProtected ? true : undefined,
    wordpress_id: record.wordpressId,
    original_url: record.originalUrl,
    excerpt: record.excerpt,
    featured_image: record.featuredImage,
    truncated: record.truncated ? true : undefined,
  });
  for (const key of Object.keys(fm)) if (fm[key] === undefined) delete fm[key];
  return fm;
}

const RESERVED = new Set([
  'title', 'slug', 'date', 'lastmod', 'author', 'categories', 'tags', 'comment_count', 'draft', 'status',
  'wordpress_id', 'original_url', 'excerpt', 'featured_image', 'truncated', 'password_protected',
]);

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length ? values : undefined;
}

const YAML_OPTIONS: ToStringOptions & DocumentOptions = { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' };

/**
 * YAML written by the yaml library, never by concatenation, so any title (quotes, `#`, `---`,
 * newlines, control characters) round-trips. Dates stay strings (no implicit timestamps).
 * The usual front matter (plain strings, integers, booleans, lists of plain strings) is written
 * directly, byte for byte what the library writes (tests compare them on hostile strings): the
 * library takes a third of a millisecond per file. Anything else goes to the library.
 */
export function renderFrontMatter(fm: FrontMatter): string {
  const yaml = plainYaml(fm) ?? stringify(fm, YAML_OPTIONS);
  return `---\n${yaml}---\n`;
}

/** The library's output for a map of plain values, or undefined when a value needs more care. */
function plainYaml(fm: FrontMatter): string | undefined {
  const keys = Object.keys(fm);
  if (keys.length === 0) return undefined;
  let out = '';
  for (const key of keys) {
    if (key.length > 1000 || !isPlain(key)) return undefined;
    const value = fm[key];
    if (typeof value === 'string') {
      if (!isPlain(value)) return undefined;
      out += `${key}: ${value}\n`;
    } else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0))) {
      out += `${key}: ${String(value)}\n`;
    } else if (Array.isArray(value) && value.length > 0) {
      out += `${key}:\n`;
      for (const entry of value) {
        if (typeof entry !== 'string' || !isPlain(entry)) return undefined;
        out += `  - ${entry}\n`;
      }
    } else return undefined;
  }
  return out;
}

/** yaml's plainString() rules (stringifyString.js), without the cases it writes otherwise. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Control characters, surrogates (the library quotes them), newlines, tabs and JavaScript line separators. */
const SPECIAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\uD800-\uDFFF]/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;
/** What the schema would read as another type ('42', 'true', '~'...): the library quotes it. */
let otherTypes: RegExp[] | undefined;

function isPlain(value: string): boolean {
  if (value === '' || SPECIAL.test(value) || NOT_PLAIN.test(value) || DOCUMENT_MARKER.test(value)) return false;
  otherTypes ??= new Document(null, null, YAML_OPTIONS).schema.tags.flatMap((tag) => {
    const { test } = tag as { test?: RegExp };
    return tag.default && tag.tag !== 'tag:yaml.org,2002:str' && test ? [test] : [];
  });
  return !otherTypes.some((test) => test.test(value));
}

export function renderMarkdownFile(fm: FrontMatter, markdown: string): string {
  return `${renderFrontMatter(fm)}${markdown ? `\n${markdown}` : ''}`;
}
