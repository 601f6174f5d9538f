import { embedLinkHtml } from './embed.js';
import type { ShortcodeHandler } from './types.js';

/**
 * `[wpvideo tFnqC9XQ w=680]` (WordPress.com / Jetpack VideoPress): the video's GUID; its page is
 * https://videopress.com/v/{guid}.
 */
export const wpvideoShortcode: ShortcodeHandler = {
  tags: ['wpvideo'],
  stage: 'late',
  convert(shortcode, ctx) {
    const guid = shortcode.attrs.numeric[0];
    if (!guid || !/^[a-z0-9]+$/i.test(guid)) {
      ctx.warn('empty-media', '[wpvideo] has no video id: dropped');
      return '';
    }
    return embedLinkHtml(`https://videopress.com/v/${guid}`);
  },
};
