import { collectionOf } from '../target-path.js';
import { compact, customTaxonomies, isPublished, nonEmpty, originalPath, prettyUrlOf, TOOLING_KEYS, toolingKeys } from './common.js';
import type { Preset } from './preset.js';

const KEYS = new Set([
  'title', 'date', 'lastmod', 'author', 'tags', 'categories', 'description', 'image', 'permalink', 'draft',
  'eleventyExcludeFromCollections', ...TOOLING_KEYS,
]);

/**
 * Eleventy: `posts/<slug>.md` with a `permalink` (the old one when it was a pretty permalink, so
 * old links keep working) and `tags` (Eleventy's collections). Drafts get `permalink: false` and
 * stay out of collections: they are not published. Static files are passthrough-copied from the
 * root (`eleventyConfig.addPassthroughCopy("wp-content")`), data under `_data/`.
 *
 *   permalink: /2012/11/20/time-is-on-my-side/
 *   tags:
 *     - Relation de service
 */
export const eleventyPreset: Preset = {
  name: 'eleventy',
  path: (record, stem) => `${collectionOf(record.type)}/${stem}.md`,
  url: (record, path) => originalPath(record) ?? prettyUrlOf(path),
  frontMatter: (record, facts) => {
    const published = isPublished(record);
    return compact({
      title: record.title,
      date: record.date,
      lastmod: record.modified && record.modified !== record.date ? record.modified : undefined,
      author: record.author,
      tags: nonEmpty(record.tags),
      categories: nonEmpty(record.categories),
      ...customTaxonomies(record, KEYS),
      description: record.excerpt,
      image: facts.featuredImage ?? record.featuredImage,
      permalink: published ? facts.url : false,
      draft: published ? undefined : true,
      eleventyExcludeFromCollections: published ? undefined : true,
      ...toolingKeys(record),
    });
  },
  staticDir: '',
  dataDir: '_data',
  formats: ['yaml'],
  linksTo: 'urls',
};
