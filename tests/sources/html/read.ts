import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PostRecord } from '../../../src/model/post.js';
import { readHtmlSources, type HtmlSourceResult } from '../../../src/sources/html/index.js';

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Reads pages (paths relative to the fixtures folder unless absolute) in the order given. */
export async function readPages(...paths: string[]): Promise<HtmlSourceResult> {
  return readHtmlSources(paths.map((path) => ({ kind: 'html' as const, path: path.startsWith('/') ? path : join(fixtures, path) })));
}

/** The record of a post id; fails the test when there is not exactly one. */
export function recordOf(result: HtmlSourceResult, id: number): PostRecord {
  const found = result.records.filter((r) => r.wordpressId === id);
  if (found.length !== 1) throw new Error(`expected one record for post ${id}, found ${found.length}`);
  return found[0]!;
}

export function warningsOf(result: HtmlSourceResult, id: number): string[] {
  const at = result.records.findIndex((r) => r.wordpressId === id);
  return (result.recordWarnings[at] ?? []).map((w) => w.code);
}
