import type { PostRecord } from '../../model/post.js';
import type { FrontMatter } from '../front-matter.js';

export const PRESET_NAMES = ['plain', 'hugo', 'jekyll', 'astro', 'eleventy'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export type FrontMatterFormat = 'yaml' | 'toml';

/** What a preset needs besides the record, worked out by the site renderer. */
export interface RecordFacts {
  /** The record's URL on the new site, root-relative, ending with `/` (`/posts/bonjour/`). */
  url: string;
  /** Old URL paths that should lead to this record (old permalink, old slugs): aliases, redirect_from. */
  aliases: string[];
  /** The featured image as the page should reference it (a local path once media are copied). */
  featuredImage?: string;
}

export interface LayoutOptions {
  /** Hugo page bundles: `<section>/<slug>/index.md`. */
  readonly bundles: boolean;
}

/**
 * A static site generator's conventions: where a record's file goes, the URL the generator gives
 * it, and the front matter keys it reads. One file per generator, registered in `index.ts`.
 */
export interface Preset {
  readonly name: PresetName;
  /** The path of a record's file under the output folder, from its safe file stem. */
  path(record: PostRecord, stem: string, options: LayoutOptions): string;
  /** The URL the generator serves the file at (what redirects and rewritten links point to). */
  url(record: PostRecord, path: string): string;
  frontMatter(record: PostRecord, facts: RecordFacts): FrontMatter;
  /** Folder (relative to the output, '' = the root) the generator copies to the site root as-is. */
  readonly staticDir: string;
  /** Folder for data files the templates read (comments). */
  readonly dataDir: string;
  /** Front matter formats the generator reads; the first is the default. */
  readonly formats: readonly FrontMatterFormat[];
  /** Whether body links point to the other Markdown files (plain) or to site URLs (generators). */
  readonly linksTo: 'files' | 'urls';
}
