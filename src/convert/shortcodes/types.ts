import type { Shortcode } from '@wordpress/shortcode';
import type { ConvertContext } from '../context.js';

export type { Shortcode };

/**
 * When a shortcode is converted:
 * - `code`: first, on the stored content, before anything else (SyntaxHighlighter runs before
 *   autop in WordPress too, so code is never autop'd);
 * - `notes`: footnote shortcodes, still before autop, so that a note's own paragraphs stay its own;
 * - `late`: everything else, after autop, like WordPress's do_shortcode.
 */
export type ShortcodeStage = 'code' | 'notes' | 'late';

export interface ShortcodeHandler {
  /** The tags this handler answers to (`caption` and `wp_caption`, …). */
  readonly tags: readonly string[];
  readonly stage: ShortcodeStage;
  /** Only the enclosing form counts: a lone `[php]` or `[note]` in prose is left as written. */
  readonly closedOnly?: boolean;
  /**
   * Its HTML is block-level (a figure, a list): alone in a paragraph, it is taken out of the <p>
   * autop put around it, as WordPress's shortcode_unautop does before do_shortcode.
   */
  readonly block?: boolean;
  /** HTML to put in place of the shortcode; undefined leaves it as written. */
  convert(shortcode: Shortcode, ctx: ConvertContext): string | undefined;
}

/** A named attribute, or the first positional one (`[audio http://…]`, `[sourcecode php]`). */
export function attr(shortcode: Shortcode, name: string): string | undefined {
  return shortcode.attrs.named[name];
}

/** Comma-separated ids (`ids="12, 14,15"`) as numbers. */
export function idList(value: string | undefined): number[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((id) => Number.isInteger(id) && id > 0);
}
