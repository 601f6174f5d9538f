import type { Warning } from '../model/diagnostics.js';
import { postRecordSchema, type PostRecord } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import { describeSource, type SourceRef } from '../model/source-ref.js';
import type { InputFile, InputProblem } from '../inputs.js';
import { mergeExportWithPages, readHtmlSources } from '../sources/html/index.js';
import { ScrapedIndex } from '../sources/scraped-index.js';
import { NotAnExportError, type WxrChannel } from '../sources/wxr/parse-channel.js';
import { indexWxrFile, readWxrItems, type WxrEvent } from '../sources/wxr/read.js';
import { toPostRecord } from '../sources/wxr/to-record.js';
import type { SourceEvent } from './events.js';

/**
 * The sources stage: input files -> SourceEvents, one item at a time.
 * Pass 1 indexes what items refer to (authors, terms, attachments, reusable blocks) over every
 * export of the site, into `site`; scraped pages are read and merged across pages (they are small);
 * pass 2 streams the export items, merging each with its scraped twin, then the posts seen only
 * on scraped pages follow. Every record is validated here, at the boundary.
 */
export async function* readSources(files: readonly InputFile[], problems: readonly InputProblem[], site: SiteIndex): AsyncGenerator<SourceEvent> {
  for (const problem of problems) {
    yield { kind: 'failed', entry: { source: { kind: 'wxr', file: problem.path }, error: `${problem.path} ${problem.error}` } };
  }
  const channels = new Map<InputFile, WxrChannel>();
  for (const file of files.filter((f) => f.kind === 'wxr')) {
    try {
      channels.set(file, await indexWxrFile(file.path, site));
    } catch (error) {
      yield { kind: 'failed', entry: { source: { kind: 'wxr', file: file.path }, error: inputError(file, error) } };
    }
  }
  const html = await readHtmlSources(files.filter((f) => f.kind === 'html'));
  for (const entry of html.skipped) yield { kind: 'skipped', entry };
  for (const entry of html.failed) yield { kind: 'failed', entry };
  const scraped = new ScrapedIndex(html.records, html.recordWarnings);

  for (const [file, channel] of channels) {
    let lastItem = 0;
    try {
      for await (const event of readWxrItems(file.path, channel)) {
        if (event.kind !== 'file-warning') lastItem = event.index ?? lastItem;
        yield wxrEventToSource(event, file, site, scraped);
      }
    } catch (error) {
      // A read error in the middle of a file (disk, permissions, memory): the items so far stand.
      const where = lastItem ? `after item ${lastItem}` : 'before its first item';
      yield { kind: 'failed', entry: { source: { kind: 'wxr', file: file.path }, error: `${inputError(file, error)} (reading stopped ${where})` } };
    }
  }
  for (const { record, warnings } of scraped.remaining()) yield validated(record, warnings);
}

/** One event of the WXR reader -> its fate; an unexpected error fails that item only. */
function wxrEventToSource(event: WxrEvent, file: InputFile, site: SiteIndex, scraped: ScrapedIndex): SourceEvent {
  if (event.kind === 'file-warning') return { kind: 'file-warning', file: file.path, warning: { code: event.code, message: event.message } };
  const source: SourceRef = { kind: 'wxr', file: file.path, ...(event.index !== undefined ? { item: event.index } : {}), line: event.line };
  if (event.kind === 'truncated') return { kind: 'failed', entry: { source, error: `${file.path} ${event.error}` } };
  if (event.kind === 'bad-item') {
    const id = event.postId;
    return { kind: 'failed', entry: { source, ...(id ? { wordpressId: id } : {}), error: `${describeSource(source, id)} ${event.error}` } };
  }
  const id = event.item.postId || undefined;
  try {
    const outcome = toPostRecord(event.item, site, source);
    if (outcome.kind === 'skip') {
      return { kind: 'skipped', entry: { source, ...(id ? { wordpressId: id } : {}), type: event.item.postType, title: event.item.title, reason: outcome.reason } };
    }
    const warnings: Warning[] = event.repairs.map((r) => ({ code: 'xml-repaired', message: `not well-formed XML, read leniently: ${r}` }));
    if (event.invalidChars) {
      warnings.push({ code: 'invalid-encoding', message: `${event.invalidChars} character(s) were bytes not valid in the file's encoding, replaced by U+FFFD` });
    }
    const match = scraped.take(outcome.record);
    const record = match ? mergeExportWithPages(outcome.record, match.record) : outcome.record;
    return validated(record, [...warnings, ...(match?.warnings ?? [])]);
  } catch (error) {
    return { kind: 'failed', entry: { source, ...(id ? { wordpressId: id } : {}), error: `${describeSource(source, id)} could not be read: ${(error as Error).message}` } };
  }
}

function validated(record: PostRecord, warnings: Warning[]): SourceEvent {
  const result = postRecordSchema.safeParse(record);
  if (result.success) return { kind: 'record', record: result.data, warnings };
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'record';
  return {
    kind: 'failed',
    entry: {
      source: record.source,
      ...(record.wordpressId !== undefined ? { wordpressId: record.wordpressId } : {}),
      error: `${describeSource(record.source, record.wordpressId)}: ${field} ${issue?.message ?? 'is invalid'}`,
    },
  };
}

function inputError(file: InputFile, error: unknown): string {
  if (error instanceof NotAnExportError) return `${file.path} ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return `${file.path} is a folder`;
  if (code === 'EACCES') return `${file.path} cannot be read (permission denied)`;
  return `${file.path} cannot be read: ${(error as Error).message}`;
}
