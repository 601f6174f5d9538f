import type { ConvertContext } from '../context.js';
import { insideTag } from '../html.js';
import { noteHtml } from './shortcodes.js';

/**
 * Footnotes written in place without a shortcode, turned into references (text pass, code hidden):
 * - WP-Footnotes (Simon Elvery): ` ((note))` — the default opening marker includes the space
 *   before `((`, which the plugin eats: `word ((note)).` reads `word¹.`; also `<footnote>note</footnote>`;
 * - Modern Footnotes in block content: `<mfn>note</mfn>` (the plugin turns it into [mfn] on display).
 * `f((x))` (no space before) and `(( ))` (no text) are not notes.
 */
const DOUBLE_PARENS = / \(\((?=\s*[^\s)])([\s\S]+?)\)\)/g;
const NOTE_TAGS = /<(footnote|mfn)>([\s\S]*?)<\/\1>/gi;

export function inlineNoteMarkers(text: string, ctx: ConvertContext): string {
  const note = (match: string, content: string): string => {
    const html = noteHtml(content, ctx);
    return html ? ctx.notes.addInline(html) : match;
  };
  return text
    .replace(NOTE_TAGS, (match, _tag: string, content: string, offset: number, whole: string) => (insideTag(whole, offset) ? match : note(match, content)))
    // `<a title="a ((b))">`: parentheses in an attribute are not a note.
    .replace(DOUBLE_PARENS, (match, content: string, offset: number, whole: string) => (insideTag(whole, offset) ? match : note(match, content)));
}

