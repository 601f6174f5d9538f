import type { FailedEntry, SkippedEntry } from './model/diagnostics.js';
import { emptySiteIndex } from './model/site.js';
import { expandInputs } from './inputs.js';
import { renderMarkdownFile, toFrontMatter } from './output/front-matter.js';
import { renderJson, summarize, toManifestRecord, type Manifest, type ManifestRecord } from './output/manifest.js';
import { TermCounter } from './output/taxonomies.js';
import { PathPlanner } from './output/target-path.js';
import { OutputWriter } from './output/write.js';
import { convertRecords } from './run/convert-records.js';
import { readSources } from './run/read-sources.js';

export interface MigrationOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  /** Compare with what is in `out` instead of writing. */
  readonly check: boolean;
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
  const planner = new PathPlanner();
  planner.reserve(MANIFEST_FILE);
  planner.reserve(TAXONOMIES_FILE);
  const writer = new OutputWriter(options.out, options.check);
  // Files unpress did not write are never overwritten: posts that want their names get others.
  for (const path of await writer.open({ manifest: MANIFEST_FILE, own: [MANIFEST_FILE, TAXONOMIES_FILE] })) planner.reserve(path);
  const terms = new TermCounter();

  for await (const event of convertRecords(readSources(files, problems, site), site)) {
    if (event.kind === 'skipped') skipped.push(event.entry);
    else if (event.kind === 'failed') failed.push(event.entry);
    else if (event.kind === 'file-warning') warnings.push({ file: event.file, ...event.warning });
    else {
      const { record, markdown, warnings: recordWarnings } = event.converted;
      const path = planner.plan(record);
      await writer.write(path, renderMarkdownFile(toFrontMatter(record), markdown));
      terms.add(record.terms);
      records.push(toManifestRecord(record, path, recordWarnings));
    }
  }

  await writer.flush();
  for (const failure of writer.failures) {
    const index = records.findIndex((r) => r.path === failure.path);
    const [record] = index >= 0 ? records.splice(index, 1) : [];
    const id = record?.wordpress_id;
    failed.push({ source: record?.source ?? { kind: 'wxr', file: failure.path }, ...(id ? { wordpressId: id } : {}), error: `could not write ${failure.path}: ${failure.error}` });
  }
  const body = { records, skipped, failed, warnings };
  const manifest: Manifest = { summary: summarize(body), ...body };
  await writer.write(TAXONOMIES_FILE, renderJson(terms.render(site)));
  await writer.write(MANIFEST_FILE, renderJson(manifest));
  await writer.flush();
  const lost = writer.failures.find((f) => f.path === MANIFEST_FILE || f.path === TAXONOMIES_FILE);
  if (lost) throw new Error(`could not write ${lost.path}: ${lost.error}`);
  await writer.close();
  return { manifest, differences: [...writer.differences].sort() };
}
