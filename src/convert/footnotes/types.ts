import type { ConvertContext } from '../context.js';
import type { Dom } from '../dom.js';

/**
 * One kind of footnote markup in HTML: finds its references, stores each note's HTML in
 * ctx.notes, puts a reference element (fnrefHtml) in place of each reference, and removes the
 * note list and its scaffolding. References whose note cannot be found still get a reference
 * element: numbering turns those back into readable text and reports them.
 */
export interface FootnoteCollector {
  readonly name: string;
  /** Markup the collector looks for: when the HTML does not match, it is skipped (speed only). */
  readonly appliesTo?: RegExp;
  collect($: Dom, ctx: ConvertContext): void;
}
