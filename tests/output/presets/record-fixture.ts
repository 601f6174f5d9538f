import { postRecordSchema, type PostRecord } from '../../../src/model/post.js';

/** A valid published post (validated by the record schema), with any field replaced. */
export function makeRecord(overrides: Partial<PostRecord> = {}): PostRecord {
  return postRecordSchema.parse({
    source: { kind: 'wxr', file: 'export.xml', item: 1 },
    sources: [{ kind: 'wxr', file: 'export.xml', item: 1 }],
    wordpressId: 1180,
    type: 'post',
    status: 'publish',
    title: 'Time is on my side',
    slug: 'time-is-on-my-side',
    date: '2012-11-20T08:30:00+01:00',
    modified: '2013-01-05T10:00:00+01:00',
    author: 'Benoît Meyronin',
    categories: ['Recherche & marketing'],
    tags: ['Relation de service'],
    terms: [],
    taxonomies: {},
    commentCount: 2,
    comments: [],
    passwordProtected: false,
    sticky: false,
    excerpt: 'Le facteur temps.',
    featuredImage: 'http://blog.example/wp-content/uploads/2012/11/clock.jpg',
    originalUrl: 'http://blog.example/2012/11/20/time-is-on-my-side/',
    oldSlugs: ['time-on-my-side'],
    body: '<p>Texte</p>',
    bodyFormat: 'classic',
    meta: {},
    ...overrides,
  });
}
