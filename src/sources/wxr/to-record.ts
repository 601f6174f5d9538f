import type { PostRecord, TermRef } from '../../model/post.js';
import type { SiteIndex } from '../../model/site.js';
import { termKey } from '../../model/site.js';
import type { SourceRef } from '../../model/source-ref.js';
import { toPlainText } from '../../model/plain-text.js';
import { decodeSlug, slugifyName } from '../../model/slug.js';
import { toIsoDate } from './dates.js';
import type { WxrItem } from './parse-item.js';
import { textOf } from './xml-text.js';

/** Post types that are site machinery, not content: skipped with the reason given. */
const SKIPPED_TYPES: Record<string, string> = {
  attachment: 'attachment (indexed for featured images and galleries, not a post)',
  wp_block: 'reusable block (inlined where a post uses it)',
  nav_menu_item: 'navigation menu item',
  wp_navigation: 'navigation menu',
  wp_global_styles: 'theme global styles',
  wp_template: 'block theme template',
  wp_template_part: 'block theme template part',
  custom_css: 'custom CSS',
  wp_font_family: 'font family',
  wp_font_face: 'font face',
  revision: 'revision',
  customize_changeset: 'customizer changeset',
  oembed_cache: 'oEmbed cache',
  user_request: 'personal data request',
  wp_pattern: 'block pattern',
};

export type ItemOutcome = { kind: 'record'; record: PostRecord } | { kind: 'skip'; reason: string };

/** Post meta the converters use; other meta stays in the export. */
const KEPT_META = new Set(['footnotes', '_wpcom_is_markdown', '_syntaxhighlighter_encoded', '_wp_page_template']);

/**
 * Maps one parsed item to a record (not yet validated), or says why it is skipped.
 * Terms: WXR 1.0 writes every item term twice (a legacy <category> without nicename, then the
 * attribute form); only the attribute form counts, as in WordPress's importer. `tag` is WXR 1.0's
 * name for post_tag.
 */
export function toPostRecord(item: WxrItem, site: SiteIndex, source: SourceRef): ItemOutcome {
  const type = item.postType || 'post';
  const skippedType = SKIPPED_TYPES[type];
  if (skippedType !== undefined) return { kind: 'skip', reason: skippedType };
  const status = item.status || 'publish';
  if (status === 'trash') return { kind: 'skip', reason: 'in the trash' };
  if (status === 'auto-draft') return { kind: 'skip', reason: 'auto-draft (never saved by its author)' };
  if (status === 'inherit') return { kind: 'skip', reason: `${type} with status inherit (belongs to another post)` };

  const terms = itemTerms(item, site);
  // Front matter lists names: two terms with one name (different slugs) read as one.
  const named = (taxonomy: string): string[] => [...new Set(terms.filter((t) => t.taxonomy === taxonomy).map((t) => t.name))];
  const taxonomies: Record<string, string[]> = {};
  for (const term of terms) {
    if (['category', 'post_tag', 'post_format'].includes(term.taxonomy)) continue;
    const names = (taxonomies[term.taxonomy] ??= []);
    if (!names.includes(term.name)) names.push(term.name);
  }
  const format = terms.find((t) => t.taxonomy === 'post_format')?.slug.replace(/^post-format-/, '');
  const meta: Record<string, string> = {};
  const oldSlugs: string[] = [];
  let thumbnailId: number | undefined;
  for (const { key, value } of item.meta) {
    if (KEPT_META.has(key)) meta[key] = value;
    else if (key === '_wp_old_slug' && value) oldSlugs.push(decodeSlug(value));
    else if (key === '_thumbnail_id') thumbnailId = Number.parseInt(value, 10);
  }
  const approved = item.comments.filter((c) => c.approved === '1' && c.type !== 'note');
  const content = item.content;
  const record: PostRecord = {
    source,
    sources: [source],
    ...(item.postId > 0 ? { wordpressId: item.postId } : {}),
    type,
    status,
    title: item.title.trim(),
    slug: decodeSlug(item.postName),
    date: toIsoDate(item.postDate, item.postDateGmt),
    modified: toIsoDate(item.modified, item.modifiedGmt),
    author: item.creator ? (site.authors.get(item.creator) ?? item.creator) : undefined,
    categories: named('category'),
    tags: named('post_tag'),
    terms,
    taxonomies,
    format: format && format !== 'standard' ? format : undefined,
    commentCount: approved.length,
    comments: approved.map((c) => ({
      id: c.id,
      parent: c.parent,
      type: c.type || 'comment',
      author: textOf(c.author).trim(),
      authorUrl: c.authorUrl || undefined,
      authorEmail: c.authorEmail || undefined,
      authorIp: c.authorIp || undefined,
      date: toIsoDate(c.date, c.dateGmt),
      content: c.content,
    })),
    passwordProtected: item.password !== '',
    sticky: item.isSticky,
    excerpt: toPlainText(item.excerpt) || undefined,
    featuredImage: thumbnailId ? site.attachments.get(thumbnailId)?.url : undefined,
    originalUrl: item.link || undefined,
    oldSlugs,
    body: content,
    bodyFormat: /<!--\s+wp:/.test(content) ? 'blocks' : 'classic',
    meta,
  };
  return { kind: 'record', record: dropUndefined(record) };
}

function itemTerms(item: WxrItem, site: SiteIndex): TermRef[] {
  const seen = new Set<string>();
  const terms: TermRef[] = [];
  const legacy: TermRef[] = [];
  for (const category of item.categories) {
    const taxonomy = category.domain === 'tag' ? 'post_tag' : category.domain || 'category';
    const name = textOf(category.name).trim();
    if (category.nicename === undefined) {
      // WXR 1.0 writes each term twice; the legacy form counts only if it has no twin.
      if (name) legacy.push({ taxonomy, slug: slugifyName(name), name });
      continue;
    }
    const slug = category.nicename.trim();
    if (!category.domain && !name) continue; // an empty placeholder, not a term
    const key = termKey(taxonomy, slug);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ taxonomy, slug, name: name || site.terms.get(key)?.name || decodeSlug(slug) });
  }
  for (const term of legacy) {
    const twin = terms.some((t) => t.taxonomy === term.taxonomy && t.name === term.name);
    if (!twin && !seen.has(termKey(term.taxonomy, term.slug))) {
      seen.add(termKey(term.taxonomy, term.slug));
      terms.push(term);
    }
  }
  return terms;
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
