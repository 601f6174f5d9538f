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
