import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveSiteOptions, type SiteOptions } from './config.js';
import type { FailedEntry, SkippedEntry } from './model/diagnostics.js';
import { emptySiteIndex } from './model/site.js';
import { describeSource } from './model/source-ref.js';
import { expandInputs, type InputFile, type InputProblem } from './inputs.js';
import { extraFilesOf, renderJson, summarize, toManifestRecord, type Manifest, type ManifestRecord } from './output/manifest.js';
import { SiteRenderer, type RenderedRecord } from './output/presets/render-site.js';
import { PlannedPaths } from './output/redirects-links.js';
import { TermCounter } from './output/taxonomies.js';
import type { PathPlanner } from './output/target-path.js';
import { OutputWriter } from './output/write.js';
import { convertRecords } from './run/convert-records.js';
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
}

export interface MigrationProgress {
  /** The input files, before anything is read. */
  start(files: readonly InputFile[]): void;
  /** One more input item written, skipped or failed. */
  item(): void;
}

export interface MigrationResult {
  manifest: Manifest;
  /** check mode: files that differ from (or are missing in) the output folder. */
  differences: string[];
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
  const { files, problems } = await expandInputs([...options.inputs], options.out);
  const site = emptySiteIndex();
  const skipped: SkippedEntry[] = [];
  const failed: FailedEntry[] = [];
  const warnings: Manifest['warnings'] = [];
  const records: ManifestRecord[] = [];
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
  const own = [MANIFEST_FILE, TAXONOMIES_FILE, ...(await previousExtraFiles(options.out))];
  for (const path of await writer.open({ manifest: MANIFEST_FILE, own })) planner.reserve(path);
  const terms = new TermCounter();
  // Links between posts are rewritten to where the target is written, which may come later.
  const planned = renderer.links ? await planAhead(files, problems, planner, renderer) : undefined;

  options.progress?.start(files);
  for await (const event of convertRecords(readSources(files, problems, site), site)) {
    if (event.kind !== 'file-warning') options.progress?.item();
    if (event.kind === 'skipped') skipped.push(event.entry);
    else if (event.kind === 'failed') failed.push(event.entry);
    else if (event.kind === 'file-warning') warnings.push({ file: event.file, ...event.warning });
    else {
      const { record, markdown, warnings: recordWarnings } = event.converted;
      const path = planned?.take(record) ?? planner.plan(record);
      const manifestRecord = toManifestRecord(record, path, recordWarnings);
      await renderer.add({ record, markdown, warnings: recordWarnings }, path, manifestRecord);
      terms.add(record.terms);
      records.push(manifestRecord);
    }
  }

  await renderer.drain();
  await writer.flush();
  for (const failure of [...renderer.failures, ...writer.failures]) {
    const index = records.findIndex((r) => r.path === failure.path);
    const [record] = index >= 0 ? records.splice(index, 1) : [];
    const id = record?.wordpress_id;
    const where = record ? `${describeSource(record.source, id)}: ` : '';
    failed.push({ source: record?.source ?? { kind: 'wxr', file: failure.path }, ...(id ? { wordpressId: id } : {}), error: `${where}could not write ${failure.path}: ${failure.error}` });
  }
  const body = { records, skipped, failed, warnings };
  let manifest: Manifest = { summary: summarize(body), ...body };
  manifest = { ...manifest, ...(await renderer.finish(manifest)) };
  await writer.write(TAXONOMIES_FILE, renderJson(terms.render(site)));
  await writer.write(MANIFEST_FILE, renderJson(manifest));
  await writer.flush();
  const always = new Set([MANIFEST_FILE, TAXONOMIES_FILE, ...renderer.fixedFiles()]);
  const lost = writer.failures.find((f) => always.has(f.path));
  if (lost) throw new Error(`could not write ${lost.path}: ${lost.error}`);
  await writer.close();
  return { manifest, differences: [...writer.differences, ...renderer.differences].sort() };
}

/**
 * A first, reading-only pass over the sources: every record's path is planned (in input order, as
 * the writing pass would) so that links to posts later in the export can be rewritten too.
 */
async function planAhead(files: readonly InputFile[], problems: readonly InputProblem[], planner: PathPlanner, renderer: SiteRenderer): Promise<PlannedPaths> {
  const planned = new PlannedPaths();
  const site = emptySiteIndex();
  for await (const event of readSources(files, problems, site)) {
    if (event.kind !== 'record') continue;
    const path = planner.plan(event.record);
    planned.set(event.record, path);
    renderer.noteLinkTarget(event.record, path, site.baseUrl);
  }
  return planned;
}

/** The extra files (comments, redirects, report) the previous run's manifest lists as unpress's. */
async function previousExtraFiles(out: string): Promise<string[]> {
  try {
    return extraFilesOf(await readFile(join(out, MANIFEST_FILE), 'utf8'));
  } catch {
    return [];
  }
}
