import { createHash } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import pLimit from 'p-limit';

export interface DownloadOptions {
  /** Requests in flight at once (all hosts). */
  readonly concurrency: number;
  /** Least time between two requests to the same host: the polite rate. */
  readonly delayMs: number;
  /** Time allowed for one request, body included. */
  readonly timeoutMs: number;
  /** Further attempts after a network error, a timeout, 429 or 5xx. */
  readonly retries: number;
  /** First wait before a retry; doubles each time (a Retry-After header wins, up to 30 s). */
  readonly retryDelayMs: number;
  /** Folder of downloaded files, by URL: a re-run downloads nothing it already has. */
  readonly cacheDir: string;
}

export const DEFAULT_DOWNLOAD: Omit<DownloadOptions, 'cacheDir'> = {
  concurrency: 4,
  delayMs: 250,
  timeoutMs: 30_000,
  retries: 2,
  retryDelayMs: 1_000,
};

export type Fetched = { ok: true; file: string } | { ok: false; error: string };

const USER_AGENT = 'unpress (WordPress to Markdown migration; https://www.npmjs.com/package/unpress)';

/**
 * Downloads files into a cache folder, each URL once per run: bounded concurrency (p-limit), a
 * minimum delay between requests to one host, a timeout per request, and retries with back-off
 * for what may pass (network errors, timeouts, 429, 5xx) but not for what will not (404...).
 * With `offline` (check mode) only the cache answers.
 */
export class Downloader {
  private readonly limit;
  private readonly results = new Map<string, Promise<Fetched>>();
  private readonly nextStart = new Map<string, number>();
  requests = 0;

  constructor(
    private readonly options: DownloadOptions,
    private readonly offline = false,
  ) {
    this.limit = pLimit(options.concurrency);
  }

  fetch(url: string): Promise<Fetched> {
    let result = this.results.get(url);
    if (!result) {
      result = this.fetchOnce(url);
      this.results.set(url, result);
    }
    return result;
  }

  private async fetchOnce(url: string): Promise<Fetched> {
    const file = join(this.options.cacheDir, cacheName(url));
    if (await isFile(file)) return { ok: true, file };
    if (this.offline) return { ok: false, error: 'not in the download cache (--check does not download)' };
    return this.limit(() => this.download(url, file));
  }

  private async download(url: string, file: string): Promise<Fetched> {
    let error = '';
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      await this.politeWait(url);
      const outcome = await this.attempt(url, file);
      if (outcome.kind === 'done') return outcome.fetched;
      error = outcome.error;
      if (outcome.kind === 'final' || attempt === this.options.retries) break;
      await sleep(outcome.retryAfterMs ?? this.options.retryDelayMs * 2 ** attempt);
    }
    return { ok: false, error };
  }

  private async attempt(url: string, file: string): Promise<{ kind: 'done'; fetched: Fetched } | { kind: 'retry' | 'final'; error: string; retryAfterMs?: number }> {
    this.requests++;
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': USER_AGENT },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        return { kind: 'retry', error: `HTTP ${response.status}`, ...retryAfter(response) };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { kind: 'final', error: `HTTP ${response.status}` };
      }
      // A missing image answered by the theme's page ("soft 404") is not the image.
      if (/^text\/html/i.test(response.headers.get('content-type') ?? '') && extname(new URL(url).pathname).toLowerCase() !== '.html') {
        await response.body?.cancel();
        return { kind: 'final', error: 'the server answered with an HTML page, not the file' };
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      await saveAtomically(file, bytes);
      return { kind: 'done', fetched: { ok: true, file } };
    } catch (error) {
      const name = (error as Error).name;
      const message = name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
      return { kind: 'retry', error: message };
    }
  }

  /** Waits for this host's turn: requests to one host start at least `delayMs` apart. */
  private async politeWait(url: string): Promise<void> {
    const host = new URL(url).host;
    const now = Date.now();
    const start = Math.max(now, this.nextStart.get(host) ?? 0);
    this.nextStart.set(host, start + this.options.delayMs);
    if (start > now) await sleep(start - now);
  }
}

function retryAfter(response: Response): { retryAfterMs?: number } {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: Math.min(seconds, 30) * 1000 } : {};
}

/** A cache file name from the URL: its hash, and its extension so that the file type is visible. */
export function cacheName(url: string): string {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 32);
  const ext = extname(new URL(url).pathname).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? `${hash}${ext}` : hash;
}

async function saveAtomically(file: string, bytes: Buffer): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.download`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
