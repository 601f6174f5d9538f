import { escapeHtml } from '../html.js';
import { stringAttr, type BlockHandler } from './types.js';

/**
 * `<!-- wp:more {"customText":"Read on","noTeaser":true} --><!--more Read on--><!--noteaser--><!-- /wp:more -->`:
 * the classic comment, rebuilt from the attributes. (noteaser only matters to a theme: dropped.)
 */
export const moreBlock: BlockHandler = (block) => {
  const text = stringAttr(block, 'customText')?.trim();
  return text ? `<!--more ${escapeHtml(text).replace(/--/g, '- -')}-->` : '<!--more-->';
};

/** `<!-- wp:nextpage --><!--nextpage--><!-- /wp:nextpage -->`: the page break comment. */
export const nextpageBlock: BlockHandler = () => '<!--nextpage-->';

/**
 * `<!-- wp:footnotes /-->`: where WordPress prints the core footnotes list. The notes are written
 * at the end of the Markdown (footnotes/number.ts), so the marker itself goes.
 */
export const footnotesBlock: BlockHandler = () => '';
