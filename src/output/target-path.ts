import type { PostRecord } from '../model/post.js';
import { slugifyName } from '../model/slug.js';
import { StringSet } from '../model/string-set.js';

/** File-name safety: what a slug may contain once it becomes a path segment. */
const MAX_BYTES = 120;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
/** Names unpress writes at the top of the output folder: no collection may take them. */
const OWN_TOP_LEVEL = /^(manifest|taxonomies|redirects|report)\.(json|html)$|^_redirects$|^comments$|^\.unpress/i;

/** A slug made safe as one file name: no separators, no dot-only names, no control characters, bounded. */
export function safeFileStem(slug: string): string {
  let stem = slug
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  return truncateUtf8(stem, MAX_BYTES).replace(/[-.]+$/g, '');
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/** posts, pages, or the custom post type's name (made safe too). */
export function collectionOf(type: string): string {
  if (type === 'post') return 'posts';
  if (type === 'page') return 'pages';
  const folder = safeFileStem(type) || 'other';
  return OWN_TOP_LEVEL.test(folder) ? `${folder}_` : folder;
}

/** The slug a record is written under: its own, else one made from the title, else from its id. */
export function preferredStem(record: PostRecord): string {
  const fromSlug = safeFileStem(record.slug);
  if (fromSlug) return fromSlug;
  const fromTitle = safeFileStem(slugifyName(record.title));
  if (fromTitle) return fromTitle;
  return record.wordpressId !== undefined ? `untitled-${record.wordpressId}` : 'untitled';
}

/** Where a record with a given (safe) stem is written: a relative path. */
export type Layout = (record: PostRecord, stem: string) => string;

/** The plain layout: `posts/<stem>.md`, `pages/<stem>.md`, `<post_type>/<stem>.md`. */
export const plainLayout: Layout = (record, stem) => `${collectionOf(record.type)}/${stem}.md`;

/**
 * Gives each record a distinct relative path, deterministically: records are planned in input
 * order, the first keeps `<slug>.md`, later ones get `<slug>-<id>.md` (or `-2`, `-3`...).
 * Names are compared case-insensitively so that case-insensitive file systems cannot collide.
 * A generator preset gives its own layout, and the URL its generator derives from a path: two
 * records must not get the same URL either.
 */
export class PathPlanner {
  /** Lower-cased paths (and URLs) given out: one per post, so out of memory (StringSet). */
  private readonly taken = new StringSet();

  constructor(
    private readonly layout: Layout = plainLayout,
    private readonly urlOf?: (record: PostRecord, path: string) => string,
  ) {}

  plan(record: PostRecord): string {
    const stem = preferredStem(record);
    const candidates = [stem];
    if (record.wordpressId !== undefined) candidates.push(`${stem}-${record.wordpressId}`);
    for (const candidate of candidates) {
      const path = this.layout(record, candidate);
      if (this.claimPlanned(record, path)) return path;
    }
    // A URL that does not depend on the name (a kept permalink) cannot be made distinct: paths only.
    const fixedUrl = this.urlOf !== undefined && this.urlOf(record, this.layout(record, 'a')) === this.urlOf(record, this.layout(record, 'b'));
    for (let n = 2; ; n++) {
      const path = this.layout(record, `${stem}-${n}`);
      if (this.claimPlanned(record, path, fixedUrl)) return path;
    }
  }

  private claimPlanned(record: PostRecord, path: string, pathOnly = false): boolean {
    const url = this.urlOf ? `url:${this.urlOf(record, path)}` : undefined;
    if (url !== undefined && !pathOnly && this.taken.has(url.toLowerCase())) return false;
    if (!this.claim(path)) return false;
    if (url !== undefined) this.taken.add(url.toLowerCase());
    return true;
  }

  /** Lets go of the names' temporary file (the planner cannot be used any more). */
  close(): void {
    this.taken.close();
  }

  /** Reserves a path that is not a post (manifest.json, taxonomies.json). */
  reserve(path: string): void {
    this.taken.add(path.toLowerCase());
  }

  private claim(path: string): boolean {
    return this.taken.add(path.toLowerCase());
  }
}
