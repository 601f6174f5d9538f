import { parseArgs } from 'node:util';
import { CONFIG_FILE, ConfigError, loadConfigFile, parseMigrateOptions, resolveSiteOptions, type MigrateOptionsInput, type SiteOptions } from '../config.js';
import type { MigrationOptions } from '../pipeline.js';

export interface CliOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly check: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly help: boolean;
  /** Preset, media, redirects, comments, report: unpress.config.json, then the flags over it. */
  readonly site: SiteOptions;
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

Site generators (see README):
  --preset <name>   plain (default), hugo, jekyll, astro or eleventy: layout and front matter
  --front-matter <yaml|toml>  TOML front matter (hugo, plain)
  --bundles         hugo page bundles: content/posts/<slug>/index.md with its images
  --links <keep|rewrite>  links between posts point to the new pages (default: rewrite, keep for plain)
  --media <keep|copy|download>  keep image and file links (default), copy the files from a
                    mirror of the old site, or download them
  --media-from <folder>  a copy of the old site holding wp-content/uploads (repeatable;
                    default: the input folders)
  --redirects       write redirects.json, a Netlify _redirects file and an nginx map
  --comments        write each post's approved comments as data (comments/<slug>.json)
  --comments-format <json|yaml>
  --comments-private  keep commenters' e-mail addresses and IPs (left out by default)
  --report          write report.html: every record, its warnings, original next to Markdown
  --config <file>   options file (default: ./unpress.config.json when it exists)

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
        preset: { type: 'string' },
        'front-matter': { type: 'string' },
        bundles: { type: 'boolean' },
        links: { type: 'string' },
        media: { type: 'string' },
        'media-from': { type: 'string', multiple: true },
        redirects: { type: 'boolean' },
        comments: { type: 'boolean' },
        'comments-format': { type: 'string' },
        'comments-private': { type: 'boolean' },
        report: { type: 'boolean' },
        config: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a folder name');
  // Flags override the configuration file, option by option.
  const flags = flagOptions(values, positionals);
  try {
    const file = values.help ? {} : loadConfigFile(values.config ?? CONFIG_FILE, values.config !== undefined);
    const merged: MigrateOptionsInput = { ...file, ...flags };
    const inputs = merged.inputs ?? ['samples'];
    const out = merged.out ?? 'output';
    return Object.freeze({
      inputs: Object.freeze([...inputs]),
      out,
      check: values.check ?? false,
      quiet: values.quiet ?? false,
      json: values.json ?? false,
      help: values.help ?? false,
      site: resolveSiteOptions(merged, out, inputs),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The options the flags set (and only those), validated like the configuration file. */
function flagOptions(values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): MigrateOptionsInput {
  const given: Record<string, unknown> = {
    inputs: positionals.length ? positionals : undefined,
    out: values['out'],
    preset: values['preset'],
    frontMatter: values['front-matter'],
    bundles: values['bundles'],
    links: values['links'],
    media: values['media'],
    mediaFrom: values['media-from'],
    redirects: values['redirects'],
    comments: values['comments-format'] ?? values['comments'],
    commentsPrivate: values['comments-private'],
    report: values['report'],
  };
  for (const key of Object.keys(given)) if (given[key] === undefined) delete given[key];
  try {
    return parseMigrateOptions(given, 'options');
  } catch (error) {
    // "options: preset Invalid option..." -> "--preset: ..." for the command line.
    throw new UsageError((error as Error).message.replace(/^options: (\w+)/, (_, key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
  }
}

/** What the pipeline needs from the command line. */
export function toMigrationOptions(options: CliOptions): MigrationOptions {
  return { inputs: options.inputs, out: options.out, check: options.check, site: options.site };
}
