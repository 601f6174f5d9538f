import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/convert/cheerio-load.js';

/** loadHtml() must be cheerio's load() (parse5 both ways), without cheerio's main entry point. */
describe('loadHtml', () => {
  const documents = [
    '<!doctype html><html><head><meta charset="iso-8859-1"><title>T &amp; t</title></head><body><p>Un<br>deux<table><tr><td>x</td></tr></table><noscript><img src=a></noscript></body></html>',
    '<article class="post"><h2>Titre</h2><p>Texte <em>mal <strong>imbriqué</em> ici</strong></p><svg viewBox="0 0 1 1"><path d="M0"/></svg></article>',
  ];
  it('parses documents and fragments and serializes them as cheerio.load() does', () => {
    for (const html of documents) {
      const expected = cheerio.load(html);
      const actual = loadHtml(html, true);
      expect(actual.html()).toBe(expected.html());
      expect(actual('p').first().html()).toBe(expected('p').first().html());
      expect(actual.html(actual('h2, td').first())).toBe(expected.html(expected('h2, td').first()));
      const fragment = loadHtml(html, false);
      expect(fragment.html()).toBe(cheerio.load(html, null, false).html());
    }
  });

  it('parses inserted HTML as cheerio does, in context (a <tr> set into a table body)', () => {
    const html = '<table><tbody><tr><td>a</td></tr></tbody></table><p>x</p>';
    const expected = cheerio.load(html, null, false);
    const actual = loadHtml(html, false);
    for (const $ of [expected, actual]) {
      $('tbody').html('<tr><td>b</td></tr>');
      $('p').replaceWith('<figure><img src="c.jpg"><figcaption>Légende &amp; co</figcaption></figure>');
    }
    expect(actual.html()).toBe(expected.html());
  });

  it('tries the fast path first for fragments without context, and parse5 when it declines', () => {
    const seen: string[] = [];
    const $ = loadHtml('<p>a</p>', false, (html) => {
      seen.push(html);
      return undefined;
    });
    $('p').replaceWith('<div>b</div>');
    $('div').html('<span>c</span>');
    expect(seen).toEqual(['<div>b</div>']);
    expect($.html()).toBe('<div><span>c</span></div>');
  });
});
