import { decodePath, type Redirect } from './redirects.js';

/** The redirect files unpress writes with `--redirects`: names relative to the output folder. */
export const REDIRECTS_JSON = 'redirects.json';
export const NGINX_MAP = 'redirects.nginx.conf';
/** Netlify reads `_redirects` from the published folder: the preset's static folder. */
export const NETLIFY_FILE = '_redirects';

/** Where shortlinks go first on Netlify, which matches query parameters by placeholder only. */
const SHORTLINK_PREFIX = '/wp-id/';

/** redirects.json: every old URL -> new URL, with why (permalink, old-slug, id, attachment). */
export function renderRedirectsJson(redirects: readonly Redirect[]): string {
  return `${JSON.stringify(redirects, null, 2)}\n`;
}

interface ServerRule {
  /** Decoded path (`/2016/09/18/日本/`) or the shortlink query (`p=1180`). */
  path?: string;
  query?: string;
  to: string;
}

/** Redirects a web server can apply: same-path ones (kept permalinks) would loop and are left out. */
function serverRules(redirects: readonly Redirect[]): ServerRule[] {
  const rules: ServerRule[] = [];
  for (const redirect of redirects) {
    const url = new URL(redirect.from);
    const query = /^\?((?:p|page_id|attachment_id)=\d+)$/.exec(url.search)?.[1];
    if (query && (url.pathname === '/' || url.pathname === '')) rules.push({ query, to: redirect.to });
    else if (!url.search) {
      const path = decodePath(url.pathname);
      if (path !== decodePath(redirect.to) && path !== '/') rules.push({ path, to: redirect.to });
    }
  }
  return rules;
}

/**
 * Netlify `_redirects`: one `from to 301` line per old path. Netlify matches query parameters only
 * by placeholder, so shortlinks take two hops: `/?p=1180` -> `/wp-id/1180` -> the new URL.
 */
export function renderNetlifyRedirects(redirects: readonly Redirect[]): string {
  const rules = serverRules(redirects);
  const lines = ['# Written by unpress: old WordPress URLs -> new URLs (redirects.json lists them all).'];
  for (const rule of rules) if (rule.path) lines.push(`${encodePath(rule.path)}  ${rule.to}  301`);
  const shortlinks = rules.filter((r) => r.query);
  if (shortlinks.length) {
    lines.push('# Shortlinks (?p=ID, ?page_id=ID, ?attachment_id=ID) go through /wp-id/<ID>.');
    for (const name of ['p', 'page_id', 'attachment_id']) lines.push(`/  ${name}=:id  ${SHORTLINK_PREFIX}:id  301`);
    const ids = new Set<string>();
    for (const rule of shortlinks) {
      const id = rule.query!.split('=')[1]!;
      if (!ids.has(id)) lines.push(`${SHORTLINK_PREFIX}${id}  ${rule.to}  301`);
      ids.add(id);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * An nginx map file for the `http {}` block: `$uri` (decoded) -> new URL, and the shortlink query
 * -> new URL. Paths are listed with and without their trailing slash.
 */
export function renderNginxMap(redirects: readonly Redirect[]): string {
  const rules = serverRules(redirects).filter((rule) => !`${rule.path ?? ''}${rule.to}`.includes('$'));
  const paths: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.path) continue;
    const variants = rule.path.endsWith('/') && rule.path.length > 1 ? [rule.path, rule.path.slice(0, -1)] : [rule.path];
    for (const variant of variants) {
      if (seen.has(variant)) continue;
      seen.add(variant);
      paths.push(`    ${nginxString(variant)} ${nginxString(rule.to)};`);
    }
  }
  const queries = rules.filter((r) => r.query).map((rule) => `    ${nginxString(rule.query!)} ${nginxString(rule.to)};`);
  return [
    '# Written by unpress: old WordPress URLs -> new URLs (redirects.json lists them all).',
    '# In the http {} block:   include /path/to/redirects.nginx.conf;',
    '# In the server {} block:',
    '#   if ($unpress_redirect) { return 301 $unpress_redirect; }',
    '#   if ($unpress_shortlink) { return 301 $unpress_shortlink; }',
    'map $uri $unpress_redirect {',
    ...paths,
    '}',
    'map $args $unpress_shortlink {',
    ...queries,
    '}',
    '',
  ].join('\n');
}

function nginxString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A decoded path as Netlify reads it: percent-encoded, spaces included. */
function encodePath(path: string): string {
  return encodeURI(path);
}
