import { dirname, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheerioAPI } from 'cheerio';

/**
 * Where a saved page lived, so that its links can be written as the site knew them.
 * A page saved from the live site or the Wayback Machine says its URL (`<link rel="canonical">`,
 * `og:url`); a wget mirror (`wget -k`) only has links relative to the file
 * (`../../wp-content/…`, `22/mise-a-jour-du-site-woueb/index.html`): those become root-relative
 * paths of the site (`/2010/04/22/mise-a-jour-du-site-woueb/`), the mirror's root being the
 * folder its `wp-content/` links point to.
 */
export interface PageLocation {
  /** The page's URL: absolute, root-relative within a mirror, or undefined when unknown. */
  pageUrl?: string;
  /** Names the site when nothing better is known (a mirror folder): posts of one site merge. */
  siteKey: string;
  /** A link -> URL as the site knew it; undefined for fragments, scripts and mail links. */
  toSiteUrl(href: string): string | undefined;
}

const NOT_A_PAGE = /^(?:#|mailto:|javascript:|data:|tel:|about:)/i;
const SITE_ASSET = /(?:^|\/)(?:wp-content|wp-includes)\/|(?:^|\/)xmlrpc[^/]*\.php/;

export function locatePage($: CheerioAPI, file: string): PageLocation {
  const declared = absolute($('link[rel="canonical"]').attr('href')) ?? absolute($('meta[property="og:url"]').attr('content'));
  const origin = declared ? new URL(declared).origin : siteOrigin($);
  const fileUrl = pathToFileURL(resolvePath(file)).href;
  const mirrorRoot = declared ? undefined : findMirrorRoot($, fileUrl);

  const toSiteUrl = (href: string): string | undefined => {
    const value = href.trim();
    if (!value || NOT_A_PAGE.test(value)) return undefined;
    if (/^https?:\/\//i.test(value)) return value;
    if (value.startsWith('//')) return `${declared ? new URL(declared).protocol : 'http:'}${value}`;
    if (declared) return new URL(value, declared).href;
    if (value.startsWith('/')) return origin ? new URL(value, origin).href : value;
    if (mirrorRoot) {
      const target = new URL(value, fileUrl).href;
      if (target.startsWith(mirrorRoot)) {
        const path = withoutIndexFile(`/${target.slice(mirrorRoot.length)}`);
        return origin ? new URL(path, origin).href : path;
      }
    }
    return value;
  };

  const pageUrl = declared ?? (mirrorRoot && fileUrl.startsWith(mirrorRoot) ? withoutIndexFile(`/${fileUrl.slice(mirrorRoot.length)}`) : undefined);
  const siteKey = declared ? hostKey(declared) : origin ? hostKey(origin) : (mirrorRoot ?? pathToFileURL(dirname(resolvePath(file))).href);
  return { ...(pageUrl ? { pageUrl } : {}), siteKey, toSiteUrl };
}

/**
 * The site's origin when the page does not say its own URL: from core's head links (REST API
 * root, RSD, pingback, feeds) when they are absolute, else from the emoji loader settings core
 * prints inline (`"concatemoji":"http:\/\/abasloppsi.flext.net\/wp-includes\/js\/wp-emoji-release.min.js"`),
 * which keep the site URL even in pages saved with root-relative links.
 */
function siteOrigin($: CheerioAPI): string | undefined {
  const links = $('link[rel="https://api.w.org/"], link[rel="EditURI"], link[rel="pingback"], link[rel="alternate"][type="application/rss+xml"]')
    .map((_, el) => el.attribs['href'] ?? '')
    .get();
  for (const href of links) {
    const url = absolute(href);
    if (url) return new URL(url).origin;
  }
  for (const script of $('script:not([src])').toArray()) {
    const text = $(script).text();
    if (!text.includes('_wpemojiSettings')) continue;
    const m = /"concatemoji":"(https?:\\?\/\\?\/[^"]+?)\\?\/wp-includes/.exec(text);
    const url = m ? absolute(m[1]!.replace(/\\\//g, '/')) : undefined;
    if (url) return new URL(url).origin;
  }
  return undefined;
}

/** "www.Example.com" and "example.com" are one site. */
export function hostKey(url: string): string {
  return new URL(url).host.toLowerCase().replace(/^www\./, '');
}

function absolute(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || !/^https?:\/\/[^/]/i.test(v)) return undefined;
  try {
    return new URL(v).href;
  } catch {
    return undefined;
  }
}

/** The folder a mirror's relative `wp-content/` (or `wp-includes/`, `xmlrpc.php`) links point into. */
function findMirrorRoot($: CheerioAPI, fileUrl: string): string | undefined {
  for (const el of $('link[href], script[src], img[src], a[href]').toArray()) {
    const ref = el.attribs['href'] ?? el.attribs['src'] ?? '';
    if (!ref || /^[a-z]+:|^\/|^#/i.test(ref)) continue;
    const match = SITE_ASSET.exec(ref);
    if (!match) continue;
    const prefix = ref.slice(0, match.index + (match[0].startsWith('/') ? 1 : 0));
    return new URL(prefix || './', fileUrl).href;
  }
  return undefined;
}

/** wget saves `/2010/04/` as `2010/04/index.html`: the site's URL is the folder. */
function withoutIndexFile(path: string): string {
  return path.replace(/(^|\/)index\.html?(?=$|[?#])/i, '$1');
}
