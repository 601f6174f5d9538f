import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly check: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly help: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: unpress [inputs...] [options]

Converts WordPress exports (WXR .xml files) and saved WordPress pages (.html) into Markdown files
with front matter. Inputs are files or folders (searched recursively). Several exports given
together are one site (split exports: site.000.xml, site.001.xml...).

Arguments:
  inputs            files or folders to convert (default: samples/)

Options:
  --out <folder>    where to write (default: output/)
  --check           write nothing; exit 1 if --out differs from what the inputs convert to
  --quiet           print only the summary line
  --json            print the summary as JSON
  -h, --help        show this help

Exit codes: 0 all written or skipped on purpose; 1 an input or item failed, or --check found a
difference; 2 usage error.`;

/** argv -> frozen options; throws UsageError with a sentence for the user. */
export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        check: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a folder name');
  return Object.freeze({
    inputs: Object.freeze(positionals.length ? positionals : ['samples']),
    out: values.out ?? 'output',
    check: values.check ?? false,
    quiet: values.quiet ?? false,
    json: values.json ?? false,
    help: values.help ?? false,
  });
}
