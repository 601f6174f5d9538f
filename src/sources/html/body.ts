import type { CheerioAPI } from 'cheerio';
import { classesOf, notInside, type Element, type Nodes } from './dom.js';

/** How complete a body is: a single view's content beats a listing's, which beats a teaser. */
export const BODY_RANK = { single: 4, full: 3, teaser: 2, excerpt: 1, none: 0 } as const;

/**
 * The element holding a post's text, by the class themes and core blocks give it, most specific
 * first. `entry-summary`, `post-excerpt` and the excerpt block hold an excerpt, not the post.
 */
const CONTENT_CLASSES = [
  'entry-content', 'post-content', 'wp-block-post-content', 'storycontent', 'post-entry', 'postcontent', 'entry-body', 'post-body',
  'article-body', 'article-content', 'entry', 'content',
];
const EXCERPT_CLASSES = ['entry-summary', 'post-excerpt', 'wp-block-post-excerpt', 'post-summary', 'excerpt'];

export function contentElement($: CheerioAPI, post: Nodes, exclude: readonly Element[]): { element?: Element; excerpt: boolean } {
  const inside = notInside(post.find('[class], [itemprop]'), exclude).toArray();
  for (const name of CONTENT_CLASSES) {
    const found = inside.find((el) => classesOf(el).includes(name));
    if (found) return { element: found, excerpt: false };
  }
  const body = inside.find((el) => el.attribs['itemprop'] === 'articleBody');
  if (body) return { element: body, excerpt: false };
  for (const name of EXCERPT_CLASSES) {
    const found = inside.find((el) => classesOf(el).includes(name));
    if (found) return { element: found, excerpt: true };
  }
  // A theme of its own: the element with the most paragraphs is the text.
  let best: Element | undefined;
  let most = 0;
  for (const el of notInside(post.find('*'), exclude).toArray()) {
    const paragraphs = $(el).children('p').length;
    if (paragraphs > most) [best, most] = [el, paragraphs];
  }
  return best ? { element: best, excerpt: false } : { excerpt: false };
}

/**
 * Theme and plugin chrome printed inside the content element: sharing and like buttons, related
 * posts, subscription boxes, reading-time badges, print buttons. Dropped on purpose; anything
 * else in the content is kept for the converter.
 */
const CHROME = [
  'script', 'style', 'link', 'meta',
  '.sharedaddy', '.sd-sharing-enabled', '.jp-relatedposts', '#jp-relatedposts', '.jetpack-likes-widget-wrapper', // Jetpack
  '.sfb-wrap', '.shariff', '.hupso-share-buttons', '.addtoany_share_save_container', '.a2a_kit', '.addthis_toolbox', // share plugins
  '.ssba', '.heateor_sss_sharing_container', '.sfsi_widget', '.social-share', '.share-buttons',
  '.yarpp-related', '.crp_related', '.wtr-time-wrap', '.post-views', '.pdfcrowd-remove', '.save-as-pdf-pdfcrowd-button-wrap',
  '.ERSSavePrint', // EasyRecipe's print button
  '.post-password-form', // a protected post's password form: the text is not on the page
  '.post-meta', '.entry-meta', '.entry-utility', '.entry-footer', '.postmetadata',
].join(', ');

/** "Read more" links: core `more-link` (+ `#more-N` href), excerpt links, block themes' read-more. */
const MORE_LINKS = 'a.more-link, a.read-more, a.wp-block-read-more, a.wp-block-post-excerpt__more-link, .more-link-container, a.moretag, a.excerpt-more, .wp-block-post-excerpt__more-text';

export interface CleanBody {
  html: string;
  /** A more-link or excerpt link was removed: the body is not the whole post. */
  cut: boolean;
  /** The post is split into pages (`wp_link_pages` links were removed). */
  paged: boolean;
}

/** `wp_link_pages()`: Twenty Ten/Eleven `div.page-link`, later `div.page-links`, block themes. */
const PAGE_LINKS = '.page-links, .page-link, .wp-block-post-navigation-link, .post-nav-links';

/**
 * The content element's HTML as the converter needs it: chrome and more-links removed, the single
 * view's split marker (`<span id="more-123"></span>`) turned back into `<!--more-->`, and URLs
 * written as the site knew them (`toSiteUrl`) — fragments such as `#_ftn1` stay as they are.
 */
export function cleanBody($: CheerioAPI, content: Element, permalink: string | undefined, toSiteUrl: (href: string) => string | undefined): CleanBody {
  const copy = $(content).clone();
  copy.find(CHROME).remove();
  // Term links a theme prints inside the content (`<div class="singleinfo">Kategorien: <a rel="category tag">`).
  // A short block only: a link marked rel="tag" in a long paragraph stays with its paragraph.
  copy.find('a[rel~="category"], a[rel~="tag"]').each((_, a) => {
    for (let p = a.parent; p && p.type === 'tag' && p !== copy.get(0); p = p.parent) {
      const block = p as Element;
      if (!['p', 'div', 'span', 'ul', 'small'].includes(block.tagName)) continue;
      if ($(block).text().length <= 300 && !$(block).find('img, iframe, video, table').length) $(block).remove();
      break;
    }
  });
  const paged = copy.find(PAGE_LINKS).length > 0;
  copy.find(PAGE_LINKS).remove();
  let cut = false;
  copy.find(MORE_LINKS).each((_, el) => {
    cut = true;
    removeWithEmptyParent($, el);
  });
  copy.find('a[href]').each((_, a) => {
    const href = a.attribs['href'] ?? '';
    const target = toSiteUrl(href);
    // Twenty Ten's excerpt link "Continue reading →" and `#more-N` links go to the post itself.
    if (/#more-\d+$/.test(href) || (permalink && target && samePage(target, permalink) && isLastThing($, a))) {
      cut = true;
      removeWithEmptyParent($, a);
    }
  });
  copy.find('span[id^="more-"]').each((_, el) => {
    if (/^more-\d+$/.test(el.attribs['id'] ?? '')) $(el).replaceWith('<!--more-->');
  });
  rewriteUrls($, copy, toSiteUrl);
  return { html: (copy.html() ?? '').trim(), cut, paged };
}

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'data-src', 'data-lazy-src', 'data-orig-file', 'data-large-file', 'data-medium-file', 'data-permalink'];

function rewriteUrls($: CheerioAPI, root: Nodes, toSiteUrl: (href: string) => string | undefined): void {
  root.find('*').each((_, el) => {
    for (const name of URL_ATTRIBUTES) {
      const value = el.attribs[name];
      if (value === undefined) continue;
      const rewritten = toSiteUrl(value);
      if (rewritten !== undefined) el.attribs[name] = rewritten;
    }
    // Lazy-loading plugins keep the image in data-src and a placeholder in src.
    const lazy = el.attribs['data-lazy-src'] ?? el.attribs['data-src'];
    if (el.tagName === 'img' && lazy && (!el.attribs['src'] || el.attribs['src'].startsWith('data:'))) el.attribs['src'] = lazy;
    for (const name of ['srcset', 'data-srcset', 'data-lazy-srcset']) {
      const value = el.attribs[name];
      if (value) el.attribs[name] = value.split(',').map((part) => rewriteCandidate(part, toSiteUrl)).join(', ');
    }
  });
}

function rewriteCandidate(candidate: string, toSiteUrl: (href: string) => string | undefined): string {
  const [url, ...descriptor] = candidate.trim().split(/\s+/);
  const rewritten = url ? toSiteUrl(url) : undefined;
  return [rewritten ?? url, ...descriptor].join(' ');
}

/** Removes a link WordPress appended (` <a class="more-link">`), with the space before it. */
function removeWithEmptyParent($: CheerioAPI, el: Element): void {
  const parent = el.parent;
  const before = el.prev;
  if (before?.type === 'text') {
    const text = before as unknown as { data: string };
    text.data = text.data.replace(/[ \t\u00a0]+$/, '');
  }
  $(el).remove();
  if (parent && parent.type === 'tag' && (parent as Element).tagName === 'p' && !$(parent).text().trim() && !$(parent).find('img, iframe, video').length) $(parent).remove();
}

/** Whether nothing but whitespace follows the link in its block and its block ends the content. */
function isLastThing($: CheerioAPI, a: Element): boolean {
  for (let node: Element | null = a; node && node.type === 'tag'; node = node.parent as Element | null) {
    for (let next = node.next; next; next = next.next) {
      if (next.type === 'text' && !(next as unknown as { data: string }).data.trim()) continue;
      if (next.type === 'comment') continue;
      return false;
    }
    if (node.parent && classesOf(node.parent as Element).some((c) => CONTENT_CLASSES.includes(c) || EXCERPT_CLASSES.includes(c))) return true;
  }
  return true;
}

function samePage(a: string, b: string): boolean {
  const key = (u: string): string => u.replace(/#.*$/, '').replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/+$/, '').toLowerCase();
  return key(a) === key(b);
}
