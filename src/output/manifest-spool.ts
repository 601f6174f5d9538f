import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One long list of the manifest (its records, its skipped items), kept in a temporary file while
 * a run goes instead of in memory: a 50,000-post export has some 150,000 entries, and its
 * manifest.json is some 60 MB of text. Entries are appended as compact JSON lines and read back,
 * in order, when the manifest is written (manifest-json.ts).
 */
export class SpooledList<T> {
  private fd: number | undefined;
  private folder: string | undefined;
  private buffer = '';
  private count = 0;

  constructor(private readonly name: string) {}

  get length(): number {
    return this.count;
  }

  push(entry: T): void {
    this.buffer += `${JSON.stringify(entry)}\n`;
    this.count++;
    if (this.buffer.length >= 1 << 16) this.spill();
  }

  /** The entries, in the order they were pushed. */
  async *entries(): AsyncGenerator<T> {
    this.spill();
    if (this.folder === undefined) return;
    let rest = '';
    for await (const chunk of createReadStream(join(this.folder, this.name), { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line) yield JSON.parse(line) as T;
    }
    if (rest) yield JSON.parse(rest) as T;
  }

  /** Removes the temporary file. */
  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true });
    this.fd = this.folder = undefined;
    this.buffer = '';
  }

  private spill(): void {
    if (this.buffer === '') return;
    if (this.fd === undefined) {
      this.folder = mkdtempSync(join(tmpdir(), 'unpress-manifest-'));
      this.fd = openSync(join(this.folder, this.name), 'a');
    }
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
