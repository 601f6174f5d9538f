import { embedLinkHtml } from '../shortcodes/embed.js';
import type { Normalizer } from './types.js';

/**
 * An embed block on a page whose provider did not answer shows its bare URL in the wrapper
 * (`<div class="wp-block-embed__wrapper">https://…</div>`): made a link. Embeds that did render
 * keep their <iframe> (kept as HTML by the rules).
 */
export const embeds: Normalizer = {
  name: 'embeds',
  appliesTo: /wp-block-embed__wrapper/,
  apply($) {
    $('.wp-block-embed__wrapper').each((_, wrapper) => {
      const text = $(wrapper).text().trim();
      if ($(wrapper).children().length === 0 && /^https?:\/\/\S+$/.test(text)) $(wrapper).replaceWith(embedLinkHtml(text));
    });
  },
};
