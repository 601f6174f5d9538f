import { collectionOf } from '../target-path.js';
import { compact, customTaxonomies, isPublished, nonEmpty, TOOLING_KEYS, toolingKeys } from './common.js';
import type { Preset } from './preset.js';

const KEYS = new Set(['title', 'description', 'pubDate', 'updatedDate', 'heroImage', 'author', 'categories', 'tags', 'draft', ...TOOLING_KEYS]);

/** Posts are Astro's blog starter collection, `blog`; other types get a collection named after them. */
function collectionName(type: string): string {
  return type === 'post' ? 'blog' : collectionOf(type);
}

/**
 * Astro content collections: `src/content/blog/<slug>.md` with the blog starter's schema
 * (`title`, `description`, `pubDate`, `updatedDate`, `heroImage`); `public/` is served at the
 * root. URLs follow the starter's routes, `/blog/<id>/` (ids are lower-cased).
 *
 *   title: Time is on my side
 *   description: ""
 *   pubDate: 2012-11-20T08:30:00+01:00
 */
export const astroPreset: Preset = {
  name: 'astro',
  path: (record, stem) => `src/content/${collectionName(record.type)}/${stem}.md`,
  url: (_record, path) => `/${path.replace(/^src\/content\//, '').replace(/\.md$/, '').toLowerCase()}/`,
  frontMatter: (record, facts) =>
    compact({
      title: record.title,
      // The starter's schema requires a description: the manual excerpt, or empty.
      description: record.excerpt ?? '',
      pubDate: record.date,
      updatedDate: record.modified && record.modified !== record.date ? record.modified : undefined,
      heroImage: facts.featuredImage ?? record.featuredImage,
      author: record.author,
      categories: nonEmpty(record.categories),
      tags: nonEmpty(record.tags),
      ...customTaxonomies(record, KEYS),
      draft: isPublished(record) ? undefined : true,
      ...toolingKeys(record),
    }),
  staticDir: 'public',
  dataDir: 'src/content',
  formats: ['yaml'],
  linksTo: 'urls',
};
