import { attrs as shortcodeAttrs } from '@wordpress/shortcode';
import { convertBody } from '../convert/convert-body.js';
import type { ConvertInput } from '../convert/context.js';
import type { Warning } from '../model/diagnostics.js';
import type { AttachmentInfo, SiteIndex } from '../model/site.js';

/**
 * What the main thread and a conversion worker say to each other. The worker is sent the
 * SiteIndex first, once, without its attachments (structured clone keeps its Maps), then batches
 * of records with the attachments they can refer to (worker-site.ts); it answers each batch with
 * one outcome per record, in the batch's order.
 */
export interface WorkerSetup {
  site: SiteIndex;
}

export type WorkerMessage = WorkerSetup | BatchRequest;

export interface BatchRequest {
  batch: number;
  /** What conversion reads of each record (convertInputOf). */
  records: ConvertInput[];
  attachments: AttachmentInfo[];
}

/** One record's conversion: its Markdown and warnings, or the message of what it threw. */
export type ConvertOutcome = { markdown: string; warnings: Warning[] } | { error: string };

export interface BatchResult {
  batch: number;
  outcomes: ConvertOutcome[];
}

/**
 * Converts one record, never throwing: the same function runs in workers and in the main thread,
 * so both give the same bytes and the same failures.
 */
export function convertOne(record: ConvertInput, site: SiteIndex): ConvertOutcome {
  try {
    const { markdown, warnings } = convertBody(record, site);
    return { markdown, warnings };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    // @wordpress/shortcode memoizes attrs() without a bound, and each cached attribute text is a
    // slice of the post's whole HTML: 4 KB kept per post converted, until a worker ran out of
    // heap after ~25,000 posts. Nothing is gained by keeping it from one post to the next.
    shortcodeAttrs.clear();
  }
}
