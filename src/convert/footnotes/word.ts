import { isBlank, isElement, outermostWrapper, type AnyNode, type Dom, type Element } from '../dom.js';
import { fnrefHtml } from './note-store.js';
import { removeNoteBlocks } from './scaffolding.js';
import type { FootnoteCollector } from './types.js';

/**
 * Footnotes pasted from Microsoft Word. Reference: `<a href="#_ftn1" name="_ftnref1">[1]</a>`
 * (often `<sup>`/`<span class="MsoFootnoteReference">` inside or around it). Note, at the end,
 * usually after an `<hr>` and inside `<div id="ftn1">` wrappers:
 *   `<p><a href="#_ftnref1" name="_ftn1">[1]</a> The note.</p>`
 * Endnotes use `_edn`/`_ednref`. The href may carry a full URL before the `#`.
 */
const NOTE_HREF = /#_(ftn|edn)ref(\d+)$/i;
const REF_HREF = /#_(ftn|edn)(\d+)$/i;
/** What sits between the anchor and the note text. */
const LEAD = /^[\s\u00a0]+/;

export const wordFootnotes: FootnoteCollector = {
  name: 'word',
  appliesTo: /#_(?:ftn|edn)/i,
  collect($, ctx) {
    const noteAnchors = $('a[href]').filter((_, a) => NOTE_HREF.test(a.attribs['href'] ?? '')).toArray();
    const blocks: Element[] = [];
    for (const [container, anchors] of groupByContainer($, noteAnchors)) {
      const notes = splitNotes($, container, anchors);
      for (const { key, html } of notes) ctx.notes.set(key, html);
      if (isBlank($, container)) blocks.push(wordNoteWrapper(container));
    }
    removeNoteBlocks($, blocks);

    $('a[href]').each((_, a) => {
      const match = REF_HREF.exec(a.attribs['href'] ?? '');
      if (!match) return;
      const key = `word:${match[1]!.toLowerCase()}${match[2]}`;
      $(outermostWrapper($, a)).replaceWith(fnrefHtml(key, `[${match[2]}]`));
    });
  },
};

/** The paragraph (or list item, div) holding each note anchor. */
function groupByContainer($: Dom, anchors: Element[]): Map<Element, Element[]> {
  const groups = new Map<Element, Element[]>();
  for (const anchor of anchors) {
    const container = ($(anchor).closest('p, li, div, td, blockquote').get(0) as Element | undefined) ?? (anchor.parent as Element | null);
    if (!container) continue;
    const list = groups.get(container) ?? [];
    list.push(anchor);
    groups.set(container, list);
  }
  return groups;
}

/**
 * Cuts a container into notes: each note is what follows its anchor up to the next anchor. Word
 * puts one note per paragraph, but a note may run on in following paragraphs of its `div#ftnN`.
 * The notes' nodes (and anchors) are removed from the container.
 */
function splitNotes($: Dom, container: Element, anchors: Element[]): Array<{ key: string; html: string }> {
  const tops = anchors.map((anchor) => topWithin(outermostWrapper($, anchor), container));
  const notes: Array<{ key: string; html: string }> = [];
  tops.forEach((top, index) => {
    const match = NOTE_HREF.exec(anchors[index]!.attribs['href'] ?? '')!;
    const key = `word:${match[1]!.toLowerCase()}${match[2]}`;
    const parts: AnyNode[] = [];
    for (let node = top.next; node && node !== tops[index + 1]; node = node.next) parts.push(node);
    $(top).remove();
    const html = parts.map((node) => $.html(node)).join('').replace(/(?:<br\s*\/?>\s*)+$/i, '');
    for (const node of parts) $(node).remove();
    notes.push({ key, html: tidyLead(html) + (index === tops.length - 1 ? continuation($, container) : '') });
  });
  return notes;
}

/** Following paragraphs inside the same `div#ftn1` belong to the note. */
function continuation($: Dom, container: Element): string {
  const wrapper = container.parent;
  if (!isElement(wrapper) || !/^(ftn|edn)\d+$/i.test(wrapper.attribs['id'] ?? '')) return '';
  const rest = $(container).nextAll().toArray();
  const html = rest.map((node) => $.html(node)).join('');
  $(rest).remove();
  return html.trim() ? html : '';
}

function wordNoteWrapper(container: Element): Element {
  const wrapper = container.parent;
  return isElement(wrapper) && /^(ftn|edn)\d+$/i.test(wrapper.attribs['id'] ?? '') ? wrapper : container;
}

function topWithin(node: Element, container: Element): Element {
  let top = node;
  while (top.parent && top.parent !== container && isElement(top.parent)) top = top.parent;
  return top;
}

function tidyLead(html: string): string {
  return html.replace(LEAD, '').trim();
}
