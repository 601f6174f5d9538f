import { cite } from './cite.js';
import { codeBlock } from './code-block.js';
import { details, summary } from './details.js';
import { emphasis, strong } from './emphasis.js';
import { figcaption, figure } from './figure.js';
import { footnoteReference } from './footnote-reference.js';
import { heading } from './heading.js';
import { image } from './image.js';
import { inlineCode } from './inline-code.js';
import { inlineHtml } from './inline-html.js';
import { link } from './link.js';
import { list, listItem } from './list.js';
import { more, nextpage } from './markers.js';
import { quotation } from './quotation.js';
import { strikethrough } from './strikethrough.js';
import { table } from './table.js';
import type { RuleDefinition } from './types.js';

/**
 * unpress's turndown rules, one file per construct, replacing or adding to turndown's own
 * (paragraphs, blockquotes, horizontal rules and line breaks stay turndown's, configured in
 * turndown.ts). Earlier entries win when two rules match a node.
 */
export const RULES: readonly RuleDefinition[] = [
  footnoteReference, // <unpress-fnref data-n> -> [^n]
  more, //              <!--more--> on its own line
  nextpage, //          <!--nextpage--> on its own line
  heading, //           ATX, one line
  list, //              - / 1. markers, nested indentation, adjacent lists kept apart
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
