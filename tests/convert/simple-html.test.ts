import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertBody } from '../../src/convert/convert-body.js';
import { parsing } from '../../src/convert/dom.js';
import { parseSimpleFragment, whyNotSimple } from '../../src/convert/simple-html.js';
import { expandInputs } from '../../src/inputs.js';
import type { PostRecord } from '../../src/model/post.js';
import { emptySiteIndex, type SiteIndex } from '../../src/model/site.js';
import { readSources } from '../../src/run/read-sources.js';
import { corpusFile, corpusRoot, corpusSkipMessage, hasCorpus } from '../helpers/corpus.js';

/**
 * The fast path must build exactly the tree parse5 builds, or decline. Every test below checks
 * that invariant: on hand-picked HTML where the two parsers part, on generated tag soup and
 * well-formed trees, and on the corpus (raw bodies and the converter's own inputs).
 */
const reference = cheerio.load('', null, false);

/** A tree as text: names, attributes in order, text and comments (what conversion reads). */
function dump(nodes: readonly AnyNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return `T${JSON.stringify(node.data)}`;
      if (node.type === 'comment') return `C${JSON.stringify(node.data)}`;
      if ('attribs' in node) return `<${node.name}${JSON.stringify(Object.entries(node.attribs))}>${dump(node.children)}</>`;
      return `?${node.type}`;
    })
    .join('');
}

function parse5Dump(html: string): string {
  return dump(reference.root().empty().append(html)[0]!.children as AnyNode[]);
}

/** undefined when the fast path declines; otherwise whether both trees are the same. */
function agrees(html: string): boolean | undefined {
  const nodes = parseSimpleFragment(html);
  return nodes === undefined ? undefined : dump(nodes) === parse5Dump(html);
}

describe('parseSimpleFragment', () => {
  it('parses tidy HTML as parse5 does', () => {
    const tidy = [
      '<p>Un <em>texte</em> &amp; un <a href="/x?a=1&amp;b=2" title=\'t\'>lien</a>&nbsp;!</p>\n<p>Deux<br />lignes</p>',
      '<figure class="wp-block-image"><img src="a.jpg" alt=""/><figcaption>Légende</figcaption></figure>',
      '<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><dl><dt>t</dt><dd>d</dd></dl>',
      '<h2 id=x>Titre</h2><!-- more --><pre>code\n  indenté</pre><unpress-fnref data-key="k"></unpress-fnref>',
      '<P CLASS="A">Majuscules</P><iframe src="https://www.youtube.com/embed/x" allowfullscreen></iframe>',
      'line\r\nbreaks\rand &notit; &#128; &#x1F600; &amp &lt;tag&gt;',
      '<!-->empty comments<!--->, as the standard reads them',
    ];
    for (const html of tidy) {
      expect(whyNotSimple(html), html).toBeUndefined();
      expect(agrees(html), html).toBe(true);
    }
  });

  it('declines HTML where the two parsers build different trees', () => {
    const untidy: Array<[string, RegExp]> = [
      ['<table><tr><td>x</td></tr></table>', /<table>/],
      ['<p><figure><img src="a"></figure></p>', /in <p>|implied/],
      ['<p>a<div>b</div></p>', /in <p>|implied/],

      ['<p><span><div>b</div></span></p>', /<div> in <p>/],
      ['<p><em>a</p><p>b</em></p>', /implied/],
      ['<pre>\nfirst line dropped by the standard</pre>', /<pre> then a newline/],
      ['<pre>&#10;x</pre>', /<pre> then a newline/],

      ['<a href="1">one <a href="2">two</a></a>', /<a> in <a>/],
      ['<h1>a<h2>b</h2></h1>', /heading/],
      ['<li>a<li>b</li></li>', /<li> in <li>|implied/],
      ['<ul><li><span><li>b</li></span></li></ul>', /<li> in <li>/],
      ['<dl><dd><em><dt>b</dt></em></dd></dl>', /<dt> in <dd> or <dt>/],
      ['<p>text</p></p>', /stray <\/p>/],
      ['a</br>b', /stray <\/br>/],
      ['<div>x</span></div>', /stray <\/span>/],
      ['<!DOCTYPE html><p>x</p>', /syntax/],
      ['<?php echo 1; ?>', /syntax/],
      ['</ p>', /syntax/],
      ['<!-- a --!> b -->', /comment/],
      ['<!-- not closed', /unfinished/],
      ['<!-- not > closed', /comment/],
      ['<svg viewBox="0 0 1 1"><path d="M0"/></svg>', /<svg>/],
      ['<iframe><p>fallback</p></iframe>', /iframe/],
      ['<div>unclosed', /implied end of <div>/],
      ['<a href=x"y>q</a>', /syntax/],
      ['<img src="a"alt="b">', /syntax/],
      ['a\0b', /U\+0000/],
      // Found by a review that fuzzed 2.5 million inputs against parse5:
      ['<span>a</span x=">">b', /<\/span> syntax/],
      ['<span>a</span x', /unfinished/],
      ['<p>a</p><s', /unfinished/],
      ['a<br/', /unfinished/],
      ['a<!--', /unfinished/],
      ['<span __proto__="x">a</span>', /<span> syntax/],
      ['<a title="&notin">x</a>', /<a> syntax/],
      ['<img alt="&copysr">', /<img> syntax/],
    ];
    for (const [html, reason] of untidy) expect(whyNotSimple(html), html).toMatch(reason);
  });

  it('builds the same tree as parse5 on every prefix of tidy HTML it accepts (input cut anywhere)', () => {
    const documents = [
      '<p class="a" id=b>Un <em>texte</em> &amp; un <a href="/x?a=1&b=2" title=\'t\'>lien</a>&nbsp;!</p>\n<p>Deux<br />lignes</p>',
      '<figure class="wp-block-image"><img src="a.jpg" alt=""/><figcaption>L</figcaption></figure><!-- more --><pre>code\n x</pre>',
      '<h2 id=x>T</h2><strong>s</strong><small>m</small><tt>t</tt><source src=a /><track/><wbr><hr/><span>a</span ><i>e</i x>',
    ];
    for (const document of documents) {
      for (let end = 0; end <= document.length; end++) {
        for (const tail of ['', ' ', '/', 'x', '"']) {
          const html = document.slice(0, end) + tail;
          expect(agrees(html), html).not.toBe(false);
        }
      }
    }
  });

  it('builds the same tree as parse5 whenever it accepts generated tag soup', () => {
    const tags = ['p', 'div', 'span', 'a', 'em', 'b', 'li', 'ul', 'dd', 'dl', 'h1', 'h2', 'pre', 'figure', 'img', 'br', 'hr', 'iframe', 'table', 'td', 'svg', 'x-y', 'code', 'font', 'nobr', 'textarea', 'object'];
    const attribute = fc.tuple(
      fc.constantFrom('href', 'class', 'data-x', 'TITLE', 'a"b', 'x:y', ''),
      fc.constantFrom('', '="v"', "='v w'", '=v', '="a&amp;b"', '=a&b', '="&notit;"', '=a"b', ' = "s"', '=`x`', '="&#0;"'),
    ).map(([name, value]) => ` ${name}${value}`);
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom(...tags), fc.array(attribute, { maxLength: 2 }), fc.constantFrom('>', '/>', ' >')).map(([tag, attrs, end]) => `<${tag}${attrs.join('')}${end}`),
      fc.constantFrom(...tags).map((tag) => `</${tag}>`),
      fc.constantFrom('a', ' ', '\n', '\r\n', '\r', '&amp;', '&nbsp', '&notit;', '&#10;', '&#x80;', '&#0;', '<', '< b', '&', 'é'),
      fc.constantFrom('<!-- c -->', '<!-->', '<!--->', '<!-- a --!>', '<!-- x', '<!doctype html>', '<?x?>', '<![CDATA[x]]>', '</ x>', '</>', '<3'),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const html = pieces.join('');
        const result = agrees(html);
        if (result !== undefined) accepted++;
        expect(result, html).not.toBe(false);
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('on properly nested trees of any tags, accepts only where parse5 builds the same tree', () => {
    // Every element closed by its own end tag, in order: what is left to tell the parsers apart
    // is the standard's nesting rules (a <p> a <div> closes, <a> in <a>, a heading in a heading...).
    const tags = ['p', 'div', 'span', 'a href="/x"', 'em', 'strong', 'code', 'sup', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'pre', 'figure', 'figcaption', 'blockquote', 'section', 'unpress-fnref data-key="k"', 'iframe', 'td'];
    const { tree } = fc.letrec<{ tree: string; node: string }>((tie) => ({
      tree: fc.array(tie('node'), { maxLength: 4 }).map((nodes) => nodes.join('')),
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('texte', ' ', '\n', '&amp;', '« guillemets »', '&nbsp;:'),
        fc.constantFrom('br', 'img src="a.jpg"', 'hr').map((tag) => `<${tag}>`),
        fc.tuple(fc.constantFrom(...tags), tie('tree')).map(([tag, inner]) => `<${tag}>${inner}</${tag.split(' ')[0]}>`),
      ),
    }));
    let accepted = 0;
    let declined = 0;
    fc.assert(
      fc.property(tree, (html) => {
        const result = agrees(html);
        if (result === undefined) declined++;
        else accepted++;
        expect(result, html).not.toBe(false);
      }),
      { numRuns: 4000, seed: 20261128 },
    );
    expect(accepted).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(300);
  });
});

describe.skipIf(!hasCorpus)(`parseSimpleFragment on the corpus (${corpusSkipMessage.replace(/:.*/, '')} when missing)`, () => {
  const exports = ['wxr'];

  async function records(): Promise<Array<{ record: PostRecord; site: SiteIndex }>> {
    const out: Array<{ record: PostRecord; site: SiteIndex }> = [];
    const { files, problems } = await expandInputs(exports.map((folder) => corpusFile(folder)), join(corpusRoot, '..', 'no-output'));
    for (const file of files) {
      const site = emptySiteIndex();
      for await (const event of readSources([file], problems, site)) if (event.kind === 'record') out.push({ record: event.record, site });
    }
    return out;
  }

  it('agrees with parse5 on every raw body it accepts, and accepts most', async () => {
    const all = await records();
    let accepted = 0;
    for (const { record } of all) {
      const result = agrees(record.body);
      if (result !== undefined) accepted++;
      expect(result, `${record.source.file} #${record.wordpressId}`).not.toBe(false);
    }
    expect(all.length).toBeGreaterThan(300);
    expect(accepted / all.length).toBeGreaterThan(0.8);
  });

  it('converts every corpus post to the same Markdown with and without the fast path', async () => {
    const all = await records();
    const convert = (fastPath: boolean) => {
      parsing.fastPath = fastPath;
      try {
        return all.map(({ record, site }) => convertBody(record, site).markdown);
      } finally {
        parsing.fastPath = true;
      }
    };
    const slow = convert(false);
    const fast = convert(true);
    const different = all.filter((_, index) => slow[index] !== fast[index]).map(({ record }) => record.wordpressId);
    expect(different).toEqual([]);
  });
});
