import { join } from 'node:path';
import { decodePath } from '../redirects.js';
import { isFile } from './download.js';

const UPLOADS = '/wp-content/uploads/';

/**
 * Finds a URL's file in local copies of the old site: a wget mirror (`<folder>/<host>/wp-content/
 * uploads/...`), a copy of the site's root (`<folder>/wp-content/uploads/...`) or of the uploads
 * folder itself (`<folder>/2016/09/...` when the folder is named `uploads`).
 */
export class MirrorFinder {
  constructor(private readonly folders: readonly string[]) {}

  async find(url: string): Promise<string | undefined> {
    for (const candidate of this.candidates(url)) if (await isFile(candidate)) return candidate;
    return undefined;
  }

  private candidates(url: string): string[] {
    const parsed = new URL(url);
    const path = decodePath(parsed.pathname);
    if (path.split('/').includes('..')) return [];
    const out: string[] = [];
    for (const folder of this.folders) {
      out.push(join(folder, parsed.host, path), join(folder, path));
      const at = path.indexOf(UPLOADS);
      if (at >= 0) {
        const rest = path.slice(at + UPLOADS.length);
        out.push(join(folder, 'wp-content', 'uploads', rest));
        if (/(?:^|[\\/])uploads[\\/]?$/.test(folder)) out.push(join(folder, rest));
      }
    }
    return [...new Set(out)];
  }
}
