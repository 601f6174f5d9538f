import type { PostRecord } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import type { Warning } from '../model/diagnostics.js';
import type { NoteStore } from './footnotes/note-store.js';

/**
 * Every problem a conversion reports (per record, in the manifest). Nothing reported is lost: the
 * text is kept, or the drop is on purpose and said.
 */
export type ConvertWarningCode =
  | 'unknown-shortcode' //       a plugin's shortcode unpress does not convert: kept as text
  | 'unknown-block' //           a block without converter (or core/missing): its saved HTML kept
  | 'dynamic-block' //           a server-rendered block (latest posts, search…): nothing saved, dropped
  | 'missing-reusable-block' //  wp:block ref not in the export
  | 'missing-attachment' //      [gallery]/[playlist] id not in the export
  | 'empty-gallery' //           [gallery] with no image at all
  | 'empty-media' //             [audio]/[video]/[embed]/[playlist]/[wpvideo] without a source
  | 'empty-footnote' //          a footnote shortcode with no text
  | 'missing-footnote' //        a reference whose note is missing: kept as `[1]` text
  | 'unreferenced-footnote' //   a core footnote in the meta that the text never references
  | 'bad-footnotes-meta' //      the footnotes post meta is not JSON
  | 'footnote-in-html-table'; // a reference inside a table kept as HTML: written as `[^n]` text

/**
 * What of a post its body's conversion reads: the body, its format, its meta and its id. Worker
 * threads are sent only this (a record's comments, terms and sources stay in the main thread).
 */
export type ConvertInput = Pick<PostRecord, 'body' | 'bodyFormat' | 'meta' | 'wordpressId'>;

export function convertInputOf(record: ConvertInput): ConvertInput {
  return { body: record.body, bodyFormat: record.bodyFormat, meta: record.meta, ...(record.wordpressId !== undefined ? { wordpressId: record.wordpressId } : {}) };
}

/**
 * What a converter may know besides the HTML in front of it: the post (its meta, id, format) and
 * the site (attachments, reusable blocks). Converters are pure: problems go through warn().
 * `notes` belongs to one conversion: footnote texts found while preparing the body, by key.
 */
export interface ConvertContext {
  record: ConvertInput;
  site: SiteIndex;
  warn(code: ConvertWarningCode, message: string): void;
  notes: NoteStore;
}

export interface ConvertedBody {
  markdown: string;
  warnings: Warning[];
}
