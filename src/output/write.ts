import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { open, mkdir, readdir, readFile, rename, writeFile, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import pLimit from 'p-limit';
import { StringSet } from '../model/string-set.js';
import { readPreviousManifest, type PreviousManifest } from './previous-manifest.js';
import { WriteThread, type ThreadJob } from './write-thread.js';

/** What unpress considers its own in the output folder, besides the records of the manifest. */
export interface Ownership {
  /** The manifest of the previous run (its `records[].path` are files unpress wrote). */
  readonly manifest: string;
  /** Files unpress always writes (manifest.json, taxonomies.json...). */
  readonly own: readonly string[];
  /** The previous manifest, when the caller has read it already (readPreviousManifest): not read again. */
  readonly previous?: PreviousManifest | 'foreign' | undefined;
}

/** Lists, during a run, every file about to be written: an interrupted run's files stay unpress's. */
export const JOURNAL_FILE = '.unpress-journal';
const TEMP_SUFFIX = '.unpress.tmp';
/** Files written by the main thread before the writing thread takes over (small runs never start it). */
const THREAD_AFTER = 64;

/** The output folder holds a file in unpress's place that unpress did not write: the run must not start. */
export class ForeignOutputError extends Error {}

/**
 * The only code that touches the output folder. Every file is written atomically (a temporary file
 * in the same folder, then rename), with bounded concurrency so that no export is large enough to
 * run out of file handles. A file whose content is already right is left alone (re-runs are
 * idempotent and cheap). In check mode nothing is written: differences are collected.
 *
 * Files unpress did not write (the user's notes, a theme) are never overwritten: `open()` lists
 * them so that the planner gives posts other names, and `write()` refuses them anyway. What
 * unpress wrote is known from the previous manifest and, for a run that was killed before
 * writing its manifest, from the journal it keeps while writing.
 */
export class OutputWriter {
  private readonly limit = pLimit(16);
  private readonly pending = new Set<Promise<void>>();
  readonly differences: string[] = [];
  readonly failures: Array<{ path: string; error: string }> = [];
  private readonly root: string;
  /** Lower-cased relative paths of files present in the folder that unpress did not write. */
  private foreign = new Set<string>();
  /** Files of earlier runs (manifest records, journal) that are still there. */
  private previous: string[] = [];
  /** Every path written (or found already right) by this run, lower-cased: one per post, so out of memory (StringSet). */
  private readonly written = new StringSet();
  private journal: Promise<FileHandle> | undefined;
  /** Paths waiting for the next journal write, and that write (notes are written in batches). */
  private queuedNotes: string[] = [];
  private nextNote: Promise<void> | undefined;
  private noting: Promise<void> = Promise.resolve();
  /** Folders made (or being made) by this run: one mkdir per folder, not per file. */
  private readonly folders = new Map<string, Promise<void>>();
  /** What open() saw in the folder: files and folders (lower-cased, relative), and the folders it read. */
  private seen: { entries: Set<string>; listed: Set<string> } | undefined;
  /** Lower-cased files unpress always writes: no post may turn one into a folder. */
  private own: string[] = [];
  /** Files queued so far, and the thread that writes them after the first THREAD_AFTER. */
  private queued = 0;
  private thread: Promise<WriteThread> | undefined;

  constructor(
    outDir: string,
    private readonly check: boolean,
  ) {
    this.root = resolve(outDir);
  }

  /**
   * Looks at the output folder before anything is planned: removes temporary files of runs that
   * were killed, and returns the files unpress did not write (relative, with `/`), sorted.
   * Throws ForeignOutputError when one of the files unpress always writes belongs to someone else.
   */
  async open(ownership: Ownership): Promise<string[]> {
    this.own = ownership.own.map((p) => p.toLowerCase());
    const listing = await listFiles(this.root);
    const present = listing.files;
    this.seen = { entries: new Set([...listing.files, ...listing.folders].map((p) => p.toLowerCase())), listed: new Set(listing.listed.map((p) => p.toLowerCase())) };
    const { paths, isUnpressFolder } = await this.readPrevious(ownership, present);
    const owned = new Set(paths.map((p) => p.toLowerCase()));
    // manifest.json, taxonomies.json... are unpress's only in a folder unpress wrote before.
    if (isUnpressFolder) for (const path of ownership.own) owned.add(path.toLowerCase());
    const foreign: string[] = [];
    for (const path of present) {
      if (path === JOURNAL_FILE) continue;
      if (path.endsWith(TEMP_SUFFIX)) {
        if (!this.check) await removeStaleTemporary(join(this.root, path));
        continue;
      }
      if (!owned.has(path.toLowerCase())) foreign.push(path);
    }
    const blocking = ownership.own.filter((own) => foreign.some((f) => f.toLowerCase() === own.toLowerCase()));
    if (blocking.length) {
      throw new ForeignOutputError(
        `${join(this.root, blocking[0]!)} was not written by unpress and is never overwritten: choose another --out folder or move that file`,
      );
    }
    const presentLower = new Set(present.map((p) => p.toLowerCase()));
    this.previous = [...new Set(paths)].filter((p) => presentLower.has(p.toLowerCase()));
    this.foreign = new Set(foreign.map((p) => p.toLowerCase()));
    return foreign.sort();
  }

  /** Paths earlier (maybe interrupted) runs wrote; a manifest unpress did not write is refused. */
  private async readPrevious(ownership: Ownership, present: string[]): Promise<{ paths: string[]; isUnpressFolder: boolean }> {
    const manifestPath = ownership.manifest;
    const paths: string[] = [];
    let isUnpressFolder = false;
    if (present.includes(JOURNAL_FILE)) {
      const journal = await readFile(join(this.root, JOURNAL_FILE), 'utf8');
      paths.push(...journal.split('\n').filter(Boolean));
      isUnpressFolder = true;
    }
    if (present.includes(manifestPath)) {
      const previous = 'previous' in ownership ? ownership.previous : await readPreviousManifest(join(this.root, manifestPath));
      if (previous === 'foreign') {
        throw new ForeignOutputError(
          `${join(this.root, manifestPath)} was not written by unpress and is never overwritten: choose another --out folder or move that file`,
        );
      }
      if (previous) paths.push(...previous.paths);
      isUnpressFolder = true;
    }
    return { paths, isUnpressFolder };
  }

  /** Queues a file; resolves once there is room for more (back-pressure for the reader). */
  async write(relativePath: string, content: string): Promise<void> {
    const target = this.resolveInside(relativePath);
    if (target === undefined) return;
    let task: Promise<void>;
    if (!this.check && ++this.queued > THREAD_AFTER) {
      // The files queued here are written before the thread takes over (one path, one writer).
      this.thread ??= this.flush().then(() => new WriteThread(join(this.root, JOURNAL_FILE), (job) => this.writeOrphan(job)));
      const thread = await this.thread;
      task = this.threadWrite(thread, relativePath, target, content);
    } else task = this.limit(() => this.writeOne(relativePath, target, content));
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
    if (this.limit.pendingCount > 64 || this.pending.size > 128) await Promise.race(this.pending);
  }

  private async threadWrite(thread: WriteThread, relativePath: string, target: string, content: string): Promise<void> {
    const again = !this.written.add(relativePath.toLowerCase());
    const failure = await thread.write({
      path: relativePath,
      target,
      temporary: `${target}.${process.pid}${TEMP_SUFFIX}`,
      content,
      read: again || !this.knownAbsent(relativePath),
      foreign: this.foreign.has(relativePath.toLowerCase()),
    });
    if (failure !== undefined) this.failures.push({ path: relativePath, error: failure });
  }

  /** A file the thread could not write because it died: written here (writeOne reads what is there first). */
  private async writeOrphan(job: ThreadJob): Promise<undefined> {
    await this.limit(() => this.writeOne(job.path, job.target, job.content));
    return undefined;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /**
   * A file too large to hold as one string (the manifest of a very large export), written from
   * its chunks as write() writes a file: atomically, never over a file unpress did not write, left
   * alone when it already has these bytes (compared by hash, never read whole), only compared in
   * check mode.
   */
  async writeChunks(relativePath: string, chunks: AsyncIterable<string>): Promise<void> {
    const target = this.resolveInside(relativePath);
    if (target === undefined) return;
    this.written.add(relativePath.toLowerCase());
    const existing = await hashOfFile(target);
    if (existing !== undefined && this.foreign.has(relativePath.toLowerCase())) {
      this.failures.push({ path: relativePath, error: 'a file unpress did not write is there; it was not overwritten' });
      return;
    }
    if (this.check) {
      const hash = createHash('sha256');
      for await (const chunk of chunks) hash.update(chunk, 'utf8');
      if (hash.digest('hex') !== existing) this.differences.push(existing === undefined ? `${relativePath} (missing)` : relativePath);
      return;
    }
    const temporary = `${target}.${process.pid}${TEMP_SUFFIX}`;
    try {
      await this.folder(dirname(target));
      await this.note(relativePath);
      const hash = createHash('sha256');
      const file = await open(temporary, 'w');
      try {
        for await (const chunk of chunks) {
          hash.update(chunk, 'utf8');
          await file.write(chunk, null, 'utf8');
        }
      } finally {
        await file.close();
      }
      if (hash.digest('hex') === existing) await unlink(temporary);
      else await renameFile(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      this.failures.push({ path: relativePath, error: (error as Error).message });
    }
  }

  /**
   * The run is complete (its manifest is written). Files of earlier runs that this run did not
   * write again stay unpress's (never deleted: an input may only be missing today): the journal
   * keeps them; when there are none, it is removed.
   */
  async close(): Promise<void> {
    await this.flush();
    if (this.thread) await (await this.thread).close();
    this.thread = undefined;
    if (this.journal) await (await this.journal).close();
    this.journal = undefined;
    if (this.check) {
      this.written.close();
      return;
    }
    const stale = this.previous.filter((p) => !this.written.has(p.toLowerCase())).sort();
    this.written.close();
    const journal = join(this.root, JOURNAL_FILE);
    if (stale.length === 0) await unlink(journal).catch(() => {});
    else {
      await writeFile(`${journal}.${process.pid}${TEMP_SUFFIX}`, `${stale.join('\n')}\n`, 'utf8');
      await rename(`${journal}.${process.pid}${TEMP_SUFFIX}`, journal);
    }
  }

  /** Never lets a path leave the output folder, whatever the slug planner produced. */
  private resolveInside(relativePath: string): string | undefined {
    const target = resolve(join(this.root, relativePath));
    const rel = relative(this.root, target);
    if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || isAbsolute(rel)) {
      this.failures.push({ path: relativePath, error: 'refusing to write outside the output folder' });
      return undefined;
    }
    const lower = relativePath.toLowerCase();
    const clash = this.own.find((own) => lower.startsWith(`${own}/`));
    if (clash !== undefined) {
      this.failures.push({ path: relativePath, error: `it would turn ${clash}, which unpress writes, into a folder` });
      return undefined;
    }
    return target;
  }

  private async writeOne(relativePath: string, target: string, content: string): Promise<void> {
    const again = !this.written.add(relativePath.toLowerCase());
    // A file open() proved absent (and not written since) is not read: one failed open per file less.
    const existing = again || !this.knownAbsent(relativePath) ? await readIfPresent(target) : undefined;
    if (existing === content) return;
    if (existing !== undefined && this.foreign.has(relativePath.toLowerCase())) {
      this.failures.push({ path: relativePath, error: 'a file unpress did not write is there; it was not overwritten' });
      return;
    }
    if (this.check) {
      this.differences.push(existing === undefined ? `${relativePath} (missing)` : relativePath);
      return;
    }
    const temporary = `${target}.${process.pid}${TEMP_SUFFIX}`;
    try {
      await this.folder(dirname(target));
      await this.note(relativePath);
      try {
        await writeText(temporary, content);
      } catch (error) {
        // The folder went away during the run: made again, once.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.folders.delete(dirname(target));
        await this.folder(dirname(target));
        await writeText(temporary, content);
      }
      await renameFile(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      this.failures.push({ path: relativePath, error: (error as Error).message });
    }
  }

  /**
   * True when open() saw that `relativePath` did not exist: the closest folder above it that open()
   * read does not hold it, nor the next folder down its path. Folders open() did not enter (dot
   * folders, unreadable ones, links) prove nothing.
   */
  private knownAbsent(relativePath: string): boolean {
    if (this.seen === undefined) return false;
    const { entries, listed } = this.seen;
    const segments = relativePath.toLowerCase().split('/');
    let folder = '';
    for (const segment of segments) {
      const child = folder === '' ? segment : `${folder}/${segment}`;
      if (!entries.has(child)) return listed.has(folder);
      if (!listed.has(child)) return false;
      folder = child;
    }
    return false;
  }

  private folder(path: string): Promise<void> {
    let made = this.folders.get(path);
    if (made === undefined) {
      made = mkdir(path, { recursive: true }).then(() => {});
      made.catch(() => this.folders.delete(path));
      this.folders.set(path, made);
    }
    return made;
  }

  /**
   * Journals a path before its file appears, so that a killed run's files are known as unpress's.
   * Paths noted while a journal write is under way wait for the next one, which takes them all.
   */
  private note(relativePath: string): Promise<void> {
    this.queuedNotes.push(relativePath);
    if (this.nextNote === undefined) {
      const write = async (): Promise<void> => {
        this.nextNote = undefined;
        const batch = this.queuedNotes.splice(0);
        this.journal ??= open(join(this.root, JOURNAL_FILE), 'a');
        await (await this.journal).write(batch.map((p) => `${p}\n`).join(''));
      };
      this.nextNote = this.noting = this.noting.then(write, write);
    }
    return this.nextNote;
  }
}

/** The file's text, or undefined when it cannot be read (missing, a folder...). */
function readIfPresent(path: string): Promise<string | undefined> {
  return new Promise((done) => fs.readFile(path, 'utf8', (error, text) => done(error ? undefined : text)));
}

/** SHA-256 of a file's bytes, read in pieces; undefined when it cannot be read. */
async function hashOfFile(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 16 })) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/** fs.writeFile with a callback: no FileHandle per file (those cost the main thread most of a write). */
function writeText(path: string, content: string): Promise<void> {
  return new Promise((done, fail) => fs.writeFile(path, content, 'utf8', (error) => (error ? fail(error) : done())));
}

function renameFile(from: string, to: string): Promise<void> {
  return new Promise((done, fail) => fs.rename(from, to, (error) => (error ? fail(error) : done())));
}

/**
 * Every file under `root`, relative with `/`; dot-folders (.git) and node_modules are not entered (no
 * post is planned there). Also the folders found and the folders read (`''`: the root; a root that
 * does not exist counts as read, and empty).
 */
async function listFiles(root: string): Promise<{ files: string[]; folders: string[]; listed: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  const listed: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const rel = relative(root, folder).split(sep).join('/');
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      // missing (first run) or unreadable: nothing to protect there
      if (rel === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') listed.push('');
      return;
    }
    listed.push(rel);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const relPath = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        folders.push(relPath);
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') await walk(path);
      } else files.push(relPath);
    }
  };
  await walk(root);
  return { files, folders, listed };
}

/**
 * `<file>.<pid>.unpress.tmp` of another run: a killed run left it (a live run keeps one only for
 * the instant between write and rename; two runs writing one folder at once are not supported).
 * Not checked by pid: a killed process can linger as a zombie, and pids are reused.
 */
async function removeStaleTemporary(path: string): Promise<void> {
  if (path.endsWith(`.${process.pid}${TEMP_SUFFIX}`)) return;
  await unlink(path).catch(() => {});
}
