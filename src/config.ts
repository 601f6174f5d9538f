import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DOWNLOAD, type DownloadOptions } from './output/media/download.js';
import type { MediaMode } from './output/media/library.js';
import { PRESET_NAMES, type FrontMatterFormat, type PresetName } from './output/presets/index.js';
import type { CommentsFormat } from './output/comments.js';

/** The configuration file read from the working folder when there is one (`--config` names another). */
export const CONFIG_FILE = 'unpress.config.json';

const downloadSchema = z
  .object({
    concurrency: z.int().min(1).max(32),
    delayMs: z.int().min(0).max(60_000),
    timeoutMs: z.int().min(100).max(600_000),
    retries: z.int().min(0).max(10),
    retryDelayMs: z.int().min(0).max(60_000),
    cacheDir: z.string().min(1),
  })
  .partial()
  .strict();

/**
 * Every option of a migration, as `unpress.config.json` and `migrate()` take them; all optional
 * (defaults below). Command-line flags override the file.
 */
export const migrateOptionsSchema = z
  .object({
    inputs: z.array(z.string().min(1)).min(1),
    out: z.string().trim().min(1),
    preset: z.enum(PRESET_NAMES),
    frontMatter: z.enum(['yaml', 'toml']),
    bundles: z.boolean(),
    links: z.enum(['keep', 'rewrite']),
    media: z.enum(['keep', 'copy', 'download']),
    mediaFrom: z.array(z.string().min(1)),
    download: downloadSchema,
    redirects: z.boolean(),
    comments: z.union([z.boolean(), z.enum(['json', 'yaml'])]),
    commentsPrivate: z.boolean(),
    report: z.boolean(),
  })
  .partial()
  .strict();
export type MigrateOptionsInput = z.infer<typeof migrateOptionsSchema>;

/** What the output stage needs to know, with every default applied. Frozen. */
export interface SiteOptions {
  readonly preset: PresetName;
  readonly frontMatter: FrontMatterFormat;
  readonly bundles: boolean;
  readonly links: 'keep' | 'rewrite';
  readonly media: MediaMode;
  /** Folders holding a copy of the old site, for `media: copy` (default: the input folders). */
  readonly mediaFrom: readonly string[];
  readonly download: DownloadOptions;
  readonly redirects: boolean;
  /** false, or the format of the comment files. */
  readonly comments: false | CommentsFormat;
  readonly commentsPrivate: boolean;
  readonly report: boolean;
}

export class ConfigError extends Error {}

/**
 * Options -> SiteOptions: defaults, then the combinations that make no sense refused with a
 * sentence. `plain` keeps links as they are unless asked; generators rewrite them.
 */
export function resolveSiteOptions(options: MigrateOptionsInput, out: string, inputs: readonly string[] = []): SiteOptions {
  const preset = options.preset ?? 'plain';
  const frontMatter = options.frontMatter ?? 'yaml';
  if (frontMatter === 'toml' && preset !== 'hugo' && preset !== 'plain') {
    throw new ConfigError(`TOML front matter is for the hugo (or plain) preset; ${preset} reads YAML`);
  }
  if (options.bundles && preset !== 'hugo') throw new ConfigError('page bundles (--bundles) are a hugo preset option');
  const comments = options.comments === true ? 'json' : (options.comments ?? false);
  return Object.freeze({
    preset,
    frontMatter,
    bundles: options.bundles ?? false,
    links: options.links ?? (preset === 'plain' ? 'keep' : 'rewrite'),
    media: options.media ?? 'keep',
    mediaFrom: Object.freeze([...(options.mediaFrom ?? inputs.map((input) => (/\.(?:xml|html?)$/i.test(input) ? dirname(input) : input)))]),
    download: Object.freeze({ ...DEFAULT_DOWNLOAD, cacheDir: join(out, '.unpress-cache', 'media'), ...options.download }),
    redirects: options.redirects ?? false,
    comments,
    commentsPrivate: options.commentsPrivate ?? false,
    report: options.report ?? false,
  });
}

/**
 * Reads and validates a configuration file. Paths in it (inputs, out, mediaFrom, download.cacheDir)
 * are relative to the file's folder; they are returned relative to the working folder.
 * `required` false: a missing file is no configuration.
 */
export function loadConfigFile(path: string, required: boolean): MigrateOptionsInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`${path} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return rebase(parseMigrateOptions(json, path), dirname(path));
}

/** Validates options (a config file's, or `migrate()`'s) and names the first problem in a sentence. */
export function parseMigrateOptions(value: unknown, where: string): MigrateOptionsInput {
  const result = migrateOptionsSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  throw new ConfigError(`${where}: ${field ? `${field} ` : ''}${issue.message}`);
}

function rebase(options: MigrateOptionsInput, folder: string): MigrateOptionsInput {
  const at = (path: string): string => (isAbsolute(path) ? path : relative(process.cwd(), resolve(folder, path)) || '.');
  return {
    ...options,
    ...(options.inputs ? { inputs: options.inputs.map(at) } : {}),
    ...(options.out ? { out: at(options.out) } : {}),
    ...(options.mediaFrom ? { mediaFrom: options.mediaFrom.map(at) } : {}),
    ...(options.download?.cacheDir ? { download: { ...options.download, cacheDir: at(options.download.cacheDir) } } : {}),
  };
}
