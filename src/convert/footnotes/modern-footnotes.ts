import { fnrefHtml } from './note-store.js';
import type { FootnoteCollector } from './types.js';

/**
 * Modern Footnotes, rendered: the note travels with its reference as a tooltip,
 *   `<sup class="modern-footnotes-footnote" data-mfn="1"><a href="javascript:void(0)">1</a></sup>`
 *   `<span class="modern-footnotes-footnote__note" data-mfn="1">The note.</span>`
 * and an optional `[mfn_list]` copy at the end (`.modern-footnotes-list`), dropped.
 */
export const modernFootnotes: FootnoteCollector = {
  name: 'modern-footnotes',
  appliesTo: /modern-footnotes/,
  collect($, ctx) {
    $('sup.modern-footnotes-footnote').each((index, sup) => {
      const number = $(sup).attr('data-mfn') ?? String(index + 1);
      const note = $(sup).nextAll('.modern-footnotes-footnote__note').filter((_, span) => ($(span).attr('data-mfn') ?? number) === number).first();
      const key = `mfn:${index}`;
      if (note.length) ctx.notes.set(key, note.html()?.trim() ?? '');
      note.remove();
      $(sup).replaceWith(fnrefHtml(key, $(sup).text().trim() || number));
    });
    $('.modern-footnotes-list').remove();
  },
};
