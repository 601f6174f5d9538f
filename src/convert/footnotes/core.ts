import type { ConvertContext } from '../context.js';
import { classes, elementsWhere, hasAncestor, replaceNode, type Dom, type Element } from '../dom.js';
import { fnrefElement } from './note-store.js';
import { removeNoteBlocks } from './scaffolding.js';
import type { FootnoteCollector } from './types.js';

/**
 * Core footnotes (WordPress 6.3+). Reference, saved in any block's HTML:
 *   `<sup data-fn="{id}" class="fn"><a href="#{id}" id="{id}-link">1</a></sup>`
 * (an early Gutenberg saved `<a class="fn" data-fn>`). Notes: the `footnotes` post meta, a JSON
 * array `[{"id":"…","content":"…HTML…"}]`; on a rendered page, the list the footnotes block printed:
 *   `<ol class="wp-block-footnotes"><li id="{id}">A note <a href="#{id}-link">↩︎</a></li></ol>`;
 * newer Gutenberg may also carry the note in `data-fn-content`. Detected by data-fn, never by the
 * `fn` class (also the hCard "formatted name" of comment authors).
 */
export const coreFootnotes: FootnoteCollector = {
  name: 'core',
  appliesTo: /data-fn|wp-block-footnotes/,
  collect($, ctx) {
    const meta = metaNotes(ctx);
    // $('ol.wp-block-footnotes') and $('sup[data-fn], a[data-fn]'), walked by hand (dom.ts).
    const lists = elementsWhere($, (el) => el.name === 'ol' && classes(el).includes('wp-block-footnotes'));
    const referenced = new Set<string>();
    for (const el of elementsWhere($, (el) => (el.name === 'sup' || el.name === 'a') && hasFn(el))) {
      if (hasAncestor(el, hasFn)) continue;
      const id = el.attribs['data-fn'] ?? '';
      const html = meta.get(id) ?? listedNote($, lists, id) ?? el.attribs['data-fn-content'];
      if (html !== undefined) ctx.notes.set(`core:${id}`, html);
      referenced.add(id);
      replaceNode(el, fnrefElement(`core:${id}`, $(el).text().trim()));
    }
    for (const [id, html] of meta) {
      if (!referenced.has(id)) ctx.warn('unreferenced-footnote', `footnote "${plain(html)}" is in the post meta but not referenced in the text: left out`);
    }
    removeNoteBlocks($, lists);
  },
};

function hasFn(el: Element): boolean {
  return el.attribs['data-fn'] !== undefined;
}

function metaNotes(ctx: ConvertContext): Map<string, string> {
  const notes = new Map<string, string>();
  const raw = ctx.record.meta['footnotes'];
  if (!raw?.trim()) return notes;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) throw new Error('not a list');
    for (const entry of parsed as Array<{ id?: unknown; content?: unknown }>) {
      if (typeof entry?.id === 'string' && typeof entry.content === 'string') notes.set(entry.id, entry.content);
    }
  } catch (error) {
    ctx.warn('bad-footnotes-meta', `the footnotes post meta is not valid JSON (${(error as Error).message}): notes taken from the page, if any`);
  }
  return notes;
}

/** A note from a rendered core list, without its back-link. */
function listedNote($: Dom, lists: Element[], id: string): string | undefined {
  for (const list of lists) {
    const item = $(list).children('li').filter((_, li) => li.attribs['id'] === id).first();
    if (!item.length) continue;
    const copy = item.clone();
    copy.find(`a[href="#${cssString(id)}-link"]`).remove();
    return copy.html()?.trim();
  }
  return undefined;
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function plain(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
