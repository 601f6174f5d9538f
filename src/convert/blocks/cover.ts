import { element } from '../html.js';
import { stringAttr, type BlockHandler } from './types.js';

/**
 * `<!-- wp:cover {"url":"…/photo.jpg","id":12} --><div class="wp-block-cover">…inner blocks…</div>`:
 * the inner blocks are the content (unwrapped); the background picture is kept as an image before
 * them when the saved HTML only has it in a style attribute (`background-image:url(…)`, older covers).
 */
export const coverBlock: BlockHandler = (block, ctx) => {
  const html = ctx.renderInner(block);
  const url = stringAttr(block, 'url');
  const isVideo = stringAttr(block, 'backgroundType') === 'video';
  if (!url || isVideo || /<img\b/i.test(html)) return html;
  return element('p', {}, element('img', { src: url, alt: stringAttr(block, 'alt') ?? '' })) + html;
};
