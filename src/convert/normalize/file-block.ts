import type { Normalizer } from './types.js';

/**
 * The File block: `<div class="wp-block-file"><object class="wp-block-file__embed" data="x.pdf">
 * </object><a href="x.pdf">Report</a><a href="x.pdf" class="wp-block-file__button" download>Download</a></div>`:
 * the named link stays; the PDF preview and the duplicate button go.
 */
export const fileBlocks: Normalizer = {
  name: 'file-blocks',
  appliesTo: /wp-block-file/,
  apply($) {
    $('.wp-block-file').each((_, block) => {
      $(block).find('object, .wp-block-file__embed').remove();
      const links = $(block).find('a');
      if (links.length > 1) links.filter('.wp-block-file__button').remove();
      $(block).replaceWith(`<p>${$(block).html() ?? ''}</p>`);
    });
  },
};
