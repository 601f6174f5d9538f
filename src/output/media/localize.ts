import { posix } from 'node:path';
import type { Warning } from '../../model/diagnostics.js';
import type { PostRecord } from '../../model/post.js';
import { encodeTarget } from '../redirects.js';
import type { FoundMedia, MediaLibrary } from './library.js';
import { rewriteMarkdownUrls, markdownUrls } from './markdown-urls.js';
import { absoluteUrl, isMediaUrl, localKeyOf } from './media-urls.js';

/** Where a record's files go and how its page refers to them; given by the site renderer. */
export interface MediaPlacement {
  /** The record's file, relative to the output folder. */
  readonly path: string;
  /** The preset's static folder ('' = the output's root), served at the site root. */
  readonly staticDir: string;
  /** Hugo page bundles: the record's files go next to its index.md. */
  readonly bundle: boolean;
  /** Plain Markdown refers to files relatively; generators by their URL on the new site. */
  readonly linksTo: 'files' | 'urls';
}

export interface LocalizedMedia {
  markdown: string;
  featuredImage?: string;
  warnings: Warning[];
}

/** srcset.ts, imported once, by the first record whose media are placed. */
let srcset: Promise<typeof import('./srcset.js')> | undefined;

/**
 * A record's references to files (images and links in the body, its featured image) -> files in
 * the output folder, and the references rewritten to them. A file that cannot be had keeps its
 * old URL and gets a `media-missing` warning (and a line in the manifest's `media.missing`).
 */
export async function localizeMedia(record: PostRecord, markdown: string, library: MediaLibrary, placement: MediaPlacement, siteBase?: string): Promise<LocalizedMedia> {
  const base = record.originalUrl ?? siteBase;
  // Loaded here, with the HTML parser it needs: a run that keeps its media never loads them.
  const { largestSources } = await (srcset ??= import('./srcset.js'));
  const largest = largestSources(record.body, base);
  const references = new Set<string>();
  for (const reference of markdownUrls(markdown)) {
    const url = absoluteUrl(reference, base);
    if (url && isMediaUrl(url)) references.add(url);
  }
  const featured = record.featuredImage ? absoluteUrl(record.featuredImage, base) : undefined;
  if (featured) references.add(featured);

  // Found in parallel, named and placed in reference order: bundle names do not depend on timing.
  const results = await Promise.all([...references].map(async (url) => ({ url, found: await library.find(url, largest.get(url)) })));
  const names = new BundleNames();
  const replacements = new Map<string, string>();
  const warnings: Warning[] = [];
  const placing: Array<Promise<{ url: string; reference: string; error?: string }>> = [];
  for (const { url, found } of results) {
    if ('error' in found) {
      library.noteMissing(url, found.error, placement.path);
      warnings.push({ code: 'media-missing', message: `${url} could not be had (${found.error}); the old URL is kept` });
      continue;
    }
    const { destination, reference } = placeFor(found, placement, names);
    placing.push(library.place(found, destination).then((error) => ({ url, reference, ...(error ? { error } : {}) })));
  }
  for (const { url, reference, error } of await Promise.all(placing)) {
    if (error === undefined) replacements.set(url, reference);
    else warnings.push({ code: 'media-not-written', message: `${url} could not be written to the output folder (${error}); the old URL is kept` });
  }
  const rewritten = rewriteMarkdownUrls(markdown, (reference) => {
    const url = absoluteUrl(reference, base);
    return url ? replacements.get(url) : undefined;
  });
  return { markdown: rewritten, ...(featured && replacements.has(featured) ? { featuredImage: replacements.get(featured)! } : {}), warnings };
}

/** Where a file goes and what the page writes to refer to it. */
function placeFor(found: FoundMedia, placement: MediaPlacement, names: BundleNames): { destination: string; reference: string } {
  const key = localKeyOf(found.url);
  if (placement.bundle) {
    const name = names.nameFor(key);
    return { destination: posix.join(posix.dirname(placement.path), name), reference: encodeTarget(name) };
  }
  const destination = placement.staticDir ? `${placement.staticDir}/${key}` : key;
  if (placement.linksTo === 'files') return { destination, reference: encodeTarget(posix.relative(posix.dirname(placement.path), destination)) };
  return { destination, reference: encodeTarget(`/${key}`) };
}

/** In a page bundle files are named by their base name; two different files with one name get `-2`, `-3`. */
class BundleNames {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>(['index.md']);

  nameFor(key: string): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const base = posix.basename(key);
    const dot = base.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`;
    this.taken.add(name.toLowerCase());
    this.byKey.set(key, name);
    return name;
  }
}
