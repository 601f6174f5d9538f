import type { FailedEntry, SkippedEntry, Warning } from '../model/diagnostics.js';
import type { PostRecord } from '../model/post.js';
import type { SourceRef } from '../model/source-ref.js';
import type { MediaReport } from './media/library.js';

export interface Summary {
  written: number;
  skipped: number;
  failed: number;
  warnings: number;
}

export interface ManifestRecord {
  wordpress_id?: number;
  type: string;
  status: string;
  title: string;
  slug: string;
  path: string;
  date?: string;
  categories: string[];
  tags: string[];
  comment_count: number;
  truncated?: boolean;
  source: SourceRef;
  sources?: SourceRef[];
  warnings: Warning[];
}

/** Every input item and its fate. Deterministic: no timestamps, input order. */
export interface Manifest {
  summary: Summary;
  records: ManifestRecord[];
  skipped: SkippedEntry[];
  failed: FailedEntry[];
  /** Problems that concern a whole input file rather than one item. */
  warnings: Array<Warning & { file: string }>;
  /** With `--media copy|download`: files placed, and those that could not be had. */
  media?: MediaReport;
  /** Files written besides the records (comments, redirects, report), when options asked for them. */
  files?: string[];
}

export function toManifestRecord(record: PostRecord, path: string, warnings: Warning[]): ManifestRecord {
  return {
    ...(record.wordpressId !== undefined ? { wordpress_id: record.wordpressId } : {}),
    type: record.type,
    status: record.status,
    title: record.title,
    slug: record.slug,
    path,
    ...(record.date ? { date: record.date } : {}),
    categories: record.categories,
    tags: record.tags,
    comment_count: record.commentCount,
    ...(record.truncated ? { truncated: true } : {}),
    source: record.source,
    ...(record.sources.length > 1 ? { sources: record.sources } : {}),
    warnings,
  };
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
