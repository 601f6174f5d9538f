import { fromMatch, regexp } from '@wordpress/shortcode';
import type { ConvertContext } from '../context.js';
import { insideTag } from '../html.js';
import { KNOWN_SHORTCODE_TAGS, SHORTCODES } from '../shortcodes/index.js';
import type { ShortcodeHandler, ShortcodeStage } from '../shortcodes/types.js';

/** One WordPress shortcode regexp per stage (built once: a cache, not state). */
const patterns = new Map<string, { pattern: RegExp; handlers: Map<string, ShortcodeHandler> }>();

function patternFor(stage: ShortcodeStage | 'all'): { pattern: RegExp; handlers: Map<string, ShortcodeHandler> } {
  let entry = patterns.get(stage);
  if (!entry) {
    const handlers = new Map<string, ShortcodeHandler>();
    for (const handler of SHORTCODES) if (stage === 'all' || handler.stage === stage) for (const tag of handler.tags) handlers.set(tag, handler);
    const tags = [...handlers.keys()].sort((a, b) => b.length - a.length).map((tag) => tag.replace(/[-]/g, '\\-'));
    entry = { pattern: regexp(tags.join('|')), handlers };
    patterns.set(stage, entry);
  }
  return entry;
}

/**
 * Converts the shortcodes of one stage with WordPress's own grammar (`get_shortcode_regex` as
 * ported in @wordpress/shortcode). `[[gallery]]` is WordPress's escape: it is printed as
 * `[gallery]`, which the last stage does (as `&#91;gallery]`, so that no later pass reads it again).
 */
export function convertShortcodes(text: string, stage: ShortcodeStage, ctx: ConvertContext): string {
  const last = stage === 'late';
  const { pattern, handlers } = patternFor(last ? 'all' : stage);
  pattern.lastIndex = 0;
  return text.replace(pattern, (...args: string[]) => {
    const [match, left, , , , , , right] = args as [string, string, string, string, string, string, string, string];
    if (left === '[' && right === ']') return last ? `&#91;${match.slice(2, -1)}` : match;
    // In an attribute (`<a href="[ref]…">`) a shortcode's HTML would break the tag: left as written.
    if (insideTag(text, Number(args[args.length - 2]))) return match;
    const shortcode = fromMatch(args);
    const handler = handlers.get(shortcode.tag);
    if (!handler || handler.stage !== stage) return match;
    if (handler.closedOnly && shortcode.type !== 'closed') return match;
    const html = handler.convert(shortcode, ctx);
    return html === undefined ? match : left + html + right;
  });
}

/**
 * WordPress's shortcode_unautop(), which runs between autop and do_shortcode: a shortcode alone in
 * a paragraph (`<p>[caption …]…[/caption]</p>`) loses the <p> autop put around it. Done here for
 * the shortcodes whose HTML is block-level (`block`), so that a figure is not put inside a <p>
 * (where the HTML parser would close the <p> and leave two empty ones). Same pattern as WordPress's,
 * without its possessive quantifiers.
 */
export function unautopBlockShortcodes(text: string): string {
  if (!text.includes('<p>')) return text;
  unautopPattern ??= blockShortcodeInParagraph();
  return text.replace(unautopPattern, '$1');
}

let unautopPattern: RegExp | undefined;

function blockShortcodeInParagraph(): RegExp {
  const tags = SHORTCODES.filter((handler) => handler.block).flatMap((handler) => handler.tags);
  const spaces = '(?:[\\r\\n\\t ]|\\u00a0|&nbsp;)*';
  const shortcode = `\\[(${tags.join('|')})(?![\\w-])[^\\]\\/]*(?:\\/(?!\\])[^\\]\\/]*)*?(?:\\/\\]|\\](?:[^\\[]*(?:\\[(?!\\/\\2\\])[^\\[]*)*\\[\\/\\2\\])?)`;
  return new RegExp(`<p>${spaces}(${shortcode})${spaces}<\\/p>`, 'g');
}

/**
 * Text that looks like a shortcode unpress does not know (a plugin's, gone with the plugin): kept
 * as written, reported once per tag. Looks like = has a closing `[/tag]`, a `name=value` attribute,
 * a self-closing `/]`, or a tag with `_` or `-` (`[vc_row]`, `[contact-form-7 …]`). `[sic]`,
 * `[1]` or `[…]` are prose.
 */
const OPENING = /\[(\[?)([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]/g;
const CLOSING = /\[\/([a-z][a-z0-9_-]*)\]/g;

export function reportUnknownShortcodes(text: string, ctx: ConvertContext): void {
  const closed = new Set([...text.matchAll(CLOSING)].map((m) => m[1]!));
  const counts = new Map<string, number>();
  for (const match of text.matchAll(OPENING)) {
    const [, escaped, tag, attributes] = match as unknown as [string, string, string, string];
    if (escaped || KNOWN_SHORTCODE_TAGS.has(tag)) continue;
    const looksLikeShortcode = closed.has(tag) || attributes.includes('=') || /\/\s*$/.test(attributes) || /[_-]/.test(tag);
    if (looksLikeShortcode) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  for (const [tag, count] of counts) {
    ctx.warn('unknown-shortcode', `[${tag}]${count > 1 ? ` (${count} times)` : ''} is not a shortcode unpress converts: kept as text`);
  }
}
