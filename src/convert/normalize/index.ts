import { captions } from './captions.js';
import { cleanup } from './cleanup.js';
import { codeBlocks } from './code.js';
import { markerComments } from './comments.js';
import { embeds } from './embeds.js';
import { fileBlocks } from './file-block.js';
import { galleries } from './galleries.js';
import { images } from './images.js';
import { lineBreaks } from './line-breaks.js';
import { tables } from './tables.js';
import type { Normalizer } from './types.js';
import { verse } from './verse.js';

/**
 * The DOM passes, in order (footnotes are collected before them, see convert-body.ts).
 * Galleries before captions: a gallery's items carry `wp-caption-text` too.
 */
export const NORMALIZERS: readonly Normalizer[] = [
  markerComments, // <!--more--> / <!--nextpage--> -> marker elements; other comments dropped
  cleanup, //        scripts, styles, forms, Word debris dropped; TinyMCE style spans -> u/strong/em
  images, //         lazy-loaded src, emoji images -> text
  galleries, //      [gallery] output, old gallery block, tiled galleries -> figures
  captions, //       .wp-caption boxes -> figure + figcaption
  embeds, //         unrendered embed wrappers -> links
  fileBlocks, //     File block -> its link
  verse, //          Verse block -> lines with hard breaks
  codeBlocks, //     every <pre> -> <pre><code class="language-…">
  tables, //         tables Markdown cannot hold marked to stay HTML
  lineBreaks, //     <br> at the edge of a block dropped; in headings, a space
];
