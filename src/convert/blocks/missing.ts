import { stringAttr, type BlockHandler } from './types.js';

/**
 * `core/missing`: the editor's wrapper for a block whose plugin was gone; the original block's
 * saved HTML is in `originalContent`. Kept, and reported as an unknown block.
 */
export const missingBlock: BlockHandler = (block, ctx) => {
  ctx.note('unknown-block', stringAttr(block, 'originalName') ?? 'core/missing');
  return stringAttr(block, 'originalContent') ?? ctx.renderInner(block);
};

/** Any block without a converter: its saved HTML is kept (converted like any HTML), and reported. */
export const unknownBlock: BlockHandler = (block, ctx) => {
  ctx.note('unknown-block', block.blockName ?? '');
  return ctx.renderInner(block);
};
