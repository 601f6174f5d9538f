import type { SourceRef } from './source-ref.js';

/** A problem worth telling the user about that did not stop the item. */
export interface Warning {
  code: string;
  message: string;
}

/** An input item that was deliberately not written. */
export interface SkippedEntry {
  source: SourceRef;
  wordpressId?: number;
  type?: string;
  title?: string;
  reason: string;
}

/** An input item (or a whole input) that could not be converted. */
export interface FailedEntry {
  source: SourceRef;
  wordpressId?: number;
  error: string;
}
