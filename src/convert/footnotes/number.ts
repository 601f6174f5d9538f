import type { ConvertContext } from '../context.js';
import type { Dom } from '../dom.js';
import { FNREF_TAG } from './note-store.js';

export interface FootnoteDefinition {
  number: number;
  /** The note as HTML. */
  html: string;
}

/**
 * Numbers references in document order (a note referenced twice keeps its first number) and
 * returns the notes to write at the end. A reference whose note is missing or empty (an excerpt,
 * a broken paste) becomes its visible label again, `[1]`, never a dangling `[^1]`; it is reported.
 * Notes never referenced are reported by the collector that found them.
 */
export function numberFootnotes($: Dom, ctx: ConvertContext): FootnoteDefinition[] {
  const numbers = new Map<string, number>();
  const definitions: FootnoteDefinition[] = [];
  const missing: string[] = [];
  $(FNREF_TAG).each((_, el) => {
    const key = el.attribs['data-key'] ?? '';
    const html = ctx.notes.get(key)?.trim();
    if (!html || !hasText(html)) {
      const label = `[${(el.attribs['data-label'] ?? '').replace(/^\[|\]$/g, '').trim() || '?'}]`;
      missing.push(label);
      $(el).replaceWith(label.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      return;
    }
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(key, number);
      definitions.push({ number, html });
    }
    $(el).replaceWith(`<${FNREF_TAG} data-n="${number}">${number}</${FNREF_TAG}>`);
  });
  if (missing.length) {
    ctx.warn('missing-footnote', `footnote reference${missing.length > 1 ? 's' : ''} ${missing.join(', ')} without a note: kept as text`);
  }
  return definitions;
}

function hasText(html: string): boolean {
  return /[^\s\u00a0]/.test(html.replace(/<(?!img|iframe)[^>]*>/gi, '').replace(/&nbsp;|&#160;/g, ''));
}
