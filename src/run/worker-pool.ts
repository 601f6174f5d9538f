import { createRequire } from 'node:module';
import { serialize } from 'node:v8';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { convertInputOf } from '../convert/context.js';
import type { PostRecord } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import { convertOne, type BatchRequest, type BatchResult, type ConvertOutcome, type WorkerSetup } from './worker-protocol.js';
import { AttachmentSlicer, siteWithoutAttachments } from './worker-site.js';

/** A batch waiting for, or being converted by, a worker. */
interface Job {
  records: PostRecord[];
  resolve(outcomes: ConvertOutcome[]): void;
  /** How many workers died while converting it (a record that kills two is given up). */
  crashes: number;
}

interface Live {
  worker: Worker;
  online: boolean;
  jobs: Map<number, Job>;
}

/**
 * A fixed set of conversion workers (worker.ts). `convert()` queues a batch and resolves with one
 * outcome per record; each worker holds at most `maxInFlight` batches, so the queue, not the
 * workers, absorbs bursts and the caller's own limit bounds memory.
 *
 * Memory: each worker's heap is capped (workerLimits): a worker holds its code, the site without
 * attachments and one batch, and with V8's default limits its heap would grow to several times
 * that with garbage before collecting.
 *
 * Failure: an exception in a record is an outcome (`{ error }`), caught in the worker. A worker
 * that dies while converting (a record too big for its heap, a crash in native code) is replaced;
 * its batches are retried one record at a time, and a record that kills a second worker is
 * converted in this thread, which has no such cap. A worker that dies before it ever started
 * (the environment cannot run workers) switches the pool to converting in this thread: the run
 * goes on, slower.
 */
export class WorkerPool {
  private readonly live = new Set<Live>();
  private readonly queue: Job[] = [];
  private nextBatch = 0;
  private respawns: number;
  private broken = false;
  private closed = false;
  private readonly slicer: AttachmentSlicer;
  private readonly workerSite: SiteIndex;
  private readonly limits: ResourceLimits;
  /** Batches converted by workers (the rest, if any, were converted in this thread). */
  batchesInWorkers = 0;

  constructor(
    private readonly site: SiteIndex,
    size: number,
    private readonly maxInFlight = 2,
  ) {
    this.respawns = size * 2;
    this.slicer = new AttachmentSlicer(site);
    this.workerSite = siteWithoutAttachments(site);
    this.limits = workerLimits(this.workerSite);
    for (let i = 0; i < size; i++) this.spawn();
  }

  convert(records: PostRecord[]): Promise<ConvertOutcome[]> {
    return new Promise((resolve) => {
      this.queue.push({ records, resolve, crashes: 0 });
      this.pump();
    });
  }

  /** Stops every worker. Batches not converted yet are dropped: call it once nothing is awaited. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    const workers = [...this.live];
    this.live.clear();
    await Promise.all(workers.map((l) => l.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      if (this.live.size === 0) {
        const job = this.queue.shift()!;
        job.resolve(job.records.map((record) => convertOne(record, this.site)));
        continue;
      }
      let target: Live | undefined;
      for (const l of this.live) if (l.jobs.size < this.maxInFlight && (!target || l.jobs.size < target.jobs.size)) target = l;
      if (target === undefined) return;
      const job = this.queue.shift()!;
      const batch = this.nextBatch++;
      target.jobs.set(batch, job);
      const request: BatchRequest = { batch, records: job.records.map(convertInputOf), attachments: this.slicer.forRecords(job.records) };
      target.worker.postMessage(request);
    }
  }

  private spawn(): void {
    const live: Live = { worker: startWorker({ site: this.workerSite }, this.limits), online: false, jobs: new Map() };
    live.worker.on('online', () => (live.online = true));
    live.worker.on('message', ({ batch, outcomes }: BatchResult) => {
      const job = live.jobs.get(batch);
      live.jobs.delete(batch);
      this.batchesInWorkers++;
      job?.resolve(outcomes);
      this.pump();
    });
    // An uncaught error ends the worker: 'exit' follows, and its batches are retried.
    live.worker.on('error', () => undefined);
    live.worker.on('exit', () => this.lost(live));
    this.live.add(live);
  }

  private lost(live: Live): void {
    if (!this.live.delete(live)) return; // closed on purpose
    if (!live.online) this.broken = true;
    const retry: Job[] = [];
    for (const job of live.jobs.values()) {
      if (!live.online) retry.push(job);
      else if (job.records.length > 1) retry.push(...oneByOne(job));
      else if (job.crashes > 0) job.resolve(job.records.map((record) => convertOne(record, this.site)));
      else retry.push({ ...job, crashes: 1 });
    }
    if (!this.broken && !this.closed && this.respawns > 0) {
      this.respawns--;
      this.spawn();
    }
    this.queue.unshift(...retry);
    this.pump();
  }
}

/** A batch split into one job per record, resolving the batch when all are done. */
function oneByOne(job: Job): Job[] {
  const outcomes: ConvertOutcome[] = new Array(job.records.length);
  let left = job.records.length;
  return job.records.map((record, i) => ({
    records: [record],
    crashes: 1,
    resolve: ([outcome]: ConvertOutcome[]) => {
      outcomes[i] = outcome ?? { error: 'no outcome' };
      if (--left === 0) job.resolve(outcomes);
    },
  }));
}

/**
 * The worker file sits next to this module with the same extension: dist/run/worker.js once
 * built, src/run/worker.ts when run from sources (tsx, vitest). A .ts worker needs tsx's loader,
 * registered inside the worker before its entry is imported (Node 20 workers do not apply the
 * parent's --import hooks to their entry module).
 */
/**
 * Heap caps for a worker: room for its code and the site it holds (several times its serialized
 * size), plus a small young generation. Measured on 400 posts: the heap stays under 41 MB
 * instead of 90 MB, at the same speed; smaller caps cost time in garbage collection.
 */
export function workerLimits(site: SiteIndex): ResourceLimits {
  const siteMb = serialize(site).length / 2 ** 20;
  return { maxOldGenerationSizeMb: 64 + Math.ceil(4 * siteMb), maxYoungGenerationSizeMb: 8 };
}

function startWorker(setup: WorkerSetup, resourceLimits: ResourceLimits): Worker {
  const here = import.meta.url;
  const fromSources = here.endsWith('.ts');
  const entry = new URL(`./worker${fromSources ? '.ts' : '.js'}`, here);
  if (!fromSources) return new Worker(entry, { workerData: setup, resourceLimits });
  const loader = tsxApiUrl(here);
  const code = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData: setup, execArgv: [], resourceLimits });
}

function tsxApiUrl(from: string): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Test runners that rewrite import.meta may not offer resolve(): tsx's documented export path.
    const pkg = createRequire(from).resolve('tsx/package.json');
    return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
  }
}
