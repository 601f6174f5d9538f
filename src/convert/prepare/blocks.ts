import { parse } from '@wordpress/block-serialization-default-parser';
import type { ConvertContext } from '../context.js';

/** A block as WordPress's parser returns it. */
export type ParsedBlock = ReturnType<typeof parse>[number];

/**
 * Block-editor content -> plain HTML, with WordPress's own block parser. The block comment
 * delimiters go away; `core/more` becomes the <!--more--> marker; reusable blocks (`wp:block`
 * with a ref) are replaced by the wp_block item's content.
 */
export function serializeBlocksToHtml(content: string, ctx: ConvertContext, depth = 0): string {
  return parse(content)
    .map((block) => blockToHtml(block, ctx, depth))
    .join('\n\n');
}

function blockToHtml(block: ParsedBlock, ctx: ConvertContext, depth: number): string {
  const name = block.blockName;
  if (name === null) return block.innerHTML;
  if (name === 'core/more') return '<!--more-->';
  if (name === 'core/nextpage') return '<!--nextpage-->';
  if (name === 'core/block') {
    const ref = Number(block.attrs?.['ref']);
    const reusable = ctx.site.reusableBlocks.get(ref);
    if (reusable === undefined || depth > 5) {
      ctx.warn('missing-reusable-block', `reusable block ${ref} is not in the export`);
      return '';
    }
    return serializeBlocksToHtml(reusable, ctx, depth + 1);
  }
  // Inner blocks sit where innerContent has null slots.
  let inner = 0;
  return block.innerContent
    .map((piece: string | null) => (piece === null ? blockToHtml(block.innerBlocks[inner++]!, ctx, depth) : piece))
    .join('');
}
