import type { PostRecord } from '../../model/post.js';
import { compact, customTaxonomies, dayOf, isPublished, nonEmpty, originalPath, pluralCollection, prettyUrlOf, TOOLING_KEYS, toolingKeys } from './common.js';
import type { Preset } from './preset.js';

const KEYS = new Set([
  'layout', 'title', 'date', 'last_modified_at', 'author', 'categories', 'tags', 'excerpt', 'image', 'permalink',
  'redirect_from', 'published', ...TOOLING_KEYS,
]);

/** Published posts with a date go to `_posts/` (Jekyll needs the day in the name); the others to `_drafts/`. */
function isDatedPost(record: PostRecord): boolean {
  return record.type === 'post' && isPublished(record) && record.date !== undefined;
}

/**
 * Jekyll: `_posts/YYYY-MM-DD-<slug>.md`, drafts in `_drafts/`, pages and custom types as
 * collections (`_pages/`, `_<type>s/`: declare them in `_config.yml` with `output: true`).
 * Every file gets a `permalink`: the old one when it was a pretty permalink, so old links keep
 * working; `redirect_from` (jekyll-redirect-from) lists older URLs (previous slugs).
 *
 *   layout: post
 *   permalink: /2012/11/20/time-is-on-my-side/
 */
export const jekyllPreset: Preset = {
  name: 'jekyll',
  path: (record, stem) => {
    if (record.type !== 'post') return `_${pluralCollection(record.type)}/${stem}.md`;
    return isDatedPost(record) ? `_posts/${dayOf(record.date)}-${stem}.md` : `_drafts/${stem}.md`;
  },
  url: (record, path) => originalPath(record) ?? prettyUrlOf(path.replace(/^_(?:posts|drafts)\/(?:\d{4}-\d{2}-\d{2}-)?/, 'posts/').replace(/^_/, '')),
  frontMatter: (record, facts) =>
    compact({
      layout: record.type === 'post' ? 'post' : record.type === 'page' ? 'page' : undefined,
      title: record.title,
      date: record.date,
      last_modified_at: record.modified && record.modified !== record.date ? record.modified : undefined,
      author: record.author,
      categories: nonEmpty(record.categories),
      tags: nonEmpty(record.tags),
      ...customTaxonomies(record, KEYS),
      excerpt: record.excerpt,
      image: facts.featuredImage ?? record.featuredImage,
      permalink: facts.url,
      redirect_from: nonEmpty(facts.aliases),
      // Drafts of posts are in _drafts/; anything else not public must say so.
      published: isPublished(record) || record.type === 'post' ? undefined : false,
      ...toolingKeys(record),
    }),
  staticDir: '',
  dataDir: '_data',
  formats: ['yaml'],
  linksTo: 'urls',
};
