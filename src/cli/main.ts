#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runMigration } from '../pipeline.js';
import { HELP, parseCliArgs, toMigrationOptions, UsageError } from './args.js';
import { ProgressBar, type ProgressStream } from './progress.js';
import { exitCodeOf, printReport } from './report.js';

/**
 * argv -> options -> runMigration -> exit code. Never throws: every outcome is an exit code.
 * `terminal`: where to draw a progress bar (a TTY), unless --quiet or --json.
 */
export async function main(argv: string[], print: (line: string) => void = console.log, terminal?: ProgressStream): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      print(`unpress: ${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    print(HELP);
    return 0;
  }
  const bar = terminal && !options.quiet && !options.json ? new ProgressBar(terminal) : undefined;
  try {
    // The lists of records and skipped items are in manifest.json; the report below needs only counts.
    const result = await runMigration({ ...toMigrationOptions(options), keepEntries: false, ...(bar ? { progress: bar } : {}) });
    bar?.finish();
    printReport(result, options, print);
    return exitCodeOf(result, options);
  } catch (error) {
    bar?.finish();
    print(`unpress: the run stopped: ${(error as Error).message}`);
    print('0 written, 0 skipped, 1 failed, 0 warnings');
    return 1;
  }
}

const invokedDirectly = ((): boolean => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // Memory: a run makes much short-lived garbage, and by default V8 lets a heap grow to up to
  // four times what is live before collecting it. 1.2 times keeps peak memory down for about the
  // same CPU time (3,000 posts: 287 -> 246 MB). The factor is read at each collection, so it can
  // be set now; set for the CLI only, not for programs that use unpress as a library.
  setFlagsFromString('--heap-growing-percent=20');
  main(process.argv.slice(2), console.log, process.stderr.isTTY ? process.stderr : undefined).then((code) => {
    process.exitCode = code;
  });
}
