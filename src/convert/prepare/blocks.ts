import { parse } from '@wordpress/block-serialization-default-parser';
import type { ConvertContext } from '../context.js';
import { blockHandler } from '../blocks/index.js';
import type { BlockContext, ParsedBlock } from '../blocks/types.js';
import { prepareBeforeAutop } from './classic.js';

/**
 * Block-editor content -> plain HTML, with WordPress's own block parser: each block goes through
 * its handler (blocks/index.ts), so no block comment survives. Blocks dropped or kept without a
 * converter are reported once per name.
 */
export function serializeBlocksToHtml(content: string, ctx: ConvertContext): string {
  const seen = { 'dynamic-block': new Map<string, number>(), 'unknown-block': new Map<string, number>() };
  const html = renderContent(content, ctx, seen, 0);
  for (const [name, count] of seen['dynamic-block']) {
    ctx.warn('dynamic-block', `${name}${times(count)} is drawn by the live site (no saved content): dropped`);
  }
  for (const [name, count] of seen['unknown-block']) {
    ctx.warn('unknown-block', `${name}${times(count)} has no converter: its saved HTML was kept`);
  }
  return html;
}

function times(count: number): string {
  return count > 1 ? ` (${count} times)` : '';
}

type Seen = Record<'dynamic-block' | 'unknown-block', Map<string, number>>;

function renderContent(content: string, ctx: ConvertContext, seen: Seen, depth: number): string {
  const blockCtx: BlockContext = {
    ...ctx,
    depth,
    renderInner: (block) => renderInner(block, blockCtx),
    renderContent: (inner) => renderContent(inner, ctx, seen, depth + 1),
    classic: (html) => prepareBeforeAutop(html, ctx, { autop: true }),
    note: (kind, name) => seen[kind].set(name, (seen[kind].get(name) ?? 0) + 1),
  };
  return parse(content)
    .map((block) => renderBlock(block, blockCtx))
    .filter((html) => html.trim() !== '')
    .join('\n\n');
}

function renderBlock(block: ParsedBlock, ctx: BlockContext): string {
  return blockHandler(block.blockName ?? 'freeform')(block, ctx);
}

/** Inner blocks sit where innerContent has null slots. */
function renderInner(block: ParsedBlock, ctx: BlockContext): string {
  let inner = 0;
  return block.innerContent
    .map((piece: string | null) => {
      if (piece !== null) return piece;
      const child = block.innerBlocks[inner++];
      return child ? renderBlock(child, ctx) : '';
    })
    .join('');
}
