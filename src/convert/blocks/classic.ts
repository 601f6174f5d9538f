import type { BlockHandler } from './types.js';

/**
 * Text outside any block (the "freeform"/Classic block) is classic content: prepared as a classic
 * post is (autop included). Whitespace between blocks is nothing.
 */
export const freeformBlock: BlockHandler = (block, ctx) => (block.innerHTML.trim() ? ctx.classic(block.innerHTML) : '');

/** `<!-- wp:shortcode -->[gallery ids="1,2"]<!-- /wp:shortcode -->`: raw text that WordPress autop's. */
export const shortcodeBlock: BlockHandler = (block, ctx) => (block.innerHTML.trim() ? ctx.classic(block.innerHTML) : '');
