import { readFile } from 'node:fs/promises';
import { loadHtml } from '../../convert/cheerio-load.js';
import type { FailedEntry, SkippedEntry } from '../../model/diagnostics.js';
import type { InputFile } from '../../inputs.js';
import { classifyPage, type PageKind } from './classify-page.js';
import { extractPost } from './extract-post.js';
import { findPosts } from './find-posts.js';
import { decodePage } from './load-page.js';
import { locatePage } from './page-location.js';
import type { ScrapedPost } from './scraped-post.js';
import { cleanWayback } from './wayback.js';

export type PageOutcome =
  | { kind: 'posts'; pageKind: PageKind; paged: number; posts: ScrapedPost[] }
  | { kind: 'skipped'; entry: SkippedEntry }
  | { kind: 'failed'; entry: FailedEntry };

const KIND_NAMES: Record<PageKind, string> = {
  single: 'a single post view',
  page: 'a page view',
  home: 'the home page',
  category: 'a category archive',
  tag: 'a tag archive',
  taxonomy: 'a taxonomy archive',
  date: 'a date archive',
  author: 'an author archive',
  search: 'a search results page',
  archive: 'an archive page',
  attachment: 'an attachment page',
  'not-found': 'a "page not found" page',
};

/** One saved page -> the posts on it, or why it gives none. */
export async function readPage(file: InputFile): Promise<PageOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'cannot be read (permission denied)' : code === 'EISDIR' ? 'is a folder' : `cannot be read: ${(error as Error).message}`;
    return { kind: 'failed', entry: { source: { kind: 'html', file: file.path }, error: `${file.path} ${why}` } };
  }
  const source = { kind: 'html' as const, file: file.path };
  if (bytes.length === 0) return { kind: 'skipped', entry: { source, reason: 'empty file' } };
  const decoded = decodePage(bytes);
  const $ = loadHtml(decoded.html, true);
  cleanWayback($);
  const location = locatePage($, file.path);
  const page = classifyPage($, location);
  if (!page.isWordPress) {
    return { kind: 'skipped', entry: { source, reason: 'not a WordPress page (no WordPress generator, wp-content paths or post markup)' } };
  }
  if (page.kind === 'not-found') return { kind: 'skipped', entry: { source, reason: 'a WordPress "page not found" (404) page' } };
  // wget mirrors hold one for every uploaded image; the export skips attachments too.
  if (page.kind === 'attachment') return { kind: 'skipped', entry: { source, reason: "an attachment page (an uploaded file's own page, not a post)" } };
  const found = findPosts($, page);
  if (found.length === 0) return { kind: 'skipped', entry: { source, reason: `no post on this page (${KIND_NAMES[page.kind]})` } };
  const lang = $('html').attr('lang') ?? '';
  const ctx = { $, page, location, file: file.path, lang };
  const posts = found.map((post, i) => {
    const scraped = extractPost(ctx, post, i + 1);
    scraped.warnings.unshift(...decoded.warnings);
    return scraped;
  });
  return { kind: 'posts', pageKind: page.kind, paged: page.paged, posts };
}
