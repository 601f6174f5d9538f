import type { PostRecord } from '../../model/post.js';
import type { FrontMatter } from '../front-matter.js';
import { collectionOf } from '../target-path.js';

/** Publicly visible on the old site and on the new one: published and without a password. */
export function isPublished(record: PostRecord): boolean {
  return record.status === 'publish' && !record.passwordProtected;
}

export function nonEmpty<T>(values: readonly T[]): T[] | undefined {
  return values.length ? [...values] : undefined;
}

/** Drops the keys without a value; key order is kept. */
export function compact(fm: FrontMatter): FrontMatter {
  for (const key of Object.keys(fm)) if (fm[key] === undefined) delete fm[key];
  return fm;
}

/** Custom taxonomies (series, genre...) as `name -> terms`, sorted, leaving out names the preset uses. */
export function customTaxonomies(record: PostRecord, taken: ReadonlySet<string>): FrontMatter {
  const out: FrontMatter = {};
  for (const taxonomy of Object.keys(record.taxonomies).sort()) {
    if (taken.has(taxonomy)) continue;
    out[taxonomy] = nonEmpty(record.taxonomies[taxonomy] ?? []);
  }
  return out;
}

/**
 * The plain keys every preset keeps for tooling (and for people checking the migration):
 * comment_count, wordpress_id and original_url always; status, password_protected and truncated
 * when they say something.
 */
export function toolingKeys(record: PostRecord): FrontMatter {
  const published = isPublished(record);
  return {
    comment_count: record.commentCount,
    status: published ? undefined : record.status,
    password_protected: record.passwordProtected ? true : undefined,
    wordpress_id: record.wordpressId,
    original_url: record.originalUrl,
    truncated: record.truncated ? true : undefined,
  };
}

export const TOOLING_KEYS = ['comment_count', 'status', 'password_protected', 'wordpress_id', 'original_url', 'truncated'];

/**
 * The path of the old permalink (`/2012/11/20/time-is-on-my-side/`), percent-decoded, when it is
 * a "pretty" one a generator can serve again; undefined for `?p=123` links, the home page, or none.
 */
export function originalPath(record: PostRecord): string | undefined {
  if (!record.originalUrl) return undefined;
  let url: URL;
  try {
    url = new URL(record.originalUrl, 'http://unpress.invalid');
  } catch {
    return undefined;
  }
  if (url.search || url.pathname === '/' || url.pathname === '') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  return path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
}

/** `posts/bonjour.md` -> `/posts/bonjour/`: the URL of a file served with pretty URLs. */
export function prettyUrlOf(path: string): string {
  return `/${path.replace(/(?:\/index)?\.md$/, '')}/`;
}

/** The collection folder name of a record in generators that pluralise (`_pages`, `_recipes`). */
export function pluralCollection(type: string): string {
  const collection = collectionOf(type);
  return collection.endsWith('s') ? collection : `${collection}s`;
}

/** The first 10 characters of an ISO date: its local calendar day. */
export function dayOf(date: string | undefined): string | undefined {
  return date?.slice(0, 10);
}
