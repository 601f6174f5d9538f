import { classes, eachElement, isElement, outermostWrapper, replaceNode, type Dom, type Element } from '../dom.js';
import { fnrefElement } from './note-store.js';
import { removeNoteBlocks } from './scaffolding.js';
import type { FootnoteCollector } from './types.js';

/**
 * Rendered footnotes: a short link to an item of a notes list at the end, the item linking back.
 * - Jetpack Markdown / PHP Markdown Extra: `<sup id="fnref-12-1"><a href="#fn-12-1" class="jetpack-footnote">1</a></sup>`
 *   … `<div class="footnotes"><hr /><ol><li id="fn-12-1"><p>Note&#160;<a href="#fnref-12-1">&#8617;</a></p></li></ol></div>`
 *   (`fnref:1`/`fn:1` before Jetpack rewrote the colon);
 * - WP-Footnotes: `<sup><a href="#footnote_1_12" id="identifier_1_12" class="footnote-link">1</a></sup>`
 *   … `<ol class="footnotes"><li id="footnote_1_12">Note<span class="footnote-back-link-wrapper"> [<a>↩</a>]</span></li></ol>`;
 * - Easy Footnotes: `<span class="easy-footnote"><a href="…#easy-footnote-bottom-1-12"><sup>1</sup></a></span>`
 *   … `<ol class="easy-footnotes-wrapper"><li><span id="easy-footnote-bottom-1-12"></span>Note<a class="easy-footnote-to-top"></a></li></ol>`;
 * - Simple Footnotes: `<a class="simple-footnote" href="#note-12-1"><sup>1</sup></a>` … `<aside class="simple-footnotes">`.
 * A link counts when its target is (in) a list item and the item links back to it, or the list is
 * marked as notes (a class or id with "footnote"/"notes"). Jetpack references whose list is
 * missing (an excerpt) become references without a note (readable `[1]`, reported).
 */
const JETPACK_REFS = 'a.jetpack-footnote, sup[id^="fnref"] > a[href*="#fn"], a.footnote-ref, sup.footnote-ref > a, a[rel="footnote"]';
const BACK_LINKS = '.footnote-back-link-wrapper, a.footnote-backref, a.footnote-back-link, a.easy-footnote-to-top, a[rev="footnote"], a.simple-footnote-back, a[href*="#fnref"], a[href*="#return-"]';
const NOTE_WRAPPERS = 'div.footnotes, section.footnotes, aside.simple-footnotes, div.easy-footnotes-wrapper';

export const linkedListFootnotes: FootnoteCollector = {
  name: 'linked-list',
  appliesTo: /href=["']?[^"'\s>]*#/,
  collect($, ctx) {
    const items = new Set<Element>();
    const targets = new Map<string, Element>();
    // $('[id], a[name]') and $('a[href*="#"]'), in one walk (dom.ts).
    const anchors: Element[] = [];
    eachElement($, (el) => {
      if (el.attribs['id'] !== undefined || (el.name === 'a' && el.attribs['name'] !== undefined)) {
        const name = el.attribs['id'] ?? el.attribs['name']!;
        if (!targets.has(name)) targets.set(name, el);
        if (el.tagName === 'a' && el.attribs['name'] && !targets.has(el.attribs['name'])) targets.set(el.attribs['name'], el);
      }
      if (el.name === 'a' && el.attribs['href']?.includes('#')) anchors.push(el);
    });
    anchors.forEach((a) => {
      if ($(a).closest('li').length && $(a).parents(NOTE_WRAPPERS).length) return; // a back-link
      const label = $(a).text().trim();
      if (label.length === 0 || label.length > 6 || $(a).is(BACK_LINKS) || /^[↩↑^⏎]/.test(label)) return;
      const fragment = decodeFragment(a.attribs['href']!.slice(a.attribs['href']!.indexOf('#') + 1));
      const target = targets.get(fragment);
      const item = target ? noteItem($, a, target) : undefined;
      const isJetpack = $(a).is(JETPACK_REFS);
      if (!item && !isJetpack) return;
      const key = `list:${fragment}`;
      if (item) {
        items.add(item);
        if (!ctx.notes.has(key)) ctx.notes.set(key, noteContent($, item));
      }
      const reference = outermostWrapper($, a);
      // Easy Footnotes puts an empty anchor span just before the reference.
      const before = reference.prev;
      if (isElement(before) && before.tagName === 'span' && !$(before).text().trim() && classes(before).includes('easy-footnote-margin-adjust')) $(before).remove();
      replaceNode(reference, fnrefElement(key, label));
    });
    removeNoteBlocks($, emptiedLists($, items));
  },
};

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The list item a reference points to, if it looks like a note. */
function noteItem($: Dom, anchor: Element, target: Element): Element | undefined {
  const item = $(target).closest('li').get(0) as Element | undefined;
  if (!item || $(anchor).closest('li').get(0) === item) return undefined;
  const list = $(item).parent();
  const marked = [list.get(0), ...list.parents().toArray().slice(0, 3)].some((el) => el && isElement(el) && /footnote|notes/i.test(`${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`));
  if (marked || /footnote/i.test(item.attribs['class'] ?? '')) return item;
  const ids = [anchor, ...$(anchor).parents().toArray().slice(0, 3)].map((el) => el.attribs['id']).filter(Boolean);
  const linksBack = $(item).find('a[href*="#"]').toArray().some((back) => ids.some((id) => back.attribs['href']!.endsWith(`#${id}`)));
  return linksBack ? item : undefined;
}

/** A note item's content without back-links, empty anchors and the `<p>` around a lone paragraph. */
function noteContent($: Dom, item: Element): string {
  const copy = $(item).clone();
  copy.find(BACK_LINKS).remove();
  copy.find('a').filter((_, a) => /^[\s\u00a0]*[↩↑^⏎]\uFE0E?[\s\u00a0]*$/.test($(a).text())).remove();
  copy.find('span').filter((_, span) => !$(span).text().trim() && !$(span).children().length).remove();
  const paragraphs = copy.children('p');
  const html = paragraphs.length === 1 && copy.children().length === 1 ? (paragraphs.html() ?? '') : (copy.html() ?? '');
  return html.replace(/(?:[\s\u00a0]|&nbsp;|&#160;|\[\s*\])+$/g, '').trim();
}

/** Items consumed: remove them; a list left with no item goes, with its wrapper (`div.footnotes`…). */
function emptiedLists($: Dom, items: Set<Element>): Element[] {
  const lists = new Set<Element>();
  for (const item of items) {
    const list = item.parent;
    $(item).remove();
    if (isElement(list)) lists.add(list);
  }
  const blocks: Element[] = [];
  for (const list of lists) {
    if ($(list).children('li').length) continue;
    const wrapper = $(list).closest(NOTE_WRAPPERS).get(0) as Element | undefined;
    blocks.push(wrapper ?? list);
    // A heading printed with the list ("Footnotes", Easy Footnotes' title).
    $(wrapper ?? list).prevAll('.easy-footnote-title').remove();
  }
  return blocks;
}
