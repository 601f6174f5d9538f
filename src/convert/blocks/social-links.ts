import { element, escapeHtml } from '../html.js';
import { stringAttr, type BlockHandler } from './types.js';

/**
 * `<!-- wp:social-links --><ul class="wp-block-social-links"><!-- wp:social-link
 * {"url":"https://mastodon.social/@me","service":"mastodon","label":"Me"} /--></ul>`: the icons
 * are drawn by the server, but the links are the author's: a list of links, named by their label
 * or their service. A link without a URL is nothing.
 */
export const socialLinksBlock: BlockHandler = (block, ctx) => {
  const items = block.innerBlocks.map((child) => socialLinkBlock(child, ctx)).filter(Boolean);
  return items.length ? `<ul>${items.join('')}</ul>` : '';
};

/** Services whose name is not just capitalized. */
const SERVICE_NAMES: Record<string, string> = {
  wordpress: 'WordPress', github: 'GitHub', linkedin: 'LinkedIn', youtube: 'YouTube', tiktok: 'TikTok', soundcloud: 'SoundCloud',
  deviantart: 'DeviantArt', dribbble: 'Dribbble', lastfm: 'Last.fm', mail: 'Email', feed: 'RSS feed', x: 'X',
};

export const socialLinkBlock: BlockHandler = (block) => {
  const url = stringAttr(block, 'url')?.trim();
  if (!url) return '';
  const service = stringAttr(block, 'service') ?? '';
  const label = stringAttr(block, 'label')?.trim() || SERVICE_NAMES[service] || service.charAt(0).toUpperCase() + service.slice(1) || url;
  return `<li>${element('a', { href: url }, escapeHtml(label))}</li>`;
};
