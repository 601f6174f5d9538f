import type { PostRecord } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import type { Warning } from '../model/diagnostics.js';

/**
 * What a converter may know besides the HTML in front of it: the post (its meta, id, format) and
 * the site (attachments, reusable blocks). Converters are pure: problems go through warn().
 */
export interface ConvertContext {
  record: PostRecord;
  site: SiteIndex;
  warn(code: string, message: string): void;
}

export interface ConvertedBody {
  markdown: string;
  warnings: Warning[];
}
