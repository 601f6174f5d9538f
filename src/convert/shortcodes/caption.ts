import type { ShortcodeHandler } from './types.js';

/**
 * `[caption id="attachment_12" align="alignleft" width="300"]<a href=…><img …/></a> Caption[/caption]`
 * and the legacy form with the text in an attribute: `[caption caption="Caption"]<img …/>[/caption]`
 * (also spelled `[wp_caption]`). As in WordPress's img_caption_shortcode, the content is split into
 * "optional link + image" and the caption after it. Output: `<figure>` + `<figcaption>`; unlike
 * WordPress, a missing width does not drop the caption.
 */
const MEDIA = /((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)/i;

export const captionShortcode: ShortcodeHandler = {
  tags: ['caption', 'wp_caption'],
  block: true,
  stage: 'late',
  convert(shortcode) {
    const content = shortcode.content ?? '';
    let media = content;
    let caption = shortcode.attrs.named['caption'];
    if (caption === undefined) {
      const match = MEDIA.exec(content);
      if (match) {
        media = content.slice(0, match.index) + match[1]!;
        caption = match[2]!;
      }
    }
    // A link opened around the image but never closed (seen in the wild) must not swallow the caption.
    if (/<a\s/i.test(media) && !/<\/a>/i.test(media)) media += '</a>';
    const text = (caption ?? '').replace(/^(?:\s|<br\s*\/?>)+|(?:\s|<br\s*\/?>)+$/gi, '');
    return `<figure>${media.trim()}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
  },
};
