import type { CheerioAPI } from 'cheerio';
import type { Element } from './dom.js';

/**
 * Wayback Machine copies rewrite every URL to the capture: absolute
 * `https://web.archive.org/web/20160330101229/http://muffinrezept.net/…`, with a modifier for
 * assets (`…/web/20160330101229im_/http://…`, `cs_`, `js_`), or root-relative
 * `/web/20160330101229/http://…` in reply links.
 */
const WAYBACK_PREFIX =
  /(?:https?:)?\/\/web\.archive\.org\/web\/\d{1,14}(?:[a-z]{2}_)?\/|(?<=^|[\s,])\/web\/\d{14}(?:[a-z]{2}_)?\/(?=(?:https?:)?\/\/)/gi;

/** A URL without its Wayback prefix (unchanged when it has none). */
export function stripWayback(url: string): string {
  return url.replace(WAYBACK_PREFIX, '');
}

/**
 * The toolbar and scripts the Wayback Machine inserts into a capture. Trafilatura's copy has had
 * its toolbar removed, but keeps the wombat script; a fresh "Save Page As" keeps everything.
 */
const WAYBACK_CHROME = '#wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato, #wm-capinfo, #playback';

/**
 * Removes the Wayback toolbar and strips the capture prefix from every attribute of the page
 * (href, src, srcset, data-*, content...), so that nothing downstream ever sees it.
 * Returns whether the page was a Wayback copy.
 */
export function cleanWayback($: CheerioAPI): boolean {
  let copy = $(WAYBACK_CHROME).length > 0;
  $(WAYBACK_CHROME).remove();
  $('*').each((_, node) => {
    const el = node as Element;
    for (const [name, value] of Object.entries(el.attribs)) {
      if (!value.includes('/web/')) continue;
      const stripped = stripWayback(value);
      if (stripped !== value) {
        el.attribs[name] = stripped;
        copy = true;
      }
    }
  });
  return copy;
}
