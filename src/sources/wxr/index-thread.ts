import { writeSync } from 'node:fs';
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { IndexThreadAnswer, IndexThreadData } from './index-helper.js';
import { indexWxrRange, type IndexResult } from './read.js';

/**
 * The first pass over the second half of an export, in a thread of its own (index-helper.ts):
 * findings are written to the temporary file in batches as they come, and where they are is
 * told at the end.
 */
const BATCH = 1024;
const port = parentPort;
if (port === null) throw new Error('index-thread.ts runs as a worker thread only');
const { file, from, encoding, channel, fd } = workerData as IndexThreadData;
const extents: Array<[number, number]> = [];
let position = 0;
let batch: IndexResult[] = [];

const flush = (): void => {
  if (batch.length === 0) return;
  const bytes = serialize(batch);
  batch = [];
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
  extents.push([position, bytes.length]);
  position += bytes.length;
};

let answer: IndexThreadAnswer;
try {
  await indexWxrRange(file, from, encoding, channel, (result) => {
    batch.push(result);
    if (batch.length >= BATCH) flush();
  });
  flush();
  answer = { extents };
} catch (error) {
  answer = { error: error instanceof Error ? error.message : String(error) };
}
port.postMessage(answer);
