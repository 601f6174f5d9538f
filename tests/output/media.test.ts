import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readManifest, readTree, runCli, tempDir } from '../helpers/run.js';
import { writeSiteExport } from './presets/site-fixture.js';

/**
 * The old site, served on 127.0.0.1 only: photo.jpg and two resized copies, a PDF that fails once
 * (503) before it is served, and absente.jpg missing (404). Counts requests and how many ran at once.
 */
interface OldSite {
  server: Server;
  origin: string;
  requests: string[];
  maxInFlight: number;
  missingOriginal: boolean;
  slow: boolean;
}

const FILES: Record<string, string> = {
  '/wp-content/uploads/2020/01/photo.jpg': 'PHOTO original',
  '/wp-content/uploads/2020/01/photo-300x200.jpg': 'PHOTO 300',
  '/wp-content/uploads/2020/01/photo-1024x683.jpg': 'PHOTO 1024',
  '/wp-content/uploads/2020/01/notes.pdf': 'PDF notes',
};

const site: OldSite = { server: createServer(), origin: '', requests: [], maxInFlight: 0, missingOriginal: false, slow: false };
let inFlight = 0;
let pdfFailures = 0;

beforeAll(async () => {
  site.server.on('request', (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    site.requests.push(path);
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    const answer = (status: number, body: string, type = 'application/octet-stream'): void => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
      inFlight--;
    };
    const delay = site.slow ? 1_000 : 20;
    setTimeout(() => {
      if (path.endsWith('notes.pdf') && pdfFailures++ === 0) return answer(503, 'busy');
      if (site.missingOriginal && path.endsWith('/photo.jpg')) return answer(404, '<html>not found</html>', 'text/html');
      const body = FILES[path];
      if (body === undefined) return answer(404, '<html>not found</html>', 'text/html');
      answer(200, body, path.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg');
    }, delay);
  });
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => site.server.close(() => resolve()));
});

beforeEach(() => {
  site.requests = [];
  site.maxInFlight = 0;
  site.missingOriginal = false;
  site.slow = false;
  pdfFailures = 0;
});

/** A configuration file with a fast, still bounded, download policy and a cache of the test's own. */
async function config(dir: string, download: Record<string, unknown> = {}): Promise<string> {
  const path = join(dir, 'unpress.config.json');
  await writeFile(path, JSON.stringify({ download: { concurrency: 2, delayMs: 0, retryDelayMs: 10, timeoutMs: 5_000, cacheDir: 'cache', ...download } }));
  return path;
}

async function download(...flags: string[]): Promise<{ out: string; dir: string; code: number; lines: string[]; tree: Map<string, string> }> {
  const dir = await tempDir();
  const exportFile = await writeSiteExport(dir, site.origin);
  const out = join(dir, 'out');
  const { code, lines } = await runCli([exportFile, '--out', out, '--media', 'download', '--config', await config(dir), ...flags]);
  return { out, dir, code, lines, tree: await readTree(out) };
}

describe('--media download', () => {
  it('fetches the original of a resized image and points the body and featured image to it', async () => {
    const { tree, code } = await download('--preset', 'hugo');
    expect(code).toBe(0);
    expect(tree.get('static/wp-content/uploads/2020/01/photo.jpg')).toBe('PHOTO original');
    const premier = tree.get('content/posts/premier.md')!;
    expect(premier).toContain('![Photo](/wp-content/uploads/2020/01/photo.jpg)');
    expect(premier).toContain('images:\n  - /wp-content/uploads/2020/01/photo.jpg\n');
    expect(site.requests).not.toContain('/wp-content/uploads/2020/01/photo-300x200.jpg');
  });

  it('takes the largest srcset candidate when the original is gone', async () => {
    site.missingOriginal = true;
    const { tree } = await download('--preset', 'hugo');
    expect(tree.get('static/wp-content/uploads/2020/01/photo-1024x683.jpg')).toBe('PHOTO 1024');
    expect(tree.get('content/posts/premier.md')).toContain('![Photo](/wp-content/uploads/2020/01/photo-1024x683.jpg)');
  });

  it('retries a failed request and links other uploaded files (a PDF) too', async () => {
    const { tree } = await download('--preset', 'hugo');
    expect(site.requests.filter((p) => p.endsWith('notes.pdf'))).toHaveLength(2);
    expect(tree.get('static/wp-content/uploads/2020/01/notes.pdf')).toBe('PDF notes');
    expect(tree.get('content/posts/premier.md')).toContain('[Les notes](/wp-content/uploads/2020/01/notes.pdf)');
  });

  it('keeps the old URL of a missing file, lists it in the manifest and warns, without failing the run', async () => {
    const { out, code, tree, lines } = await download('--preset', 'hugo');
    expect(code).toBe(0);
    expect(lines).toContain('media: 2 file(s) in place, 1 missing (see manifest.json media.missing)');
    expect(tree.get('content/posts/premier.md')).toContain(`![Absente](${site.origin}/wp-content/uploads/2020/01/absente.jpg)`);
    const manifest = await readManifest(out);
    expect(manifest.media?.missing).toEqual([{ url: `${site.origin}/wp-content/uploads/2020/01/absente.jpg`, error: 'HTTP 404', used_by: ['content/posts/premier.md'] }]);
    const premier = manifest.records.find((r) => r.path === 'content/posts/premier.md')!;
    expect(premier.warnings.map((w) => w.code)).toEqual(['media-missing']);
    expect(site.requests.filter((p) => p.endsWith('absente.jpg'))).toHaveLength(1);
  });

  it('never has more requests in flight than the concurrency allows', async () => {
    await download();
    expect(site.requests.length).toBeGreaterThan(3);
    expect(site.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('gives up on a request after the timeout', async () => {
    site.slow = true;
    const dir = await tempDir();
    const exportFile = await writeSiteExport(dir, site.origin);
    const out = join(dir, 'out');
    await runCli([exportFile, '--out', out, '--media', 'download', '--config', await config(dir, { timeoutMs: 200, retries: 0 })]);
    const missing = (await readManifest(out)).media?.missing ?? [];
    expect(missing.map((m) => m.error)).toContain('no answer within 200 ms');
  });

  it('downloads nothing again from the cache', async () => {
    const { dir } = await download();
    site.requests = [];
    const exportFile = join(dir, 'export.xml');
    const { code } = await runCli([exportFile, '--out', join(dir, 'out2'), '--media', 'download', '--config', join(dir, 'unpress.config.json')]);
    expect(code).toBe(0);
    // Only what is missing is asked again.
    expect(site.requests.every((p) => p.endsWith('absente.jpg'))).toBe(true);
    expect(await readFile(join(dir, 'out2', 'media/wp-content/uploads/2020/01/photo.jpg'), 'utf8')).toBe('PHOTO original');
  });

  it('refers to files relatively in plain Markdown, and puts them in the bundle with --bundles', async () => {
    const plain = await download();
    expect(plain.tree.get('posts/premier.md')).toContain('![Photo](../media/wp-content/uploads/2020/01/photo.jpg)');
    expect(plain.tree.get('posts/premier.md')).toContain('featured_image: ../media/wp-content/uploads/2020/01/photo.jpg\n');
    const bundles = await download('--preset', 'hugo', '--bundles');
    expect(bundles.tree.get('content/posts/premier/photo.jpg')).toBe('PHOTO original');
    expect(bundles.tree.get('content/posts/premier/index.md')).toContain('![Photo](photo.jpg)');
  });

  it('sends attachment pages to the file once it is kept', async () => {
    const { tree } = await download('--preset', 'hugo', '--redirects');
    const redirects = JSON.parse(tree.get('redirects.json')!) as Array<{ from: string; to: string }>;
    expect(redirects).toContainEqual({ from: `${site.origin}/?attachment_id=12`, to: '/wp-content/uploads/2020/01/photo.jpg', type: 'attachment', wordpress_id: 12 });
  });
});

describe('--media copy', () => {
  it('copies the files a mirror of the old site holds, and lists the others as missing', async () => {
    const dir = await tempDir();
    const exportFile = await writeSiteExport(dir, 'http://blog.example');
    const mirror = join(dir, 'mirror', 'blog.example', 'wp-content', 'uploads', '2020', '01');
    await mkdir(mirror, { recursive: true });
    await writeFile(join(mirror, 'photo-300x200.jpg'), 'MIRROR 300');
    const out = join(dir, 'out');
    const { code } = await runCli([exportFile, '--out', out, '--preset', 'astro', '--media', 'copy', '--media-from', join(dir, 'mirror')]);
    expect(code).toBe(0);
    const tree = await readTree(out);
    expect(tree.get('public/wp-content/uploads/2020/01/photo-300x200.jpg')).toBe('MIRROR 300');
    expect(tree.get('src/content/blog/premier.md')).toContain('![Photo](/wp-content/uploads/2020/01/photo-300x200.jpg)');
    const missing = (await readManifest(out)).media?.missing.map((m) => m.url) ?? [];
    expect(missing).toContain('http://blog.example/wp-content/uploads/2020/01/absente.jpg');
    expect(site.requests).toEqual([]);
  });
});
