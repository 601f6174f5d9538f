import type { FailedEntry, SkippedEntry, Warning } from '../model/diagnostics.js';
import type { PostRecord } from '../model/post.js';

/**
 * What the sources stage yields, in input order: a validated record ready to convert, or the fate
 * of an item that will not be written. Every input item produces exactly one of the first three.
 */
export type SourceEvent =
  | { kind: 'record'; record: PostRecord; warnings: Warning[] }
  | { kind: 'skipped'; entry: SkippedEntry }
  | { kind: 'failed'; entry: FailedEntry }
  /** A problem with a whole file that is not an item (e.g. replaced invalid bytes). */
  | { kind: 'file-warning'; file: string; warning: Warning };

/** A record with its converted body: what the output stage writes. */
export interface ConvertedRecord {
  record: PostRecord;
  markdown: string;
  warnings: Warning[];
}
