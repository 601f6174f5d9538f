import { coreFootnotes } from './core.js';
import { linkedListFootnotes } from './linked-list.js';
import { modernFootnotes } from './modern-footnotes.js';
import type { FootnoteCollector } from './types.js';
import { wordFootnotes } from './word.js';

/**
 * Footnote kinds found in HTML, most specific first (each removes what it handled, so a later,
 * more general one never sees it). Kinds written as text — shortcodes ([ref], [footnote],
 * [efn_note], [mfn]…) and WP-Footnotes' `((…))` — became references before autop
 * (footnotes/shortcodes.ts, footnotes/inline-markers.ts). Numbering: footnotes/number.ts.
 */
export const FOOTNOTE_COLLECTORS: readonly FootnoteCollector[] = [
  coreFootnotes, //       <sup data-fn> + footnotes post meta (or the rendered ol.wp-block-footnotes)
  wordFootnotes, //       MS Word pastes: #_ftn1 / #_ftnref1 (and _edn endnotes)
  modernFootnotes, //     rendered Modern Footnotes tooltips
  linkedListFootnotes, // Jetpack Markdown, WP-Footnotes, Easy/Simple Footnotes rendered lists
];
