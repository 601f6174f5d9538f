/** Small string helpers for building HTML that the DOM stage reads back. */

/** Text -> HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const VOID = new Set(['img', 'source', 'br', 'hr', 'track']);

/** An element with attributes (undefined/empty values left out) and already-escaped inner HTML. */
export function element(tag: string, attributes: Record<string, string | undefined>, inner = ''): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return VOID.has(tag) ? `<${tag}${attrs} />` : `<${tag}${attrs}>${inner}</${tag}>`;
}

/** A file's extension, lowercased, from a URL (query and fragment ignored). */
export function extensionOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
}

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'png', 'gif', 'webp', 'bmp', 'svg', 'avif', 'tif', 'tiff', 'heic', 'ico']);

export function isImageUrl(url: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(url));
}

/**
 * True when `offset` falls inside a tag (`<a href="[ref]…">`): text passes leave such places alone.
 * A `<` that does not start a tag (`a < b`) does not count.
 */
export function insideTag(text: string, offset: number): boolean {
  return /<[A-Za-z/][^<>]*$/.test(text.slice(Math.max(0, offset - 2000), offset));
}
