/**
 * Regions of HTML that text-level passes (shortcodes, `((notes))`, auto-embeds) must not touch:
 * code the author wanted shown as written (`<pre>`, `<code>`), scripts and styles, and HTML
 * comments (`<!--more-->`, Word's `<!--[if gte mso 9]>`). They are swapped for placeholders made
 * of private-use characters, and put back afterwards.
 */
const PROTECTED = /<(pre|code|script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

export interface Protected {
  text: string;
  /** Adds a piece of HTML to keep as is; returns its placeholder. */
  keep(html: string): string;
  restore(text: string): string;
}

export function protect(html: string): Protected {
  const [open, close] = delimitersFor(html);
  const kept: string[] = [];
  const keep = (piece: string): string => `${open}${kept.push(piece) - 1}${close}`;
  const text = html.replace(PROTECTED, (match) => keep(match));
  const placeholder = new RegExp(`${open}(\\d+)${close}`, 'g');
  const restore = (value: string): string => {
    // Placeholders may nest (a kept piece holding another one): restore until none is left.
    let out = value;
    for (let round = 0; round < 5 && out.includes(open); round++) {
      out = out.replace(placeholder, (_, index: string) => kept[Number(index)] ?? '');
    }
    return out;
  };
  return { text, keep, restore };
}

/** Two private-use characters the text does not contain (icon fonts do use that area). */
function delimitersFor(html: string): [string, string] {
  for (let code = 0xe000; code < 0xf8f0; code += 2) {
    const open = String.fromCharCode(code);
    const close = String.fromCharCode(code + 1);
    if (!html.includes(open) && !html.includes(close)) return [open, close];
  }
  return ['\u0000', '\u0001'];
}

/** Runs `pass` on the HTML with code, scripts and comments hidden from it. */
export function outsideCode(html: string, pass: (text: string, kept: Protected) => string): string {
  const kept = protect(html);
  return kept.restore(pass(kept.text, kept));
}
