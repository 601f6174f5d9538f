import { decodeHTML } from 'entities';
import { element, escapeHtml } from '../html.js';
import type { ShortcodeHandler } from './types.js';

/**
 * `[embed width="640"]https://www.youtube.com/watch?v=…[/embed]` (or `src="…"`): WordPress asks the
 * provider for player HTML (oEmbed) at display time. Here the URL itself, as a link on its own line,
 * which is usable anywhere and loses nothing.
 */
export function embedLinkHtml(url: string): string {
  return `<p>${element('a', { href: url }, escapeHtml(url))}</p>`;
}

export const embedShortcode: ShortcodeHandler = {
  tags: ['embed'],
  stage: 'late',
  convert(shortcode, ctx) {
    const url = decodeHTML((shortcode.content || shortcode.attrs.named['src'] || '').replace(/<[^>]*>/g, '').trim());
    if (!url) {
      ctx.warn('empty-media', '[embed] has no URL: dropped');
      return '';
    }
    return embedLinkHtml(url);
  },
};
