import type { CheerioAPI } from 'cheerio';
import { classesOf, isAncestor, notInside, visibleText, type Element, type Nodes } from './dom.js';

/**
 * How a comment count is known, best first. A number the theme prints is WordPress's own count
 * (approved comments and pings); comments listed on a single page may be one page of several;
 * a "Leave a comment" / "Comments Off" link only says zero.
 */
export const COUNT_RANK = { shown: 3, listed: 2, zero: 1, none: 0 } as const;

export interface RankedCount {
  count: number;
  rank: number;
}

export const NO_COUNT: RankedCount = { count: 0, rank: COUNT_RANK.none };

/** "1 234 commentaires" (no-break or narrow spaces), "1.234 Kommentare", "19 Kommentare", "(0)". */
const NUMBER = /\d{1,3}(?:[\s\u00a0\u202f.,'’]\d{3})+(?!\d)|\d+/;

/** "One Response to…", "Un commentaire", "Une réponse", "Ein Kommentar", "Um comentário". */
const ONE = new Set(['one', 'un', 'une', 'ein', 'eine', 'einen', 'einem', 'um', 'uma', 'uno', 'una', 'een']);

/** The number a count text shows, in any language; undefined when it shows none. */
export function readCount(text: string): number | undefined {
  const m = NUMBER.exec(text);
  if (m) return Number(m[0].replace(/\D/g, ''));
  const first = text.toLowerCase().match(/\p{L}+/gu)?.[0];
  return first !== undefined && ONE.has(first) ? 1 : undefined;
}

/**
 * Elements themes put a post's comment count in: `comments_popup_link` output (Twenty Ten…
 * Sixteen `span.comments-link`, Twenty Twelve `div.comments-link`), and the variants of other
 * themes. Their links end in `#comments` (one or more) or `#respond` (none yet).
 */
const HOLDERS = ['comments-link', 'comments-meta', 'comment-count', 'comments-count', 'comments-number', 'post-comments', 'meta-comments', 'comment-link', 'comm', 'wp-block-post-comments-link', 'wp-block-post-comments-count'];
const FRAGMENTS = /#(?:comments|respond|reply-title|disqus_thread|comments-title)$/;
const ZERO_FRAGMENTS = /#(?:respond|reply-title)$/;

/**
 * The comment count a post element shows. Structure first: the holder classes and link targets
 * above decide where to look, and a count-less `#respond` link or holder means zero ("Leave a
 * comment", "Poster un commentaire", "Comments Off", "Non"); words matter only for "one".
 * Screen-reader text is ignored ("Comments Off<span class="screen-reader-text"> on Python 3</span>").
 */
export function shownCount($: CheerioAPI, post: Nodes, exclude: readonly Element[]): RankedCount {
  const candidates = notInside(post.find('a[href], [class]'), exclude)
    .toArray()
    .filter((el) => isCandidate(el));
  let zero: RankedCount | undefined;
  for (const el of candidates) {
    if (candidates.some((other) => other !== el && isAncestor(other, el))) continue; // read the outermost holder
    const reading = readHolder($, el);
    if (reading?.rank === COUNT_RANK.shown) return reading;
    zero ??= reading;
  }
  return zero ?? NO_COUNT;
}

function isCandidate(el: Element): boolean {
  if (el.tagName === 'a' && FRAGMENTS.test(el.attribs['href'] ?? '')) return true;
  return classesOf(el).some((c) => HOLDERS.includes(c));
}

function readHolder($: CheerioAPI, el: Element): RankedCount | undefined {
  const count = readCount(visibleText($(el)));
  if (count !== undefined) return { count, rank: COUNT_RANK.shown };
  const links = el.tagName === 'a' ? [el] : $(el).find('a[href]').toArray();
  if (links.some((a) => FRAGMENTS.test(a.attribs['href'] ?? '') && !ZERO_FRAGMENTS.test(a.attribs['href'] ?? ''))) return undefined;
  return { count: 0, rank: COUNT_RANK.zero };
}

/**
 * The count in a single page's comments heading: "38 Responses to <em>Title</em>", "10 thoughts on
 * “<span>Title</span>”", "There are <span id="epoch-count">13</span> comments", "51 Kommentare",
 * "One Response to…". The quoted title is left out first: it may hold numbers of its own.
 */
const HEADINGS = '#comments-title, .comments-title, h2#comments, h3#comments, .comment-count-area, .wp-block-comments-title, #comments > h2, #comments > h3, .comments-area > h2, .comments-area > h3';

export function headingCount($: CheerioAPI): RankedCount {
  const heading = $(HEADINGS).first();
  if (!heading.length) return NO_COUNT;
  const copy = heading.clone();
  copy.find('em, cite, q, span').filter((_, el) => !/^\s*\d[\d\s\u00a0.,]*$/.test($(el).text())).remove();
  const count = readCount(visibleText(copy));
  return count === undefined ? NO_COUNT : { count, rank: COUNT_RANK.shown };
}

/** The better of two counts: higher rank, then (same rank, e.g. two captures) the larger number. */
export function betterCount(a: RankedCount, b: RankedCount): RankedCount {
  if (a.rank !== b.rank) return a.rank > b.rank ? a : b;
  return b.count > a.count ? b : a;
}
