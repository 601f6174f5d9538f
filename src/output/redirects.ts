import type { PostRecord } from '../model/post.js';

/**
 * Old links keep working: every URL a record answered at on the old site, mapped to its new URL.
 * - permalink: the post's `<link>` (`/2012/11/20/time-is-on-my-side/`);
 * - old-slug: the permalink with a previous slug (`_wp_old_slug`), which WordPress redirected;
 * - id: the shortlink `/?p=1180` (and `/?page_id=2160` for pages);
 * - attachment: an attachment page (`/?attachment_id=2101`, or its pretty link when known).
 */
export type RedirectType = 'permalink' | 'old-slug' | 'id' | 'attachment';

export interface Redirect {
  /** The old URL, absolute, as the old site wrote it. */
  from: string;
  /** The new URL, root-relative (`/posts/time-is-on-my-side/`), percent-encoded. */
  to: string;
  type: RedirectType;
  wordpress_id?: number;
}

export interface OldUrl {
  url: string;
  type: RedirectType;
}

/** The old URLs of a record, permalink first. `siteBase` serves when the record has no absolute link. */
export function oldUrlsOf(record: PostRecord, siteBase?: string): OldUrl[] {
  const link = parseUrl(record.originalUrl);
  const origin = link?.origin ?? parseUrl(siteBase)?.origin;
  const urls: OldUrl[] = [];
  if (link && !isShortlink(link)) {
    urls.push({ url: link.href, type: 'permalink' });
    for (const slug of record.oldSlugs) {
      const old = withSlug(link, record.slug, slug);
      if (old) urls.push({ url: old, type: 'old-slug' });
    }
  }
  if (origin && record.wordpressId !== undefined) {
    urls.push({ url: `${origin}/?p=${record.wordpressId}`, type: 'id' });
    if (record.type === 'page') urls.push({ url: `${origin}/?page_id=${record.wordpressId}`, type: 'id' });
  }
  return urls;
}

/**
 * Old URL paths that should lead to a record's new URL, for `aliases` (Hugo) and `redirect_from`
 * (Jekyll): its permalink and old-slug paths, percent-decoded, except the new URL itself.
 */
export function aliasPathsOf(record: PostRecord, newUrl: string): string[] {
  const paths: string[] = [];
  for (const { url, type } of oldUrlsOf(record)) {
    if (type !== 'permalink' && type !== 'old-slug') continue;
    const path = decodePath(new URL(url).pathname);
    if (path !== newUrl && path !== '/' && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** `?p=123`-style links: no path of their own (drafts' links in exports look like this). */
function isShortlink(url: URL): boolean {
  return (url.pathname === '/' || url.pathname === '') && /(?:^|&)(?:p|page_id|attachment_id)=\d+/.test(url.search.slice(1));
}

/** The permalink with its slug segment replaced by an older slug; undefined when the slug is not in the path. */
function withSlug(link: URL, slug: string, oldSlug: string): string | undefined {
  if (!slug || !oldSlug || oldSlug === slug) return undefined;
  const segments = link.pathname.split('/');
  const at = segments.map((s) => decodePath(s).toLowerCase()).lastIndexOf(slug.toLowerCase());
  if (at < 0) return undefined;
  segments[at] = encodeSlug(oldSlug);
  const url = new URL(link.href);
  url.pathname = segments.join('/');
  return url.href;
}

/** WordPress writes non-ASCII slugs percent-encoded in lower case (`caf%c3%a9`). */
function encodeSlug(slug: string): string {
  return encodeURIComponent(slug).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
}

export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function parseUrl(url: string | undefined): URL | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * A URL reduced to what identifies a page of a WordPress site: host without `www.`, decoded
 * lower-case path without trailing slash, and only the query parameters that select a post.
 * `http://www.site.com/2012/11/20/Slug/#comments` and `https://site.com/2012/11/20/slug` are one.
 */
export function urlKey(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodePath(parsed.pathname).toLowerCase().replace(/\/+$/, '');
  const ids = ['p', 'page_id', 'attachment_id']
    .map((name) => [name, parsed.searchParams.get(name)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== null && /^\d+$/.test(entry[1]));
  const query = ids.length && path === '' ? `?${ids.map(([n, v]) => `${n}=${v}`).join('&')}` : '';
  return `${host}${path}${query}`;
}

/** A new URL (decoded, `/posts/日本-café/`) as it goes into a redirect target: percent-encoded. */
export function encodeTarget(url: string): string {
  return encodeURI(url).replace(/%25([0-9A-F]{2})/gi, '%$1');
}

/** Collects redirects in input order; the first record to claim an old URL keeps it. */
export class RedirectBook {
  private readonly list: Redirect[] = [];
  private readonly claimed = new Set<string>();

  add(from: string, to: string, type: RedirectType, wordpressId?: number): void {
    const key = urlKey(from);
    if (key === undefined || this.claimed.has(key)) return;
    this.claimed.add(key);
    this.list.push({ from, to: encodeTarget(to), type, ...(wordpressId !== undefined ? { wordpress_id: wordpressId } : {}) });
  }

  get redirects(): readonly Redirect[] {
    return this.list;
  }
}
