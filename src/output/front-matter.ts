import { stringify } from 'yaml';
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

/**
 * YAML written by the yaml library, never by concatenation, so any title (quotes, `#`, `---`,
 * newlines, control characters) round-trips. Dates stay strings (no implicit timestamps).
 */
export function renderFrontMatter(fm: FrontMatter): string {
  const yaml = stringify(fm, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n`;
}

export function renderMarkdownFile(fm: FrontMatter, markdown: string): string {
  return `${renderFrontMatter(fm)}${markdown ? `\n${markdown}` : ''}`;
}
