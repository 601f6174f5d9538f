import type { BlockHandler } from './types.js';

/**
 * `<!-- wp:block {"ref":123} /-->`: a reusable block (synced pattern), stored as a `wp_block` item;
 * its content is inlined. A ref missing from the export is reported; nesting stops at 5 levels.
 */
export const reusableBlock: BlockHandler = (block, ctx) => {
  const ref = Number((block.attrs as Record<string, unknown> | null)?.['ref']);
  const content = ctx.site.reusableBlocks.get(ref);
  if (content === undefined || ctx.depth > 5) {
    ctx.warn('missing-reusable-block', `reusable block ${Number.isFinite(ref) ? ref : '(no ref)'} is not in the export: left out`);
    return '';
  }
  return ctx.renderContent(content);
};
