import { loadHtml } from '../../convert/cheerio-load.js';
import { absoluteUrl } from './media-urls.js';

/**
 * For each image of a body, the largest file its `srcset` offers: `src` (and every candidate) ->
 * the candidate with the largest width (`1024w`) or density (`2x`). Scraped pages carry srcset
 * (WordPress adds it when rendering); lazy-loading themes put it in `data-srcset`.
 *
 *   <img src="a-300x225.jpg" srcset="a-300x225.jpg 300w, a-1024x768.jpg 1024w">  ->  a-1024x768.jpg
 */
export function largestSources(html: string, base: string | undefined): Map<string, string> {
  const largest = new Map<string, string>();
  if (!/srcset/i.test(html)) return largest;
  const $ = loadHtml(html, false);
  $('img, source').each((_, element) => {
    const image = $(element);
    const srcset = image.attr('srcset') ?? image.attr('data-srcset');
    if (!srcset) return;
    const candidates = parseSrcset(srcset, base);
    const best = [...candidates].sort((a, b) => b.size - a.size)[0];
    if (!best) return;
    const src = absoluteUrl(image.attr('data-src') ?? image.attr('src') ?? '', base);
    for (const url of [src, ...candidates.map((c) => c.url)]) if (url && url !== best.url && !largest.has(url)) largest.set(url, best.url);
  });
  return largest;
}

interface Candidate {
  url: string;
  size: number;
}

/** `a.jpg 300w, b.jpg 1024w` -> candidates with their width (or density × 10000, or 0). */
export function parseSrcset(srcset: string, base: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const part of srcset.split(/,\s+|,(?=\S+\s+\d)/)) {
    const [reference, descriptor = ''] = part.trim().split(/\s+/);
    const url = reference ? absoluteUrl(reference, base) : undefined;
    if (!url) continue;
    const width = /^(\d+)w$/.exec(descriptor);
    const density = /^(\d+(?:\.\d+)?)x$/.exec(descriptor);
    out.push({ url, size: width ? Number(width[1]) : density ? Number(density[1]) * 10_000 : 0 });
  }
  return out;
}
