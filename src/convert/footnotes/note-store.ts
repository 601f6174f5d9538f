import { Text } from 'domhandler';
import { newElement, type Element } from '../dom.js';
import { escapeHtml } from '../html.js';

/** The element every kind of footnote reference becomes before numbering. */
export const FNREF_TAG = 'unpress-fnref';

/**
 * A reference to a note, as HTML: `key` names the note in the NoteStore, `label` is what the
 * reader saw (`1`, `[1]`, `*`) and is kept as text if the note turns out to be missing.
 */
export function fnrefHtml(key: string, label = ''): string {
  return `<${FNREF_TAG} data-key="${escapeHtml(key)}" data-label="${escapeHtml(label)}"></${FNREF_TAG}>`;
}

/** fnrefHtml() as the element parsing it gives, for passes that work on the DOM. */
export function fnrefElement(key: string, label = ''): Element {
  return newElement(FNREF_TAG, { 'data-key': key, 'data-label': label });
}

/** A numbered reference, `<unpress-fnref data-n="2">2</unpress-fnref>` (footnotes/number.ts). */
export function numberedFnref(number: number): Element {
  return newElement(FNREF_TAG, { 'data-n': String(number) }, [new Text(String(number))]);
}

/**
 * The footnote texts of one conversion (HTML, keyed), in the order they were found. Every kind of
 * footnote writes here; numbering in document order happens later (footnotes/number.ts).
 */
export class NoteStore {
  private readonly notes = new Map<string, string>();
  private inlineCount = 0;

  /** A note written in place (a [ref] shortcode, `((…))`): stores it, returns its reference. */
  addInline(html: string): string {
    const key = `inline-${++this.inlineCount}`;
    this.notes.set(key, html);
    return fnrefHtml(key);
  }

  set(key: string, html: string): void {
    this.notes.set(key, html);
  }

  get(key: string): string | undefined {
    return this.notes.get(key);
  }

  has(key: string): boolean {
    return this.notes.has(key);
  }

  keys(): string[] {
    return [...this.notes.keys()];
  }

  /** Rewrites every note (code hidden by a text pass is put back into notes found during it). */
  mapAll(fn: (html: string) => string): void {
    for (const [key, html] of this.notes) this.notes.set(key, fn(html));
  }
}
