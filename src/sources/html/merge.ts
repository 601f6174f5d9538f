import type { Warning } from '../../model/diagnostics.js';
import type { Comment, PostRecord, TermRef } from '../../model/post.js';
import type { SourceRef } from '../../model/source-ref.js';
import { slugifyName } from '../../model/slug.js';
import { permalinkKey } from '../scraped-index.js';
import { BODY_RANK } from './body.js';
import { betterCount, COUNT_RANK, NO_COUNT, type RankedCount } from './comment-count.js';
import type { RankedDate } from './dates.js';
import type { ScrapedPost } from './scraped-post.js';
import { slugKey, type SeenTerm } from './terms.js';

/**
 * How each record's comment count is known, for `mergeExportWithPages`: a PostRecord carries
 * the number only. Keyed by the record objects this module hands out.
 */
const countEvidence = new WeakMap<PostRecord, RankedCount>();

/**
 * Each record's warnings array, as handed to the pipeline. When an export supplies the content,
 * the warnings about missing or partial content from the pages no longer apply; the pipeline
 * reads the array after calling `mergeExportWithPages`, which empties them out of it.
 */
const warningsOf = new WeakMap<PostRecord, Warning[]>();
const SETTLED_BY_EXPORT = new Set(['html-no-date', 'html-no-title', 'html-no-body', 'html-teaser-only', 'html-password-protected']);

/**
 * The same post seen on several pages -> one record. Posts are the same when they have the same
 * WordPress id on the same site, or the same permalink. Fact by fact, the best evidence wins:
 * a single view's full body over a listing's full body over a teaser over an excerpt; a
 * `<time datetime>` over a localised date over the URL's day; a shown comment count over listed
 * comments over a "Leave a comment" link. Terms are united. Records come out in the order their
 * posts were first seen, their sources in reading order.
 */
export function mergeScrapedPosts(posts: readonly ScrapedPost[]): { records: PostRecord[]; warnings: Warning[][] } {
  const groups: ScrapedPost[][] = [];
  const byId = new Map<string, ScrapedPost[]>();
  const byUrl = new Map<string, ScrapedPost[]>();
  for (const post of posts) {
    const idKey = post.wordpressId !== undefined ? `${post.siteKey}#${post.wordpressId}` : undefined;
    const urlKey = post.originalUrl ? urlKeyOf(post) : undefined;
    const group = (idKey ? byId.get(idKey) : undefined) ?? (urlKey ? byUrl.get(urlKey) : undefined);
    if (group) group.push(post);
    else groups.push([post]);
    const target = group ?? groups.at(-1)!;
    if (idKey && !byId.has(idKey)) byId.set(idKey, target);
    if (urlKey && !byUrl.has(urlKey)) byUrl.set(urlKey, target);
  }
  const records = groups.map(toRecord);
  return { records: records.map((r) => r.record), warnings: records.map((r) => r.warnings) };
}

function urlKeyOf(post: ScrapedPost): string {
  const url = post.originalUrl!;
  return /^https?:/i.test(url) ? permalinkKey(url) : `${post.siteKey}${permalinkKey(url)}`;
}

function toRecord(group: ScrapedPost[]): { record: PostRecord; warnings: Warning[] } {
  const body = best(group, (p) => p.body.rank);
  const date = bestDate(group.map((p) => p.date));
  const modified = bestDate(group.map((p) => p.modified));
  const count = group.reduce<RankedCount>((acc, p) => betterCount(acc, p.commentCount), NO_COUNT);
  const comments = best(group, (p) => p.comments.length).comments;
  const terms = uniteTerms(group.flatMap((p) => p.terms));
  const originalUrl = preferAbsolute(group.map((p) => p.originalUrl));
  const withId = group.find((p) => p.wordpressId !== undefined);
  const single = group.find((p) => p.body.rank === BODY_RANK.single) ?? body;
  const title = single.title || group.find((p) => p.title)?.title || '';
  const warnings = mergeWarnings(group, body);
  const record: PostRecord = {
    source: body.source,
    sources: group.map((p) => p.source),
    ...(withId ? { wordpressId: withId.wordpressId } : {}),
    type: single.type,
    status: 'publish',
    title,
    slug: slugOfUrl(originalUrl),
    ...(date ? { date: date.value } : {}),
    ...(modified && modified.value !== date?.value ? { modified: modified.value } : {}),
    ...(firstOf(group, (p) => p.author) ? { author: firstOf(group, (p) => p.author) } : {}),
    categories: terms.filter((t) => t.taxonomy === 'category').map((t) => t.name),
    tags: terms.filter((t) => t.taxonomy === 'post_tag').map((t) => t.name),
    terms,
    taxonomies: customTaxonomies(terms),
    ...(firstOf(group, (p) => p.format) ? { format: firstOf(group, (p) => p.format) } : {}),
    commentCount: count.count,
    comments,
    passwordProtected: group.some((p) => p.passwordProtected),
    sticky: group.some((p) => p.sticky),
    ...(firstOf(group, (p) => p.featuredImage) ? { featuredImage: firstOf(group, (p) => p.featuredImage) } : {}),
    ...(originalUrl ? { originalUrl } : {}),
    oldSlugs: [],
    body: body.body.html,
    bodyFormat: 'rendered',
    meta: {},
    ...(body.body.truncated ? { truncated: true } : {}),
  };
  countEvidence.set(record, count);
  warningsOf.set(record, warnings);
  return { record, warnings };
}

function mergeWarnings(group: ScrapedPost[], body: ScrapedPost): Warning[] {
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  for (const w of group.flatMap((p) => p.warnings)) {
    // A fact missing on one page but found on another is no problem.
    if (w.code === 'html-no-date' && group.some((p) => p.date)) continue;
    if (w.code === 'html-no-title' && group.some((p) => p.title)) continue;
    if ((w.code === 'html-no-body' || w.code === 'html-password-protected') && body.body.rank > BODY_RANK.none) continue;
    const key = `${w.code}\u0000${w.message}`;
    if (!seen.has(key)) warnings.push(w), seen.add(key);
  }
  if (body.body.truncated) {
    warnings.push({ code: 'html-teaser-only', message: 'only a teaser or excerpt of this post was found: the body is truncated (add its own page to get the full text)' });
  }
  return warnings;
}

/** The first post with the highest score (ties keep reading order). */
function best(group: ScrapedPost[], score: (p: ScrapedPost) => number): ScrapedPost {
  return group.reduce((a, b) => (score(b) > score(a) ? b : a));
}

function bestDate(dates: Array<RankedDate | undefined>): RankedDate | undefined {
  return dates.reduce<RankedDate | undefined>((a, b) => (b && (!a || b.rank > a.rank) ? b : a), undefined);
}

function firstOf<T>(group: ScrapedPost[], pick: (p: ScrapedPost) => T | undefined): T | undefined {
  for (const p of group) {
    const value = pick(p);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

function preferAbsolute(urls: Array<string | undefined>): string | undefined {
  return urls.find((u) => u && /^https?:/i.test(u)) ?? urls.find((u) => u);
}

/** Terms of all pages, once each (by taxonomy and slug); a linked name beats a class slug. */
function uniteTerms(seen: SeenTerm[]): TermRef[] {
  const out: SeenTerm[] = [];
  for (const term of seen) {
    const at = out.findIndex((t) => t.taxonomy === term.taxonomy && slugKey(t.slug) === slugKey(term.slug));
    if (at < 0) out.push(term);
    else if (!out[at]!.named && term.named) out[at] = term;
  }
  return out.map(({ taxonomy, slug, name }) => ({ taxonomy, slug, name }));
}

function customTaxonomies(terms: TermRef[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of terms) if (t.taxonomy !== 'category' && t.taxonomy !== 'post_tag') (out[t.taxonomy] ??= []).push(t.name);
  return out;
}

/** The permalink's last path segment, decoded (`/2017/11/26/management-par-le-care/`); empty for `?p=N` and numbers. */
function slugOfUrl(url: string | undefined): string {
  if (!url) return '';
  try {
    const path = new URL(url, 'http://unpress.invalid/').pathname;
    const segment = path.split('/').filter((s) => s && !/^index\.html?$/i.test(s)).at(-1) ?? '';
    // `/2010/04/22/101/`, `/97/`: WordPress gives numeric names to posts saved without a slug.
    return /^\d+$/.test(segment) ? '' : decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/**
 * The same post from an export and from scraped pages. The export wins for content (title, body,
 * dates, status, comments); terms are united (the pages may show terms the export lacks, e.g.
 * when it was filtered); the comment count is the export's when it holds comments, since those
 * are the comments themselves, else the pages' shown or listed count (an export made with
 * `wp export --skip_comments` holds none); the record lists every source.
 */
export function mergeExportWithPages(exported: PostRecord, scraped: PostRecord): PostRecord {
  const terms = [...exported.terms];
  for (const term of scraped.terms) {
    const known = terms.some((t) => t.taxonomy === term.taxonomy && (slugKey(t.slug) === slugKey(term.slug) || slugifyName(t.name) === slugifyName(term.name)));
    if (!known) terms.push(term);
  }
  const added = terms.slice(exported.terms.length);
  const evidence = countEvidence.get(scraped) ?? inferredEvidence(scraped);
  const pagesCount = exported.comments.length === 0 && exported.commentCount === 0 && evidence.rank >= COUNT_RANK.listed;
  const comments: Comment[] = pagesCount && exported.comments.length === 0 ? scraped.comments : exported.comments;
  const taxonomies = { ...exported.taxonomies };
  for (const t of added) if (t.taxonomy !== 'category' && t.taxonomy !== 'post_tag') (taxonomies[t.taxonomy] = [...(taxonomies[t.taxonomy] ?? []), t.name]);
  const sources: SourceRef[] = [...exported.sources, ...scraped.sources];
  const warnings = warningsOf.get(scraped);
  if (warnings) warnings.splice(0, warnings.length, ...warnings.filter((w) => !SETTLED_BY_EXPORT.has(w.code)));
  return {
    ...exported,
    sources,
    categories: [...exported.categories, ...added.filter((t) => t.taxonomy === 'category').map((t) => t.name)],
    tags: [...exported.tags, ...added.filter((t) => t.taxonomy === 'post_tag').map((t) => t.name)],
    terms,
    taxonomies,
    commentCount: pagesCount ? evidence.count : exported.commentCount,
    comments,
    ...(exported.featuredImage === undefined && scraped.featuredImage ? { featuredImage: scraped.featuredImage } : {}),
    ...(exported.originalUrl === undefined && scraped.originalUrl ? { originalUrl: scraped.originalUrl } : {}),
  };
}

function inferredEvidence(record: PostRecord): RankedCount {
  if (record.comments.length > 0) return { count: record.commentCount, rank: COUNT_RANK.listed };
  return { count: record.commentCount, rank: record.commentCount > 0 ? COUNT_RANK.shown : COUNT_RANK.none };
}
