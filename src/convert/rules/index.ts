import { cite, details, heading, summary } from './blocks.js';
import { codeBlock, inlineCode } from './code.js';
import { figcaption, figure } from './figures.js';
import { emphasis, footnoteReference, inlineHtml, quotation, strikethrough, strong } from './inline.js';
import { image, link } from './links.js';
import { list, listItem } from './lists.js';
import { more, nextpage } from './markers.js';
import { table } from './tables.js';
import type { RuleDefinition } from './types.js';

/**
 * unpress's turndown rules, replacing or adding to turndown's own (paragraphs, blockquotes,
 * horizontal rules and line breaks stay turndown's, configured in turndown.ts).
 * Earlier entries win when two rules match a node.
 */
export const RULES: readonly RuleDefinition[] = [
  footnoteReference, // <unpress-fnref data-n> -> [^n]
  more, //              <!--more--> on its own line
  nextpage, //          <!--nextpage--> on its own line
  heading, //           ATX, one line
  list, //              - / 1. markers, nested indentation
  listItem,
  codeBlock, //         fenced, with language
  inlineCode, //        code spans (code, tt, kbd, samp)
  table, //             GFM tables (header-less ones too), else HTML
  figure, //            image/media + caption
  figcaption,
  link, //              [text](url "title"), <url>
  image, //             ![alt](src "title")
  cite, //              quote attribution
  details, //           <details> kept as HTML around Markdown
  summary,
  emphasis, //          *text*, not nested in itself
  strong, //            **text**
  strikethrough, //     ~~text~~
  inlineHtml, //        <u>, <mark>, <sub>, <sup> kept
  quotation, //         <q> -> "…"
];

/** Elements kept as HTML on purpose: no Markdown equivalent (players, embeds, drawings). */
export const KEPT_AS_HTML = ['iframe', 'audio', 'video', 'object', 'embed', 'svg', 'math', 'canvas'] as const;
