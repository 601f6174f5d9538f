import type { ConvertContext } from '../context.js';
import type { Dom } from '../dom.js';

/**
 * One DOM pass turning a WordPress construct's HTML (saved by a block, printed by a theme or a
 * shortcode) into the plain shape the turndown rules read: `<figure>` + `<figcaption>`,
 * `<pre><code class="language-…">`, and so on. Pure: edits the DOM it is given.
 */
export interface Normalizer {
  readonly name: string;
  apply($: Dom, ctx: ConvertContext): void;
}
