import { freeformBlock, shortcodeBlock } from './classic.js';
import { codeBlock, syntaxHighlighterBlock } from './code.js';
import { coverBlock } from './cover.js';
import { embedBlock } from './embed.js';
import { footnotesBlock, moreBlock, nextpageBlock } from './markers.js';
import { missingBlock, unknownBlock } from './missing.js';
import { reusableBlock } from './reusable.js';
import { socialLinkBlock, socialLinksBlock } from './social-links.js';
import { dynamic, layoutOnly, passthrough, type BlockHandler } from './types.js';

export { unknownBlock };

/**
 * The fate of every block unpress knows, by name. The DOM stage (normalize/) and the turndown rules
 * (rules/) then handle the saved HTML the same way as a rendered page's. A block not listed here
 * and not matched by DYNAMIC_PREFIXES is kept (its HTML) and reported as unknown.
 */
export const BLOCKS: Readonly<Record<string, BlockHandler>> = {
  // Classic content inside block content.
  freeform: freeformBlock,
  'core/freeform': freeformBlock,
  'core/shortcode': shortcodeBlock,

  // Text: the saved HTML is plain <p>, <h2>, <ul>/<ol>, <blockquote>, <figure><blockquote>, <pre>.
  'core/paragraph': passthrough,
  'core/heading': passthrough,
  'core/list': passthrough,
  'core/list-item': passthrough,
  'core/quote': passthrough,
  'core/pullquote': passthrough,
  'core/verse': passthrough, // <pre class="wp-block-verse"> -> lines with hard breaks (normalize/verse.ts)
  'core/preformatted': passthrough,
  'core/code': codeBlock,
  'syntaxhighlighter/code': syntaxHighlighterBlock,
  'core/table': passthrough,
  'core/details': passthrough, // <details><summary> kept as HTML (rules/details.ts)
  'core/html': passthrough, // the author's own HTML, converted like any HTML
  'core/subhead': passthrough, // deprecated, <p class="wp-block-subhead">
  'core/text-columns': passthrough, // deprecated, <div> columns

  // Media: <figure> with <img>/<audio>/<video> and <figcaption> (rules/figure.ts).
  'core/image': passthrough,
  'core/gallery': passthrough, // both the old <ul class="blocks-gallery-grid"> and nested image blocks
  'core/audio': passthrough,
  'core/video': passthrough,
  'core/file': passthrough, // the download button duplicate goes in normalize/file-block.ts
  'core/media-text': passthrough,
  'core/cover': coverBlock,
  'core/embed': embedBlock,
  'core/social-links': socialLinksBlock, // the icons are the server's, the links are content
  'core/social-link': socialLinkBlock,

  // Layout: wrappers unwrapped (their <div>s carry no meaning in Markdown).
  'core/group': passthrough,
  'core/columns': passthrough,
  'core/column': passthrough,
  'core/buttons': passthrough,
  'core/button': passthrough,
  'core/separator': passthrough, // <hr>
  'core/spacer': layoutOnly,

  // Markers.
  'core/more': moreBlock,
  'core/nextpage': nextpageBlock,
  'core/footnotes': footnotesBlock,
  'core/block': reusableBlock,
  'core/missing': missingBlock,

  // Server-rendered blocks whose output depends on the live site: nothing to convert.
  'core/archives': dynamic,
  'core/calendar': dynamic,
  'core/categories': dynamic,
  'core/latest-comments': dynamic,
  'core/latest-posts': dynamic,
  'core/rss': dynamic,
  'core/search': dynamic,
  'core/tag-cloud': dynamic,
  'core/loginout': dynamic,
  'core/avatar': dynamic,
  'core/read-more': dynamic,
  'core/home-link': dynamic,
  'core/legacy-widget': dynamic,
  'core/widget-group': dynamic,
  'core/pattern': dynamic,
  'core/template-part': dynamic,
  'core/term-description': dynamic,
};

/** Families of server-rendered blocks (post-title, query-pagination-next, comment-date, site-logo…). */
const DYNAMIC_PREFIXES = ['core/post-', 'core/query', 'core/comment', 'core/site-', 'core/navigation', 'core/page-list'];

/** Blocks saved under an older name: `core-embed/youtube` is today's `core/embed`. */
export function blockHandler(name: string): BlockHandler {
  const known = BLOCKS[name];
  if (known) return known;
  if (name.startsWith('core-embed/')) return embedBlock;
  if (DYNAMIC_PREFIXES.some((prefix) => name.startsWith(prefix))) return dynamic;
  return unknownBlock;
}
