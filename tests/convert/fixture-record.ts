import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyFormat, PostRecord } from '../../src/model/post.js';
import { emptySiteIndex, type AttachmentInfo, type SiteIndex } from '../../src/model/site.js';

/** What a fixture folder's optional context.json may say. */
export interface FixtureContext {
  bodyFormat?: BodyFormat;
  wordpressId?: number;
  meta?: Record<string, string>;
  attachments?: Array<Partial<AttachmentInfo> & { id: number; url: string }>;
  reusableBlocks?: Record<string, string>;
  /** Warning codes the conversion must report, in order (none when absent). */
  warnings?: string[];
}

export function readFixtureContext(folder: string): FixtureContext {
  const path = join(folder, 'context.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FixtureContext) : {};
}

/** A record and a site around a body, as the pipeline would hand them to convertBody. */
export function fixtureRecord(body: string, context: FixtureContext = {}): { record: PostRecord; site: SiteIndex } {
  const site = emptySiteIndex();
  for (const a of context.attachments ?? []) {
    site.attachments.set(a.id, { parent: 0, title: '', caption: '', alt: '', menuOrder: 0, ...a });
  }
  for (const [id, content] of Object.entries(context.reusableBlocks ?? {})) site.reusableBlocks.set(Number(id), content);
  const record: PostRecord = {
    source: { kind: 'wxr', file: 'fixture.xml', item: 1 },
    sources: [{ kind: 'wxr', file: 'fixture.xml', item: 1 }],
    wordpressId: context.wordpressId ?? 100,
    type: 'post',
    status: 'publish',
    title: 'Fixture',
    slug: 'fixture',
    categories: [],
    tags: [],
    terms: [],
    taxonomies: {},
    commentCount: 0,
    comments: [],
    passwordProtected: false,
    sticky: false,
    oldSlugs: [],
    body,
    bodyFormat: context.bodyFormat ?? 'classic',
    meta: context.meta ?? {},
  };
  return { record, site };
}
