import { decodeHTML } from 'entities';
import { embedLinkHtml } from '../shortcodes/embed.js';
import { stringAttr, type BlockHandler } from './types.js';

/**
 * `<!-- wp:embed {"url":"https://youtu.be/…","providerNameSlug":"youtube"} --><figure
 * class="wp-block-embed …"><div class="wp-block-embed__wrapper">\nURL\n</div><figcaption>…</figcaption>
 * </figure>` (and the older `core-embed/youtube` names): the URL as a link, the caption kept.
 */
export const embedBlock: BlockHandler = (block, ctx) => {
  const html = ctx.renderInner(block);
  const wrapped = /<div class="wp-block-embed__wrapper">\s*([^<\s]+)\s*<\/div>/.exec(html)?.[1];
  const url = stringAttr(block, 'url') ?? (wrapped ? decodeHTML(wrapped) : undefined);
  if (!url) return html;
  const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(html)?.[1]?.trim();
  return `<figure>${embedLinkHtml(url)}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
};
