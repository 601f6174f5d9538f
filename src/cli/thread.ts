import { parentPort, workerData } from 'node:worker_threads';
import type { CliThreadData, CliThreadMessage } from './main.js';
import { main } from './run.js';
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
send({ exit: await main(argv, (line) => send({ print: line }), terminal) });
