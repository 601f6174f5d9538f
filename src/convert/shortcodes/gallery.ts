import { attachmentsOf, type AttachmentInfo } from '../../model/site.js';
import type { ConvertContext } from '../context.js';
import { element, isImageUrl } from '../html.js';
import { idList, type ShortcodeHandler } from './types.js';

/**
 * `[gallery ids="12,14" link="file" columns="3"]`, `[gallery include="…" exclude="…"]`, or a bare
 * `[gallery]`: the images attached to the post (or to post `id="…"`), in menu order. Captions and
 * alt texts come from the attachments. Output: one `<figure>` per image (layout attributes such as
 * columns and size are a theme's business; `orderby="rand"` keeps the stored order, so output stays
 * deterministic). `link="file"` links each image to its file.
 */
export const galleryShortcode: ShortcodeHandler = {
  tags: ['gallery'],
  block: true,
  stage: 'late',
  convert(shortcode, ctx) {
    const { named } = shortcode.attrs;
    const images = galleryImages(named, ctx);
    if (images.length === 0) {
      ctx.warn('empty-gallery', `[gallery${shortcode.attrs.named['ids'] ? ` ids="${named['ids']}"` : ''}] has no image in the export: dropped`);
      return '';
    }
    const linkToFile = named['link'] === 'file';
    return images.map((image) => galleryFigure(image, linkToFile)).join('');
  },
};

export function galleryFigure(image: AttachmentInfo, linkToFile: boolean): string {
  const img = element('img', { src: image.url, alt: image.alt });
  const media = linkToFile ? `<a href="${image.url.replace(/"/g, '&quot;')}">${img}</a>` : img;
  return `<figure>${media}${image.caption ? `<figcaption>${image.caption}</figcaption>` : ''}</figure>`;
}

function galleryImages(named: Record<string, string | undefined>, ctx: ConvertContext): AttachmentInfo[] {
  const ids = idList(named['ids'] ?? named['include']);
  const exclude = new Set(idList(named['exclude']));
  let images: AttachmentInfo[];
  if (ids.length > 0) {
    images = [];
    const missing: number[] = [];
    for (const id of ids) {
      const found = ctx.site.attachments.get(id);
      if (found) images.push(found);
      else missing.push(id);
    }
    if (missing.length) ctx.warn('missing-attachment', `[gallery] image${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not in the export: left out`);
    // `include` without `ids` keeps WordPress's default order (menu_order, then id).
    if (!named['ids']) images.sort((a, b) => a.menuOrder - b.menuOrder || a.id - b.id);
  } else {
    const parent = Number.parseInt(named['id'] ?? '', 10) || ctx.record.wordpressId;
    images = parent ? attachmentsOf(ctx.site, parent).filter((a) => isImageUrl(a.url)) : [];
    if ((named['order'] ?? '').toUpperCase() === 'DESC') images.reverse();
  }
  return images.filter((image) => !exclude.has(image.id));
}
