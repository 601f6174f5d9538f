import type { MigrationResult } from '../pipeline.js';
import type { CliOptions } from './args.js';

/** The only printer: what the user reads after a run. The last line is always the summary. */
export function printReport(result: MigrationResult, options: CliOptions, print: (line: string) => void): void {
  const { manifest, differences } = result;
  const { summary } = manifest;
  if (options.json) {
    print(JSON.stringify({ ...summary, differences: options.check ? differences : undefined }));
    return;
  }
  if (!options.quiet) {
    for (const failure of manifest.failed) print(`failed: ${failure.error}`);
    for (const warning of manifest.warnings) print(`warning: ${warning.file}: ${warning.message}`);
    for (const [code, count] of [...result.warningCodes].sort()) print(`warnings: ${count} × ${code} (see manifest.json)`);
    if (manifest.media) print(`media: ${manifest.media.files} file(s) in place, ${manifest.media.missing.length} missing (see manifest.json media.missing)`);
    if (options.check) {
      for (const path of differences) print(`differs: ${path}`);
      print(differences.length ? `${differences.length} file(s) differ from ${options.out}/` : `${options.out}/ is up to date`);
    } else print(`output written to ${options.out}/`);
  }
  print(`${summary.written} written, ${summary.skipped} skipped, ${summary.failed} failed, ${summary.warnings} warnings`);
}

export function exitCodeOf(result: MigrationResult, options: CliOptions): number {
  if (result.manifest.summary.failed > 0) return 1;
  if (options.check && result.differences.length > 0) return 1;
  return 0;
}
