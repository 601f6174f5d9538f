import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { locatePage } from '../../../src/sources/html/page-location.js';

const locate = (head: string, file = '/saved/site/2010/04/index.html') => locatePage(cheerio.load(`<html><head>${head}</head><body></body></html>`), file);

describe('locatePage', () => {
  it('resolves links against the canonical URL of a saved page', () => {
    const page = locate('<link rel="canonical" href="https://example.org/2020/05/04/green-tea/">');
    expect(page.pageUrl).toBe('https://example.org/2020/05/04/green-tea/');
    expect(page.toSiteUrl('../oolong/')).toBe('https://example.org/2020/05/04/oolong/');
    expect(page.toSiteUrl('//cdn.example.org/a.jpg')).toBe('https://cdn.example.org/a.jpg');
    expect(page.siteKey).toBe('example.org');
  });

  it('leaves fragments, mail and script links alone', () => {
    const page = locate('<link rel="canonical" href="https://example.org/post/">');
    expect(page.toSiteUrl('#_ftn1')).toBeUndefined();
    expect(page.toSiteUrl('mailto:a@example.org')).toBeUndefined();
    expect(page.toSiteUrl('javascript:void(0)')).toBeUndefined();
  });

  it("writes a wget mirror's relative links as the site's root-relative paths", () => {
    const page = locate('<link rel="stylesheet" href="../../wp-content/themes/x/style.css">');
    expect(page.pageUrl).toBe('/2010/04/');
    expect(page.toSiteUrl('22/mise-a-jour/index.html')).toBe('/2010/04/22/mise-a-jour/');
    expect(page.toSiteUrl('../../wp-content/uploads/2010/04/lut1.jpg')).toBe('/wp-content/uploads/2010/04/lut1.jpg');
  });

  it("finds the site's address in core's emoji settings when every link is root-relative", () => {
    const page = locate('<script>window._wpemojiSettings = {"source":{"concatemoji":"http:\\/\\/blog.example.fr\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=4.8.2"}};</script>');
    expect(page.toSiteUrl('/?p=90')).toBe('http://blog.example.fr/?p=90');
    expect(page.siteKey).toBe('blog.example.fr');
  });

  it('keeps a root-relative link as it is when nothing tells the site', () => {
    expect(locate('').toSiteUrl('/?p=90')).toBe('/?p=90');
  });
});
