import type { Warning } from '../model/diagnostics.js';
import type { PostRecord } from '../model/post.js';

interface Entry {
  record: PostRecord;
  warnings: Warning[];
  taken: boolean;
}

/** Normalised permalink for matching: no scheme, no www., no trailing slash, no fragment. */
export function permalinkKey(url: string): string {
  return url
    .trim()
    .replace(/#.*$/, '')
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

function hostOf(url: string | undefined): string | undefined {
  return url ? permalinkKey(url).split('/')[0] : undefined;
}

/**
 * Records read from scraped pages, waiting for the export's records of the same posts (matched by
 * WordPress id, then by permalink). Whatever no export claims is written on its own at the end.
 */
export class ScrapedIndex {
  private readonly entries: Entry[];
  private readonly byId = new Map<number, Entry>();
  private readonly byUrl = new Map<string, Entry>();

  constructor(records: PostRecord[], warnings: Warning[][]) {
    this.entries = records.map((record, i) => ({ record, warnings: warnings[i] ?? [], taken: false }));
    for (const entry of this.entries) {
      if (entry.record.wordpressId !== undefined) this.byId.set(entry.record.wordpressId, entry);
      if (entry.record.originalUrl) this.byUrl.set(permalinkKey(entry.record.originalUrl), entry);
    }
  }

  take(exported: PostRecord): { record: PostRecord; warnings: Warning[] } | undefined {
    if (this.entries.length === 0) return undefined;
    let byId = exported.wordpressId !== undefined ? this.byId.get(exported.wordpressId) : undefined;
    // Ids are only unique within one site: an id match needs the same host when both are known.
    if (byId && hostOf(byId.record.originalUrl) && hostOf(exported.originalUrl) && hostOf(byId.record.originalUrl) !== hostOf(exported.originalUrl)) byId = undefined;
    const entry = byId ?? (exported.originalUrl ? this.byUrl.get(permalinkKey(exported.originalUrl)) : undefined);
    if (!entry || entry.taken) return undefined;
    entry.taken = true;
    return entry;
  }

  remaining(): Array<{ record: PostRecord; warnings: Warning[] }> {
    return this.entries.filter((e) => !e.taken);
  }
}
