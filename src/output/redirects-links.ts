import type { PostRecord } from '../model/post.js';
import { posix } from 'node:path';
import { rewriteMarkdownUrls } from './media/markdown-urls.js';
import { absoluteUrl } from './media/media-urls.js';
import { encodeTarget, urlKey } from './redirects.js';

/** Where a post now lives: its file (relative to the output) and its URL on the new site. */
export interface LinkTarget {
  path: string;
  url: string;
}

/**
 * Every old URL of every written record (permalinks, old slugs, shortlinks) -> where the record is
 * now, so that links between posts in bodies follow them. Built before bodies are written (a
 * first, reading-only pass), since a post may link to one that comes later in the export.
 */
export class LinkIndex {
  private readonly targets = new Map<string, LinkTarget>();

  add(oldUrl: string, target: LinkTarget): void {
    const key = urlKey(oldUrl);
    if (key !== undefined && !this.targets.has(key)) this.targets.set(key, target);
  }

  /** The target of a link, by its old URL (any scheme, `www.` or not, trailing slash or not). */
  resolve(url: string): LinkTarget | undefined {
    const key = urlKey(url);
    return key === undefined ? undefined : this.targets.get(key);
  }

  get size(): number {
    return this.targets.size;
  }
}

/**
 * Links to other posts of the site (absolute, or relative to the post's old URL) point to their new place: the new URL (generators), or the
 * other Markdown file relative to this one (`linksTo: 'files'`, plain). Fragments are kept.
 *
 *   [voir](http://www.site.com/2012/11/20/time-is-on-my-side/#note)  ->  [voir](/posts/time-is-on-my-side/#note)
 */
export function rewriteInternalLinks(markdown: string, index: LinkIndex, fromPath: string, linksTo: 'files' | 'urls', base?: string): string {
  if (index.size === 0) return markdown;
  return rewriteMarkdownUrls(markdown, (reference) => {
    // `#note` stays on this page; `/2012/11/20/slug/` is on the old site.
    if (reference.startsWith('#')) return undefined;
    const url = absoluteUrl(reference, base) ?? reference;
    const target = index.resolve(url);
    if (!target) return undefined;
    const hash = url.indexOf('#');
    const fragment = hash >= 0 ? url.slice(hash) : '';
    const to = linksTo === 'files' ? posix.relative(posix.dirname(fromPath), target.path) : encodeTarget(target.url);
    return `${to}${fragment}`;
  });
}

/**
 * Paths planned by the first pass, handed back to the same records in the writing pass: both
 * passes read the same inputs in the same order; records are told apart by where they came from.
 */
export class PlannedPaths {
  private readonly paths = new Map<string, string[]>();

  set(record: PostRecord, path: string): void {
    const key = keyOf(record);
    const list = this.paths.get(key) ?? [];
    list.push(path);
    this.paths.set(key, list);
  }

  take(record: PostRecord): string | undefined {
    return this.paths.get(keyOf(record))?.shift();
  }
}

function keyOf(record: PostRecord): string {
  const { kind, file, item, line } = record.source;
  return [kind, file, item ?? '', line ?? '', record.wordpressId ?? '', record.type, record.slug].join('\u0000');
}
