import type { ConvertContext } from '../context.js';
import { Text } from 'domhandler';
import { elementsWhere, replaceNode, type Dom } from '../dom.js';
import { FNREF_TAG, numberedFnref } from './note-store.js';

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
  for (const el of elementsWhere($, (el) => el.name === FNREF_TAG)) {
    const key = el.attribs['data-key'] ?? '';
    const html = ctx.notes.get(key)?.trim();
    if (!html || !hasText(html)) {
      const label = `[${(el.attribs['data-label'] ?? '').replace(/^\[|\]$/g, '').trim() || '?'}]`;
      missing.push(label);
      replaceNode(el, new Text(label));
      continue;
    }
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(key, number);
      definitions.push({ number, html });
    }
    replaceNode(el, numberedFnref(number));
  }
  if (missing.length) {
    ctx.warn('missing-footnote', `footnote reference${missing.length > 1 ? 's' : ''} ${missing.join(', ')} without a note: kept as text`);
  }
  return definitions;
}

function hasText(html: string): boolean {
  return /[^\s\u00a0]/.test(html.replace(/<(?!img|iframe)[^>]*>/gi, '').replace(/&nbsp;|&#160;/g, ''));
}
