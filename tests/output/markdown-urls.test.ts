import { describe, expect, it } from 'vitest';
import { markdownUrls, rewriteMarkdownUrls } from '../../src/output/media/markdown-urls.js';

describe('URLs of a Markdown document', () => {
  it('finds link and image destinations, nested ones included', () => {
    const md = '[![chat[1]](http://s/a-300x225.jpg)](http://s/a.jpg "titre") et [lien](http://s/p/)';
    expect(markdownUrls(md)).toEqual(['http://s/a-300x225.jpg', 'http://s/a.jpg', 'http://s/p/']);
  });

  it('finds href, src and each srcset candidate of HTML kept in the Markdown, decoded', () => {
    const md = '<iframe src="http://s/embed?a=1&amp;b=2"></iframe> <img src="http://s/a.jpg" srcset="http://s/a.jpg 300w, http://s/b.jpg 1024w">';
    expect(markdownUrls(md)).toEqual(['http://s/embed?a=1&b=2', 'http://s/a.jpg', 'http://s/a.jpg', 'http://s/b.jpg']);
  });

  it('finds autolinks and reference definitions, and balanced parentheses in a destination', () => {
    expect(markdownUrls('<https://s/x> [a](https://en.wikipedia.org/wiki/Care_(ethics))\n[1]: http://s/ref')).toEqual([
      'https://s/x',
      'https://en.wikipedia.org/wiki/Care_(ethics)',
      'http://s/ref',
    ]);
  });

  it('leaves URLs in text, after an escaped bracket, and in fenced code alone', () => {
    const md = 'voir http://s/a.jpg et \\](http://s/b)\n```\n[x](http://s/code)\n```\n~~~\n<img src="http://s/c">\n~~~';
    expect(markdownUrls(md)).toEqual([]);
  });

  it('rewrites each place with its replacement, re-encoding HTML attributes', () => {
    const md = '![a](http://s/a.jpg) <a href="http://s/a.jpg">x</a> [b](http://s/other)';
    const out = rewriteMarkdownUrls(md, (url) => (url === 'http://s/a.jpg' ? '/new path/a&b.jpg' : undefined));
    expect(out).toBe('![a](/new%20path/a&b.jpg) <a href="/new path/a&amp;b.jpg">x</a> [b](http://s/other)');
  });
});
