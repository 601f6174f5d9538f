import { convertBody } from './convert/convert-body.js';
import type { FailedEntry, SkippedEntry, Warning } from './model/diagnostics.js';
import { postRecordSchema, type PostRecord } from './model/post.js';
import { emptySiteIndex, type SiteIndex } from './model/site.js';
import { describeSource, type SourceRef } from './model/source-ref.js';
import { expandInputs, type InputFile } from './inputs.js';
import { renderMarkdownFile, toFrontMatter } from './output/front-matter.js';
import { renderJson, summarize, toManifestRecord, type Manifest, type ManifestRecord } from './output/manifest.js';
import { TermCounter } from './output/taxonomies.js';
import { PathPlanner } from './output/target-path.js';
import { OutputWriter } from './output/write.js';
import { indexWxrFile, readWxrItems } from './sources/wxr/read.js';
import { NotAnExportError, type WxrChannel } from './sources/wxr/parse-channel.js';
import { toPostRecord } from './sources/wxr/to-record.js';
import { mergeExportWithPages, readHtmlSources } from './sources/html/index.js';
import { ScrapedIndex } from './sources/scraped-index.js';

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

/** Manifest files unpress owns in the output folder. */
export const MANIFEST_FILE = 'manifest.json';
export const TAXONOMIES_FILE = 'taxonomies.json';

/**
 * read -> validate -> convert -> plan -> write, one item at a time.
 * Pass 1 indexes what items refer to (authors, terms, attachments, reusable blocks) over every
 * export of the site; pass 2 streams the items through the stages. Nothing holds all bodies.
 */
export async function runMigration(options: MigrationOptions): Promise<MigrationResult> {
  const { files, problems } = await expandInputs([...options.inputs], options.out);
  const skipped: SkippedEntry[] = [];
  const failed: FailedEntry[] = problems.map((p) => ({ source: { kind: 'wxr', file: p.path }, error: `${p.path} ${p.error}` }));
  const fileWarnings: Manifest['warnings'] = [];
  const records: ManifestRecord[] = [];
  const site = emptySiteIndex();
  const planner = new PathPlanner();
  planner.reserve(MANIFEST_FILE);
  planner.reserve(TAXONOMIES_FILE);
  const writer = new OutputWriter(options.out, options.check);
  const terms = new TermCounter();

  const wxrFiles = files.filter((f) => f.kind === 'wxr');
  const channels = new Map<InputFile, WxrChannel>();
  for (const file of wxrFiles) {
    try {
      channels.set(file, await indexWxrFile(file.path, site));
    } catch (error) {
      failed.push({ source: { kind: 'wxr', file: file.path }, error: inputError(file, error) });
    }
  }
  // Scraped pages are small and must be merged across pages, so they are read whole, first.
  const html = await readHtmlSources(files.filter((f) => f.kind === 'html'));
  skipped.push(...html.skipped);
  failed.push(...html.failed);
  const scraped = new ScrapedIndex(html.records, html.recordWarnings);

  const emit = async (record: PostRecord, sourceWarnings: Warning[]): Promise<void> => {
    const path = planner.plan(record);
    const { markdown, warnings } = convertBody(record, site);
    await writer.write(path, renderMarkdownFile(toFrontMatter(record), markdown));
    terms.add(record.terms);
    records.push(toManifestRecord(record, path, [...sourceWarnings, ...warnings]));
  };

  for (const [file, channel] of channels) {
    for await (const event of readWxrItems(file.path, channel)) {
      const source: SourceRef = { kind: 'wxr', file: file.path, item: 'index' in event ? event.index : undefined, line: 'line' in event ? event.line : undefined };
      if (event.kind === 'file-warning') {
        fileWarnings.push({ file: file.path, code: event.code, message: event.message });
      } else if (event.kind === 'truncated') {
        failed.push({ source, error: `${file.path} ends in the middle of item ${event.index} (line ${event.line}): the file is truncated; the items before it were converted` });
      } else if (event.kind === 'bad-item') {
        failed.push({ source, ...(event.postId ? { wordpressId: event.postId } : {}), error: `${describeSource(source, event.postId)} ${event.error}` });
      } else {
        const outcome = toPostRecord(event.item, site, source);
        const id = event.item.postId || undefined;
        if (outcome.kind === 'skip') {
          skipped.push({ source, ...(id ? { wordpressId: id } : {}), type: event.item.postType, title: event.item.title, reason: outcome.reason });
          continue;
        }
        const valid = postRecordSchema.safeParse(outcome.record);
        if (!valid.success) {
          const issue = valid.error.issues[0];
          failed.push({ source, ...(id ? { wordpressId: id } : {}), error: `${describeSource(source, id)}: ${issue?.path.join('.')} ${issue?.message}` });
          continue;
        }
        const repairs: Warning[] = event.repairs.map((r) => ({ code: 'xml-repaired', message: `not well-formed XML, read leniently: ${r}` }));
        try {
          const match = scraped.take(valid.data);
          await emit(match ? mergeExportWithPages(valid.data, match.record) : valid.data, match?.warnings ?? []);
          if (repairs.length) records[records.length - 1]!.warnings.unshift(...repairs);
        } catch (error) {
          failed.push({ source, ...(id ? { wordpressId: id } : {}), error: `${describeSource(source, id)}: ${(error as Error).message}` });
        }
      }
    }
  }

  // Posts seen only on scraped pages.
  for (const { record, warnings } of scraped.remaining()) {
    const valid = postRecordSchema.safeParse(record);
    if (!valid.success) {
      const issue = valid.error.issues[0];
      failed.push({ source: record.source, error: `${describeSource(record.source, record.wordpressId)}: ${issue?.path.join('.')} ${issue?.message}` });
      continue;
    }
    try {
      await emit(valid.data, warnings);
    } catch (error) {
      failed.push({ source: record.source, error: `${describeSource(record.source, record.wordpressId)}: ${(error as Error).message}` });
    }
  }

  await writer.flush();
  for (const failure of writer.failures) {
    const index = records.findIndex((r) => r.path === failure.path);
    const [record] = index >= 0 ? records.splice(index, 1) : [];
    failed.push({ source: record?.source ?? { kind: 'wxr', file: failure.path }, error: `could not write ${failure.path}: ${failure.error}` });
  }
  const body = { records, skipped, failed, warnings: fileWarnings };
  const manifest: Manifest = { summary: summarize(body), ...body };
  await writer.write(TAXONOMIES_FILE, renderJson(terms.render(site)));
  await writer.write(MANIFEST_FILE, renderJson(manifest));
  await writer.flush();
  return { manifest, differences: [...writer.differences].sort() };
}

function inputError(file: InputFile, error: unknown): string {
  if (error instanceof NotAnExportError) return `${file.path} ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return `${file.path} is a folder`;
  if (code === 'EACCES') return `${file.path} cannot be read (permission denied)`;
  return `${file.path} cannot be read: ${(error as Error).message}`;
}

