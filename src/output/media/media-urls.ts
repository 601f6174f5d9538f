import { isImageUrl } from '../../convert/html.js';
import { safeFileStem } from '../target-path.js';
import { decodePath } from '../redirects.js';

/** `/wp-content/uploads/2016/09/konbini.jpg`: where WordPress keeps uploaded files. */
const UPLOADS = '/wp-content/uploads/';

/** An absolute http(s) URL for a reference, resolved against the page it is on; undefined otherwise. */
export function absoluteUrl(reference: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(reference, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function isUploadsUrl(url: string): boolean {
  return pathOf(url).includes(UPLOADS);
}

/** Files worth keeping: anything uploaded to WordPress, and images wherever they are hosted. */
export function isMediaUrl(url: string): boolean {
  return isUploadsUrl(url) || isImageUrl(url);
}

/**
 * The original of a resized copy WordPress made: `photo-300x225.jpg` -> `photo.jpg`
 * (image sizes are named `<name>-<width>x<height>.<ext>`, wp-includes/media.php); undefined when
 * the name has no size suffix.
 */
export function originalOf(url: string): string | undefined {
  const parsed = new URL(url);
  const resized = /^(.*)-\d{1,5}x\d{1,5}(\.[a-z0-9]+)$/i.exec(parsed.pathname);
  if (!resized) return undefined;
  parsed.pathname = `${resized[1]}${resized[2]}`;
  parsed.search = '';
  return parsed.href;
}

/**
 * Where a file is kept, relative to the static folder: uploads keep their WordPress path
 * (`wp-content/uploads/2016/09/konbini.jpg`, so that the file's URL stays the same on the new site),
 * other hosts' images go under `external/<host>/`. Every segment is made a safe file name.
 */
export function localKeyOf(url: string): string {
  const parsed = new URL(url);
  const path = decodePath(parsed.pathname);
  const at = path.indexOf(UPLOADS);
  const segments = at >= 0 ? ['wp-content', 'uploads', ...path.slice(at + UPLOADS.length).split('/')] : ['external', parsed.hostname, ...path.split('/')];
  const safe = segments.map((s) => safeFileStem(s)).filter(Boolean);
  if (safe.length < 2 || at < 0 && safe.length < 3) safe.push('index');
  return safe.join('/');
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
