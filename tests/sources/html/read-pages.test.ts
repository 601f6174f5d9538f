import { describe, expect, it } from 'vitest';
import { postRecordSchema } from '../../../src/model/post.js';
import { readPages, recordOf, warningsOf } from './read.js';

/** A small Twenty Fifteen-style site: tag archive pages 1 and 2, a category archive, one post's page. */
const TEATIME = ['teatime/2020/05/04/green-tea/index.html', 'teatime/category/drinks/index.html', 'teatime/tag/teatime/index.html', 'teatime/tag/teatime/page/2/index.html'];

describe('a site seen through several pages (fixtures/teatime)', async () => {
  const result = await readPages(...TEATIME);

  it('finds each post once, in the order first seen, never the widget posts', () => {
    expect(result.records.map((r) => r.wordpressId)).toEqual([31, 30, 29]);
    expect(result.skipped).toEqual([]);
  });

  it('gives records that satisfy the PostRecord schema', () => {
    for (const record of result.records) expect(postRecordSchema.safeParse(record).success).toBe(true);
  });

  it("keeps the single page's full body over the listings' teaser and excerpt", () => {
    const post = recordOf(result, 31);
    expect(post.truncated).toBeUndefined();
    expect(post.body).toContain('Steep it for two minutes.');
    expect(post.bodyFormat).toBe('rendered');
    expect(post.source.file).toMatch(/green-tea\/index\.html$/);
  });

  it('lists every page the post was seen on, in reading order', () => {
    expect(recordOf(result, 31).sources.map((s) => `${s.file.replace(/^.*fixtures\/teatime\//, '')}#${s.item}`)).toEqual([
      '2020/05/04/green-tea/index.html#1',
      'category/drinks/index.html#1',
      'tag/teatime/index.html#1',
    ]);
  });

  it('reads title, permalink, slug, dates with their offset, author and featured image', () => {
    expect(recordOf(result, 31)).toMatchObject({
      title: 'Green tea',
      originalUrl: 'https://tea.example.org/2020/05/04/green-tea/',
      slug: 'green-tea',
      date: '2020-05-04T08:15:00+02:00',
      modified: '2020-06-01T10:00:00+02:00',
      author: 'Ada',
      featuredImage: 'https://tea.example.org/wp-content/uploads/2020/05/cup.jpg',
      type: 'post',
      status: 'publish',
    });
  });

  it('unites the terms of every page, named by their links', () => {
    const post = recordOf(result, 31);
    expect(post.categories).toEqual(['Drinks']);
    expect(post.tags).toEqual(['green', 'teatime']);
    expect(post.terms).toEqual([
      { taxonomy: 'category', slug: 'drinks', name: 'Drinks' },
      { taxonomy: 'post_tag', slug: 'green', name: 'green' },
      { taxonomy: 'post_tag', slug: 'teatime', name: 'teatime' },
    ]);
  });

  it('adds the archive term to posts whose teaser prints no terms', () => {
    // Post 29 is only on page 2 of the tag archive, whose theme prints no term links.
    expect(recordOf(result, 29).tags).toEqual(['teatime']);
  });

  it('takes a term known only from a post class under its slug', () => {
    expect(recordOf(result, 29).terms).toContainEqual({ taxonomy: 'category', slug: 'drinks', name: 'drinks' });
  });

  it('keeps the shown comment count over the listed comments and a listing number', () => {
    const post = recordOf(result, 31);
    expect(post.commentCount).toBe(3); // "3 thoughts on", 3 listed; the tag page said 2 before the pingback
    expect(post.comments.map((c) => [c.id, c.parent, c.type])).toEqual([
      [7, 0, 'comment'],
      [8, 7, 'comment'],
      [9, 0, 'pingback'],
    ]);
  });

  it('reads comments: author, author link, date with offset, text without chrome', () => {
    const [first, reply, ping] = recordOf(result, 31).comments;
    expect(first).toMatchObject({ author: 'Reader One', authorUrl: 'https://reader.example.net/', date: '2020-05-05T09:00:00+02:00', content: '<p>Which water do you use?</p>' });
    expect(reply).toMatchObject({ author: 'Ada', content: '<p>Filtered, at 80 °C.</p>' });
    expect(ping?.author).toBe('Tea links of the week');
  });

  it('reads "Comments Off" as zero comments, even when the post is on two pages', () => {
    const post = recordOf(result, 30);
    expect(post.commentCount).toBe(0);
    expect(post.sources).toHaveLength(2);
  });

  it('reads the post format from the post classes', () => {
    expect(recordOf(result, 29).format).toBe('aside');
  });

  it("falls back to the permalink's day when a teaser shows no date", () => {
    expect(recordOf(result, 29).date).toBe('2020-03-02T00:00:00');
  });

  it('removes chrome and marks the more split in a single body, keeps captions', () => {
    const body = recordOf(result, 31).body;
    expect(body).not.toContain('sharedaddy');
    expect(body).not.toContain('Share this');
    expect(body).toContain('<!--more-->');
    expect(body).toContain('<figcaption id="caption-attachment-40" class="wp-caption-text">The kettle, at 80 °C.</figcaption>');
  });
});

describe('a teaser seen only on listings', async () => {
  const result = await readPages('teatime/tag/teatime/index.html');

  it('is truncated, without its more-link, and says so in a warning', () => {
    const post = recordOf(result, 31);
    expect(post.truncated).toBe(true);
    expect(post.body).toBe('<p>Green tea wants water below the boil.</p>');
    expect(warningsOf(result, 31)).toContain('html-teaser-only');
  });

  it('takes the count a listing shows', () => {
    expect(recordOf(result, 31).commentCount).toBe(2);
  });
});

describe('an excerpt with a "Continue reading" link (Twenty Ten style)', async () => {
  const result = await readPages('teatime/category/drinks/index.html');

  it('is truncated and loses the link to the post', () => {
    const post = recordOf(result, 31);
    expect(post.truncated).toBe(true);
    expect(post.body).toBe('<p>Green tea wants water below the boil…</p>');
  });

  it("adds the category archive's term", () => {
    expect(recordOf(result, 31).categories).toEqual(['Drinks']);
  });
});

describe('a Wayback Machine capture of a block theme post (fixtures/wayback)', async () => {
  const result = await readPages('wayback/footnotes-and-friends.html');
  const post = recordOf(result, 77);

  it('finds the post of a block theme single view, which has no post element', () => {
    expect(result.records).toHaveLength(1);
    expect(post).toMatchObject({ title: 'Footnotes and friends', author: 'Kim', date: '2022-10-01T14:03:00+00:00' });
  });

  it('strips the Wayback prefix from the permalink, the body and the comments', () => {
    expect(post.originalUrl).toBe('https://blocks.example.com/2022/10/01/footnotes-and-friends/');
    expect(JSON.stringify(post)).not.toContain('web.archive.org');
    expect(JSON.stringify(post)).not.toContain('/web/2023');
    expect(post.body).toContain('src="https://blocks.example.com/wp-content/uploads/2022/10/leaf.jpg"');
    expect(post.body).toContain('https://blocks.example.com/wp-content/uploads/2022/10/leaf-300x200.jpg 300w');
  });

  it('ignores the Wayback toolbar', () => {
    expect(JSON.stringify(post)).not.toMatch(/Wayback Machine|captures/);
  });

  it('reads the terms of core post-terms blocks, by URL even when marked rel="tag"', () => {
    expect(post.categories).toEqual(['Notes']);
    expect(post.tags).toEqual(['autumn']);
  });

  it('keeps the core footnotes list and its fragment links as they are', () => {
    expect(post.body).toContain('<a href="#f1a2" id="f1a2-link">1</a>');
    expect(post.body).toContain('<ol class="wp-block-footnotes"><li id="f1a2">');
  });

  it('reads threaded comments of the comment template block', () => {
    expect(post.commentCount).toBe(2);
    expect(post.comments.map((c) => [c.id, c.parent, c.author])).toEqual([
      [3, 0, 'Reader'],
      [4, 3, 'Kim'],
    ]);
    expect(post.comments[0]?.authorUrl).toBe('https://reader.example.net/');
  });
});

describe('pages that give no post', async () => {
  const result = await readPages('pages/not-wordpress.html', 'pages/search-no-results.html');

  it('skips a page that is not WordPress, with the reason', () => {
    expect(result.skipped[0]?.reason).toMatch(/^not a WordPress page/);
    expect(result.skipped[0]?.source).toEqual({ kind: 'html', file: expect.stringMatching(/not-wordpress\.html$/) });
  });

  it('skips a WordPress page with no post (its widget posts do not count)', () => {
    expect(result.skipped[1]?.reason).toBe('no post on this page (a search results page)');
    expect(result.records).toEqual([]);
  });

  it("skips an attachment's own page, which wget mirrors hold for every image", async () => {
    const attachment = await readPages('pages/attachment.html');
    expect(attachment.records).toEqual([]);
    expect(attachment.skipped[0]?.reason).toMatch(/^an attachment page/);
  });

  it('reports an unreadable file as failed, in one sentence', async () => {
    const missing = await readPages('pages/missing.html');
    expect(missing.failed).toHaveLength(1);
    expect(missing.failed[0]?.error).toMatch(/missing\.html cannot be read/);
  });
});

describe('a password-protected post on a listing (pages/password-protected.html)', async () => {
  const result = await readPages('pages/password-protected.html');
  const post = recordOf(result, 50);

  it('is marked password-protected, without the password form as its body', () => {
    expect(post.passwordProtected).toBe(true);
    expect(post.body).toBe('');
    expect(warningsOf(result, 50)).toContain('html-password-protected');
  });

  it('loses the "Protected: " prefix core adds to its title', () => {
    expect(post.title).toBe('Members only');
  });

  it('still gives its date and terms', () => {
    expect(post).toMatchObject({ date: '2020-07-01T12:00:00+02:00', categories: ['Drinks'] });
  });
});

describe('page 2 of a post split with <!--nextpage-->, on comment page 2 (pages/paged-post.html)', async () => {
  const result = await readPages('pages/paged-post.html');
  const post = recordOf(result, 60);

  it('reads the part on the page, without the page links, and says the post has other pages', () => {
    expect(post.body).toBe('<p>Zweiter Teil des Beitrags.</p>');
    expect(warningsOf(result, 60)).toContain('html-multipage');
  });

  it("takes the permalink of the post, not of its page 2, and Twenty Ten's German date and time", () => {
    expect(post).toMatchObject({ originalUrl: 'http://blog.example.de/2013/07/langer-beitrag/', slug: 'langer-beitrag', date: '2013-07-03T18:30:00' });
  });

  it('keeps the shown count ("5 Antworten") and warns that only some comments are listed', () => {
    expect(post.commentCount).toBe(5);
    expect(post.comments.map((c) => [c.id, c.date])).toEqual([
      [21, '2013-07-04T09:15:00'],
      [22, '2013-07-05T10:00:00'],
    ]);
    expect(warningsOf(result, 60)).toContain('html-comments-partial');
  });
});

describe('determinism', () => {
  it('gives the same records, in the same order, on every read', async () => {
    const pages = ['teatime/tag/teatime/page/2/index.html', 'teatime/tag/teatime/index.html', 'teatime/2020/05/04/green-tea/index.html'];
    const first = await readPages(...pages);
    expect(await readPages(...pages)).toEqual(first);
    expect(first.records.map((r) => r.wordpressId)).toEqual([30, 29, 31]);
  });
});

describe('a block theme home page in Portuguese (pages/block-theme-home.html)', async () => {
  const result = await readPages('pages/block-theme-home.html');

  it('finds the query loop posts, not the latest-posts list of the footer', () => {
    expect(result.records.map((r) => [r.wordpressId, r.title])).toEqual([
      [12, 'Praia em janeiro'],
      [11, 'Serra'],
    ]);
  });

  it('reads an excerpt block as a truncated body without its "Leia mais" link', () => {
    const post = recordOf(result, 12);
    expect(post.truncated).toBe(true);
    expect(post.body).not.toContain('Leia mais');
    expect(post.body).toContain('Areia, sol e um livro.');
  });

  it('reads the post content block of a full post', () => {
    expect(recordOf(result, 11)).toMatchObject({ body: '<p>Frio e neblina.</p>', categories: ['Viagens'] });
    expect(recordOf(result, 11).truncated).toBeUndefined();
  });

  it('reads the date block and the comments count block ("1 comentário")', () => {
    expect(recordOf(result, 12)).toMatchObject({ date: '2024-01-15T10:00:00-03:00', commentCount: 1 });
  });
});
