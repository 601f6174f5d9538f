import { describe, expect, it } from 'vitest';
import { renderNetlifyRedirects, renderNginxMap } from '../../src/output/redirects-render.js';
import { LinkIndex, rewriteInternalLinks } from '../../src/output/redirects-links.js';
import { aliasPathsOf, oldUrlsOf, RedirectBook, urlKey } from '../../src/output/redirects.js';
import { makeRecord } from './presets/record-fixture.js';

describe('old URLs of a record', () => {
  it('lists the permalink, each old slug (_wp_old_slug) in it, and the ?p= shortlink', () => {
    expect(oldUrlsOf(makeRecord())).toEqual([
      { url: 'http://blog.example/2012/11/20/time-is-on-my-side/', type: 'permalink' },
      { url: 'http://blog.example/2012/11/20/time-on-my-side/', type: 'old-slug' },
      { url: 'http://blog.example/?p=1180', type: 'id' },
    ]);
  });

  it('adds ?page_id= for pages, and writes a non-ASCII old slug percent-encoded like WordPress', () => {
    const page = makeRecord({ type: 'page', slug: 'cafe', oldSlugs: ['café'], originalUrl: 'http://blog.example/cafe/' });
    expect(oldUrlsOf(page).map((u) => u.url)).toEqual([
      'http://blog.example/cafe/',
      'http://blog.example/caf%c3%a9/',
      'http://blog.example/?p=1180',
      'http://blog.example/?page_id=1180',
    ]);
  });

  it('takes a draft\'s ?p= link as its shortlink, not as a permalink', () => {
    const draft = makeRecord({ status: 'draft', originalUrl: 'http://blog.example/?p=2150', wordpressId: 2150 });
    expect(oldUrlsOf(draft)).toEqual([{ url: 'http://blog.example/?p=2150', type: 'id' }]);
  });

  it('gives aliases as decoded paths, without the new URL itself', () => {
    const record = makeRecord({ originalUrl: 'http://blog.example/2016/09/18/%e6%97%a5%e6%9c%ac/', slug: '日本', oldSlugs: [] });
    expect(aliasPathsOf(record, '/posts/日本/')).toEqual(['/2016/09/18/日本/']);
    expect(aliasPathsOf(record, '/2016/09/18/日本/')).toEqual([]);
  });
});

describe('redirect files', () => {
  const book = new RedirectBook();
  book.add('http://blog.example/2012/11/20/time-is-on-my-side/', '/posts/time-is-on-my-side/', 'permalink', 1180);
  book.add('https://www.blog.example/2012/11/20/time-is-on-my-side', '/posts/other/', 'permalink', 9);
  book.add('http://blog.example/?p=1180', '/posts/time-is-on-my-side/', 'id', 1180);
  book.add('http://blog.example/2016/09/18/%e6%97%a5%e6%9c%ac/', '/posts/日本/', 'permalink', 1890);
  book.add('http://blog.example/kept/', '/kept/', 'permalink', 7);

  it('keeps the first claim on an old URL (scheme, www. and trailing slash do not matter)', () => {
    expect(book.redirects.map((r) => r.wordpress_id)).toEqual([1180, 1180, 1890, 7]);
    expect(urlKey('https://WWW.Blog.example/2012/11/20/Time-Is-On-My-Side/#c')).toBe(urlKey('http://blog.example/2012/11/20/time-is-on-my-side'));
  });

  it('Netlify: one rule per old path, encoded targets, shortlinks in two hops, no redirect to itself', () => {
    const text = renderNetlifyRedirects(book.redirects);
    expect(text).toContain('/2012/11/20/time-is-on-my-side/  /posts/time-is-on-my-side/  301\n');
    expect(text).toContain('/2016/09/18/%E6%97%A5%E6%9C%AC/  /posts/%E6%97%A5%E6%9C%AC/  301\n');
    expect(text).toContain('/  p=:id  /wp-id/:id  301\n/  page_id=:id  /wp-id/:id  301\n');
    expect(text).toContain('/wp-id/1180  /posts/time-is-on-my-side/  301\n');
    expect(text).not.toContain('/kept/  /kept/');
  });

  it('nginx: a map of decoded paths (with and without the slash) and one of shortlinks', () => {
    const text = renderNginxMap(book.redirects);
    expect(text).toContain('map $uri $unpress_redirect {\n    "/2012/11/20/time-is-on-my-side/" "/posts/time-is-on-my-side/";\n    "/2012/11/20/time-is-on-my-side" "/posts/time-is-on-my-side/";\n');
    expect(text).toContain('    "/2016/09/18/日本/" "/posts/%E6%97%A5%E6%9C%AC/";\n');
    expect(text).toContain('map $args $unpress_shortlink {\n    "p=1180" "/posts/time-is-on-my-side/";\n}\n');
    expect(text).not.toContain('"/kept/"');
  });
});

describe('links between posts', () => {
  const index = new LinkIndex();
  index.add('http://blog.example/2012/11/20/time-is-on-my-side/', { path: 'posts/time-is-on-my-side.md', url: '/posts/time-is-on-my-side/' });
  index.add('http://blog.example/?p=1180', { path: 'posts/time-is-on-my-side.md', url: '/posts/time-is-on-my-side/' });
  index.add('http://blog.example/a-propos/', { path: 'pages/a-propos.md', url: '/pages/a-propos/' });

  it('point to the new URL, keeping the fragment, whatever form the old link had', () => {
    const md = '[a](https://www.blog.example/2012/11/20/time-is-on-my-side#note) [b](http://blog.example/?p=1180) [c](http://blog.example/2013/ailleurs/)';
    expect(rewriteInternalLinks(md, index, 'content/posts/x.md', 'urls')).toBe('[a](/posts/time-is-on-my-side/#note) [b](/posts/time-is-on-my-side/) [c](http://blog.example/2013/ailleurs/)');
  });

  it('resolve links relative to the old page, and leave fragments of this page alone', () => {
    const md = '[a](/a-propos/) [b](../../../../2012/11/20/time-is-on-my-side/) [note](#_ftn1)';
    expect(rewriteInternalLinks(md, index, 'posts/x.md', 'urls', 'http://blog.example/2013/01/02/x/')).toBe('[a](/pages/a-propos/) [b](/posts/time-is-on-my-side/) [note](#_ftn1)');
  });

  it('point to the other Markdown file, relatively, in plain output', () => {
    expect(rewriteInternalLinks('[p](http://blog.example/a-propos/)', index, 'posts/x.md', 'files')).toBe('[p](../pages/a-propos.md)');
    expect(rewriteInternalLinks('[p](http://blog.example/?p=1180)', index, 'posts/x.md', 'files')).toBe('[p](time-is-on-my-side.md)');
  });
});
