import { copyFile, mkdir, rename, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Downloader, isFile, type DownloadOptions } from './download.js';
import { originalOf } from './media-urls.js';
import { MirrorFinder } from './mirror.js';

/** keep: links untouched; copy: from a local mirror of the old site; download: from the old site. */
export type MediaMode = 'keep' | 'copy' | 'download';

export interface MediaSettings {
  readonly mode: Exclude<MediaMode, 'keep'>;
  /** Folders holding a copy of the old site (copy mode). */
  readonly mirrors: readonly string[];
  readonly download: DownloadOptions;
}

/** A reference whose file was found: which URL's file it is (maybe the original of a thumbnail). */
export interface FoundMedia {
  url: string;
  /** The file on disk (in the mirror or the download cache). */
  file: string;
}

export interface MissingMedia {
  url: string;
  error: string;
  /** Where it was referenced: record paths, or `attachment <id>`. */
  used_by: string[];
}

export interface MediaReport {
  mode: MediaMode;
  /** Files placed in the output folder by this run (or found there already). */
  files: number;
  missing: MissingMedia[];
}

/**
 * The files of a migration: finds each referenced file once (copy: in the mirror; download: over
 * HTTP, through the cache), preferring the original of a resized copy and the largest `srcset`
 * candidate, and places it in the output folder. A file that cannot be had is listed as missing
 * and never stops the run. Media are binary: they are copied here, not through OutputWriter,
 * and a file already at its place is never overwritten.
 */
export class MediaLibrary {
  private readonly found = new Map<string, Promise<FoundMedia | { error: string }>>();
  private readonly placed = new Map<string, Promise<string | undefined>>();
  private readonly missing = new Map<string, MissingMedia>();
  private readonly root: string;
  private readonly mirror: MirrorFinder;
  readonly downloader: Downloader;
  /** Check mode: files that would be placed but are not in the output folder. */
  readonly differences: string[] = [];

  constructor(
    private readonly settings: MediaSettings,
    outDir: string,
    private readonly check: boolean,
  ) {
    this.root = resolve(outDir);
    this.mirror = new MirrorFinder(settings.mirrors);
    this.downloader = new Downloader(settings.download, check);
  }

  /** The file for a reference: its original first, then the largest srcset candidate, then itself. */
  async find(url: string, largest?: string): Promise<FoundMedia | { error: string }> {
    const key = `${url}\u0000${largest ?? ''}`;
    let result = this.found.get(key);
    if (!result) {
      result = this.findFirst(candidatesFor(url, largest));
      this.found.set(key, result);
    }
    return result;
  }

  private async findFirst(candidates: string[]): Promise<FoundMedia | { error: string }> {
    let error = 'not found';
    for (const candidate of candidates) {
      const outcome = await this.fetchOne(candidate);
      if ('file' in outcome) return { url: candidate, file: outcome.file };
      // The reference's own error says most (the original of a thumbnail may just not exist).
      error = outcome.error;
    }
    return { error };
  }

  private async fetchOne(url: string): Promise<{ file: string } | { error: string }> {
    if (this.settings.mode === 'download') {
      const fetched = await this.downloader.fetch(url);
      return fetched.ok ? { file: fetched.file } : { error: fetched.error };
    }
    const file = await this.mirror.find(url);
    return file ? { file } : { error: `not in ${this.settings.mirrors.join(', ') || 'any mirror folder (--media-from)'}` };
  }

  /** Copies a found file to `destination` (relative to the output folder), once; resolves to an error or undefined. */
  place(media: FoundMedia, destination: string): Promise<string | undefined> {
    let placing = this.placed.get(destination);
    if (!placing) {
      placing = this.placeOnce(media.file, destination).then(
        () => undefined,
        (error: Error) => error.message,
      );
      this.placed.set(destination, placing);
    }
    return placing;
  }

  private async placeOnce(file: string, destination: string): Promise<void> {
    const target = resolve(this.root, destination);
    const rel = relative(this.root, target);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`refusing to place ${destination} outside the output folder`);
    if (await isFile(target)) return;
    if (this.check) {
      this.differences.push(`${destination} (missing)`);
      return;
    }
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.unpress.tmp`;
    try {
      await copyFile(file, temporary);
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw error;
    }
  }

  noteMissing(url: string, error: string, usedBy: string): void {
    const entry = this.missing.get(url) ?? { url, error, used_by: [] };
    if (!entry.used_by.includes(usedBy)) entry.used_by.push(usedBy);
    this.missing.set(url, entry);
  }

  /** For the manifest: how many files are in place, and what is missing (by URL). */
  async report(): Promise<MediaReport> {
    const errors = await Promise.all([...this.placed.values()]);
    // Sorted: records are rendered concurrently, so the order of first use is not stable.
    const missing = [...this.missing.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).map((m) => ({ ...m, used_by: [...m.used_by].sort() }));
    return { mode: this.settings.mode, files: errors.filter((e) => e === undefined).length, missing };
  }
}

/** `a-300x225.jpg` -> [a.jpg, <largest srcset>, its original, a-300x225.jpg], without repeats. */
export function candidatesFor(url: string, largest?: string): string[] {
  const list = [originalOf(url), largest && originalOf(largest), largest, url].filter((u): u is string => Boolean(u));
  return [...new Set(list)];
}
