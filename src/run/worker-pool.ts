import { serialize } from 'node:v8';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { convertInputOf } from '../convert/context.js';
import type { PostRecord } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import type { BatchRequest, BatchResult, ConvertOutcome, WorkerMessage } from './worker-protocol.js';
import { startModuleWorker } from './start-worker.js';
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
 *
 * Start-up: a worker spends a few hundred milliseconds loading the converter before it can take
 * a batch. With `siteComplete: false`, workers start at once, while the sources stage is still
 * indexing the site (the first pass over an export, one thread's work), and are sent the site
 * with the first batch. The heap cap then has to be chosen before the site is known: it assumes
 * a site of up to PROVISIONAL_SITE_MB, and workers are started again with a bigger cap in the
 * rare case the site is bigger.
 */
export class WorkerPool {
  private readonly live = new Set<Live>();
  private readonly queue: Job[] = [];
  private nextBatch = 0;
  private respawns: number;
  private broken = false;
  private closed = false;
  private readonly slicer: AttachmentSlicer;
  /** What workers are sent of the site, once it is complete. */
  private workerSite: SiteIndex | undefined;
  private limits: ResourceLimits;
  /** Workers get the long run's smaller young generation (workerLimits). */
  private readonly longRun: boolean;
  private readonly maxInFlight: number;
  /** Batches converted by workers (the rest, if any, were converted in this thread). */
  batchesInWorkers = 0;

  constructor(
    private readonly site: SiteIndex,
    private readonly size: number,
    options: { maxInFlight?: number; siteComplete?: boolean; longRun?: boolean } = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.respawns = size * 2;
    this.slicer = new AttachmentSlicer(site);
    this.longRun = options.longRun === true;
    if (options.siteComplete === false) this.limits = workerLimits(PROVISIONAL_SITE_MB, this.longRun);
    else {
      this.workerSite = siteWithoutAttachments(site);
      this.limits = workerLimits(this.workerSite, this.longRun);
    }
    for (let i = 0; i < size; i++) this.spawn();
  }

  convert(records: PostRecord[]): Promise<ConvertOutcome[]> {
    this.settle();
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

  /** The site is complete (a batch is coming): workers started early are sent it. */
  private settle(): void {
    if (this.workerSite !== undefined) return;
    const workerSite = siteWithoutAttachments(this.site);
    const limits = workerLimits(workerSite, this.longRun);
    this.workerSite = workerSite;
    if (limits.maxOldGenerationSizeMb! <= this.limits.maxOldGenerationSizeMb!) {
      for (const live of this.live) live.worker.postMessage({ site: workerSite } satisfies WorkerMessage);
      return;
    }
    // A site too big for the provisional cap: workers that know nothing yet are replaced (unless
    // workers cannot start here at all: then batches are converted in this thread).
    this.limits = limits;
    const early = [...this.live];
    this.live.clear();
    for (const live of early) void live.worker.terminate();
    if (this.broken || this.closed) return;
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      if (this.live.size === 0) {
        const job = this.queue.shift()!;
        void convertHere(job.records, this.site).then(job.resolve);
        continue;
      }
      let target: Live | undefined;
      for (const l of this.live) if (l.jobs.size < this.maxInFlight && (!target || l.jobs.size < target.jobs.size)) target = l;
      if (target === undefined) return;
      const job = this.queue.shift()!;
      const batch = this.nextBatch++;
      target.jobs.set(batch, job);
      const request: BatchRequest = { batch, records: job.records.map(convertInputOf), attachments: this.slicer.forRecords(job.records) };
      target.worker.postMessage(request satisfies WorkerMessage);
    }
  }

  private spawn(): void {
    // A worker started before the pool (prestartWorkers) if there is one with these limits.
    const early = this.workerSite === undefined ? takePrestarted(this.limits) : undefined;
    const worker = early?.worker ?? startModuleWorker(import.meta.url, 'worker', { resourceLimits: this.limits });
    worker.ref();
    const live: Live = { worker, online: early?.online ?? false, jobs: new Map() };
    if (this.workerSite !== undefined) live.worker.postMessage({ site: this.workerSite } satisfies WorkerMessage);
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
      else if (job.crashes > 0) void convertHere(job.records, this.site).then(job.resolve);
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

/**
 * Records converted in this thread. The converter is loaded here only then: a run whose workers
 * do all the converting never loads it in the main thread (a third of a second of CPU).
 */
export async function convertHere(records: readonly PostRecord[], site: SiteIndex): Promise<ConvertOutcome[]> {
  const { convertOne } = await import('./worker-protocol.js');
  return records.map((record) => convertOne(record, site));
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
 * Heap caps for a worker: room for its code and the site it holds (several times its serialized
 * size), plus a small young generation (smaller still for a long run). Measured on 400 posts: the
 * heap stays under 41 MB instead of 90 MB, at the same speed; smaller caps cost time in garbage
 * collection.
 */
export function workerLimits(site: SiteIndex | number, longRun = false): ResourceLimits {
  const siteMb = typeof site === 'number' ? site : serialize(site).length / 2 ** 20;
  return { maxOldGenerationSizeMb: 64 + Math.ceil(4 * siteMb), maxYoungGenerationSizeMb: longRun ? LONG_RUN_YOUNG_GENERATION_MB : YOUNG_GENERATION_MB };
}

/** Serialized size of the site (without attachments) that workers started early are capped for. */
const PROVISIONAL_SITE_MB = 4;

/** Workers started before their pool (prestartWorkers), and what they did meanwhile. */
interface Prestarted {
  worker: Worker;
  limits: ResourceLimits;
  online: boolean;
  exited: boolean;
}
const prestarted: Prestarted[] = [];

/**
 * Starts `count` conversion workers now, as an early pool (`siteComplete: false`) starts them,
 * for the next such pool to take. The CLI's run thread calls it before it loads the pipeline (a
 * few tenths of a second on one core), so that the workers load the converter meanwhile on the
 * other cores instead of during the first pass. Workers not taken do not keep the process alive,
 * and discardPrestarted() stops them.
 */
export function prestartWorkers(count: number, options: { longRun?: boolean; started?: (worker: Worker) => void } = {}): void {
  const limits = workerLimits(PROVISIONAL_SITE_MB, options.longRun === true);
  for (let i = 0; i < count; i++) {
    let worker: Worker;
    try {
      worker = startModuleWorker(import.meta.url, 'worker', { resourceLimits: limits });
    } catch {
      return; // no worker threads here: the pool will find out and convert in its own thread
    }
    const entry: Prestarted = { worker, limits, online: false, exited: false };
    worker.once('online', () => (entry.online = true));
    worker.once('exit', () => (entry.exited = true));
    worker.on('error', () => undefined);
    worker.unref();
    prestarted.push(entry);
    options.started?.(worker);
  }
}

/** Stops the prestarted workers no pool took. */
export function discardPrestarted(): void {
  for (const entry of prestarted.splice(0)) void entry.worker.terminate();
}

/** A prestarted worker with these limits (the others stay for discardPrestarted()). */
function takePrestarted(limits: ResourceLimits): Prestarted | undefined {
  for (;;) {
    const index = prestarted.findIndex((entry) => sameLimits(entry.limits, limits));
    if (index === -1) return undefined;
    const [entry] = prestarted.splice(index, 1);
    if (!entry!.exited) return entry;
  }
}

function sameLimits(a: ResourceLimits, b: ResourceLimits): boolean {
  return a.maxOldGenerationSizeMb === b.maxOldGenerationSizeMb && a.maxYoungGenerationSizeMb === b.maxYoungGenerationSizeMb;
}

/**
 * A worker's young generation. Converting a post allocates a few MB that die young (DOM trees,
 * strings); at 8 MB, scavenges came every few posts and copied the live trees each time: 16 MB
 * halves them and cuts the workers' CPU by about a tenth (10,000 posts: 11.2 -> 9.5 CPU-s a
 * worker), for about 8 MB more in all. V8 rounds the size: 24 MB gave the same scavenges.
 */
const YOUNG_GENERATION_MB = 16;

/**
 * A long run's (LONG_RUN_BYTES) young generation. The young generation also sets how far a
 * worker's old generation grows before V8 collects it (what is live + 8 MB + the young
 * generation's size): a worker fills it with what its scavenges promote, about 0.35 MB a second,
 * and reaches that ceiling only after half a minute or so of converting. A shorter run ends below
 * it, and a long one reaches it: with 16 MB, 50,000 posts peaked 18 MB above 10,000. 8 MB lowers
 * the ceiling (and the collections come sooner, every few seconds), for about 6 % more of a
 * worker's CPU time: 50,000 posts 209 -> 191 MB, level with 10,000 posts (184-191 MB).
 */
const LONG_RUN_YOUNG_GENERATION_MB = 8;
