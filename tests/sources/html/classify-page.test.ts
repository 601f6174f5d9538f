import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../../src/sources/html/classify-page.js';
import { locatePage } from '../../../src/sources/html/page-location.js';

function classify(html: string, file = '/mirror/site/index.html'): ReturnType<typeof classifyPage> {
  const $ = cheerio.load(html);
  return classifyPage($, locatePage($, file));
}

const wp = '<meta name="generator" content="WordPress 6.4">';

describe('classifyPage', () => {
  it.each([
    ['post-template-default single single-post postid-31 single-format-standard', 'single'],
    ['page-template-default page page-id-110', 'page'],
    ['home blog', 'home'],
    ['archive category category-python category-16', 'category'],
    ['archive tag tag-challenges tag-61', 'tag'],
    ['archive tax-series term-grands-auteurs term-11', 'taxonomy'],
    ['archive date', 'date'],
    ['archive author author-kim author-2', 'author'],
    ['search search-results', 'search'],
    ['error404', 'not-found'],
  ])('reads the body classes "%s" as %s', (classes, kind) => {
    expect(classify(`<html><head>${wp}</head><body class="${classes}"></body></html>`).kind).toBe(kind);
  });

  it('reads the page number of a paginated archive', () => {
    const page = classify(`<html><head>${wp}</head><body class="archive paged tag tag-teatime tag-12 paged-3 tag-paged-3"></body></html>`);
    expect(page).toMatchObject({ kind: 'tag', paged: 3, term: { taxonomy: 'post_tag', slug: 'teatime' } });
  });

  it('names an archive term after its heading span, not the body class', () => {
    const page = classify(`<html><head>${wp}</head><body class="archive tag tag-relation-de-service tag-6"><h1 class="page-title">Archives de Tag: <span>Relation de service</span></h1></body></html>`);
    expect(page.term).toEqual({ taxonomy: 'post_tag', slug: 'relation-de-service', name: 'Relation de service' });
  });

  it("takes a category archive's slug from its URL, child category last", () => {
    const page = classify(`<html><head>${wp}<meta property="og:url" content="https://example.org/category/histoire/esclavage/page/2/"></head><body class="archive category category-4"><h1 class="page-title">Catégorie : <span>L’esclavage</span></h1></body></html>`);
    expect(page).toMatchObject({ kind: 'category', paged: 2, term: { taxonomy: 'category', slug: 'esclavage', name: 'L’esclavage' } });
  });

  it('classifies a page without body classes by its URL in a wget mirror', () => {
    const html = (root: string): string => `<html><head>${wp}<link rel="stylesheet" href="${root}wp-content/themes/x/style.css"></head><body></body></html>`;
    expect(classify(html('../../'), '/mirror/site/2010/04/index.html')).toMatchObject({ kind: 'date', paged: 1 });
    expect(classify(html('../../../../'), '/mirror/site/tag/luthier/page/2/index.html')).toMatchObject({ kind: 'tag', paged: 2, term: { slug: 'luthier' } });
  });

  it("classifies a page without body classes as a single view by its comment form's post id", () => {
    const page = classify(`<html><head>${wp}</head><body><form><input type="hidden" name="comment_post_ID" value="239"></form></body></html>`);
    expect(page).toMatchObject({ kind: 'single', mainPostId: 239 });
  });

  it('reads the post id of a single view from its shortlink', () => {
    expect(classify(`<html><head>${wp}<link rel="shortlink" href="https://example.org/?p=61931"></head><body class="single"></body></html>`).mainPostId).toBe(61931);
  });

  it("names an author archive's author", () => {
    const page = classify(`<html><head>${wp}</head><body class="archive author author-kim author-2"><h1 class="page-title">Author Archives: <span class="vcard"><a class="url fn n" href="/author/kim/">Kim Doe</a></span></h1></body></html>`);
    expect(page.author).toBe('Kim Doe');
  });

  it('tells WordPress pages from others', () => {
    expect(classify('<html><head><title>x</title></head><body class="home"><article id="post-1">Hi</article></body></html>').isWordPress).toBe(false);
    expect(classify('<html><head><link rel="stylesheet" href="/wp-content/themes/x/style.css"></head><body></body></html>').isWordPress).toBe(true);
    expect(classify('<html><body><div class="post-3 post type-post hentry"></div></body></html>').isWordPress).toBe(true);
  });
});
