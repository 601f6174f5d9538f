import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { defaultWorkerCount, workersFor } from '../run/convert-records.js';
import { prestartWorkers } from '../run/worker-pool.js';
import type { CliThreadData, CliThreadMessage } from './main.js';
import type { ProgressStream } from './progress.js';

/**
 * The CLI's run, in the worker thread main.ts starts (see runInThread there): what it prints,
 * its progress bar and its exit code go to the main thread as messages.
 */
const port = parentPort;
if (port === null) throw new Error('thread.ts runs as a worker thread only');
const { argv, columns } = workerData as CliThreadData;
const send = (message: CliThreadMessage): void => port.postMessage(message);
const terminal: ProgressStream | undefined = columns === undefined ? undefined : { columns, write: (text: string) => send({ progress: text }) };
// The terminal was resized: the bar's next line fits the new width.
port.on('message', (message: { columns: number }) => {
  if (terminal) terminal.columns = message.columns;
});
port.unref();
// A large export: the conversion workers start now, loading the converter on the other cores
// while this thread loads the pipeline (the pool takes them; see prestartWorkers).
const { startEarly, longRun } = workersFor(exportBytes(argv));
if (startEarly) prestartWorkers(defaultWorkerCount(), { longRun });
const { main } = await import('./run.js');
send({ exit: await main(argv, (line) => send({ print: line }), terminal) });

/**
 * A guess, before the arguments are parsed, at the size of the exports given: the .xml files
 * named, and those directly in the folders named. The pipeline decides for itself (a wrong guess
 * only starts workers that are then stopped).
 */
function exportBytes(args: readonly string[]): number {
  let total = 0;
  const xmlFile = (path: string): number => {
    const stat = statSync(path);
    return stat.isFile() && path.toLowerCase().endsWith('.xml') ? stat.size : 0;
  };
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    try {
      total += statSync(arg).isDirectory() ? readdirSync(arg).reduce((sum, name) => sum + xmlFile(join(arg, name)), 0) : xmlFile(arg);
    } catch {
      // not a path (an option's value), or unreadable: the pipeline will say
    }
  }
  return total;
}
