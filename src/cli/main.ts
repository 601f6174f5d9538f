#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
    const result = await runMigration({ ...toMigrationOptions(options), ...(bar ? { progress: bar } : {}) });
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
  main(process.argv.slice(2), console.log, process.stderr.isTTY ? process.stderr : undefined).then((code) => {
    process.exitCode = code;
  });
}
