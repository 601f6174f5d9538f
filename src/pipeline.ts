import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveSiteOptions, type SiteOptions } from './config.js';
import type { FailedEntry, SkippedEntry } from './model/diagnostics.js';
import { emptySiteIndex, type SiteIndex } from './model/site.js';
import { describeSource } from './model/source-ref.js';
import { expandInputs, type InputFile, type InputProblem } from './inputs.js';
import { renderJson, toManifestRecord, type Manifest, type ManifestRecord } from './output/manifest.js';
import { jsonObjectChunks, StreamedArray } from './output/manifest-json.js';
import { SpooledList } from './output/manifest-spool.js';
import { readPreviousManifest } from './output/previous-manifest.js';
import { SiteRenderer, type RenderedRecord } from './output/presets/render-site.js';
import { PlannedPaths } from './output/redirects-links.js';
import { TermCounter } from './output/taxonomies.js';
import type { PathPlanner } from './output/target-path.js';
import { OutputWriter } from './output/write.js';
import { convertRecords, workersFor } from './run/convert-records.js';
import { readSources } from './run/read-sources.js';

export interface MigrationOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  /** Compare with what is in `out` instead of writing. */
  readonly check: boolean;
  /** Preset, media, redirects, comments, report (src/config.ts); default: plain Markdown only. */
  readonly site?: SiteOptions;
  /** Called with each record as written (library users). */
  readonly onRecord?: (rendered: RenderedRecord) => void | Promise<void>;
  /** Told the inputs, then each input item handled (the CLI's progress bar). */
  readonly progress?: MigrationProgress;
  /**
   * Whether the result's manifest lists every record and skipped item (default: yes). The CLI
   * says no: on a large export those lists are most of a run's memory, and manifest.json has them.
   */
  readonly keepEntries?: boolean;
}

export interface MigrationProgress {
  /** The input files, before anything is read. */
  start(files: readonly InputFile[]): void;
  /** One more input item written, skipped or failed. */
  item(): void;
}

export interface MigrationResult {
  /** As written to manifest.json; `records` and `skipped` are empty when `keepEntries` was false. */
  manifest: Manifest;
  /** check mode: files that differ from (or are missing in) the output folder. */
  differences: string[];
  /** Warnings of the written records, counted by code. */
  warningCodes: Map<string, number>;
}

/** Files unpress owns in the output folder besides the posts. */
export const MANIFEST_FILE = 'manifest.json';
export const TAXONOMIES_FILE = 'taxonomies.json';

/**
 * read sources -> validate -> convert -> plan path -> write, one item at a time (no stage holds
 * all bodies), then the manifest and taxonomies. Paths are planned in input order, so names of
 * colliding slugs do not depend on scheduling.
 */
export async function runMigration(options: MigrationOptions): Promise<MigrationResult> {
  const failed: FailedEntry[] = [];
  const warnings: Manifest['warnings'] = [];
  // Kept in temporary files while the run goes (an export's worth of entries), read back to write manifest.json.
  const records = new SpooledList<ManifestRecord>('records.jsonl');
  const skipped = new SpooledList<SkippedEntry>('skipped.jsonl');
  const site = emptySiteIndex();
  try {
    return await migrateInto(options, site, { records, skipped, failed, warnings });
  } finally {
    records.dispose();
    skipped.dispose();
    site.attachments.close?.();
  }
}

interface Entries {
  records: SpooledList<ManifestRecord>;
  skipped: SpooledList<SkippedEntry>;
  failed: FailedEntry[];
  warnings: Manifest['warnings'];
}

async function migrateInto(options: MigrationOptions, site: SiteIndex, { records, skipped, failed, warnings }: Entries): Promise<MigrationResult> {
  const { files, problems } = await expandInputs([...options.inputs], options.out);
  const warningCodes = new Map<string, number>();
  const writer = new OutputWriter(options.out, options.check);
  const renderer = new SiteRenderer(options.site ?? resolveSiteOptions({}, options.out), {
    out: options.out,
    check: options.check,
    site,
    write: (path, content) => writer.write(path, content),
    ...(options.onRecord ? { onRecord: options.onRecord } : {}),
  });
  const planner = renderer.planner();
  planner.reserve(MANIFEST_FILE);
  planner.reserve(TAXONOMIES_FILE);
  for (const path of renderer.fixedFiles()) planner.reserve(path);
  // Files unpress did not write are never overwritten: posts that want their names get others.
  // The previous manifest, read once: its extra files are unpress's, its records tell the writer what it owns.
  const previous = await readPreviousManifest(join(options.out, MANIFEST_FILE));
  const own = [MANIFEST_FILE, TAXONOMIES_FILE, ...(typeof previous === 'object' ? previous.files : [])];
  for (const path of await writer.open({ manifest: MANIFEST_FILE, own, previous })) planner.reserve(path);
  const terms = new TermCounter();
  // Entries go to the list in input order once final (a record's media warnings come when its media do).
  const unsettled: Array<{ entry: ManifestRecord; rendered: Promise<void>; final: boolean }> = [];
  const spoolFinished = (): void => {
    let done = 0;
    while (done < unsettled.length && unsettled[done]!.final) {
      const { entry } = unsettled[done++]!;
      records.push(entry);
      for (const warning of entry.warnings) warningCodes.set(warning.code, (warningCodes.get(warning.code) ?? 0) + 1);
    }
    if (done > 0) unsettled.splice(0, done);
  };
  // Links between posts are rewritten to where the target is written, which may come later.
  const planned = renderer.links ? await planAhead(files, problems, planner, renderer) : undefined;

  options.progress?.start(files);
  for await (const event of convertRecords(readSources(files, problems, site), site, workersFor(await wxrBytes(files)))) {
    if (event.kind !== 'file-warning') options.progress?.item();
    if (event.kind === 'skipped') skipped.push(event.entry);
    else if (event.kind === 'failed') failed.push(event.entry);
    else if (event.kind === 'file-warning') warnings.push({ file: event.file, ...event.warning });
    else {
      const { record, markdown, warnings: recordWarnings } = event.converted;
      const path = planned?.take(record) ?? planner.plan(record);
      const manifestRecord = toManifestRecord(record, path, recordWarnings);
      const { rendered } = await renderer.add({ record, markdown, warnings: recordWarnings }, path, manifestRecord);
      terms.add(record.terms);
      const slot = { entry: manifestRecord, rendered, final: false };
      unsettled.push(slot);
      void rendered.then(() => (slot.final = true));
      spoolFinished();
    }
  }

  await renderer.drain();
  // Each slot's own reaction (final = true) runs before this wait ends: it was registered first.
  await Promise.all(unsettled.map((slot) => slot.rendered));
  spoolFinished();
  await writer.flush();
  // Files that could not be written: their records become failures (found in one read of the list).
  const failures = [...renderer.failures, ...writer.failures];
  const unwritten = new Map<string, ManifestRecord>();
  if (failures.length > 0) {
    const paths = new Set(failures.map((f) => f.path));
    for await (const record of records.entries()) if (paths.has(record.path) && !unwritten.has(record.path)) unwritten.set(record.path, record);
  }
  let recordWarnings = 0;
  for (const count of warningCodes.values()) recordWarnings += count;
  const taken = new Set<string>();
  for (const failure of failures) {
    const record = taken.has(failure.path) ? undefined : unwritten.get(failure.path);
    if (record) {
      taken.add(failure.path);
      recordWarnings -= record.warnings.length;
      for (const warning of record.warnings) warningCodes.set(warning.code, (warningCodes.get(warning.code) ?? 0) - 1);
    }
    const id = record?.wordpress_id;
    const where = record ? `${describeSource(record.source, id)}: ` : '';
    failed.push({ source: record?.source ?? { kind: 'wxr', file: failure.path }, ...(id ? { wordpressId: id } : {}), error: `${where}could not write ${failure.path}: ${failure.error}` });
  }
  const kept = records.length - taken.size;
  const written = (record: ManifestRecord): boolean => !taken.has(record.path);
  const summary = { written: kept, skipped: skipped.length, failed: failed.length, warnings: recordWarnings + warnings.length };
  // The report (--report) shows every record: only then is the whole manifest built in memory.
  const wantEntries = options.keepEntries !== false || renderer.needsManifestEntries;
  const listed = wantEntries ? { records: (await collect(records.entries())).filter(written), skipped: await collect(skipped.entries()) } : { records: [], skipped: [] };
  let manifest: Manifest = { summary, records: listed.records, skipped: listed.skipped, failed, warnings };
  manifest = { ...manifest, ...(await renderer.finish(manifest)) };
  await writer.write(TAXONOMIES_FILE, renderJson(terms.render(site)));
  await writer.writeChunks(
    MANIFEST_FILE,
    jsonObjectChunks([
      ['summary', manifest.summary],
      ['records', new StreamedArray(() => filtered(records.entries(), written))],
      ['skipped', new StreamedArray(() => skipped.entries())],
      ['failed', manifest.failed],
      ['warnings', manifest.warnings],
      ['media', manifest.media],
      ['files', manifest.files],
    ]),
  );
  await writer.flush();
  const always = new Set([MANIFEST_FILE, TAXONOMIES_FILE, ...renderer.fixedFiles()]);
  const lost = writer.failures.find((f) => always.has(f.path));
  if (lost) throw new Error(`could not write ${lost.path}: ${lost.error}`);
  await writer.close();
  planner.close();
  for (const [code, count] of warningCodes) if (count <= 0) warningCodes.delete(code);
  return { manifest, differences: [...writer.differences, ...renderer.differences].sort(), warningCodes };
}

async function wxrBytes(files: readonly InputFile[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (file.kind === 'wxr') total += await stat(file.path).then((s) => s.size, () => 0);
  }
  return total;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
}

async function* filtered<T>(items: AsyncIterable<T>, keep: (item: T) => boolean): AsyncGenerator<T> {
  for await (const item of items) if (keep(item)) yield item;
}

/**
 * A first, reading-only pass over the sources: every record's path is planned (in input order, as
 * the writing pass would) so that links to posts later in the export can be rewritten too.
 */
async function planAhead(files: readonly InputFile[], problems: readonly InputProblem[], planner: PathPlanner, renderer: SiteRenderer): Promise<PlannedPaths> {
  const planned = new PlannedPaths();
  const site = emptySiteIndex();
  try {
    for await (const event of readSources(files, problems, site)) {
      if (event.kind !== 'record') continue;
      const path = planner.plan(event.record);
      planned.set(event.record, path);
      renderer.noteLinkTarget(event.record, path, site.baseUrl);
    }
  } finally {
    site.attachments.close?.();
  }
  return planned;
}
