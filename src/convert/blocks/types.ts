import type { parse } from '@wordpress/block-serialization-default-parser';
import type { ConvertContext } from '../context.js';

/** A block as WordPress's parser returns it. */
export type ParsedBlock = ReturnType<typeof parse>[number];

export interface BlockContext extends ConvertContext {
  /** The block's saved HTML with its inner blocks rendered in their slots. */
  renderInner(block: ParsedBlock): string;
  /** Serialized block content (a reusable block's) -> HTML. */
  renderContent(content: string): string;
  /** Classic HTML (a freeform chunk, a shortcode block) prepared as classic content is. */
  classic(html: string): string;
  /** Reports a block dropped or kept without a converter; reported once per name and post. */
  note(kind: 'dynamic-block' | 'unknown-block', name: string): void;
  readonly depth: number;
}

/** Block -> HTML for the DOM stage. */
export type BlockHandler = (block: ParsedBlock, ctx: BlockContext) => string;

/** The saved HTML is what the rules need (a paragraph's <p>, a list's <ul>…): used as is. */
export const passthrough: BlockHandler = (block, ctx) => ctx.renderInner(block);

/** Dropped on purpose, silently (layout only: a spacer). */
export const layoutOnly: BlockHandler = () => '';

/** Server-rendered (latest posts, search, post title…): nothing saved to convert; reported. */
export const dynamic: BlockHandler = (block, ctx) => {
  ctx.note('dynamic-block', block.blockName ?? '');
  return '';
};

export function stringAttr(block: ParsedBlock, name: string): string | undefined {
  const value = (block.attrs as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
