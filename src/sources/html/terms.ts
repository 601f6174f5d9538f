import type { CheerioAPI } from 'cheerio';
import type { TermRef } from '../../model/post.js';
import { decodeSlug, slugifyName } from '../../model/slug.js';
import { classesOf, collapse, notInside, visibleText, type Element, type Nodes } from './dom.js';

/** A term seen on a page, and how: a link names it; a post class (`tag-<slug>`) only gives its slug. */
export interface SeenTerm extends TermRef {
  named: boolean;
}

/**
 * Slugs compare percent-encoded and without their percent signs: `sanitize_html_class` turns the
 * slug `%e6%97%a5%e6%9c%ac` (日本) into the class `tag-e697a5e69cac`.
 */
export function slugKey(slug: string): string {
  return normaliseSlug(slug).replace(/%/g, '');
}

/**
 * A post's categories and tags.
 * Links first (`rel="category tag"`, `rel="tag"`, hrefs under `/category/` or `/tag/`, `?cat=N`,
 * `?tag=slug`), each link's taxonomy decided by its URL, else by the post's own classes
 * (`category-news`), else by its container (`.cat-links`, `.tags-links`), else by `rel` — a theme
 * may print a category with `rel="tag"` (Stargazer: `<a href="/category/news" rel="tag">News</a>`,
 * and only `category-news` says what it is). Then, for a taxonomy the theme prints no links of,
 * the post classes (`tag-calendrier`; numeric ones are term ids, not slugs), named after any
 * link to that term elsewhere on the page.
 */
export function postTerms($: CheerioAPI, post: Nodes, content: Element | undefined, exclude: readonly Element[], siteHost: string | undefined): SeenTerm[] {
  const classes = classesOf(post.get(0)!);
  const classSlugs = {
    category: classes.filter((c) => c.startsWith('category-')).map((c) => c.slice(9)),
    post_tag: classes.filter((c) => c.startsWith('tag-')).map((c) => c.slice(4)),
  };
  const terms: SeenTerm[] = [];
  const add = (term: SeenTerm): void => {
    if (!terms.some((t) => t.taxonomy === term.taxonomy && slugKey(t.slug) === slugKey(term.slug))) terms.push(term);
  };
  const unresolved: Array<{ taxonomy: 'category' | 'post_tag'; name: string }> = [];
  for (const a of notInside(post.find('a[href]'), exclude).toArray()) {
    const link = readTermLink($, a, content, siteHost);
    if (!link) continue;
    const taxonomy = link.taxonomy ?? taxonomyOfSlug(link.slug, classSlugs) ?? containerTaxonomy(a) ?? link.relTaxonomy;
    if (!taxonomy || !link.name) continue;
    if (link.slug) add({ taxonomy, slug: link.slug, name: link.name, named: true });
    else unresolved.push({ taxonomy, name: link.name });
  }
  // `?cat=9` links: the slug is the class whose slug the name makes, else the name's slug.
  for (const { taxonomy, name } of unresolved) {
    const wanted = slugifyName(name);
    const slug = classSlugs[taxonomy].find((s) => s === wanted) ?? wanted;
    add({ taxonomy, slug, name, named: true });
  }
  for (const taxonomy of ['category', 'post_tag'] as const) {
    if (terms.some((t) => t.taxonomy === taxonomy)) continue;
    for (const slug of classSlugs[taxonomy]) {
      if (/^\d+$/.test(slug)) continue;
      const linked = linkedTerm($, taxonomy, slug);
      add(linked ? { taxonomy, ...linked, named: true } : { taxonomy, slug, name: decodeSlug(slug), named: false });
    }
  }
  return terms;
}

interface TermLink {
  taxonomy?: 'category' | 'post_tag';
  relTaxonomy?: 'category' | 'post_tag';
  slug?: string;
  name: string;
}

function readTermLink($: CheerioAPI, a: Element, content: Element | undefined, siteHost: string | undefined): TermLink | undefined {
  const href = a.attribs['href'] ?? '';
  const rel = (a.attribs['rel'] ?? '').toLowerCase().split(/\s+/);
  const relTaxonomy = rel.includes('category') ? 'category' : rel.includes('tag') ? 'post_tag' : undefined;
  const fromUrl = termInUrl(href);
  if (!relTaxonomy && !fromUrl) return undefined;
  const inContent = content !== undefined && (a === content || $(a).closest(content).length > 0);
  // In a post's text, only theme-printed links to the site itself are terms (not old Technorati tags).
  if (inContent && (!relTaxonomy || (siteHost && hostOf(href) && hostOf(href) !== siteHost))) return undefined;
  const name = visibleText($(a)).replace(/\s*\(\d+\)$/, '');
  return { ...(fromUrl?.taxonomy ? { taxonomy: fromUrl.taxonomy } : {}), ...(relTaxonomy ? { relTaxonomy } : {}), ...(fromUrl?.slug ? { slug: fromUrl.slug } : relTaxonomy ? { slug: lastSegment(href) } : {}), name };
}

/** `/category/parent/child/`, `/tag/slug/`, `?cat=9`, `?tag=slug`, `?category_name=slug`. */
function termInUrl(href: string): { taxonomy?: 'category' | 'post_tag'; slug?: string } | undefined {
  let url: URL;
  try {
    url = new URL(href, 'http://unpress.invalid/');
  } catch {
    return undefined;
  }
  const tag = url.searchParams.get('tag');
  if (tag) return { taxonomy: 'post_tag', slug: normaliseSlug(tag) };
  const categoryName = url.searchParams.get('category_name');
  if (categoryName) return { taxonomy: 'category', slug: normaliseSlug(categoryName.split('/').pop() ?? categoryName) };
  if (url.searchParams.get('cat')) return { taxonomy: 'category' };
  const segments = url.pathname.split('/').filter((s) => s && !/^index\.html?$/i.test(s));
  const at = segments.findIndex((s) => s === 'category' || s === 'tag');
  if (at < 0) return undefined;
  const rest = segments.slice(at + 1).filter((s) => s !== 'feed');
  if (rest.at(-2) === 'page') rest.splice(-2);
  const slug = rest.at(-1);
  return slug ? { taxonomy: segments[at] === 'tag' ? 'post_tag' : 'category', slug: normaliseSlug(slug) } : undefined;
}

function lastSegment(href: string): string | undefined {
  try {
    const segments = new URL(href, 'http://unpress.invalid/').pathname.split('/').filter((s) => s && !/^index\.html?$/i.test(s));
    const slug = segments.at(-1);
    return slug ? normaliseSlug(slug) : undefined;
  } catch {
    return undefined;
  }
}

/** Slugs as WordPress stores them: percent-encoded UTF-8 with lower-case hex (`%e6%97%a5`). */
export function normaliseSlug(slug: string): string {
  const decoded = decodeSlug(slug);
  return encodeURIComponent(decoded).replace(/%[0-9A-F]{2}/g, (s) => s.toLowerCase()).toLowerCase();
}

function taxonomyOfSlug(slug: string | undefined, classes: { category: string[]; post_tag: string[] }): 'category' | 'post_tag' | undefined {
  if (!slug) return undefined;
  const key = slugKey(slug);
  const inCategories = classes.category.some((c) => slugKey(c) === key);
  const inTags = classes.post_tag.some((c) => slugKey(c) === key);
  return inCategories && !inTags ? 'category' : inTags && !inCategories ? 'post_tag' : undefined;
}

const CATEGORY_CONTAINERS = /^(?:cat-links|categories-links|entry-categories|post-categories|taxonomy-category|category)$/;
const TAG_CONTAINERS = /^(?:tag-links|tags-links|entry-tags|post-tags|taxonomy-post_tag|post_tag|tags)$/;

function containerTaxonomy(a: Element): 'category' | 'post_tag' | undefined {
  for (let p = a.parent; p && p.type === 'tag'; p = p.parent) {
    const classes = classesOf(p as Element);
    if (classes.some((c) => CATEGORY_CONTAINERS.test(c))) return 'category';
    if (classes.some((c) => TAG_CONTAINERS.test(c))) return 'post_tag';
    if (classes.some((c) => c === 'hentry' || /^post-\d+$/.test(c))) return undefined;
  }
  return undefined;
}

/** A term's name and real slug from any link to it on the page (category widgets, menus, tag clouds). */
function linkedTerm($: CheerioAPI, taxonomy: 'category' | 'post_tag', slug: string): { slug: string; name: string } | undefined {
  const key = slugKey(slug);
  for (const a of $('a[href]').toArray()) {
    const found = termInUrl(a.attribs['href'] ?? '');
    if (found?.taxonomy !== taxonomy || !found.slug || slugKey(found.slug) !== key) continue;
    const name = collapse($(a).text()).replace(/\s*\(\d+\)$/, '');
    if (name) return { slug: found.slug, name };
  }
  return undefined;
}

function hostOf(href: string): string | undefined {
  try {
    return /^https?:/i.test(href) ? new URL(href).host.toLowerCase().replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}
