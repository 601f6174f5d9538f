import type { Normalizer } from './types.js';

/**
 * `<pre class="wp-block-verse">` (the Verse block): a poem keeps its line breaks and its inline
 * formatting, so it becomes a paragraph with `<br>` per line (hard breaks in Markdown), not code.
 * Leading spaces of a line (indentation) are kept as no-break spaces.
 */
export const verse: Normalizer = {
  name: 'verse',
  appliesTo: /wp-block-verse/,
  apply($) {
    $('pre.wp-block-verse').each((_, pre) => {
      const lines = ($(pre).html() ?? '').replace(/^\n|\n$/g, '').split('\n');
      const html = lines.map((line) => line.replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length))).join('<br>');
      $(pre).replaceWith(`<p>${html}</p>`);
    });
  },
};
