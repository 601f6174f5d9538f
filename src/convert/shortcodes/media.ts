import { decodeHTML } from 'entities';
import { attachmentsOf } from '../../model/site.js';
import type { ConvertContext } from '../context.js';
import { element, escapeHtml, extensionOf } from '../html.js';
import type { Shortcode, ShortcodeHandler } from './types.js';

/**
 * `[audio src="…mp3"]`, `[audio mp3="…" ogg="…"]`, WordPress.com's `[audio http://…mp3]`, and
 * `[video mp4="…" poster="…" width="640"]`: an HTML5 media element (no Markdown equivalent, so
 * kept as HTML on purpose) with a plain link inside as the fallback. Without a source, WordPress
 * plays the first matching file attached to the post; so do we.
 */
const AUDIO_EXTENSIONS = ['mp3', 'ogg', 'flac', 'm4a', 'wav', 'wma', 'aac', 'oga', 'opus'];
const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'webm', 'ogv', 'flv', 'wmv', 'mov'];

function mediaShortcode(kind: 'audio' | 'video', extensions: readonly string[]): ShortcodeHandler {
  return {
    tags: [kind],
    stage: 'late',
    convert(shortcode, ctx) {
      const sources = mediaSources(shortcode, extensions, ctx);
      if (sources.length === 0) {
        ctx.warn('empty-media', `[${kind}] has no source file: dropped`);
        return '';
      }
      const { named } = shortcode.attrs;
      const attributes: Record<string, string | undefined> = { controls: 'controls' };
      if (sources.length === 1) attributes['src'] = sources[0];
      if (kind === 'video') {
        attributes['poster'] = named['poster'] ? decodeHTML(named['poster']) : undefined;
        attributes['width'] = named['width'];
        attributes['height'] = named['height'];
      }
      const inner = sources.length > 1 ? sources.map((src) => element('source', { src })).join('') : '';
      const fallback = element('a', { href: sources[0] }, escapeHtml(fileName(sources[0]!)));
      return `<p>${element(kind, attributes, inner + fallback)}</p>`;
    },
  };
}

function mediaSources(shortcode: Shortcode, extensions: readonly string[], ctx: ConvertContext): string[] {
  const { named, numeric } = shortcode.attrs;
  const found = [named['src'], ...extensions.map((ext) => named[ext]), numeric.find((value) => /^https?:\/\//i.test(value))];
  // The enclosing form may list <source src="…"> elements.
  for (const match of (shortcode.content ?? '').matchAll(/<source[^>]+src=["']([^"']+)["']/gi)) found.push(match[1]);
  const sources = [...new Set(found.filter((src): src is string => !!src).map((src) => decodeHTML(src.trim())))];
  if (sources.length > 0 || ctx.record.wordpressId === undefined) return sources;
  const attached = attachmentsOf(ctx.site, ctx.record.wordpressId).find((a) => extensions.includes(extensionOf(a.url)));
  return attached ? [attached.url] : [];
}

export function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || url;
  } catch {
    return name || url;
  }
}

export const audioShortcode = mediaShortcode('audio', AUDIO_EXTENSIONS);
export const videoShortcode = mediaShortcode('video', VIDEO_EXTENSIONS);
export { AUDIO_EXTENSIONS, VIDEO_EXTENSIONS };
