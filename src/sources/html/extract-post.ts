import type { CheerioAPI } from 'cheerio';
import type { Warning } from '../../model/diagnostics.js';
import type { SourceRef } from '../../model/source-ref.js';
import { BODY_RANK, cleanBody, contentElement } from './body.js';
import type { ArchiveTerm, PageClass } from './classify-page.js';
import { COUNT_RANK, headingCount, shownCount } from './comment-count.js';
import { listedComments } from './comments.js';
import { DATE_RANK, dateFromUrl, hasTimeOfDay, isoDay, parseDateText, parseIsoDate, type DateHints, type RankedDate } from './dates.js';
import { classesOf, collapse, notInside, visibleText, type Element, type Nodes } from './dom.js';
import type { FoundPost } from './find-posts.js';
import { hostKey, type PageLocation } from './page-location.js';
import type { ScrapedPost } from './scraped-post.js';
import { postTerms, slugKey, type SeenTerm } from './terms.js';

export interface PageContext {
  $: CheerioAPI;
  page: PageClass;
  location: PageLocation;
  file: string;
  /** The page's `<html lang>`, for day-first numeric dates. */
  lang: string;
}

/** Comment sections some themes print inside the post element: never the post's own text or meta. */
const COMMENT_AREAS = '#comments, .comments-area, .commentlist, .comment-list, #respond, .wp-block-comments, #epoch-wrap';

/** Reads one post element into a ScrapedPost (facts with their evidence; merged later). */
export function extractPost(ctx: PageContext, found: FoundPost, item: number): ScrapedPost {
  const { $, page, location } = ctx;
  const post = $(found.element);
  const warnings: Warning[] = [];
  const commentAreas = post.find(COMMENT_AREAS).toArray();
  const { element: content, excerpt } = contentElement($, post, commentAreas);
  const outsideText = content ? [...commentAreas, content] : commentAreas;
  const single = page.kind === 'single' || page.kind === 'page';

  const classes = classesOf(found.element);
  const isProtected = classes.includes('post-password-required');
  const shown = titleOf($, post, outsideText) ?? (single ? fallbackTitle($) : undefined);
  const title = isProtected && shown ? shown.replace(PROTECTED_PREFIX, '') : shown;
  if (title === undefined) warnings.push({ code: 'html-no-title', message: 'the post shows no title' });
  const originalUrl = permalinkOf($, post, outsideText, location) ?? (single ? location.pageUrl : undefined);
  const hints: DateHints = { dayFirst: !/^en(?:-us)?$/i.test(ctx.lang), ...withUrlDay(originalUrl) };
  // Some themes print the post's meta box inside the content element (removed from the body later).
  const metaInContent = content ? $(content).find('.entry-meta, .post-meta').toArray() : [];
  const date = publishedDate($, post, outsideText, metaInContent, single, hints);
  if (!date) warnings.push({ code: 'html-no-date', message: 'no publication date on the page' });
  const modified = modifiedDate($, post, outsideText, single);

  const siteHost = originalUrl && /^https?:/i.test(originalUrl) ? hostKey(originalUrl) : undefined;
  const terms = withArchiveTerm(postTerms($, post, content, commentAreas, siteHost), page.term);
  const { commentCount, comments } = commentsOf(ctx, post, outsideText, single, hints, warnings);
  const body = bodyOf(ctx, content, { excerpt, single, isProtected, originalUrl }, warnings);

  const type = classes.find((c) => c.startsWith('type-'))?.slice(5) ?? (page.kind === 'page' ? 'page' : 'post');
  const format = classes.find((c) => c.startsWith('format-') && c !== 'format-standard')?.slice(7);
  const featured = notInside(post.find('img.wp-post-image'), outsideText).first().attr('src');
  const featuredImage = featured ? location.toSiteUrl(featured) : undefined;
  const author = authorOf($, post, outsideText) ?? page.author;
  const source: SourceRef = { kind: 'html', file: ctx.file, item };
  const siteKey = siteHost ?? location.siteKey;
  return {
    source,
    siteKey,
    ...(found.wordpressId !== undefined ? { wordpressId: found.wordpressId } : {}),
    type,
    title: title ?? '',
    ...(originalUrl ? { originalUrl } : {}),
    ...(date ? { date } : {}),
    ...(modified ? { modified } : {}),
    ...(author ? { author } : {}),
    terms,
    ...(format ? { format } : {}),
    sticky: classes.includes('sticky'),
    passwordProtected: isProtected,
    ...(featuredImage ? { featuredImage } : {}),
    commentCount,
    comments,
    body,
    warnings,
  };
}

/** Listing context: a tag or category archive lists only posts that have its term. */
function withArchiveTerm(terms: SeenTerm[], term: ArchiveTerm | undefined): SeenTerm[] {
  if (!term) return terms;
  const at = terms.findIndex((t) => t.taxonomy === term.taxonomy && slugKey(t.slug) === slugKey(term.slug));
  if (at < 0) return [...terms, { ...term, named: true }];
  return terms.map((t, i) => (i === at && !t.named ? { ...term, named: true } : t));
}

/**
 * The count the post element shows; on a single view, else the comments heading's, else the
 * number of comments listed. Comments are read on single views only.
 */
function commentsOf(ctx: PageContext, post: Nodes, outside: Element[], single: boolean, hints: DateHints, warnings: Warning[]): Pick<ScrapedPost, 'commentCount' | 'comments'> {
  const { $, location } = ctx;
  let commentCount = shownCount($, post, outside);
  if (!single) return { commentCount, comments: [] };
  const comments = listedComments($, hints, location.toSiteUrl);
  if (commentCount.rank < COUNT_RANK.shown) {
    const heading = headingCount($);
    if (heading.rank === COUNT_RANK.shown) commentCount = heading;
    else if (comments.length) commentCount = { count: comments.length, rank: COUNT_RANK.listed };
  }
  if (comments.length > 0 && comments.length < commentCount.count) {
    warnings.push({ code: 'html-comments-partial', message: `${comments.length} of ${commentCount.count} comments are on this page (the others are on other comment pages)` });
  }
  return { commentCount, comments };
}

interface BodyFacts {
  excerpt: boolean;
  single: boolean;
  isProtected: boolean;
  originalUrl: string | undefined;
}

/** The cleaned content and how complete it is (a single view's, a listing's, a teaser, an excerpt). */
function bodyOf(ctx: PageContext, content: Element | undefined, facts: BodyFacts, warnings: Warning[]): ScrapedPost['body'] {
  if (facts.isProtected) {
    warnings.push({ code: 'html-password-protected', message: 'the post is password-protected: its text is not on the page' });
    return { html: '', rank: BODY_RANK.none, truncated: false };
  }
  if (!content) {
    warnings.push({ code: 'html-no-body', message: 'no content element found in the post' });
    return { html: '', rank: BODY_RANK.none, truncated: false };
  }
  const body = cleanBody(ctx.$, content, facts.originalUrl, ctx.location.toSiteUrl);
  if (body.paged) warnings.push({ code: 'html-multipage', message: 'the post is split into pages (<!--nextpage-->): only the page saved here is read' });
  const rank = facts.excerpt ? BODY_RANK.excerpt : body.cut ? BODY_RANK.teaser : facts.single ? BODY_RANK.single : BODY_RANK.full;
  return { html: body.html, rank, truncated: rank === BODY_RANK.teaser || rank === BODY_RANK.excerpt };
}

const TITLE = '.entry-title, .post-title, .wp-block-post-title, [itemprop="headline"]';
/** Core's `protected_title_format` ("Protected: %s") in the languages of the corpus and neighbours. */
const PROTECTED_PREFIX = /^(?:Protected|Protégé|Geschützt|Protegido|Protetto|Beschermd)\s*:\s*/u;
/** Inside a title: WP Subtitle's second line, reading-time badges, hidden text. */
const NOT_TITLE = '.entry-subtitle, .wtr-time-wrap, .entry-format, .sticky-post, .featured-post, .post-format';

function titleOf($: CheerioAPI, post: Nodes, outside: Element[]): string | undefined {
  const marked = notInside(post.find(TITLE), outside).first();
  const heading = marked.length ? marked : notInside(post.find('h1, h2, h3, h4'), outside).first();
  if (!heading.length) return undefined;
  const primary = heading.find('.entry-title-primary').first();
  const copy = (primary.length ? primary : heading).clone();
  copy.find(NOT_TITLE).remove();
  return visibleText(copy) || undefined;
}

function fallbackTitle($: CheerioAPI): string | undefined {
  return collapse($('meta[property="og:title"]').attr('content') ?? '') || collapse($('title').first().text()) || undefined;
}

function permalinkOf($: CheerioAPI, post: Nodes, outside: Element[], location: PageLocation): string | undefined {
  const inTitle = notInside(post.find(`${TITLE}, h1, h2, h3, h4`), outside).find('a[href]').first().attr('href');
  const bookmark = notInside(post.find('a[rel~="bookmark"]'), outside).first().attr('href');
  for (const href of [inTitle, bookmark]) {
    const url = href ? location.toSiteUrl(href) : undefined;
    if (url) return url.replace(/#.*$/, '');
  }
  return undefined;
}

function withUrlDay(url: string | undefined): Pick<DateHints, 'fromUrl'> {
  const day = dateFromUrl(url);
  return day ? { fromUrl: day } : {};
}

/** Where themes print a post's date as text. */
const DATE_TEXT = '.entry-date, .posted-on, .post-date, .published, .chronodata, .posted-date, .entry-time, .meta-date, .wp-block-post-date, .date';

/**
 * `<time datetime>` (not an "updated" one, and never one in the text: recipes carry
 * `<time datetime="PT15M">`), then `article:published_time` on a single view, then the
 * localised text with Twenty Ten's time in the bookmark link's title, then the URL's day.
 */
function publishedDate($: CheerioAPI, post: Nodes, outside: Element[], metaInContent: Element[], single: boolean, hints: DateHints): RankedDate | undefined {
  const times = [...notInside(post.find('time[datetime]'), outside).toArray(), ...metaInContent.flatMap((m) => $(m).find('time[datetime]').toArray())];
  const preferred = times.filter((t) => !classesOf(t).includes('updated') || classesOf(t).includes('published'));
  for (const t of [...preferred, ...times]) {
    const iso = parseIsoDate(t.attribs['datetime']);
    if (iso?.hasTime) return { value: iso.value, rank: iso.hasOffset ? DATE_RANK.datetimeWithOffset : DATE_RANK.datetime };
  }
  if (single) {
    const meta = parseIsoDate($('meta[property="article:published_time"]').attr('content'));
    if (meta?.hasTime) return { value: meta.value, rank: DATE_RANK.metaPublished };
  }
  // Twenty Ten: <a href="{permalink}" title="8:00 am" rel="bookmark"><span class="entry-date">…
  const clock = notInside(post.find('a[rel~="bookmark"][title]'), outside)
    .map((_, a) => a.attribs['title'] ?? '')
    .get()
    .find((t) => /^\s*\d{1,2}\s*[:h]\s*\d{2}\b/.test(t) && t.length <= 24);
  for (const el of notInside(post.find(DATE_TEXT), outside).toArray()) {
    const text = visibleText($(el));
    const value = text ? parseDateText(text, hints, clock) : undefined;
    if (value) return { value, rank: hasTimeOfDay(text, clock) ? DATE_RANK.textWithTime : DATE_RANK.text };
  }
  return hints.fromUrl ? { value: isoDay(hints.fromUrl), rank: DATE_RANK.url } : undefined;
}

function modifiedDate($: CheerioAPI, post: Nodes, outside: Element[], single: boolean): RankedDate | undefined {
  const updated = notInside(post.find('time.updated[datetime]'), outside).filter((_, t) => !classesOf(t).includes('published')).first();
  const iso = parseIsoDate(updated.attr('datetime')) ?? (single ? parseIsoDate($('meta[property="article:modified_time"]').attr('content')) : undefined);
  return iso?.hasTime ? { value: iso.value, rank: iso.hasOffset ? DATE_RANK.datetimeWithOffset : DATE_RANK.datetime } : undefined;
}

const AUTHOR = '.author .fn, .author.vcard a, a[rel~="author"], .byline .fn, .entry-author [itemprop="name"], .post-author a, .author-meta a, .wp-block-post-author-name, .wp-block-post-author__name, .author a';

function authorOf($: CheerioAPI, post: Nodes, outside: Element[]): string | undefined {
  for (const el of notInside(post.find(AUTHOR), outside).toArray()) {
    const name = visibleText($(el));
    if (name) return name;
  }
  return undefined;
}
