import { attachmentsOf, type AttachmentInfo } from '../../model/site.js';
import { element, escapeHtml, extensionOf } from '../html.js';
import { AUDIO_EXTENSIONS, fileName, VIDEO_EXTENSIONS } from './media.js';
import { idList, type ShortcodeHandler } from './types.js';

/**
 * `[playlist ids="31,32" type="audio"]` (or the post's attached files of that type): WordPress
 * draws a JavaScript player; here, a list of links to the files, titled as in the media library.
 */
export const playlistShortcode: ShortcodeHandler = {
  tags: ['playlist'],
  block: true,
  stage: 'late',
  convert(shortcode, ctx) {
    const { named } = shortcode.attrs;
    const extensions = named['type'] === 'video' ? VIDEO_EXTENSIONS : AUDIO_EXTENSIONS;
    const ids = idList(named['ids'] ?? named['include']);
    let files: AttachmentInfo[];
    if (ids.length > 0) {
      files = ids.map((id) => ctx.site.attachments.get(id)).filter((a): a is AttachmentInfo => a !== undefined);
      if (files.length < ids.length) ctx.warn('missing-attachment', `[playlist] files ${ids.filter((id) => !ctx.site.attachments.has(id)).join(', ')} not in the export: left out`);
    } else {
      const parent = Number.parseInt(named['id'] ?? '', 10) || ctx.record.wordpressId;
      files = parent ? attachmentsOf(ctx.site, parent).filter((a) => extensions.includes(extensionOf(a.url))) : [];
    }
    if (files.length === 0) {
      ctx.warn('empty-media', '[playlist] has no file in the export: dropped');
      return '';
    }
    const items = files.map((file) => `<li>${element('a', { href: file.url }, escapeHtml(file.title || fileName(file.url)))}</li>`);
    return `<ol>${items.join('')}</ol>`;
  },
};
