import type { CheerioAPI } from 'cheerio';
import { collapse } from './dom.js';
import type { PageLocation } from './page-location.js';

/** What a WordPress page shows. */
export type PageKind =
  | 'single' // one post (body class `single`, `postid-N`)
  | 'page' // one page (`page`, `page-id-N`)
  | 'home' // the blog's front page or posts page (`home`, `blog`)
  | 'category'
  | 'tag'
  | 'taxonomy' // custom taxonomy archive (`tax-{taxonomy}`)
  | 'date'
  | 'author'
  | 'search'
  | 'archive' // another listing (post type archive, or a theme without body classes)
  | 'attachment' // an uploaded file's own page (`attachment`, `attachmentid-N`): not a post
  | 'not-found';

export const LISTING_KINDS: ReadonlySet<PageKind> = new Set(['home', 'category', 'tag', 'taxonomy', 'date', 'author', 'search', 'archive']);

export interface ArchiveTerm {
  taxonomy: string;
  slug: string;
  /** From the archive heading or a link to the term; the slug when neither says it. */
  name: string;
}

export interface PageClass {
  kind: PageKind;
  /** 1 for the first page of a listing, N for `page/N` (`paged-N` body class). */
  paged: number;
  /** The term a category, tag or taxonomy archive lists. */
  term?: ArchiveTerm;
  /** The post a single view shows (`postid-N`, `page-id-N`, `comment_post_ID`, shortlink `?p=N`). */
  mainPostId?: number;
  /** The author an author archive lists ("Author Archives: <span class="vcard">Name</span>"). */
  author?: string;
  /** Signals that the page is WordPress at all. */
  isWordPress: boolean;
}

/**
 * Body classes first (core `get_body_class`: reliable in every theme that calls body_class()),
 * then the page's URL (`/tag/x/`, `/2010/04/`, `/page/2/`, `?s=`) for themes and old versions
 * without them. `decideLater` kinds are settled by the caller from the posts found.
 */
export function classifyPage($: CheerioAPI, location: PageLocation): PageClass {
  const body = new Set(($('body').attr('class') ?? '').split(/\s+/).filter(Boolean));
  const path = urlPath(location.pageUrl);
  const kind = kindFromBody(body) ?? kindFromPath(path);
  const paged = pagedFrom(body, path);
  const mainPostId = kind === 'single' || kind === 'page' || kind === undefined ? mainIdOf($, body) : undefined;
  const term = kind === 'category' || kind === 'tag' || kind === 'taxonomy' ? archiveTerm($, kind, body, path) : undefined;
  const author = kind === 'author' ? headingName($) : undefined;
  return {
    kind: kind ?? (mainPostId !== undefined ? 'single' : 'archive'),
    paged,
    ...(term ? { term } : {}),
    ...(author ? { author } : {}),
    ...(mainPostId !== undefined ? { mainPostId } : {}),
    isWordPress: isWordPress($, body),
  };
}

function kindFromBody(body: Set<string>): PageKind | undefined {
  if (body.has('error404')) return 'not-found';
  if (body.has('attachment') || body.has('single-attachment') || [...body].some((c) => /^attachmentid-\d+$/.test(c))) return 'attachment';
  if (body.has('single') || body.has('single-post') || [...body].some((c) => /^postid-\d+$/.test(c))) return 'single';
  if (body.has('page') || [...body].some((c) => /^page-id-\d+$/.test(c))) return 'page';
  if (body.has('search')) return 'search';
  if (body.has('category')) return 'category';
  if (body.has('tag')) return 'tag';
  if ([...body].some((c) => c.startsWith('tax-'))) return 'taxonomy';
  if (body.has('date')) return 'date';
  if (body.has('author')) return 'author';
  if (body.has('home') || body.has('blog')) return 'home';
  if (body.has('archive')) return 'archive';
  // Hybrid-core themes (Stargazer...): `singular singular-post singular-post-67202`.
  if (body.has('singular-post') || body.has('singular')) return body.has('singular-page') ? 'page' : 'single';
  return undefined;
}

function kindFromPath(path: string | undefined): PageKind | undefined {
  if (path === undefined) return undefined;
  if (/[?&]s=/.test(path)) return 'search';
  const bare = path.replace(/[?#].*$/, '').replace(/\/page\/\d+\/?$/, '/');
  if (/\/(?:category)\//.test(bare)) return 'category';
  if (/\/tag\//.test(bare)) return 'tag';
  if (/\/author\//.test(bare)) return 'author';
  if (/^\/\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?$/.test(bare)) return 'date';
  if (bare === '/') return 'home';
  return undefined;
}

function pagedFrom(body: Set<string>, path: string | undefined): number {
  for (const c of body) {
    const m = /^paged-(\d+)$/.exec(c);
    if (m) return Number(m[1]);
  }
  const m = path ? /\/page\/(\d+)\/?(?:[?#]|$)|[?&]paged=(\d+)/.exec(path) : null;
  return m ? Number(m[1] ?? m[2]) : 1;
}

/** The id of the post a single view shows. */
function mainIdOf($: CheerioAPI, body: Set<string>): number | undefined {
  for (const c of body) {
    const m = /^(?:postid|page-id|singular-post|singular-page)-(\d+)$/.exec(c);
    if (m) return Number(m[1]);
  }
  const fromForm = Number($('input[name="comment_post_ID"]').first().attr('value'));
  if (Number.isInteger(fromForm) && fromForm > 0) return fromForm;
  const shortlink = $('link[rel="shortlink"]').attr('href') ?? '';
  const m = /[?&](?:p|page_id)=(\d+)/.exec(shortlink);
  return m ? Number(m[1]) : undefined;
}

/**
 * The term an archive lists: its slug from the body class (`tag-relation-de-service`; numeric
 * classes are term ids) or the URL (`/tag/<slug>/`, `/category/<parent>/<slug>/`); its name from a
 * link to that term on the page, else the heading's `<span>` ("Archives de Tag: <span>Relation de
 * service</span>"), else the heading text after its colon ("Étiquette : calendrier").
 */
function archiveTerm($: CheerioAPI, kind: PageKind, body: Set<string>, path: string | undefined): ArchiveTerm | undefined {
  const taxonomy = kind === 'tag' ? 'post_tag' : kind === 'category' ? 'category' : ([...body].find((c) => c.startsWith('tax-'))?.slice(4) ?? 'taxonomy');
  const prefix = kind === 'tag' ? 'tag-' : kind === 'category' ? 'category-' : 'term-';
  const fromClass = [...body].find((c) => c.startsWith(prefix) && !/^\d+$/.test(c.slice(prefix.length)) && !/^paged-\d+$/.test(c.slice(prefix.length)))?.slice(prefix.length);
  const base = kind === 'tag' ? 'tag' : 'category';
  const bare = path?.replace(/[?#].*$/, '').replace(/\/page\/\d+\/?$/, '/');
  const fromPath = bare ? new RegExp(`/${base}/(?:.*/)?([^/]+)/?$`).exec(bare)?.[1] : undefined;
  const slug = (fromPath ?? fromClass)?.toLowerCase();
  if (!slug) return undefined;
  const name = linkedName($, base, slug) ?? headingName($) ?? decodeURIComponentSafe(slug);
  return { taxonomy, slug, name };
}

function linkedName($: CheerioAPI, base: string, slug: string): string | undefined {
  const wanted = new RegExp(`/${base}/(?:[^?#]*/)?${escapeRegExp(slug)}/?(?:index\\.html?)?$`, 'i');
  for (const el of $('a[href]').toArray()) {
    const href = (el.attribs['href'] ?? '').replace(/[?#].*$/, '');
    if (!wanted.test(href)) continue;
    const text = collapse($(el).text()).replace(/\s*\(\d+\)$/, '');
    if (text) return text;
  }
  return undefined;
}

const ARCHIVE_HEADING = '.page-title, .archive-title, .wp-block-query-title, .page-header h1, .archive-header h1';

function headingName($: CheerioAPI): string | undefined {
  const heading = $(ARCHIVE_HEADING).first();
  if (!heading.length) return undefined;
  const span = collapse(heading.find('span').last().text());
  if (span) return span;
  const text = collapse(heading.text());
  const colon = text.lastIndexOf(':');
  return (colon >= 0 ? text.slice(colon + 1) : text).trim() || undefined;
}

/** Core `wp_head` output, asset paths, and post markup: any one of them says WordPress. */
function isWordPress($: CheerioAPI, body: Set<string>): boolean {
  if (/wordpress/i.test($('meta[name="generator"]').map((_, el) => el.attribs['content'] ?? '').get().join(' '))) return true;
  if ($('link[rel="https://api.w.org/"], link[rel="EditURI"], link[rel="pingback"]').length) return true;
  if ($('[href*="wp-content/"], [src*="wp-content/"], [href*="wp-includes/"], [src*="wp-includes/"]').length) return true;
  if ($('.hentry, .type-post, .type-page, .wp-block-post').length) return true;
  return [...body].some((c) => /^(?:postid|page-id)-\d+$/.test(c));
}

function urlPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('/')) return url;
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
