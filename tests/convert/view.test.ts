import { describe, expect, it } from 'vitest';
import { loadFragment } from '../../src/convert/dom.js';
import { viewOf } from '../../src/convert/view/from-cheerio.js';

describe('the DOM view turndown converts', () => {
  const view = (html: string) => viewOf(loadFragment(html));

  it('matches tag names as an HTML document does: HTML elements in any case, SVG ones exactly', () => {
    const root = view('<a href="/x">x</a><svg><a href="#"><path d="M0"/></a><linearGradient id="g"/></svg>');
    expect(root.getElementsByTagName('A').map((n) => n.nodeName)).toEqual(['A']);
    expect(root.querySelectorAll('a').length).toBe(2);
    expect(root.querySelectorAll('linearGradient').length).toBe(1);
    expect(root.querySelectorAll('lineargradient').length).toBe(0);
  });

  it('names HTML elements in upper case, whatever the name', () => {
    const names = ['p', 'blockquote', 'constructor', 'valueOf', 'toString', 'x-1'];
    const root = view(names.map((name) => `<${name}>t</${name}>`).join(''));
    expect(root.childNodes.map((n) => n.nodeName)).toEqual(names.map((name) => name.toUpperCase()));
  });

  it('keeps prefixed attributes of SVG by their qualified names, and serializes like outerHTML', () => {
    const root = view('<svg xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en"><use xlink:href="#i"></use></svg><p title="a &quot;b&quot; &amp; c">x&nbsp;&lt;y&gt;</p>');
    const svg = root.firstChild!;
    expect(svg.getAttribute('xml:lang')).toBe('en');
    expect(svg.firstChild!.getAttribute('xlink:href')).toBe('#i');
    expect(root.innerHTML).toBe('<svg xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en"><use xlink:href="#i"></use></svg><p title="a &quot;b&quot; &amp; c">x&nbsp;&lt;y&gt;</p>');
  });

  it('joins adjacent text and normalizes line ends, as parsing the serialized HTML would', () => {
    const $ = loadFragment('<p>a</p>');
    $('p').append('b').append('c\r\nd');
    const p = viewOf($).firstChild!;
    expect(p.childNodes.map((n) => n.nodeValue)).toEqual(['abc\nd']);
  });
});
