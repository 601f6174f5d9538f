import { convertBody } from '../convert/convert-body.js';
import type { SiteIndex } from '../model/site.js';
import type { ConvertedRecord, SourceEvent } from './events.js';

/**
 * The convert stage: records get their Markdown body; other events pass through, in order.
 * Conversion is pure (record + site -> Markdown + warnings), so it can move to worker threads
 * without changing its callers.
 */
export async function* convertRecords(
  events: AsyncIterable<SourceEvent>,
  site: SiteIndex,
): AsyncGenerator<Exclude<SourceEvent, { kind: 'record' }> | { kind: 'converted'; converted: ConvertedRecord }> {
  for await (const event of events) {
    if (event.kind !== 'record') {
      yield event;
      continue;
    }
    try {
      const { markdown, warnings } = convertBody(event.record, site);
      yield { kind: 'converted', converted: { record: event.record, markdown, warnings: [...event.warnings, ...warnings] } };
    } catch (error) {
      const { record } = event;
      yield {
        kind: 'failed',
        entry: {
          source: record.source,
          ...(record.wordpressId !== undefined ? { wordpressId: record.wordpressId } : {}),
          error: `${record.source.file}: post ${record.wordpressId ?? record.title} could not be converted: ${(error as Error).message}`,
        },
      };
    }
  }
}
