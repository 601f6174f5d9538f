import type { CheerioAPI } from 'cheerio';
import { classesOf, isAncestor, type Element } from './dom.js';
import type { PageClass } from './classify-page.js';

export interface FoundPost {
  element: Element;
  wordpressId?: number;
}

/**
 * Places that list posts without being the page's posts: widgets ("Recent posts"), related-post
 * blocks (Jetpack `#jp-relatedposts`, YARPP, a theme's "up next" footer), menus and footers.
 * Term classes (`tag-related`) never count: only the wrappers' own names.
 */
const CHROME_TAGS = new Set(['aside', 'nav', 'footer']);
const CHROME_ROLES = new Set(['complementary', 'navigation']);
const CHROME_NAME = /^(?:widget|widget-area|sidebar|secondary|menu)$|related/i;

function inChrome(el: Element): boolean {
  for (let p = el.parent; p && p.type === 'tag'; p = p.parent) {
    const node = p as Element;
    if (node.tagName === 'body') return false;
    if (CHROME_TAGS.has(node.tagName) || CHROME_ROLES.has(node.attribs['role'] ?? '')) return true;
    const names = [...classesOf(node), ...(node.attribs['id'] ? [node.attribs['id']] : [])];
    if (names.some((n) => !/^(?:tag|category|term)-/.test(n) && CHROME_NAME.test(n))) return true;
  }
  return false;
}

/**
 * The posts a page shows. A post is an element with `id="post-N"` (every default theme), or the
 * `post-N` class together with core's `hentry`/`type-*`/`status-*` classes (themes that drop the
 * id, `<div class="post-195 post type-post status-publish … hentry">`). Only outermost ones
 * count, and none inside widgets, menus, footers or related-post blocks. A single view keeps the
 * post it is about (`postid-N`): others on it are teasers of other posts.
 */
export function findPosts($: CheerioAPI, page: PageClass): FoundPost[] {
  const candidates = $('[id^="post-"], [class*="post-"]')
    .toArray()
    .filter((el) => el.tagName !== 'body' && el.tagName !== 'html')
    .map((el) => ({ element: el, wordpressId: postIdOf(el) }))
    .filter((p): p is { element: Element; wordpressId: number } => p.wordpressId !== undefined);
  const outermost = candidates.filter((p) => !candidates.some((o) => o !== p && isAncestor(o.element, p.element)));
  const posts = outermost.filter((p) => !inChrome(p.element));

  if (page.kind !== 'single' && page.kind !== 'page') return posts;
  const main = page.mainPostId !== undefined ? posts.find((p) => p.wordpressId === page.mainPostId) : posts[0];
  if (main) return [main];
  // A single view whose theme marks no post element: the main content area is the post.
  if (page.mainPostId === undefined) return [];
  const area = $('main article, article, main, #content, #primary').first().get(0);
  return area ? [{ element: area, wordpressId: page.mainPostId }] : [];
}

function postIdOf(el: Element): number | undefined {
  const byId = /^post-(\d+)$/.exec(el.attribs['id'] ?? '');
  if (byId) return Number(byId[1]);
  const classes = classesOf(el);
  const core = classes.some((c) => c === 'hentry' || c === 'wp-block-post' || c.startsWith('type-') || c.startsWith('status-'));
  if (!core) return undefined;
  for (const c of classes) {
    const m = /^post-(\d+)$/.exec(c);
    if (m) return Number(m[1]);
  }
  return undefined;
}
