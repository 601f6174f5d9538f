import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, presetNamed, type RecordFacts } from '../../../src/output/presets/index.js';
import { PathPlanner } from '../../../src/output/target-path.js';
import { makeRecord } from './record-fixture.js';

const facts: RecordFacts = { url: '/posts/time-is-on-my-side/', aliases: ['/2012/11/20/time-is-on-my-side/'] };
const draft = makeRecord({ status: 'draft', originalUrl: 'http://blog.example/?p=1180' });
const page = makeRecord({ type: 'page', slug: 'a-propos', originalUrl: 'http://blog.example/a-propos/' });
const recipe = makeRecord({ type: 'recipe', slug: 'tarte' });
const layout = { bundles: false };

describe('preset layouts', () => {
  it.each([
    ['plain', 'posts/time-is-on-my-side.md', 'posts/time-is-on-my-side.md', 'pages/a-propos.md', 'recipe/tarte.md'],
    ['hugo', 'content/posts/time-is-on-my-side.md', 'content/posts/time-is-on-my-side.md', 'content/pages/a-propos.md', 'content/recipe/tarte.md'],
    ['jekyll', '_posts/2012-11-20-time-is-on-my-side.md', '_drafts/time-is-on-my-side.md', '_pages/a-propos.md', '_recipes/tarte.md'],
    ['astro', 'src/content/blog/time-is-on-my-side.md', 'src/content/blog/time-is-on-my-side.md', 'src/content/pages/a-propos.md', 'src/content/recipe/tarte.md'],
    ['eleventy', 'posts/time-is-on-my-side.md', 'posts/time-is-on-my-side.md', 'pages/a-propos.md', 'recipe/tarte.md'],
  ] as const)('%s puts a post, a draft, a page and a custom type where its generator reads them', (name, post, draftPath, pagePath, recipePath) => {
    const preset = presetNamed(name);
    expect(preset.path(makeRecord(), 'time-is-on-my-side', layout)).toBe(post);
    expect(preset.path(draft, 'time-is-on-my-side', layout)).toBe(draftPath);
    expect(preset.path(page, 'a-propos', layout)).toBe(pagePath);
    expect(preset.path(recipe, 'tarte', layout)).toBe(recipePath);
  });

  it('hugo page bundles are <section>/<slug>/index.md', () => {
    expect(presetNamed('hugo').path(makeRecord(), 'time-is-on-my-side', { bundles: true })).toBe('content/posts/time-is-on-my-side/index.md');
  });

  it('jekyll sends a published post without a date to _drafts/ (Jekyll needs the day in the name)', () => {
    const { date: _date, ...undated } = makeRecord();
    expect(presetNamed('jekyll').path(undated, 'x', layout)).toBe('_drafts/x.md');
  });
});

describe('preset URLs', () => {
  it('hugo and astro derive the URL from the path, lower-cased as they do', () => {
    expect(presetNamed('hugo').url(makeRecord(), 'content/posts/Bonjour-12/index.md')).toBe('/posts/bonjour-12/');
    expect(presetNamed('astro').url(makeRecord(), 'src/content/blog/Bonjour.md')).toBe('/blog/bonjour/');
  });

  it('jekyll and eleventy keep a pretty old permalink (decoded), so old links keep working', () => {
    const record = makeRecord({ originalUrl: 'http://blog.example/2016/09/18/%e6%97%a5%e6%9c%ac/' });
    expect(presetNamed('jekyll').url(record, '_posts/2016-09-18-日本.md')).toBe('/2016/09/18/日本/');
    expect(presetNamed('eleventy').url(record, 'posts/日本.md')).toBe('/2016/09/18/日本/');
  });

  it('jekyll and eleventy fall back to /<collection>/<slug>/ for a ?p= link', () => {
    expect(presetNamed('jekyll').url(draft, '_drafts/time-is-on-my-side.md')).toBe('/posts/time-is-on-my-side/');
    expect(presetNamed('eleventy').url(draft, 'posts/time-is-on-my-side.md')).toBe('/posts/time-is-on-my-side/');
  });

  it('the planner gives a record another name when its URL is taken, even by a different path', () => {
    const hugo = presetNamed('hugo');
    const planner = new PathPlanner((r, stem) => hugo.path(r, stem, layout), hugo.url);
    expect(planner.plan(makeRecord({ slug: 'Bonjour', wordpressId: 1 }))).toBe('content/posts/Bonjour.md');
    // A case-sensitive file system would take `bonjour.md`, but Hugo serves both at /posts/bonjour/.
    expect(planner.plan(makeRecord({ slug: 'bonjour', wordpressId: 2 }))).toBe('content/posts/bonjour-2.md');
  });

  it('the planner ends when a kept permalink cannot be made distinct', () => {
    const jekyll = presetNamed('jekyll');
    const planner = new PathPlanner((r, stem) => jekyll.path(r, stem, layout), jekyll.url);
    expect(planner.plan(makeRecord({ wordpressId: 1 }))).toBe('_posts/2012-11-20-time-is-on-my-side.md');
    expect(planner.plan(makeRecord({ wordpressId: 2 }))).toBe('_posts/2012-11-20-time-is-on-my-side-2.md');
  });
});

describe('preset front matter', () => {
  it.each(PRESET_NAMES)('%s keeps comment_count, wordpress_id and original_url', (name) => {
    const fm = presetNamed(name).frontMatter(makeRecord(), facts);
    expect(fm).toMatchObject({ comment_count: 2, wordpress_id: 1180, original_url: 'http://blog.example/2012/11/20/time-is-on-my-side/' });
  });

  it('hugo: date, lastmod, draft, aliases, summary and images', () => {
    const hugo = presetNamed('hugo');
    expect(Object.keys(hugo.frontMatter(makeRecord(), facts))).toEqual([
      'title', 'date', 'lastmod', 'author', 'categories', 'tags', 'summary', 'images', 'aliases', 'comment_count', 'wordpress_id', 'original_url',
    ]);
    expect(hugo.frontMatter(makeRecord(), facts)).toMatchObject({ aliases: ['/2012/11/20/time-is-on-my-side/'], images: ['http://blog.example/wp-content/uploads/2012/11/clock.jpg'] });
    expect(hugo.frontMatter(draft, facts)).toMatchObject({ draft: true, status: 'draft' });
  });

  it('jekyll: layout, last_modified_at, permalink, redirect_from, image; unpublished pages say published: false', () => {
    const jekyll = presetNamed('jekyll');
    expect(jekyll.frontMatter(makeRecord(), facts)).toMatchObject({
      layout: 'post',
      last_modified_at: '2013-01-05T10:00:00+01:00',
      permalink: '/posts/time-is-on-my-side/',
      redirect_from: ['/2012/11/20/time-is-on-my-side/'],
      image: 'http://blog.example/wp-content/uploads/2012/11/clock.jpg',
      excerpt: 'Le facteur temps.',
    });
    expect(jekyll.frontMatter(makeRecord({ type: 'page', status: 'private' }), facts)).toMatchObject({ layout: 'page', published: false });
    expect(jekyll.frontMatter(draft, facts)).not.toHaveProperty('published');
  });

  it("astro: the blog starter's title, description, pubDate, updatedDate, heroImage", () => {
    const fm = presetNamed('astro').frontMatter(makeRecord(), { ...facts, featuredImage: '/wp-content/uploads/2012/11/clock.jpg' });
    expect(fm).toMatchObject({
      title: 'Time is on my side',
      description: 'Le facteur temps.',
      pubDate: '2012-11-20T08:30:00+01:00',
      updatedDate: '2013-01-05T10:00:00+01:00',
      heroImage: '/wp-content/uploads/2012/11/clock.jpg',
    });
    expect(presetNamed('astro').frontMatter(makeRecord({ excerpt: undefined }), facts)).toMatchObject({ description: '' });
  });

  it('eleventy: permalink and tags; a draft gets permalink false and stays out of collections', () => {
    const eleventy = presetNamed('eleventy');
    expect(eleventy.frontMatter(makeRecord(), facts)).toMatchObject({ permalink: '/posts/time-is-on-my-side/', tags: ['Relation de service'] });
    expect(eleventy.frontMatter(draft, facts)).toMatchObject({ permalink: false, draft: true, eleventyExcludeFromCollections: true });
  });

  it('plain is the documented front matter, with the featured image as the page refers to it', () => {
    const fm = presetNamed('plain').frontMatter(makeRecord(), { ...facts, featuredImage: '../media/wp-content/uploads/2012/11/clock.jpg' });
    expect(fm['featured_image']).toBe('../media/wp-content/uploads/2012/11/clock.jpg');
    expect(Object.keys(fm)).toContain('slug');
    expect(fm).not.toHaveProperty('aliases');
  });

  it('custom taxonomies get their own key, unless a preset already uses the name', () => {
    const record = makeRecord({ taxonomies: { series: ['Saison 1'], permalink: ['x'] } });
    const fm = presetNamed('jekyll').frontMatter(record, facts);
    expect(fm['series']).toEqual(['Saison 1']);
    expect(fm['permalink']).toBe('/posts/time-is-on-my-side/');
  });
});
