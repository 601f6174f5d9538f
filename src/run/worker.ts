import { parentPort } from 'node:worker_threads';
import type { SiteIndex } from '../model/site.js';
import { convertOne, type BatchResult, type WorkerMessage } from './worker-protocol.js';

/**
 * A conversion worker (see convert-records.ts): converts the batches it is sent, one at a time,
 * with the site it was sent first and the attachments that come with each batch. Holds nothing
 * between batches.
 */
const port = parentPort;
if (port === null) throw new Error('worker.ts runs as a worker thread only');
let site: SiteIndex | undefined;

port.on('message', (message: WorkerMessage) => {
  if ('site' in message) {
    site = message.site;
    return;
  }
  const { batch, records, attachments } = message;
  if (site === undefined) throw new Error('a batch came before the site');
  const batchSite = { ...site, attachments: new Map(attachments.map((a) => [a.id, a])) };
  const result: BatchResult = { batch, outcomes: records.map((record) => convertOne(record, batchSite)) };
  port.postMessage(result);
});
