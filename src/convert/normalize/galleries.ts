import type { Dom, Element } from '../dom.js';
import type { Normalizer } from './types.js';

/**
 * Gallery markup -> one `<figure>` per image (figcaption when captioned), in order:
 * - [gallery] as printed: `<div class="gallery"><dl class="gallery-item"><dt class="gallery-icon">
 *   <a><img></a></dt><dd class="wp-caption-text gallery-caption">…</dd></dl><br style="clear: both">…`
 *   (html5 themes: `<figure class="gallery-item"><div class="gallery-icon">…<figcaption>`);
 * - the old Gallery block: `<ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure>
 *   <img><figcaption class="blocks-gallery-item__caption">` (the nested format is already figures);
 * - Jetpack tiled galleries: `.tiled-gallery-item` with `.tiled-gallery-caption`.
 * A gallery's own caption (`figcaption.blocks-gallery-caption`) stays after its images.
 */
export const galleries: Normalizer = {
  name: 'galleries',
  appliesTo: /gallery/,
  apply($) {
    $('.gallery, .tiled-gallery').each((_, gallery) => {
      const items = $(gallery).find('.gallery-item, .tiled-gallery-item').toArray();
      $(gallery).replaceWith(items.map((item) => figureOf($, item, '.gallery-caption, .wp-caption-text, .tiled-gallery-caption, figcaption')).join(''));
    });
    $('ul.blocks-gallery-grid, ul.wp-block-gallery').each((_, list) => {
      const items = $(list).children('li').toArray();
      $(list).replaceWith(items.map((item) => figureOf($, item, 'figcaption')).join(''));
    });
  },
};

function figureOf($: Dom, item: Element, captionSelector: string): string {
  const caption = $(item).find(captionSelector).first();
  const text = caption.html()?.trim() ?? '';
  const link = $(item).find('a').filter((_, a) => $(a).find('img').length > 0).first();
  const media = link.length ? $.html(link) : $(item).find('img').first().toString();
  return media ? `<figure>${media}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>` : '';
}
