/**
 * Regions of HTML that text-level passes (shortcodes, `((notes))`, auto-embeds) must not touch:
 * code the author wanted shown as written (`<pre>`, `<code>`), scripts and styles, and HTML
 * comments (`<!--more-->`, Word's `<!--[if gte mso 9]>`). They are swapped for placeholders made
 * of private-use characters, and put back afterwards.
 */
const PROTECTED = /<(pre|code|script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const HAS_PLACEHOLDER = /\uE000\d+\uE001/;

export interface Protected {
  text: string;
  /** Adds a piece of HTML to keep as is; returns its placeholder. */
  keep(html: string): string;
  restore(text: string): string;
}

export function protect(html: string): Protected {
  const kept: string[] = [];
  const keep = (piece: string): string => `\uE000${kept.push(piece) - 1}\uE001`;
  const text = html.replace(PROTECTED, (match) => keep(match));
  const restore = (value: string): string => {
    // Placeholders may nest (a kept piece holding another one): restore until none is left.
    let out = value;
    for (let round = 0; round < 5 && HAS_PLACEHOLDER.test(out); round++) {
      out = out.replace(PLACEHOLDER, (_, index: string) => kept[Number(index)] ?? '');
    }
    return out;
  };
  return { text, keep, restore };
}

/** Runs `pass` on the HTML with code, scripts and comments hidden from it. */
export function outsideCode(html: string, pass: (text: string, kept: Protected) => string): string {
  const kept = protect(html);
  return kept.restore(pass(kept.text, kept));
}
