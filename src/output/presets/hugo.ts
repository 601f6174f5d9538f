import { collectionOf } from '../target-path.js';
import { compact, customTaxonomies, isPublished, nonEmpty, TOOLING_KEYS, toolingKeys } from './common.js';
import type { Preset } from './preset.js';

const KEYS = new Set(['title', 'date', 'lastmod', 'draft', 'author', 'categories', 'tags', 'summary', 'images', 'aliases', 'slug', 'url', ...TOOLING_KEYS]);

/**
 * Hugo: `content/posts/<slug>.md` (or a page bundle `content/posts/<slug>/index.md` with
 * `--bundles`), files under `static/` served at the site root, data files under `data/`.
 * Hugo makes the URL from the path, lower-cased (`disablePathToLower` is false by default);
 * `aliases` are the old URLs Hugo writes redirect pages for.
 *
 *   title: Time is on my side
 *   date: 2012-11-20T08:30:00+01:00
 *   aliases:
 *     - /2012/11/20/time-is-on-my-side/
 */
export const hugoPreset: Preset = {
  name: 'hugo',
  path: (record, stem, { bundles }) => `content/${collectionOf(record.type)}/${stem}${bundles ? '/index' : ''}.md`,
  url: (_record, path) => `/${path.replace(/^content\//, '').replace(/(?:\/index)?\.md$/, '').toLowerCase()}/`,
  frontMatter: (record, facts) =>
    compact({
      title: record.title,
      date: record.date,
      lastmod: record.modified && record.modified !== record.date ? record.modified : undefined,
      draft: isPublished(record) ? undefined : true,
      author: record.author,
      categories: nonEmpty(record.categories),
      tags: nonEmpty(record.tags),
      ...customTaxonomies(record, KEYS),
      summary: record.excerpt,
      images: nonEmpty([facts.featuredImage ?? record.featuredImage].filter((u): u is string => Boolean(u))),
      aliases: nonEmpty(facts.aliases),
      ...toolingKeys(record),
    }),
  staticDir: 'static',
  dataDir: 'data',
  formats: ['yaml', 'toml'],
  linksTo: 'urls',
};
