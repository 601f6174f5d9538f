import { Worker } from 'node:worker_threads';

/**
 * A thread that writes files for OutputWriter, with synchronous calls: each asynchronous file
 * operation costs the main thread a request, a wake-up and a callback (four per file: ~0.2 ms, as
 * much as reading and parsing a post), while here a file costs the main thread one message. The
 * thread does what OutputWriter.writeOne() does, in the same order: read the file when it may
 * exist, leave it alone when it is right, refuse a file unpress did not write, make the folder,
 * journal the path, write a temporary file, rename it.
 *
 * Plain JavaScript run with `eval` (it needs nothing but node:fs), so that it starts the same way
 * from the sources (tests) and from dist.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const folders = new Set();
let journal;
function folder(dir) {
  if (folders.has(dir)) return;
  fs.mkdirSync(dir, { recursive: true });
  folders.add(dir);
}
function run(job) {
  let existing;
  if (job.read) {
    try { existing = fs.readFileSync(job.target, 'utf8'); } catch { existing = undefined; }
  }
  if (existing === job.content) return undefined;
  if (existing !== undefined && job.foreign) return 'a file unpress did not write is there; it was not overwritten';
  const dir = path.dirname(job.target);
  try {
    folder(dir);
    if (journal === undefined) journal = fs.openSync(workerData.journal, 'a');
    fs.writeSync(journal, job.path + '\\n');
    try {
      fs.writeFileSync(job.temporary, job.content, 'utf8');
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      folders.delete(dir);
      folder(dir);
      fs.writeFileSync(job.temporary, job.content, 'utf8');
    }
    fs.renameSync(job.temporary, job.target);
    return undefined;
  } catch (error) {
    try { fs.unlinkSync(job.temporary); } catch {}
    return error.message;
  }
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    if (journal !== undefined) fs.closeSync(journal);
    journal = undefined;
    parentPort.postMessage({ closed: true });
    return;
  }
  parentPort.postMessage({ id: message.id, failure: run(message) });
});
`;

export interface ThreadJob {
  path: string;
  target: string;
  temporary: string;
  content: string;
  /** The file may exist: read it first. */
  read: boolean;
  /** A file there would be the user's: never overwritten. */
  foreign: boolean;
}

/** The writing thread, seen from the main thread: write() resolves with a failure message, or undefined. */
export class WriteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { job: ThreadJob; done: (failure: string | undefined) => void }>();
  private next = 0;
  private closing: (() => void) | undefined;
  /** Set when the thread died: its jobs are handed back (`orphans`), none are sent any more. */
  failed = false;

  constructor(journal: string, private readonly orphans: (job: ThreadJob) => Promise<string | undefined>) {
    this.worker = new Worker(SOURCE, { eval: true, workerData: { journal }, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } });
    this.worker.unref();
    this.worker.on('message', (message: { id?: number; failure?: string; closed?: boolean }) => {
      if (message.closed) {
        this.closing?.();
        return;
      }
      const entry = this.waiting.get(message.id!);
      if (entry === undefined) return;
      this.waiting.delete(message.id!);
      if (this.waiting.size === 0) this.worker.unref();
      entry.done(message.failure ?? undefined);
    });
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
  }

  write(job: ThreadJob): Promise<string | undefined> {
    if (this.failed) return this.orphans(job);
    const id = this.next++;
    // Referenced while it has work: the run must not end before its files are written.
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((done) => {
      this.waiting.set(id, { job, done });
      this.worker.postMessage({ id, ...job });
    });
  }

  /** Closes the thread's journal handle, then the thread. */
  async close(): Promise<void> {
    if (!this.failed) {
      this.worker.ref();
      await new Promise<void>((done) => {
        this.closing = done;
        this.worker.postMessage('close');
      });
    }
    this.failed = true;
    await this.worker.terminate();
  }

  /** The thread died (out of memory, killed): what it had not answered is written another way. */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    this.closing?.();
    const left = [...this.waiting.values()];
    this.waiting.clear();
    for (const { job, done } of left) void this.orphans(job).then(done);
  }
}
