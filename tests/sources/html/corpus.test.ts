import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../../../src/model/post.js';
import type { HtmlSourceResult } from '../../../src/sources/html/index.js';
import { corpusFile, corpusSkipMessage, hasCorpus } from '../../helpers/corpus.js';
import { readPages, recordOf } from './read.js';

/**
 * Every page of ../shared/corpus/html against INVENTORY.md's "HTML pages" tables: which posts a
 * page shows, their titles, categories, tags and comment counts. English, French, German and
 * Portuguese pages; Twenty Ten/Twelve, Hemingway, Stargazer, block-less custom themes, a wget
 * mirror and a Wayback capture.
 */
interface Row {
  id: number;
  title: string;
  categories: string;
  tags: string;
  comments: string;
}
interface Page {
  path: string;
  rows: Row[];
  renderedComments?: number;
}

function inventoryPages(): Page[] {
  const text = readFileSync(corpusFile('INVENTORY.md'), 'utf8');
  const section = text.slice(text.indexOf('## HTML pages'), text.indexOf('## Hand-checked'));
  return section
    .split(/^### /m)
    .slice(1)
    .map((block) => {
      const path = /^`html\/([^`]+)`/.exec(block)![1]!;
      const rendered = /(\d+) comments rendered/.exec(block) ?? /(\d+) comments \(but/.exec(block);
      const rows = block
        .split('\n')
        .filter((line) => /^\| post-\d+ \|/.test(line))
        .map((line) => {
          const cells = line.slice(2, -2).split(' | ');
          return { id: Number(cells[0]!.slice(5)), title: cells[1]!, categories: cells[2]!, tags: cells[3]!, comments: cells[4]! };
        });
      return { path, rows, ...(rendered ? { renderedComments: Number(rendered[1]) } : {}) };
    });
}

/** Elements INVENTORY counts as posts but that are not the page's posts, with the reason. */
const NOT_THE_PAGES_POSTS: Record<string, { ids: number[]; why: string }> = {
  'trafilatura/legrandcontinent.eu.heran.html': { ids: [62779], why: 'a teaser in the page footer\'s "related" block of a single view' },
};

/**
 * Titles: INVENTORY gives the entry-title element's text, cut at 70 characters ("…"). Twenty
 * Twelve on doublesmom77 carries the WP Subtitle plugin: the element's text is "{title} {subtitle}",
 * and the title is only `span.entry-title-primary`.
 */
const SUBTITLED = new Set(['doublesmom77/2016/index.html', 'doublesmom77/tag/challenges/index.html', 'doublesmom77/2016/09/09/week-review-september-2-september-9/index.html']);

function expectTitle(actual: string, inventory: string, subtitled: boolean): void {
  const cut = inventory.endsWith('…');
  const text = inventory.replace(/…$/, '');
  if (subtitled && text.length > actual.length) expect(`${text}…`.startsWith(`${actual} `), `${actual} / ${inventory}`).toBe(true);
  else if (cut) expect(actual.startsWith(text), `${actual} / ${inventory}`).toBe(true);
  else expect(actual).toBe(text);
}

/**
 * The comment count each "comments link" text of INVENTORY means: numbers as printed, the
 * zero-comment wordings of each language, "Comments Off on {title}".
 */
const ZERO = new Set(['Leave a comment', 'Leave a reply', 'Hinterlasse einen Kommentar', 'Non', '0 Comments', 'Commentaire (0)']);

function expectedCount(link: string, page: Page): number {
  if (ZERO.has(link) || link.startsWith('Comments Off on ')) return 0;
  const m = /^(\d+)(?: (?:Comments?|Kommentare?))?$/.exec(link);
  if (m) return Number(m[1]);
  if (link === '') return page.rows.length === 1 ? (page.renderedComments ?? 0) : 0;
  throw new Error(`no expected count for the comments link text "${link}"`);
}

/** "a, b … (13 total)" or "(classes: x, y)" or "a, b". */
function expectTerms(record: PostRecord, taxonomy: 'category' | 'post_tag', cell: string): void {
  const terms = record.terms.filter((t) => t.taxonomy === taxonomy);
  const classes = /^\(classes: (.*)\)$/.exec(cell);
  if (classes) {
    const slugs = classes[1]!.split(', ').filter((s) => !/^\d+$/.test(s)); // numeric classes are term ids
    expect(terms.map((t) => t.slug).sort()).toEqual(slugs.sort());
    return;
  }
  const total = /^(.*) … \((\d+) total\)$/.exec(cell);
  const names = terms.map((t) => t.name);
  if (total) {
    expect(names).toHaveLength(Number(total[2]));
    expect(names).toEqual(expect.arrayContaining(total[1]!.split(', ')));
    return;
  }
  expect([...names].sort()).toEqual(cell === '' ? [] : cell.split(', ').sort());
}

describe.skipIf(!hasCorpus)('the HTML corpus against INVENTORY.md', async () => {
  if (!hasCorpus) return;
  const pages = inventoryPages();

  it('covers the 14 pages of the corpus', () => {
    expect(pages).toHaveLength(14);
  });

  for (const page of pages) {
    describe(page.path, async () => {
      const result: HtmlSourceResult = await readPages(corpusFile('html', page.path));
      const excluded = NOT_THE_PAGES_POSTS[page.path];
      const rows = page.rows.filter((r) => !excluded?.ids.includes(r.id));

      it(`finds the posts INVENTORY lists${excluded ? ` (not ${excluded.ids.join(', ')}: ${excluded.why})` : ''}`, () => {
        expect(rows.length).toBeGreaterThan(0);
        expect(result.skipped).toEqual([]);
        expect(result.failed).toEqual([]);
        expect(result.records.map((r) => r.wordpressId)).toEqual(rows.map((r) => r.id));
      });

      it('reads every title', () => {
        for (const row of rows) expectTitle(recordOf(result, row.id).title, row.title, SUBTITLED.has(page.path));
      });

      it('reads categories and tags', () => {
        for (const row of rows) {
          if (page.path === 'readability/wordpress/source.html') continue; // see the hand-checked test below
          expectTerms(recordOf(result, row.id), 'category', row.categories);
          expectTerms(recordOf(result, row.id), 'post_tag', row.tags);
        }
      });

      it('reads comment counts', () => {
        for (const row of rows) expect(recordOf(result, row.id).commentCount, `post ${row.id}: "${row.comments}"`).toBe(expectedCount(row.comments, page));
      });

      it('gives every post a permalink and a slug-safe title, and never leaks screen-reader text into titles', () => {
        for (const record of result.records) {
          expect(record.originalUrl).toBeTruthy();
          expect(record.title).not.toMatch(/Comments Off|Leave a comment|screen-reader/);
        }
      });
    });
  }
});

describe.skipIf(!hasCorpus)('hand-checked facts of the HTML corpus', () => {
  it('reads a category linked with rel="tag" as a category (readability: only category-news says so)', async () => {
    const post = recordOf(await readPages(corpusFile('html', 'readability/wordpress/source.html')), 67202);
    expect(post.categories).toEqual(['News']);
    expect(post.tags).toEqual(['jobs', 'stack overflow']);
  });

  it('keeps two categories both named "Birthdays", by slug (doublesmom77 post 987)', async () => {
    const post = recordOf(await readPages(corpusFile('html', 'doublesmom77/tag/challenges/index.html')), 987);
    const birthdays = post.terms.filter((t) => t.name === 'Birthdays').map((t) => t.slug);
    expect(birthdays.sort()).toEqual(['birthdays', 'birthdays-celebrations']);
  });

  it('gives `?cat=N` category links the slug of the post class (abasloppsi)', async () => {
    const post = recordOf(await readPages(corpusFile('html', 'abasloppsi/index.html')), 90);
    // Root-relative links; the site's URL is in core's inline emoji settings only.
    expect(post.originalUrl).toBe('http://abasloppsi.flext.net/?p=90');
    expect(post.terms.filter((t) => t.taxonomy === 'category')).toEqual([{ taxonomy: 'category', slug: 'la-lutte-au-jour-le-jour', name: 'la lutte au jour le jour' }]);
  });

  it.each([
    ['codare-aurelio/2008/05/17/mysql-insert-com-select-na-mesma-query/index.html', 188, 38, 2],
    ['trafilatura/archive.org.muffinrezept.net.grundrezept.html', 239, 51, 2],
    ['readability/wordpress/source.html', 67202, 13, 3],
    ['doublesmom77/2016/09/09/week-review-september-2-september-9/index.html', 239, 10, 0],
  ])('lists the comments of %s with their threads', async (path, id, count, maxDepth) => {
    const post = recordOf(await readPages(corpusFile('html', path)), id);
    expect(post.comments).toHaveLength(count);
    const byId = new Map(post.comments.map((c) => [c.id, c]));
    const depth = (c: { parent: number }): number => (c.parent ? 1 + depth(byId.get(c.parent)!) : 0);
    expect(Math.max(...post.comments.map(depth))).toBe(maxDepth);
    for (const c of post.comments) {
      expect(c.author, `comment ${c.id}`).not.toBe('');
      expect(c.content, `comment ${c.id}`).not.toMatch(/^\s*$|<!--|comment-reply-link|says:/);
      expect(c.date, `comment ${c.id}`).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('strips the Wayback prefix from every URL of a Wayback capture', async () => {
    const post = recordOf(await readPages(corpusFile('html', 'trafilatura/archive.org.muffinrezept.net.grundrezept.html')), 239);
    expect(post.originalUrl).toBe('http://muffinrezept.net/muffin-grundrezept/');
    expect(JSON.stringify(post)).not.toContain('web.archive.org');
  });

  it('writes the links of a wget mirror as root-relative site paths (timlaser)', async () => {
    const result = await readPages(corpusFile('html', 'timlaser/2010/04/index.html'));
    expect(recordOf(result, 128)).toMatchObject({ originalUrl: '/2010/04/22/mise-a-jour-du-site-woueb/', slug: 'mise-a-jour-du-site-woueb', date: '2010-04-22T00:00:00' });
    expect(recordOf(result, 104).body).toContain('src="/wp-content/uploads/2010/04/lut11-225x300.jpg"');
    expect(recordOf(result, 104).body).toContain('<p class="wp-caption-text">Photo 1</p>');
  });

  it.each([
    ['abasloppsi/index.html', 90, '2011-01-24T08:00:00'], // "January 24, 2011", link title "8:00 am"
    ['amap-chaudeau/tag/calendrier/index.html', 1863, '2024-04-05T00:00:00'], // "5 avril 2024"
    ['codare-aurelio/2008/05/17/mysql-insert-com-select-na-mesma-query/index.html', 188, '2008-05-17T09:00:00'], // "17/05/2008", "09:00"
    ['histoire-reunion/category/histoire/esclavage/index.html', 195, '2017-11-09T00:00:00'], // "09/11/2017" on a fr-FR site
    ['trafilatura/echte-demokratie-jetzt.de.blog.html', 5979, '2013-07-23T21:04:00'], // "23. Juli 2013", "21:04"
    ['trafilatura/legrandcontinent.eu.heran.html', 61931, '2020-03-02T20:30:06+01:00'], // <time datetime> in the meta box
    ['doublesmom77/2016/index.html', 552, '2016-12-18T15:07:50-04:00'],
  ])('dates %s post %i', async (path, id, date) => {
    expect(recordOf(await readPages(corpusFile('html', path)), id).date).toBe(date);
  });

  it('marks the teasers and excerpts of listings truncated, not full posts', async () => {
    const result = await readPages(corpusFile('html', 'trafilatura/echte-demokratie-jetzt.de.blog.html'));
    const truncated = result.records.filter((r) => r.truncated).map((r) => r.wordpressId);
    expect(truncated).toEqual([5979, 5210, 5126, 5085, 4951]); // the "Weiterlesen →" rows of INVENTORY
    for (const r of result.records) expect(r.body).not.toContain('Weiterlesen');
  });

  it('reads the page of a classic page post type with a footnote plugin (Zeitphilosophie)', async () => {
    const post = recordOf(await readPages(corpusFile('html', 'trafilatura/alexander-klier.net.zeitphilosophie.html')), 110);
    expect(post.type).toBe('page');
    expect(post.body).toContain('<ol class="footnotes"><li id="footnote_0_110" class="footnote">');
    expect(post.body).not.toContain('shariff');
    expect(post.comments).toEqual([]); // its ul.children lists are a page menu
  });
});

if (!hasCorpus) it.skip(corpusSkipMessage, () => undefined);
