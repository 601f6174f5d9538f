import { toFrontMatter } from '../front-matter.js';
import { collectionOf } from '../target-path.js';
import { prettyUrlOf } from './common.js';
import type { Preset } from './preset.js';

/**
 * Today's layout, for any tool: `posts/<slug>.md`, `pages/<slug>.md`, `<type>/<slug>.md`, with the
 * front matter keys the README lists. Body links between posts point to the other files.
 */
export const plainPreset: Preset = {
  name: 'plain',
  path: (record, stem) => `${collectionOf(record.type)}/${stem}.md`,
  url: (_record, path) => prettyUrlOf(path),
  frontMatter: (record, facts) => {
    const fm = toFrontMatter(record);
    if (facts.featuredImage !== undefined && 'featured_image' in fm) fm['featured_image'] = facts.featuredImage;
    return fm;
  },
  staticDir: 'media',
  dataDir: '',
  formats: ['yaml', 'toml'],
  linksTo: 'files',
};
