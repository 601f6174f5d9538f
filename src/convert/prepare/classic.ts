import { autop } from '@wordpress/autop';
import type { ConvertContext } from '../context.js';
import { inlineNoteMarkers } from '../footnotes/inline-markers.js';
import { autoEmbeds } from './auto-embed.js';
import { outsideCode, protect } from './protect.js';
import { convertShortcodes, reportUnknownShortcodes, unautopBlockShortcodes } from './shortcodes.js';

/**
 * What WordPress does to content before its late shortcodes, in its order: inline footnotes
 * (plugins hook in early), auto-embeds (priority 8), then autop (10) for classic content, which
 * is stored without <p>: blank line = paragraph, single newline = <br />, <pre> untouched.
 * Block content and rendered pages are never autop'd; `autop: false` says so. Posts written with
 * Jetpack Markdown are stored as finished HTML (meta `_wpcom_is_markdown`), so no autop either.
 */
export function prepareBeforeAutop(html: string, ctx: ConvertContext, options: { autop: boolean }): string {
  const kept = protect(html);
  const notes = inlineNoteMarkers(convertShortcodes(kept.text, 'notes', ctx), ctx);
  // A note may hold code that was hidden from the pass (`[ref]see <code>x()</code>[/ref]`).
  ctx.notes.mapAll(kept.restore);
  const text = kept.restore(options.autop ? autoEmbeds(notes) : notes);
  if (!options.autop || !text.trim()) return text;
  return autop(text);
}

/** True when classic content needs autop (see above). */
export function needsAutop(ctx: ConvertContext): boolean {
  const markdown = ctx.record.meta['_wpcom_is_markdown'];
  return ctx.record.bodyFormat === 'classic' && !(markdown && markdown !== '0');
}

/**
 * The late stage, on any format: shortcode_unautop, shortcodes (do_shortcode), auto-embeds left,
 * unknown tags reported.
 */
export function prepareAfterAutop(html: string, ctx: ConvertContext): string {
  return outsideCode(html, (hidden) => {
    const text = autoEmbeds(convertShortcodes(unautopBlockShortcodes(hidden), 'late', ctx));
    reportUnknownShortcodes(text, ctx);
    return text;
  });
}
