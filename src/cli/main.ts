#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { startModuleWorker } from '../run/start-worker.js';
import { ERASE_LINE, type ProgressStream } from './progress.js';

/**
 * argv -> options -> runMigration -> exit code, in this thread (run.ts, loaded when called: the
 * CLI's main thread itself never loads the pipeline). Never throws: every outcome is an exit code.
 */
export async function main(argv: string[], print: (line: string) => void = console.log, terminal?: ProgressStream): Promise<number> {
  const run = await import('./run.js');
  return run.main(argv, print, terminal);
}

/** What the CLI's worker thread (thread.ts) is given, and what it says back. */
export interface CliThreadData {
  argv: string[];
  /** The terminal's width, when the progress bar can be drawn on one (stderr is a TTY). */
  columns?: number;
}
export type CliThreadMessage = { print: string } | { progress: string } | { exit: number };

/**
 * The run, in a worker thread. V8 sizes a thread's young generation once, as the thread starts
 * (--max-semi-space-size cannot be changed later): the main thread's grows to 32 MB, most of it
 * while modules load, and is then a tenth of a large run's peak memory. A worker's is capped by
 * its resourceLimits: 8 MB there lowers the peak by about 20 MB (10,000 posts: 222 -> 202 MB) for
 * the same CPU time. This thread only prints what the worker says and draws its progress bar.
 * Where no worker can start, the run goes on in this thread.
 */
function runInThread(argv: string[], terminal: NodeJS.WriteStream | undefined): Promise<number> {
  const data: CliThreadData = { argv, ...(terminal ? { columns: terminal.columns } : {}) };
  let worker;
  try {
    worker = startModuleWorker(import.meta.url, 'thread', { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  } catch {
    return main(argv, console.log, terminal);
  }
  const resized = (): void => worker.postMessage({ columns: terminal!.columns });
  terminal?.on('resize', resized);
  return new Promise((resolve) => {
    let code: number | undefined;
    let barShown = false;
    worker.on('message', (message: CliThreadMessage) => {
      if ('print' in message) console.log(message.print);
      else if ('progress' in message) {
        terminal?.write(message.progress);
        barShown = message.progress !== ERASE_LINE;
      } else code = message.exit;
    });
    // The thread died (out of memory...): the bar is erased and the run reported failed.
    worker.on('error', (error) => {
      if (barShown) terminal?.write(ERASE_LINE);
      barShown = false;
      console.log(`unpress: the run stopped: ${error.message}`);
      if (code === undefined) console.log('0 written, 0 skipped, 1 failed, 0 warnings');
      code = Math.max(code ?? 1, 1);
    });
    worker.on('exit', () => {
      terminal?.off('resize', resized);
      resolve(code ?? 1);
    });
  });
}

const invokedDirectly = ((): boolean => {
  try {
    return isMainThread && realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // Memory: a run makes much short-lived garbage, and by default V8 lets a heap grow to up to
  // four times what is live before collecting it. 1.2 times keeps peak memory down for about the
  // same CPU time (3,000 posts: 287 -> 246 MB). The factor is read at each collection, so it can
  // be set now (for every thread); set for the CLI only, not for programs that use unpress as a library.
  setFlagsFromString('--heap-growing-percent=20');
  runInThread(process.argv.slice(2), process.stderr.isTTY ? process.stderr : undefined).then((code) => {
    process.exitCode = code;
  });
}
