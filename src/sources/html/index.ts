import type { FailedEntry, SkippedEntry, Warning } from '../../model/diagnostics.js';
import type { PostRecord } from '../../model/post.js';
import type { InputFile } from '../../inputs.js';

/** What the HTML source gives the pipeline: merged records, and the fate of every page. */
export interface HtmlSourceResult {
  /** One record per post, merged over every page it was seen on (not yet validated). */
  records: PostRecord[];
  /** Per record (same order), warnings found while extracting it. */
  recordWarnings: Warning[][];
  skipped: SkippedEntry[];
  failed: FailedEntry[];
}

/** Reads saved WordPress pages (archives, single posts) into records. */
export async function readHtmlSources(files: readonly InputFile[]): Promise<HtmlSourceResult> {
  return {
    records: [],
    recordWarnings: [],
    skipped: files.map((file) => ({ source: { kind: 'html', file: file.path }, reason: 'HTML pages are not read yet' })),
    failed: [],
  };
}

/**
 * The same post from an export and from scraped pages: the export wins for content; terms are
 * united and the scraped sources are added.
 */
export function mergeExportWithPages(exported: PostRecord, scraped: PostRecord): PostRecord {
  return { ...exported, sources: [...exported.sources, ...scraped.sources] };
}
