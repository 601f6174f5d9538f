import type { Normalizer } from './types.js';

/**
 * Captioned images as themes print [caption] (rendered pages):
 *   `<div id="attachment_12" class="wp-caption alignleft"><img …><p class="wp-caption-text">Text</p></div>`
 *   `<figure class="wp-caption"><a><img></a><figcaption class="wp-caption-text">Text</figcaption></figure>`
 *   `<dl class="wp-caption"><dt class="wp-caption-dt"><img></dt><dd class="wp-caption-dd">Text</dd></dl>` (WP 2.x)
 * -> `<figure>{image}<figcaption>{text}</figcaption></figure>`.
 */
export const captions: Normalizer = {
  name: 'captions',
  appliesTo: /wp-caption/,
  apply($) {
    $('.wp-caption').each((_, box) => {
      const caption = $(box).find('.wp-caption-text, .wp-caption-dd, figcaption').first();
      const text = caption.html()?.trim() ?? '';
      caption.remove();
      $(box).find('dt.wp-caption-dt').each((__, dt) => void $(dt).replaceWith($(dt).contents()));
      const media = $(box).html()?.trim() ?? '';
      $(box).replaceWith(`<figure>${media}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`);
    });
  },
};
