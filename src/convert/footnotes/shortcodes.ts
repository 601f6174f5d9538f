import { autop } from '@wordpress/autop';
import type { ConvertContext } from '../context.js';
import type { ShortcodeHandler } from '../shortcodes/types.js';

/**
 * Footnote plugins that take the note where it is referenced:
 * - `[footnote]…[/footnote]` (Pressbooks, Simple WP Footnotes),
 * - `[efn_note]…[/efn_note]` and its alias `[note]…[/note]` (Easy Footnotes),
 * - `[mfn]…[/mfn]` / `[modern_footnote]…[/modern_footnote]` (Modern Footnotes),
 * - `[ref]…[/ref]` (Simple Footnotes, and `footnotes` when set to that marker).
 * Each becomes a reference; the note's HTML goes to the note store.
 */
export const footnoteShortcodes: ShortcodeHandler = {
  tags: ['footnote', 'efn_note', 'note', 'mfn', 'modern_footnote', 'ref'],
  stage: 'notes',
  closedOnly: true,
  convert(shortcode, ctx) {
    const note = noteHtml(shortcode.content ?? '', ctx);
    if (!note) {
      ctx.warn('empty-footnote', `[${shortcode.tag}] with no text: dropped`);
      return '';
    }
    return ctx.notes.addInline(note);
  },
};

/**
 * Plugin markers for where the list goes or where numbering restarts: the list is always written
 * at the end of the Markdown, so they are dropped on purpose.
 * `[footnotes]` (WP-Footnotes), `[efn_reset]` (Easy Footnotes), `[mfn_list]` (Modern Footnotes).
 */
export const footnoteListMarkers: ShortcodeHandler = {
  tags: ['footnotes', 'efn_reset', 'mfn_list'],
  stage: 'late',
  convert: () => '',
};

/**
 * A note's stored text as HTML: classic content is raw (no <p>), so a note with paragraphs of its
 * own gets them from autop; a single paragraph stays inline.
 */
export function noteHtml(content: string, ctx: ConvertContext): string {
  const text = content.trim();
  if (!text) return '';
  if (ctx.record.bodyFormat !== 'classic' || !text.includes('\n')) return text;
  const html = autop(text).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]!.trim() : html;
}
