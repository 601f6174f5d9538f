import type { PostRecord } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import type { Warning } from '../model/diagnostics.js';
import type { NoteStore } from './footnotes/note-store.js';

/**
 * What a converter may know besides the HTML in front of it: the post (its meta, id, format) and
 * the site (attachments, reusable blocks). Converters are pure: problems go through warn().
 * `notes` belongs to one conversion: footnote texts found while preparing the body, by key.
 */
export interface ConvertContext {
  record: PostRecord;
  site: SiteIndex;
  warn(code: string, message: string): void;
  notes: NoteStore;
}

export interface ConvertedBody {
  markdown: string;
  warnings: Warning[];
}
