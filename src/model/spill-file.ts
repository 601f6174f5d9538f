import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Descriptors of spill files whose owner was dropped without close() (tests, an abandoned index). */
const orphans = new FinalizationRegistry<{ fd: number; folder?: string }>((held) => {
  try {
    closeSync(held.fd);
  } catch {
    // already closed
  }
  removeFolder(held.folder);
});

/** A temporary folder removed if it can be (a file held open elsewhere can stop it on Windows). */
function removeFolder(folder: string | undefined): void {
  if (folder === undefined) return;
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // left in the temporary folder, for the system to clean
  }
}

/** A lone surrogate: UTF-16 that UTF-8 cannot carry (it would come back as U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` comes back the same from a spill file's UTF-8 bytes. */
export function carriesInUtf8(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * An anonymous temporary file that bytes are appended to and read back from by position: what an
 * index that grows with the export keeps out of memory (the operating system caches it; it is not
 * the process's memory). Made on the first append. Its name is removed at once where the system
 * allows it (an open file stays readable), so that even a killed run leaves nothing behind;
 * elsewhere, close() removes it. Bytes the file cannot take (no temporary file can be made, the
 * disk is full) are kept in memory, at the same positions: callers need not care.
 */
export class SpillFile {
  private fd: number | undefined;
  private held: { fd: number; folder?: string } | undefined;
  private size = 0;
  private unusable = false;
  private closed = false;
  /** Appends the file could not take, by position (empty unless the temporary folder failed). */
  private readonly kept: Array<{ at: number; bytes: Buffer }> = [];

  constructor(private readonly prefix: string) {}

  /** Appends `bytes` (copied or written at once: the caller may reuse its buffer); their position. */
  append(bytes: Uint8Array): number {
    if (this.closed) throw new Error('unpress: a temporary file was used after it was closed');
    const position = this.size;
    this.size += bytes.length;
    const fd = this.open();
    let written = 0;
    try {
      if (fd === undefined) throw new Error('no temporary file');
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
    } catch {
      this.kept.push({ at: position, bytes: Buffer.from(bytes) });
    }
    return position;
  }

  /**
   * The file's descriptor, for another thread of this process to write into (descriptors belong
   * to the process) at positions it keeps, which read() then reads back; undefined when no
   * temporary file can be made. The writer owns the positions: append() must not be used too.
   */
  descriptor(): number | undefined {
    if (this.closed) throw new Error('unpress: a temporary file was used after it was closed');
    return this.open();
  }

  /** Reads `length` bytes at `position` (within one append) into `into` (from its start). */
  read(position: number, length: number, into: Buffer): Buffer {
    if (this.closed) throw new Error('unpress: a temporary file was used after it was closed');
    const kept = this.kept.find(({ at, bytes }) => position >= at && position < at + bytes.length);
    if (kept !== undefined) {
      kept.bytes.copy(into, 0, position - kept.at, position - kept.at + length);
      return into;
    }
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd!, into, done, length - done, position + done);
      if (n === 0) throw new Error('unpress: a temporary file was cut short while the run read it');
      done += n;
    }
    return into;
  }

  /** Closes and removes the file; it cannot be used any more. */
  close(): void {
    this.closed = true;
    this.kept.length = 0;
    if (this.held === undefined) return;
    orphans.unregister(this);
    const { fd, folder } = this.held;
    this.fd = this.held = undefined;
    closeSync(fd);
    removeFolder(folder);
  }

  private open(): number | undefined {
    if (this.fd !== undefined || this.unusable) return this.fd;
    let folder: string | undefined;
    try {
      folder = mkdtempSync(join(tmpdir(), this.prefix));
      const path = join(folder, 'spill');
      const fd = openSync(path, 'w+');
      let named: string | undefined = folder;
      try {
        unlinkSync(path);
        rmSync(folder, { recursive: true });
        named = undefined;
      } catch {
        // (where an open file or its folder cannot be removed: close() does)
      }
      this.fd = fd;
      this.held = named === undefined ? { fd } : { fd, folder: named };
      orphans.register(this, this.held, this);
      return fd;
    } catch {
      removeFolder(folder);
      this.unusable = true;
      return undefined;
    }
  }
}
