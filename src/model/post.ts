import { z } from 'zod';
import { sourceRefSchema } from './source-ref.js';

/** ISO 8601 date-time, with an offset when the source gave one (2017-11-26T16:12:59+01:00). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?$/, 'is not an ISO 8601 date');

/** A term attached to a post: taxonomy (category, post_tag, custom), slug and display name. */
export const termRefSchema = z.object({
  taxonomy: z.string().min(1),
  slug: z.string(),
  name: z.string(),
});
export type TermRef = z.infer<typeof termRefSchema>;

/** A comment as WordPress stored it; only approved ones end up in records. */
export const commentSchema = z.object({
  id: z.number().int(),
  parent: z.number().int(),
  type: z.string(),
  author: z.string(),
  authorUrl: z.string().optional(),
  authorEmail: z.string().optional(),
  authorIp: z.string().optional(),
  date: isoDate.optional(),
  /** Raw HTML as stored (WXR) or rendered (HTML pages). */
  content: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;

/**
 * How the body is stored, which decides how it is prepared before turndown:
 * - classic: classic-editor content, no <p> (WordPress runs autop when rendering);
 * - blocks: block-editor content with <!-- wp:... --> delimiters (never autop'd);
 * - rendered: HTML as a theme printed it (scraped pages), already final.
 */
export const bodyFormatSchema = z.enum(['classic', 'blocks', 'rendered']);
export type BodyFormat = z.infer<typeof bodyFormatSchema>;

/** The contract between sources and the rest of the pipeline. */
export const postRecordSchema = z.object({
  source: sourceRefSchema,
  /** Every place this post was seen (one for a WXR item; several for merged HTML captures). */
  sources: z.array(sourceRefSchema).min(1),
  wordpressId: z.number().int().positive().optional(),
  /** post, page, or the custom post type's name. */
  type: z.string().min(1),
  /** publish, draft, pending, future, private (trash never reaches a record). */
  status: z.string().min(1),
  title: z.string(),
  /** Decoded slug (may be empty: the planner derives one from the title). */
  slug: z.string(),
  date: isoDate.optional(),
  modified: isoDate.optional(),
  author: z.string().optional(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  /** Every term of every taxonomy, with its slug (for taxonomies.json and term counts). */
  terms: z.array(termRefSchema),
  /** Custom taxonomies: taxonomy name -> term names. */
  taxonomies: z.record(z.string(), z.array(z.string())),
  /** post_format slug without its prefix (aside, gallery...), when not standard. */
  format: z.string().optional(),
  commentCount: z.number().int().nonnegative(),
  comments: z.array(commentSchema),
  passwordProtected: z.boolean(),
  sticky: z.boolean(),
  excerpt: z.string().optional(),
  featuredImage: z.string().optional(),
  originalUrl: z.string().optional(),
  /** Previous slugs (_wp_old_slug), for redirects. */
  oldSlugs: z.array(z.string()),
  body: z.string(),
  bodyFormat: bodyFormatSchema,
  /** Post meta the converters need (footnotes JSON, plugin flags); small values only. */
  meta: z.record(z.string(), z.string()),
  /** True when the body is a teaser cut by a "read more" link (HTML sources). */
  truncated: z.boolean().optional(),
});
export type PostRecord = z.infer<typeof postRecordSchema>;
