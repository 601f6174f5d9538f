import { StringDecoder } from 'node:string_decoder';
import { SpillFile } from '../model/spill-file.js';

/** Bytes gathered before they go to the temporary file, and read back at once. */
const BLOCK = 1 << 16;

/**
 * One long list of the manifest (its records, its skipped items), kept in a temporary file while
 * a run goes instead of in memory: a 50,000-post export has some 150,000 entries, and its
 * manifest.json is some 60 MB of text. Entries are appended as compact JSON lines and read back,
 * in order, when the manifest is written (manifest-json.ts). The file is a SpillFile: it has no
 * name, so a run that is killed leaves nothing in the temporary folder; if none can be made, the
 * lines stay in memory.
 */
export class SpooledList<T> {
  private readonly spill: SpillFile;
  /** The lines written out, in order: where they are in the spill file. */
  private readonly segments: Array<{ at: number; length: number }> = [];
  private buffer = '';
  private count = 0;

  /** `name`: what the list is, in the temporary file's name where the system shows one. */
  constructor(name: string) {
    this.spill = new SpillFile(`unpress-manifest-${name.replace(/[^\w.-]/g, '')}-`);
  }

  get length(): number {
    return this.count;
  }

  push(entry: T): void {
    this.buffer += `${JSON.stringify(entry)}\n`;
    this.count++;
    if (this.buffer.length >= BLOCK) this.flush();
  }

  /** The entries, in the order they were pushed (the list can be read several times). */
  async *entries(): AsyncGenerator<T> {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    const lines = function* (text: string): Generator<T> {
      const parts = (rest + text).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) if (line) yield JSON.parse(line) as T;
    };
    const scratch = Buffer.allocUnsafe(BLOCK);
    for (const segment of [...this.segments]) {
      for (let done = 0; done < segment.length; done += BLOCK) {
        const length = Math.min(BLOCK, segment.length - done);
        yield* lines(decoder.write(this.spill.read(segment.at + done, length, scratch).subarray(0, length)));
      }
    }
    yield* lines(decoder.end() + this.buffer);
    if (rest) yield JSON.parse(rest) as T;
  }

  /** Removes the temporary file. */
  dispose(): void {
    this.spill.close();
    this.segments.length = 0;
    this.buffer = '';
  }

  private flush(): void {
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.segments.push({ at: this.spill.append(bytes), length: bytes.length });
    this.buffer = '';
  }
}
