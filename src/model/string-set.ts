import { carriesInUtf8, SpillFile } from './spill-file.js';
import { doubled } from './typed-arrays.js';

const TAIL_BYTES = 1 << 16;
const EMPTY = -1;

/**
 * A set of strings (add, has) for sets that grow with the export, such as the paths of a run's
 * files: 50,000 posts, some 100 bytes a path in a JS Set, kept all run long. Here a string costs
 * about 20 bytes of memory: its hash, position and length in typed arrays, and a slot in an
 * open-addressing table. The strings themselves, as UTF-8, go to a temporary file (SpillFile;
 * the last 64 KB stay in memory) and are read back only to confirm a hash that matches, which is
 * rare: when the string is in the set, or for about one lookup in four billion. Exact: a string
 * is in the set only if the same string was added.
 */
export class StringSet {
  private hashes = new Uint32Array(256);
  private positions = new Float64Array(256);
  private lengths = new Uint32Array(256);
  /** Open addressing: entry number per slot, EMPTY for none; at most half full. */
  private table = new Int32Array(512).fill(EMPTY);
  private count = 0;
  /** The bytes not yet in the spill file, from position `tailStart` on. */
  private tail = Buffer.allocUnsafe(TAIL_BYTES);
  private tailUsed = 0;
  private tailStart = 0;
  private readonly spill = new SpillFile('unpress-names-');
  /** Strings UTF-8 cannot carry, kept as they are (none in practice). */
  private readonly odd = new Set<string>();

  get size(): number {
    return this.count + this.odd.size;
  }

  has(text: string): boolean {
    if (!carriesInUtf8(text)) return this.odd.has(text);
    return this.find(text, hashOf(text)) !== EMPTY;
  }

  /** Adds `text`; false when it was there already. */
  add(text: string): boolean {
    if (!carriesInUtf8(text)) {
      const known = this.odd.has(text);
      this.odd.add(text);
      return !known;
    }
    const hash = hashOf(text);
    if (this.find(text, hash) !== EMPTY) return false;
    const n = this.count++;
    if (n === this.hashes.length) this.grow();
    this.hashes[n] = hash;
    const bytes = Buffer.byteLength(text, 'utf8');
    this.positions[n] = this.store(text, bytes);
    this.lengths[n] = bytes;
    this.insert(n, hash);
    if (this.count * 2 > this.table.length) this.rehash();
    return true;
  }

  /** Lets go of the temporary file. */
  close(): void {
    this.spill.close();
  }

  private find(text: string, hash: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const n = this.table[slot]!;
      if (n === EMPTY) return EMPTY;
      if (this.hashes[n] === hash && this.textOf(n) === text) return n;
    }
  }

  private insert(n: number, hash: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.table[slot] = n;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    for (let n = 0; n < this.count; n++) this.insert(n, this.hashes[n]!);
  }

  private grow(): void {
    this.hashes = doubled(this.hashes);
    this.positions = doubled(this.positions);
    this.lengths = doubled(this.lengths);
  }

  /** Appends the string's bytes; their position. */
  private store(text: string, bytes: number): number {
    if (this.tailUsed + bytes > this.tail.length) {
      this.flushTail();
      if (bytes > this.tail.length) this.tail = Buffer.allocUnsafe(bytes);
    }
    const position = this.tailStart + this.tailUsed;
    this.tailUsed += this.tail.write(text, this.tailUsed, 'utf8');
    return position;
  }

  private flushTail(): void {
    if (this.tailUsed === 0) return;
    this.spill.append(this.tail.subarray(0, this.tailUsed));
    this.tailStart += this.tailUsed;
    this.tailUsed = 0;
  }

  private textOf(n: number): string {
    const position = this.positions[n]!;
    const length = this.lengths[n]!;
    if (position >= this.tailStart) return this.tail.toString('utf8', position - this.tailStart, position - this.tailStart + length);
    return this.spill.read(position, length, Buffer.allocUnsafe(length)).toString('utf8');
  }
}

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
