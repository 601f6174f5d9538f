import type { AttachmentInfo } from './site.js';
import { carriesInUtf8, SpillFile } from './spill-file.js';
import { doubled } from './typed-arrays.js';

/** What code reads of a site's attachments: a Map (a worker's batch) or an AttachmentIndex. */
export interface Attachments {
  get(id: number): AttachmentInfo | undefined;
  has(id: number): boolean;
  set(id: number, info: AttachmentInfo): unknown;
  readonly size: number;
  values(): IterableIterator<AttachmentInfo>;
  /** Lets go of what it holds outside memory (the run is over). */
  close?(): void;
}

const SEP = '\u0000';
const CHUNK = 1 << 20;
/**
 * Bytes read at once from the spill file, and windows kept: entries are mostly read in the order
 * they were stored, by a few readers at once (the second pass's skipped attachments, each batch's
 * attachments, the gallery index), each going its own way.
 */
const WINDOW = 1 << 13;
const WINDOWS = 8;
/** Distinct URL folders kept once each; past this many, URLs are stored whole. */
const MAX_FOLDERS = 4096;
const NONE = -1;

/**
 * Every attachment of an export, by id, for the whole run. A photo blog has several per post, so
 * at 50,000 posts this index is most of what the main thread holds: 105,000 attachments took
 * 85 MB as objects with their strings (a caption with one `’` makes a whole JS string two bytes
 * per character). Here an entry is its fields joined by U+0000 (which XML text cannot hold),
 * stored as UTF-8 in 1 MB buffers, found through its number: about a third of the memory. The
 * folder part of URLs (`https://site/wp-content/uploads/2019/05/`, the same for a month of
 * uploads) is stored once and named by its number in the entries: half the bytes of an entry.
 * `get()` gives a fresh AttachmentInfo each time.
 *
 * Filled buffers go to a temporary file (SpillFile): the text of 105,000 attachments (titles,
 * captions, alt texts) is 18 MB that would otherwise stay in memory all run long and grow with the
 * export. Entries are read back a window at a time, in the order the run mostly asks for them
 * (posts refer to attachments near them in the file).
 */
export class AttachmentIndex implements Attachments {
  /**
   * Entry n: its id, whether it is its id's first entry (where the id is in values(), as in a
   * Map), its chunk, start and end offsets. A set() of an id makes a new entry: each piece of an
   * export that repeats an id keeps its own (getEntry).
   */
  private ids = new Float64Array(1024);
  private firsts = new Uint8Array(1024);
  private chunkOf = new Uint32Array(1024);
  private startOf = new Uint32Array(1024);
  private endOf = new Uint32Array(1024);
  /** id -> its latest entry: open addressing, at most half full (about 8 bytes an id, against 35 in a Map). */
  private table = new Int32Array(2048).fill(NONE);
  private distinct = 0;
  /** Entries kept as objects: a field holding U+0000, text UTF-8 cannot carry (a lone surrogate), an id mismatch. */
  private readonly objects = new Map<number, AttachmentInfo>();
  /** The chunk being filled (those before it are in the spill file). */
  private readonly chunks: Array<Buffer | undefined> = [];
  /** Where each spilled chunk is in the spill file, and its length. */
  private readonly spilledAt: number[] = [];
  private readonly spilledLength: number[] = [];
  private readonly spill = new SpillFile('unpress-attachments-');
  /** The last bytes read from the spill file: chunk, start offset in it, length; the most recently used first. */
  private readonly windows: Array<{ chunk: number; start: number; length: number; bytes: Buffer }> = [];
  /** URL folders (up to the last `/`), and their numbers. */
  private readonly folders: string[] = [];
  private readonly folderNumbers = new Map<string, number>();
  private used = CHUNK;
  private count = 0;

  /** `chunkBytes`: the size of the buffers, smaller in tests. */
  constructor(private readonly chunkBytes = CHUNK) {
    this.used = chunkBytes;
  }

  get size(): number {
    return this.distinct;
  }

  set(id: number, info: AttachmentInfo): this {
    // The text first: if a field cannot be read, nothing is registered.
    const [folder, file] = this.splitUrl(info.url);
    const text = [String(info.parent), String(info.menuOrder), folder, file, info.title, info.caption, info.alt].join(SEP);
    const n = this.count++;
    if (n === this.chunkOf.length) this.grow();
    this.ids[n] = id;
    const slot = this.slotOf(id);
    this.firsts[n] = this.table[slot] === NONE ? 1 : 0;
    this.table[slot] = n;
    if (this.firsts[n] && ++this.distinct * 2 > this.table.length) this.rehash();
    if (info.id !== id || text.split(SEP).length !== 7 || !carriesInUtf8(text)) {
      this.objects.set(n, { ...info });
      return this;
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > (this.chunks.at(-1)?.length ?? 0)) {
      this.spillLast();
      this.chunks.push(Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes)));
      this.used = 0;
    }
    this.chunkOf[n] = this.chunks.length - 1;
    this.startOf[n] = this.used;
    this.used += this.chunks.at(-1)!.write(text, this.used, 'utf8');
    this.endOf[n] = this.used;
    return this;
  }

  /** The entry `id` is stored as now (a later set() of the same id makes a new entry); not for entries kept as objects. */
  entryOf(id: number): number | undefined {
    const n = this.table[this.slotOf(id)]!;
    return n === NONE || this.objects.has(n) ? undefined : n;
  }

  /** The id of an entry. */
  idOf(n: number): number | undefined {
    return n >= 0 && n < this.count ? this.ids[n] : undefined;
  }

  /** An entry as it was stored, even if its id was set again since (duplicate ids in an export). */
  getEntry(n: number, id: number): AttachmentInfo | undefined {
    if (!(n >= 0 && n < this.count)) return undefined;
    const object = this.objects.get(n);
    if (object !== undefined) return { ...object };
    const text = this.textOf(this.chunkOf[n]!, this.startOf[n]!, this.endOf[n]!);
    const [parent, menuOrder, folder, file, title, caption, alt] = text.split(SEP) as [string, string, string, string, string, string, string];
    const url = folder === '' ? file : this.folders[Number(folder)]! + file;
    return { id, url, parent: Number(parent), title, caption, alt, menuOrder: Number(menuOrder) };
  }

  /** A URL as its folder's number ('' when kept whole) and the rest. */
  private splitUrl(url: string): [folder: string, file: string] {
    const slash = url.lastIndexOf('/');
    if (slash <= 0) return ['', url];
    const folder = url.slice(0, slash + 1);
    let number = this.folderNumbers.get(folder);
    if (number === undefined) {
      if (this.folders.length >= MAX_FOLDERS || !carriesInUtf8(folder)) return ['', url];
      number = this.folders.push(folder) - 1;
      this.folderNumbers.set(folder, number);
    }
    return [String(number), url.slice(slash + 1)];
  }

  has(id: number): boolean {
    return this.table[this.slotOf(id)] !== NONE;
  }

  get(id: number): AttachmentInfo | undefined {
    const n = this.table[this.slotOf(id)]!;
    return n === NONE ? undefined : this.getEntry(n, id);
  }

  /** Each id's latest attachment, ids in the order they were first set (as a Map). */
  *values(): IterableIterator<AttachmentInfo> {
    for (let n = 0; n < this.count; n++) if (this.firsts[n]) yield this.get(this.ids[n]!)!;
  }

  /** The slot of `id` in the table: where it is, or the empty slot where it would go. */
  private slotOf(id: number): number {
    const mask = this.table.length - 1;
    for (let slot = hashId(id) & mask; ; slot = (slot + 1) & mask) {
      const n = this.table[slot]!;
      if (n === NONE || this.ids[n] === id || (id !== id && this.ids[n] !== this.ids[n])) return slot;
    }
  }

  private rehash(): void {
    const latest = this.table.filter((n) => n !== NONE);
    this.table = new Int32Array(this.table.length * 2).fill(NONE);
    for (const n of latest) this.table[this.slotOf(this.ids[n]!)] = n;
  }

  /** Closes the spill file (the index cannot be read any more). */
  close(): void {
    this.spill.close();
  }

  /** The chunk filled last goes to the spill file. */
  private spillLast(): void {
    const last = this.chunks.length - 1;
    const chunk = this.chunks[last];
    if (chunk === undefined) return;
    this.spilledAt[last] = this.spill.append(chunk.subarray(0, this.used));
    this.spilledLength[last] = this.used;
    this.chunks[last] = undefined;
  }

  /** Bytes [start, end) of a chunk, as text. */
  private textOf(chunk: number, start: number, end: number): string {
    const inMemory = this.chunks[chunk];
    if (inMemory !== undefined) return inMemory.toString('utf8', start, end);
    const at = this.spilledAt[chunk]!;
    // An entry larger than the window is read on its own.
    if (end - start > WINDOW) return this.spill.read(at + start, end - start, Buffer.allocUnsafe(end - start)).toString('utf8');
    const { windows } = this;
    let index = windows.findIndex((w) => w.chunk === chunk && start >= w.start && end <= w.start + w.length);
    if (index === -1) {
      // From this entry on, as far as the window or the chunk goes, in the least recently used window.
      const window = windows.length < WINDOWS ? { chunk, start, length: 0, bytes: Buffer.allocUnsafe(WINDOW) } : windows.at(-1)!;
      if (windows.length < WINDOWS) windows.push(window);
      window.chunk = chunk;
      window.start = start;
      window.length = Math.min(WINDOW, this.spilledLength[chunk]! - start);
      this.spill.read(at + start, window.length, window.bytes);
      index = windows.length - 1;
    }
    const window = windows[index]!;
    if (index > 0) {
      windows.splice(index, 1);
      windows.unshift(window);
    }
    return window.bytes.toString('utf8', start - window.start, end - window.start);
  }

  private grow(): void {
    this.ids = doubled(this.ids);
    this.firsts = doubled(this.firsts);
    this.chunkOf = doubled(this.chunkOf);
    this.startOf = doubled(this.startOf);
    this.endOf = doubled(this.endOf);
  }
}

/** A 32-bit hash of an id (an integer, up to 2^53). */
function hashId(id: number): number {
  const low = id % 4294967296 | 0;
  const high = Math.floor(id / 4294967296) | 0;
  let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
