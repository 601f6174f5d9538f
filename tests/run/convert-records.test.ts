import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../bench/generate.js';
import { expandInputs } from '../../src/inputs.js';
import type { PostRecord } from '../../src/model/post.js';
import { emptySiteIndex, type SiteIndex } from '../../src/model/site.js';
import { convertRecords, workersFor, type ConvertEvent, type ConvertOptions } from '../../src/run/convert-records.js';
import type { SourceEvent } from '../../src/run/events.js';
import { readSources } from '../../src/run/read-sources.js';
import type { Worker } from 'node:worker_threads';
import { prestartWorkers, WorkerPool, workerLimits } from '../../src/run/worker-pool.js';
import { convertOne } from '../../src/run/worker-protocol.js';
import { tempDir } from '../helpers/run.js';

/** Every event of a run over `file`, converted with `options`. */
async function convertFile(file: string, options: ConvertOptions): Promise<ConvertEvent[]> {
  const { files, problems } = await expandInputs([file], join(file, '..', 'out'));
  const site = emptySiteIndex();
  const events: ConvertEvent[] = [];
  for await (const event of convertRecords(readSources(files, problems, site), site, options)) events.push(event);
  return events;
}

async function collect(events: SourceEvent[], site: SiteIndex, options: ConvertOptions): Promise<ConvertEvent[]> {
  async function* source(): AsyncGenerator<SourceEvent> {
    yield* events;
  }
  const out: ConvertEvent[] = [];
  for await (const event of convertRecords(source(), site, options)) out.push(event);
  return out;
}

function record(id: number, body: unknown): SourceEvent {
  const rec = {
    source: { kind: 'wxr', file: 'test.xml', item: id },
    sources: [{ kind: 'wxr', file: 'test.xml', item: id }],
    wordpressId: id,
    type: 'post',
    status: 'publish',
    title: `Post ${id}`,
    slug: `post-${id}`,
    categories: [],
    tags: [],
    terms: [],
    taxonomies: {},
    commentCount: 0,
    comments: [],
    passwordProtected: false,
    sticky: false,
    oldSlugs: [],
    body,
    bodyFormat: 'classic',
    meta: {},
  } as unknown as PostRecord;
  return { kind: 'record', record: rec, warnings: [] };
}

describe('convertRecords on a worker pool', () => {
  let file: string;
  let inThread: ConvertEvent[];

  beforeAll(async () => {
    file = join(await tempDir('unpress-pool-'), 'export.xml');
    writeSyntheticExport(file, 200, 7);
    inThread = await convertFile(file, { workers: 0 });
  });

  it('gives the same events, bytes and order as converting in the main thread', async () => {
    const pooled = await convertFile(file, { workers: 2, inThreadRecords: 0, batchSize: 5 });
    expect(inThread.filter((e) => e.kind === 'converted')).toHaveLength(200);
    expect(pooled).toEqual(inThread);
  });

  it('gives the same events when workers start before the site is indexed (startEarly)', async () => {
    const early = await convertFile(file, { workers: 2, startEarly: true, batchSize: 3 });
    expect(early).toEqual(inThread);
  });

  it('sends workers started early the site once complete, and starts them again if it is too big for their first heap cap', async () => {
    const threadIds = (pool: WorkerPool): number[] => [...(pool as unknown as { live: Set<{ worker: { threadId: number } }> }).live].map((l) => l.worker.threadId);
    const block = (ref: number): PostRecord => ({ ...(record(ref, '') as { record: PostRecord }).record, body: `<!-- wp:block {"ref":${ref}} /-->`, bodyFormat: 'blocks' });
    for (const size of ['small', 'big'] as const) {
      const site = emptySiteIndex();
      const pool = new WorkerPool(site, 1, { siteComplete: false });
      const before = threadIds(pool);
      // 5 MB of reusable block: over the cap workers started early assume (4 MB of site).
      const text = size === 'big' ? 'Bloc réutilisé. '.repeat(330_000) : 'Petit bloc';
      site.reusableBlocks.set(9, `<!-- wp:paragraph --><p>${text}</p><!-- /wp:paragraph -->`);
      const outcomes = await pool.convert([block(9)]);
      const after = threadIds(pool);
      await pool.close();
      expect(outcomes).toEqual([convertOne(block(9), site)]);
      expect(pool.batchesInWorkers).toBe(1);
      if (size === 'small') expect(after).toEqual(before);
      else expect(after).not.toEqual(before);
    }
  });

  it('takes workers started before it (prestartWorkers), skipping any that died, and the run discards those left over', async () => {
    const threadIds = (pool: WorkerPool): number[] => [...(pool as unknown as { live: Set<{ worker: { threadId: number } }> }).live].map((l) => l.worker.threadId);
    const workers: Worker[] = [];
    const spy = (worker: Worker): void => void workers.push(worker);
    prestartWorkers(3, { started: spy });
    // One dies before the pool takes it: the pool must not wait for it.
    const exited = new Promise((resolve) => workers[0]!.once('exit', resolve));
    await workers[0]!.terminate();
    await exited;
    const started = workers.map((w) => w.threadId);
    const pool = new WorkerPool(emptySiteIndex(), 2, { siteComplete: false });
    const ids = threadIds(pool);
    expect(ids).toEqual(started.slice(1));
    const rec = record(1, 'Hello <em>world</em>');
    const [outcome] = await pool.convert([rec.kind === 'record' ? rec.record : (undefined as never)]);
    await pool.close();
    expect(outcome).toEqual({ markdown: 'Hello *world*\n', warnings: [] });
    // Left over: stopped when a run's conversion starts (convertRecords), none taken by a later pool.
    prestartWorkers(1, { started: spy });
    const small = await convertFile(file, { workers: 2, batchSize: 5 });
    expect(small).toEqual(inThread);
    const later = new WorkerPool(emptySiteIndex(), 1, { siteComplete: false });
    expect(threadIds(later)).not.toContain(workers.at(-1)!.threadId);
    await later.close();
  });

  it('gives the workers of a long run the smaller young generation, and takes only prestarted workers with the limits it wants', async () => {
    expect(workerLimits(4, true).maxYoungGenerationSizeMb).toBeLessThan(workerLimits(4).maxYoungGenerationSizeMb!);
    expect(workerLimits(4, true).maxOldGenerationSizeMb).toBe(workerLimits(4).maxOldGenerationSizeMb);
    const live = (pool: WorkerPool): Worker[] => [...(pool as unknown as { live: Set<{ worker: Worker }> }).live].map((l) => l.worker);
    const short: Worker[] = [];
    const long: Worker[] = [];
    prestartWorkers(1, { started: (w) => void short.push(w) });
    prestartWorkers(1, { longRun: true, started: (w) => void long.push(w) });
    const pool = new WorkerPool(emptySiteIndex(), 1, { siteComplete: false, longRun: true });
    const [worker] = live(pool);
    expect(worker!.threadId).toBe(long[0]!.threadId);
    expect(worker!.resourceLimits?.maxYoungGenerationSizeMb).toBe(workerLimits(4, true).maxYoungGenerationSizeMb);
    const rec = record(1, 'Hello <em>world</em>');
    expect(await pool.convert([rec.kind === 'record' ? rec.record : (undefined as never)])).toEqual([{ markdown: 'Hello *world*\n', warnings: [] }]);
    await pool.close();
    // The short run's worker was left for the next short run, or for discardPrestarted().
    const next = new WorkerPool(emptySiteIndex(), 1, { siteComplete: false });
    expect(live(next)[0]!.threadId).toBe(short[0]!.threadId);
    expect(live(next)[0]!.resourceLimits?.maxYoungGenerationSizeMb).toBe(workerLimits(4).maxYoungGenerationSizeMb);
    await next.close();
  });

  it('sizes workers by the exports: early from 4 MB, a long run from 256 MB, and the run passes that on to its pool', async () => {
    expect(workersFor(4 * 2 ** 20 - 1)).toEqual({ startEarly: false, longRun: false });
    expect(workersFor(4 * 2 ** 20)).toEqual({ startEarly: true, longRun: false });
    expect(workersFor(256 * 2 ** 20)).toEqual({ startEarly: true, longRun: true });
    // One prestarted worker of each kind: a long run converts on the long-run one only.
    const converted = new Map<Worker, number>();
    const watch = (worker: Worker): void => {
      converted.set(worker, 0);
      worker.on('message', (message: { batch?: number }) => {
        if (message.batch !== undefined) converted.set(worker, converted.get(worker)! + 1);
      });
    };
    prestartWorkers(1, { started: watch });
    prestartWorkers(1, { longRun: true, started: watch });
    const events = await convertFile(file, { workers: 1, batchSize: 5, startEarly: true, longRun: true });
    expect(events).toEqual(inThread);
    expect([...converted.values()]).toEqual([0, expect.any(Number)]);
    expect([...converted.values()][1]).toBeGreaterThan(0);
  });

  it('keeps input order whatever the batch size and number of workers', async () => {
    const pooled = await convertFile(file, { workers: 2, inThreadRecords: 10, batchSize: 1 });
    const items = (events: ConvertEvent[]): number[] =>
      events.flatMap((e) => (e.kind === 'converted' ? [e.converted.record.source.item ?? 0] : e.kind === 'skipped' ? [e.entry.source.item ?? 0] : []));
    expect(items(pooled)).toEqual(items(inThread));
    expect(items(pooled)).toEqual([...items(pooled)].sort((a, b) => a - b));
  });

  it('starts real workers from the TypeScript sources (tsx), as under the test runner', async () => {
    const pool = new WorkerPool(emptySiteIndex(), 1);
    const [event] = [record(1, 'Hello <em>world</em>')];
    const rec = event!.kind === 'record' ? event!.record : undefined;
    const [outcome] = await pool.convert([rec!]);
    await pool.close();
    expect(outcome).toEqual({ markdown: 'Hello *world*\n', warnings: [] });
    expect(pool.batchesInWorkers).toBe(1);
  });

  it('turns a record whose conversion throws in a worker into a failed entry and goes on', async () => {
    const events = [record(1, 'one'), record(2, 42), record(3, 'three')];
    const pooled = await collect(events, emptySiteIndex(), { workers: 1, inThreadRecords: 0 });
    const local = await collect(events, emptySiteIndex(), { workers: 0 });
    expect(pooled.map((e) => e.kind)).toEqual(['converted', 'failed', 'converted']);
    expect(pooled[1]).toMatchObject({ kind: 'failed', entry: { wordpressId: 2, error: expect.stringContaining('test.xml: post 2 could not be converted') } });
    expect(pooled).toEqual(local);
  });

  it('converts every batch when a worker dies mid-run', async () => {
    const events = Array.from({ length: 40 }, (_, i) => record(i + 1, `Paragraph ${i + 1}\n\nand *another*`));
    const site = emptySiteIndex();
    const pool = new WorkerPool(site, 2, { maxInFlight: 2 });
    const records = events.map((e) => (e.kind === 'record' ? e.record : undefined)!);
    const pending = [0, 1, 2, 3, 4, 5, 6, 7].map((b) => pool.convert(records.slice(b * 5, b * 5 + 5)));
    const live = [...(pool as unknown as { live: Set<{ worker: { terminate(): Promise<number> } }> }).live];
    await live[0]!.worker.terminate();
    const outcomes = (await Promise.all(pending)).flat();
    await pool.close();
    expect(outcomes).toEqual(records.map((r) => convertOne(r, site)));
    expect(pool.batchesInWorkers).toBeGreaterThan(0);
  });
});
