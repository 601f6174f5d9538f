import { availableParallelism } from 'node:os';
import type { SiteIndex } from '../model/site.js';
import type { ConvertedRecord, SourceEvent } from './events.js';
import { convertHere, discardPrestarted, WorkerPool } from './worker-pool.js';
import type { ConvertOutcome } from './worker-protocol.js';

export type ConvertEvent = Exclude<SourceEvent, { kind: 'record' }> | { kind: 'converted'; converted: ConvertedRecord };
type RecordEvent = Extract<SourceEvent, { kind: 'record' }>;

export interface ConvertOptions {
  /** Worker threads; default: one per core. 0 converts everything in this thread. */
  readonly workers?: number;
  /**
   * The first records are converted in this thread; workers start only when there are more
   * (samples and most tests are tiny: starting workers would cost more than it saves).
   */
  readonly inThreadRecords?: number;
  /** Records sent to a worker in one message. */
  readonly batchSize?: number;
  /**
   * A large run: workers start at once, loading the converter while the sources stage indexes
   * the site, and convert every record (none in this thread, which then never loads the converter).
   */
  readonly startEarly?: boolean;
  /** A run long enough (LONG_RUN_BYTES) for workers to be given heaps that stop growing sooner (workerLimits). */
  readonly longRun?: boolean;
}

const DEFAULTS = { inThreadRecords: 50, batchSize: 8 };

/**
 * The convert stage: records get their Markdown body; other events pass through, in input order.
 *
 * Conversion is pure (record + site -> Markdown + warnings), so it runs on a pool of worker
 * threads, one per core, once a run has more than a few records. Results come back in input
 * order whatever the scheduling, so everything downstream (path planning, manifest) is
 * deterministic. Back-pressure: at most `workers × batchSize × 4` records are read ahead of what
 * the consumer has taken, and the source is not pulled beyond that, so memory does not grow with
 * the size of the export. A record whose conversion throws becomes a `failed` event.
 */
export async function* convertRecords(events: AsyncIterable<SourceEvent>, site: SiteIndex, options: ConvertOptions = {}): AsyncGenerator<ConvertEvent> {
  const workers = options.workers ?? defaultWorkerCount();
  const early = options.startEarly === true && workers > 0;
  const inThread = early ? 0 : (options.inThreadRecords ?? DEFAULTS.inThreadRecords);
  const source = events[Symbol.asyncIterator]();
  let seen = 0;
  // Started now, or when the next record arrives: the site is complete by then (the sources
  // stage indexes every export before its first record), and is sent to workers with the first batch.
  let pool: WorkerPool | undefined;
  try {
    const longRun = options.longRun === true;
    if (early) pool = new WorkerPool(site, workers, { siteComplete: false, longRun });
    // Workers prestarted for a run that turned out small, or more than the pool wanted.
    discardPrestarted();
    while (workers <= 0 || seen < inThread) {
      const next = await source.next();
      if (next.done) return;
      const event = next.value;
      if (event.kind !== 'record') yield event;
      else {
        seen++;
        const [outcome] = await convertHere([event.record], site);
        yield toConvertEvent(event, outcome!);
      }
    }
    yield* pooled(source, () => (pool ??= new WorkerPool(site, workers, { longRun })), workers, options.batchSize ?? DEFAULTS.batchSize);
  } finally {
    discardPrestarted();
    await pool?.close();
    await source.return?.();
  }
}

/** A place in the output order: an event already final, or a record being converted. */
interface Slot {
  out?: ConvertEvent;
  record?: RecordEvent;
}

async function* pooled(source: AsyncIterator<SourceEvent>, pool: () => WorkerPool, workers: number, batchSize: number): AsyncGenerator<ConvertEvent> {
  const maxRecords = workers * batchSize * 4;
  const maxSlots = maxRecords * 8; // events that pass through (skipped attachments...) wait in order too
  const queue: Slot[] = [];
  let head = 0; // queue[head] is the next to yield; the array is compacted as it drains
  let batch: Slot[] = [];
  let pendingRecords = 0;
  let done = false;
  let wake: (() => void) | undefined;

  const dispatch = (): void => {
    if (batch.length === 0) return;
    const slots = batch;
    batch = [];
    void pool().convert(slots.map((s) => s.record!.record)).then((outcomes) => {
      slots.forEach((slot, i) => (slot.out = toConvertEvent(slot.record!, outcomes[i] ?? { error: 'no outcome' })));
      wake?.();
    });
  };

  for (;;) {
    while (!done && pendingRecords < maxRecords && queue.length - head < maxSlots) {
      const next = await source.next();
      if (next.done) {
        done = true;
        break;
      }
      const event = next.value;
      if (event.kind !== 'record') {
        if (queue.length === head) yield event;
        else queue.push({ out: event });
        continue;
      }
      const slot: Slot = { record: event };
      queue.push(slot);
      batch.push(slot);
      pendingRecords++;
      if (batch.length >= batchSize) dispatch();
    }
    if (queue.length === head) {
      if (done) return;
      continue;
    }
    const first = queue[head]!;
    // The next record to yield may sit in a batch not sent yet (the source is slow or ended).
    if (first.out === undefined && batch.includes(first)) dispatch();
    if (done) dispatch();
    while (first.out === undefined) await new Promise<void>((resolve) => (wake = resolve));
    while (head < queue.length && queue[head]!.out !== undefined) {
      const slot = queue[head]!;
      queue[head++] = {};
      if (slot.record) pendingRecords--;
      yield slot.out!;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  }
}

/** Conversion threads when the caller does not say: one per core, or UNPRESS_WORKERS. */
export function defaultWorkerCount(): number {
  return workersFromEnvironment() ?? availableParallelism();
}

/**
 * Exports of this size (all files) have posts enough for conversion workers to be started at
 * once, while the first pass indexes the site; smaller runs start them only past a few records.
 */
export const EARLY_WORKERS_BYTES = 4 * 2 ** 20;

/**
 * Exports of this size (all files) make a long run: some 20,000 posts, the better part of a
 * minute of converting on two cores, long enough for the workers' heaps to reach the ceiling V8
 * sets them. Their young generation is then halved (see workerLimits), so that peak memory does
 * not depend on the export's size.
 */
export const LONG_RUN_BYTES = 256 * 2 ** 20;

/** How a run whose exports total `bytes` starts its workers (EARLY_WORKERS_BYTES, LONG_RUN_BYTES). */
export function workersFor(bytes: number): { startEarly: boolean; longRun: boolean } {
  return { startEarly: bytes >= EARLY_WORKERS_BYTES, longRun: bytes >= LONG_RUN_BYTES };
}

/** UNPRESS_WORKERS=n overrides the number of worker threads (0: convert in the main thread). */
function workersFromEnvironment(): number | undefined {
  const value = process.env['UNPRESS_WORKERS'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function toConvertEvent(event: RecordEvent, outcome: ConvertOutcome): ConvertEvent {
  const { record } = event;
  if ('error' in outcome) {
    return {
      kind: 'failed',
      entry: {
        source: record.source,
        ...(record.wordpressId !== undefined ? { wordpressId: record.wordpressId } : {}),
        error: `${record.source.file}: post ${record.wordpressId ?? record.title} could not be converted: ${outcome.error}`,
      },
    };
  }
  return { kind: 'converted', converted: { record, markdown: outcome.markdown, warnings: [...event.warnings, ...outcome.warnings] } };
}
