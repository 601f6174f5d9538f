import { parentPort, workerData } from 'node:worker_threads';
import { convertOne, type BatchRequest, type BatchResult, type WorkerSetup } from './worker-protocol.js';

/**
 * A conversion worker (see convert-records.ts): converts the batches it is sent, one at a time,
 * with the site it was given at start and the attachments that come with each batch. Holds
 * nothing between batches.
 */
const { site } = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('worker.ts runs as a worker thread only');

port.on('message', ({ batch, records, attachments }: BatchRequest) => {
  const batchSite = { ...site, attachments: new Map(attachments.map((a) => [a.id, a])) };
  const result: BatchResult = { batch, outcomes: records.map((record) => convertOne(record, batchSite)) };
  port.postMessage(result);
});
