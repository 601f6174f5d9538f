import { FNREF_TAG } from '../footnotes/note-store.js';
import type { Normalizer } from './types.js';

/** Marks a table the table rule keeps as HTML. */
export const KEEP_TABLE_ATTRIBUTE = 'data-unpress-keep';

/** Cell content a GFM table cell (one line of inline content) cannot hold. */
const BLOCK_IN_CELL = 'ul, ol, pre, table, blockquote, h1, h2, h3, h4, h5, h6, dl, figure, iframe, video, audio, hr';

/**
 * A table with merged cells (`colspan`/`rowspan`) or with lists, code, quotes or another table in
 * a cell has no Markdown form: it is marked to be kept as HTML (rules/table.ts). A footnote
 * reference inside it cannot be a Markdown one there; it is written `[^1]` as text and reported.
 */
export const tables: Normalizer = {
  name: 'tables',
  appliesTo: /<table\b/i,
  apply($, ctx) {
    $('table').each((_, table) => {
      const cells = $(table).find('td, th').filter((__, cell) => $(cell).closest('table').get(0) === table);
      const complex = cells.toArray().some((cell) => span(cell.attribs['colspan']) > 1 || span(cell.attribs['rowspan']) > 1 || $(cell).find(BLOCK_IN_CELL).length > 0);
      if (!complex || $(table).parents(`[${KEEP_TABLE_ATTRIBUTE}]`).length) return;
      $(table).attr(KEEP_TABLE_ATTRIBUTE, '');
      if ($(table).find(FNREF_TAG).length) {
        ctx.warn('footnote-in-html-table', 'a footnote reference sits in a table kept as HTML (merged cells or lists in cells): written as [^n] text there');
      }
    });
  },
};

function span(value: string | undefined): number {
  return Number.parseInt(value ?? '1', 10) || 1;
}
