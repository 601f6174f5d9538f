import { decodeHTMLStrict } from 'entities';

/**
 * A manual excerpt as plain text for front matter (description, summary): WordPress lets authors
 * put HTML in it (`<em>`, `<p>`), which generators would print literally. Tags are dropped,
 * entities decoded, whitespace collapsed. A regex is enough on such a short leaf string.
 */
export function toPlainText(html: string): string {
  const text = /[<&]/.test(html) ? decodeHTMLStrict(html.replace(/<br\s*\/?>|<\/p>/gi, ' ').replace(/<[^>]*>/g, '')) : html;
  return text.replace(/\s+/g, ' ').trim();
}
