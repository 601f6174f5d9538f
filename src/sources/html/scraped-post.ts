import type { Warning } from '../../model/diagnostics.js';
import type { Comment } from '../../model/post.js';
import type { SourceRef } from '../../model/source-ref.js';
import type { RankedCount } from './comment-count.js';
import type { RankedDate } from './dates.js';
import type { SeenTerm } from './terms.js';

/**
 * One post as one page shows it, with how well each fact is known, so that the same post seen on
 * several pages (a tag archive, its page 2, a category archive, its own page, two captures) can be
 * merged fact by fact.
 */
export interface ScrapedPost {
  source: SourceRef;
  /** The site the post belongs to (host, or mirror folder): ids are unique only within a site. */
  siteKey: string;
  wordpressId?: number;
  type: string;
  title: string;
  originalUrl?: string;
  date?: RankedDate;
  modified?: RankedDate;
  author?: string;
  terms: SeenTerm[];
  format?: string;
  sticky: boolean;
  passwordProtected: boolean;
  featuredImage?: string;
  commentCount: RankedCount;
  comments: Comment[];
  body: { html: string; rank: number; truncated: boolean };
  warnings: Warning[];
}
