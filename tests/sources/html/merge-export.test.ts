import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../../../src/model/post.js';
import { mergeExportWithPages } from '../../../src/sources/html/index.js';
import { readPages, recordOf } from './read.js';

/** Post 31 of fixtures/teatime as a WXR export has it. */
function exported(overrides: Partial<PostRecord> = {}): PostRecord {
  const source = { kind: 'wxr' as const, file: 'tea.xml', item: 4, line: 120 };
  return {
    source,
    sources: [source],
    wordpressId: 31,
    type: 'post',
    status: 'publish',
    title: 'Green tea',
    slug: 'green-tea',
    date: '2020-05-04T08:15:00+02:00',
    categories: ['Drinks'],
    tags: [],
    terms: [{ taxonomy: 'category', slug: 'drinks', name: 'Drinks' }],
    taxonomies: {},
    commentCount: 0,
    comments: [],
    passwordProtected: false,
    sticky: false,
    originalUrl: 'https://tea.example.org/2020/05/04/green-tea/',
    oldSlugs: [],
    body: 'Green tea wants water below the boil.\n\n<!--more-->\n\nSteep it for two minutes.',
    bodyFormat: 'classic',
    meta: {},
    ...overrides,
  };
}

const comment = { id: 7, parent: 0, type: 'comment', author: 'Reader One', content: 'Which water do you use?' };

describe('mergeExportWithPages', async () => {
  const pages = await readPages('teatime/2020/05/04/green-tea/index.html', 'teatime/tag/teatime/index.html');
  const scraped = recordOf(pages, 31);

  it('keeps the export for content', () => {
    const merged = mergeExportWithPages(exported(), scraped);
    expect(merged.body).toBe(exported().body);
    expect(merged.bodyFormat).toBe('classic');
    expect(merged.title).toBe('Green tea');
    expect(merged.truncated).toBeUndefined();
  });

  it('unites the terms: the tags only the pages show are added, the category is not doubled', () => {
    const merged = mergeExportWithPages(exported(), scraped);
    expect(merged.categories).toEqual(['Drinks']);
    expect(merged.tags).toEqual(['green', 'teatime']);
    expect(merged.terms).toHaveLength(3);
  });

  it('lists the export first, then every page', () => {
    const merged = mergeExportWithPages(exported(), scraped);
    expect(merged.sources.map((s) => s.kind)).toEqual(['wxr', 'html', 'html']);
    expect(merged.source.kind).toBe('wxr');
  });

  it("keeps the export's comment count when the export holds comments", () => {
    const merged = mergeExportWithPages(exported({ commentCount: 1, comments: [comment] }), scraped);
    expect(merged.commentCount).toBe(1);
    expect(merged.comments).toEqual([comment]);
  });

  it('takes the pages\' count and comments when the export holds none (wp export --skip_comments)', () => {
    const merged = mergeExportWithPages(exported(), scraped);
    expect(merged.commentCount).toBe(3);
    expect(merged.comments.map((c) => c.id)).toEqual([7, 8, 9]);
  });

  it('does not take a zero-evidence count over the export ("Leave a comment" says nothing new)', async () => {
    const listing = await readPages('teatime/tag/teatime/page/2/index.html');
    const merged = mergeExportWithPages(exported({ wordpressId: 29 }), recordOf(listing, 29));
    expect(merged.commentCount).toBe(0);
  });

  it('drops the pages\' warnings about content the export supplies', async () => {
    const listing = await readPages('teatime/tag/teatime/index.html');
    const at = listing.records.findIndex((r) => r.wordpressId === 31);
    expect(listing.recordWarnings[at]!.map((w) => w.code)).toContain('html-teaser-only');
    mergeExportWithPages(exported(), listing.records[at]!);
    expect(listing.recordWarnings[at]!.map((w) => w.code)).not.toContain('html-teaser-only');
  });
});
