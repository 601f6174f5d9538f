import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { deserialize } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { SpillFile } from '../../model/spill-file.js';
import { startModuleWorker } from '../../run/start-worker.js';
import { sniffEncoding } from './decode.js';
import type { WxrChannel } from './parse-channel.js';
import type { IndexResult } from './read.js';

/** What index-thread.ts is given. */
export interface IndexThreadData {
  file: string;
  /** Byte position of the `<item>` tag it starts at. */
  from: number;
  encoding: string;
  channel: WxrChannel;
  /** The descriptor of the temporary file it writes its findings to (one serialized batch after another). */
  fd: number;
}

/** What index-thread.ts answers once: where its batches are in the file, or why it stopped. */
export type IndexThreadAnswer = { extents: Array<[at: number, length: number]> } | { error: string };

/** Encodings in which a `<` byte is always the character `<` (ASCII's bytes mean ASCII): a file can be read from its middle. */
const FROM_ANYWHERE = /^(?:utf-8|windows-\d+|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic)$/;
/** How far past the middle an `<item>` tag is looked for. */
const LOOK = 1 << 20;

/**
 * Where the second half of a file starts for the first pass: the first `<item>` tag (followed by
 * a blank or `>`) at or after its middle, and its encoding. Undefined for files smaller than
 * `minBytes`, in encodings that cannot be read from the middle (UTF-16, or unknown), or without
 * such a tag near the middle.
 */
export function itemNearMiddle(file: string, minBytes: number): { at: number; encoding: string } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined; // the reading proper says why
  }
  try {
    const size = fstatSync(fd).size;
    if (size < minBytes || size < 2) return undefined;
    const head = Buffer.alloc(Math.min(200, size));
    readSync(fd, head, 0, head.length, 0);
    let encoding: string;
    try {
      encoding = new TextDecoder(sniffEncoding(head)).encoding;
    } catch {
      return undefined;
    }
    if (!FROM_ANYWHERE.test(encoding)) return undefined;
    const start = Math.floor(size / 2);
    const window = Buffer.alloc(Math.min(LOOK, size - start));
    const length = readSync(fd, window, 0, window.length, start);
    for (let at = window.indexOf('<item'); at !== -1 && at + 5 < length; at = window.indexOf('<item', at + 5)) {
      const next = window[at + 5];
      // After an ASCII byte: the text before the tag then ends with a whole character, so the
      // first half's decoding holds nothing back at the cut (an invalid byte there would come out
      // as U+FFFD only when the reading ends, after the splitter judged the cut).
      if (at === 0 || window[at - 1]! >= 0x80) continue;
      if (next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) return { at: start + at, encoding };
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** What reads the second half of an export while the first pass reads the first. */
export interface SecondHalf {
  /** Its findings, in file order, once it is done; undefined if it failed. Read before close(). */
  findings(): Promise<Iterable<IndexResult> | undefined>;
  /** Stops it (at once when its findings are not wanted) and lets go of what it holds. */
  close(): Promise<void>;
}

/**
 * The helper thread that reads the second half of an export during the first pass
 * (indexWxrFile): its findings go to a temporary file as it reads, so that they wait on disk,
 * not in memory, until the first half is read.
 */
export class IndexHelper implements SecondHalf {
  private readonly answer: Promise<IndexThreadAnswer | undefined>;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly spill: SpillFile,
  ) {
    this.answer = new Promise((resolve) => {
      worker.once('message', (answer: IndexThreadAnswer) => resolve(answer));
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
  }

  /** Starts the helper; undefined where it cannot (no temporary file, no worker threads). */
  static start(file: string, from: number, encoding: string, channel: WxrChannel): IndexHelper | undefined {
    const spill = new SpillFile('unpress-index-');
    const fd = spill.descriptor();
    if (fd === undefined) {
      spill.close();
      return undefined;
    }
    try {
      const workerData: IndexThreadData = { file, from, encoding, channel, fd };
      // A small young generation, as for the pipeline's thread (cli/main.ts): the memory it saves.
      const worker = startModuleWorker(import.meta.url, 'index-thread', { workerData, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      return new IndexHelper(worker, spill);
    } catch {
      spill.close();
      return undefined;
    }
  }

  async findings(): Promise<Iterable<IndexResult> | undefined> {
    const answer = await this.answer;
    if (answer === undefined || !('extents' in answer)) return undefined;
    const { spill } = this;
    return (function* () {
      for (const [at, length] of answer.extents) yield* deserialize(spill.read(at, length, Buffer.allocUnsafe(length))) as IndexResult[];
    })();
  }

  /**
   * Stops the helper, then closes the file: it writes by descriptor, and a descriptor closed while
   * it still wrote could be given to another file meanwhile.
   */
  close(): Promise<void> {
    this.closing ??= this.worker
      .terminate()
      .catch(() => undefined)
      .then(() => this.spill.close());
    return this.closing;
  }
}
