import type { FailedEntry, SkippedEntry, Warning } from '../../model/diagnostics.js';
import type { PostRecord } from '../../model/post.js';
import type { InputFile } from '../../inputs.js';
import { mergeScrapedPosts } from './merge.js';
import type { ScrapedPost } from './scraped-post.js';

export { mergeExportWithPages } from './merge.js';

/** What the HTML source gives the pipeline: merged records, and the fate of every page. */
export interface HtmlSourceResult {
  /** One record per post, merged over every page it was seen on (not yet validated). */
  records: PostRecord[];
  /** Per record (same order), warnings found while extracting it. */
  recordWarnings: Warning[][];
  skipped: SkippedEntry[];
  failed: FailedEntry[];
}

/**
 * read-page.ts, imported once, by the first page read: it loads the HTML parser, which an export
 * alone never needs.
 */
let pageReader: Promise<typeof import('./read-page.js')> | undefined;

/**
 * Reads saved WordPress pages (single posts, pages, archives and their pagination) into records:
 * load-page (encoding) -> wayback -> classify-page -> find-posts -> extract-post, then merge.
 * Files are read in the order given (the pipeline sorts them), so the output is deterministic.
 */
export async function readHtmlSources(files: readonly InputFile[]): Promise<HtmlSourceResult> {
  const posts: ScrapedPost[] = [];
  const skipped: SkippedEntry[] = [];
  const failed: FailedEntry[] = [];
  for (const file of files) {
    const { readPage } = await (pageReader ??= import('./read-page.js'));
    const outcome = await readPage(file);
    if (outcome.kind === 'posts') posts.push(...outcome.posts);
    else if (outcome.kind === 'skipped') skipped.push(outcome.entry);
    else failed.push(outcome.entry);
  }
  const { records, warnings } = mergeScrapedPosts(posts);
  return { records, recordWarnings: warnings, skipped, failed };
}
