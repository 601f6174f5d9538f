import type { ConvertContext } from '../context.js';
import type { Dom } from '../dom.js';

/**
 * One DOM pass turning a WordPress construct's HTML (saved by a block, printed by a theme or a
 * shortcode) into the plain shape the turndown rules read: `<figure>` + `<figcaption>`,
 * `<pre><code class="language-…">`, and so on. Pure: edits the DOM it is given.
 */
export interface Normalizer {
  readonly name: string;
  /** Markup the pass looks for: when the HTML does not match, the pass is skipped (speed only). */
  readonly appliesTo?: RegExp;
  apply($: Dom, ctx: ConvertContext): void;
}
