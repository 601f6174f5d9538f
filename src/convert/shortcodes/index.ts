import { footnoteListMarkers, footnoteShortcodes } from '../footnotes/shortcodes.js';
import { captionShortcode } from './caption.js';
import { codeShortcode } from './code.js';
import { embedShortcode } from './embed.js';
import { galleryShortcode } from './gallery.js';
import { audioShortcode, videoShortcode } from './media.js';
import { playlistShortcode } from './playlist.js';
import type { ShortcodeHandler } from './types.js';
import { wpvideoShortcode } from './wpvideo.js';

/**
 * Every shortcode unpress converts. Anything else that looks like a shortcode is kept as text and
 * reported (prepare/shortcodes.ts). Adding one: a file here, a line below, a fixture folder.
 */
export const SHORTCODES: readonly ShortcodeHandler[] = [
  // Stage `code` (before autop): SyntaxHighlighter's [code]/[sourcecode]/[source]/[php]… -> fenced code.
  codeShortcode,
  // Stage `notes` (before autop): inline footnotes -> references + notes.
  footnoteShortcodes,
  // Stage `late` (after autop, like do_shortcode):
  captionShortcode, //   [caption]/[wp_caption] -> figure + caption
  galleryShortcode, //   [gallery] -> one figure per attachment
  embedShortcode, //     [embed]URL[/embed] -> link
  wpvideoShortcode, //   [wpvideo guid] -> VideoPress link
  audioShortcode, //     [audio] -> <audio> kept as HTML
  videoShortcode, //     [video] -> <video> kept as HTML
  playlistShortcode, //  [playlist] -> list of file links
  footnoteListMarkers, // [footnotes], [efn_reset], [mfn_list] -> dropped (notes go at the end)
];

export const KNOWN_SHORTCODE_TAGS: ReadonlySet<string> = new Set(SHORTCODES.flatMap((handler) => handler.tags));
