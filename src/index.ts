/**
 * unpress as a library: the same pipeline as the command line.
 *
 *   import { migrate } from 'unpress';
 *   const { records, diagnostics } = await migrate({ inputs: ['export.xml'], out: 'site', preset: 'hugo' });
 */
import { ConfigError, parseMigrateOptions, resolveSiteOptions, type MigrateOptionsInput } from './config.js';
import type { FailedEntry, SkippedEntry } from './model/diagnostics.js';
import type { Manifest, ManifestRecord, Summary } from './output/manifest.js';
import type { MediaReport } from './output/media/library.js';
import type { RenderedRecord } from './output/presets/render-site.js';
import { runMigration } from './pipeline.js';

export interface MigrateOptions extends MigrateOptionsInput {
  /** WXR exports, saved pages, or folders of them. */
  inputs: string[];
  /** The output folder. */
  out: string;
  /** Write nothing; `differences` lists the files that differ from what is in `out`. */
  check?: boolean;
  /** Called with each record as it is written: the validated record, its path and its file. */
  onRecord?: (rendered: RenderedRecord) => void | Promise<void>;
}

/** What a migration did; the same facts as `<out>/manifest.json`. */
export interface MigrateResult {
  summary: Summary;
  /** One per file written, in input order. */
  records: ManifestRecord[];
  diagnostics: {
    /** Items deliberately not written (attachments, menus, trash...), with the reason. */
    skipped: SkippedEntry[];
    /** Items or inputs that could not be converted or written. */
    failed: FailedEntry[];
    /** Problems with whole input files (record warnings are on each record). */
    warnings: Manifest['warnings'];
    /** With `media: 'copy' | 'download'`: files placed and files missing. */
    media?: MediaReport;
  };
  /** Check mode: files that differ from the output folder. */
  differences: string[];
}

/**
 * Converts WordPress exports and saved pages into Markdown files (and, as the options ask, media,
 * redirects, comments and a report) in `out`. Options are validated (zod) like
 * `unpress.config.json`; an invalid option throws a ConfigError naming it. A problem with one post
 * never throws: it is in `diagnostics.failed`.
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const { check = false, onRecord, ...rest } = options;
  const parsed = parseMigrateOptions(rest, 'migrate()');
  if (!parsed.inputs?.length) throw new ConfigError('migrate(): inputs must list at least one file or folder');
  if (!parsed.out) throw new ConfigError('migrate(): out must name the output folder');
  const site = resolveSiteOptions(parsed, parsed.out, parsed.inputs);
  const { manifest, differences } = await runMigration({ inputs: parsed.inputs, out: parsed.out, check, site, ...(onRecord ? { onRecord } : {}) });
  return {
    summary: manifest.summary,
    records: manifest.records,
    diagnostics: { skipped: manifest.skipped, failed: manifest.failed, warnings: manifest.warnings, ...(manifest.media ? { media: manifest.media } : {}) },
    differences,
  };
}

export { ConfigError, migrateOptionsSchema, type MigrateOptionsInput, type SiteOptions } from './config.js';
export { PRESET_NAMES, type PresetName } from './output/presets/index.js';
export type { RenderedRecord } from './output/presets/render-site.js';
export type { Comment, PostRecord, TermRef } from './model/post.js';
export type { SourceRef } from './model/source-ref.js';
export type { FailedEntry, SkippedEntry, Warning } from './model/diagnostics.js';
export type { Manifest, ManifestRecord, Summary } from './output/manifest.js';
export type { MediaReport, MissingMedia } from './output/media/library.js';
export type { Redirect } from './output/redirects.js';
export type { CommentData } from './output/comments.js';
