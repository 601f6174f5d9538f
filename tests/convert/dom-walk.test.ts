import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Text } from 'domhandler';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classes, elementsWhere, hasAncestor, loadFragment, newElement, removeNode, replaceNode, type Element } from '../../src/convert/dom.js';

/**
 * The hand-written walks (dom.ts) stand for cheerio selectors and manipulations in the passes that
 * run on every post: they must find the same elements, in the same order, and leave the same DOM.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'input.html')))
  .sort()
  .map((name) => readFileSync(join(root, name, 'input.html'), 'utf8'));

const TAGS = ['p', 'a', 'sup', 'ol', 'li', 'img', 'br', 'span', 'div', 'h2', 'table', 'td', 'em', 'svg', 'o:p', 'unpress-fnref'];
const ATTRIBUTES = [
  '',
  ' data-fn="f1"',
  ' data-fn=""',
  ' data-fn-content="Note &amp; co"',
  ' id="fn-1"',
  ' name="_ftn1"',
  ' href="#fn-1"',
  ' href="https://exemple.fr/page#x"',
  ' href="https://exemple.fr/"',
  ' class="wp-block-footnotes"',
  ' class="a wp-block-footnotes b"',
  ' class="a\u00a0wp-block-footnotes"',
  ' class="wp-block-footnotes-x"',
  ' class="WP-block-footnotes"',
  ' src="x.jpg" class="wp-smiley" alt="😀"',
  ' data-key="k" data-label="[1]"',
];
const fragment: fc.Arbitrary<string> = fc.letrec<{ html: string }>((tie) => ({
  html: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('texte', ' ', '', 'a &amp; b', '<!-- c -->'),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie('html'), { maxLength: 3 }), fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...ATTRIBUTES))
      .map(([tag, children, a, b]) => `<${tag}${a}${a === b ? '' : b}>${children.join('')}</${tag}>`),
  ),
})).html;

/** Selectors the passes used, and the tests that replace them. */
const PAIRS: Array<[string, (el: Element) => boolean]> = [
  ['ol.wp-block-footnotes', (el) => el.name === 'ol' && classes(el).includes('wp-block-footnotes')],
  ['sup[data-fn], a[data-fn]', (el) => (el.name === 'sup' || el.name === 'a') && el.attribs['data-fn'] !== undefined],
  ['unpress-fnref', (el) => el.name === 'unpress-fnref'],
  ['img', (el) => el.name === 'img'],
  ['br', (el) => el.name === 'br'],
  ['[id], a[name]', (el) => el.attribs['id'] !== undefined || (el.name === 'a' && el.attribs['name'] !== undefined)],
  ['a[href*="#"]', (el) => el.name === 'a' && el.attribs['href']?.includes('#') === true],
];

function sameAsSelectors(html: string): void {
  const $ = loadFragment(html);
  for (const [selector, test] of PAIRS) {
    expect(elementsWhere($, test), `${selector} in ${html}`).toEqual($(selector).toArray());
  }
  for (const el of $('*').toArray()) expect(hasAncestor(el, (p) => p.attribs['data-fn'] !== undefined)).toBe($(el).parents('[data-fn]').length > 0);
}

/** The DOM after changing the element number `n` of `html` with cheerio, and with dom.ts. */
function bothWays(html: string, n: number, cheerioWay: (el: Element, $: ReturnType<typeof loadFragment>) => void, ownWay: (el: Element) => void): [string, string] {
  let $ = loadFragment(html);
  const elements = $('*').toArray() as Element[];
  if (elements.length === 0) return ['', ''];
  cheerioWay(elements[n % elements.length]!, $);
  const expected = $.html();
  $ = loadFragment(html);
  ownWay(($('*').toArray() as Element[])[n % elements.length]!);
  return [$.html(), expected];
}

describe('walking the DOM by hand (dom.ts)', () => {
  it('finds what the selectors found, in document order (fixtures, property)', () => {
    for (const html of fixtures) sameAsSelectors(html);
    fc.assert(fc.property(fragment, (html) => sameAsSelectors(html)), { numRuns: 500 });
  });

  it('replaces and removes nodes as replaceWith() and remove() do', () => {
    fc.assert(
      fc.property(fragment, fc.nat(), (html, n) => {
        const replaced = bothWays(
          html,
          n,
          (el, $) => void $(el).replaceWith('<unpress-fnref data-key="k &amp; l" data-label="[1]"></unpress-fnref>'),
          (el) => replaceNode(el, newElement('unpress-fnref', { 'data-key': 'k & l', 'data-label': '[1]' })),
        );
        expect(replaced[0]).toBe(replaced[1]);
        const numbered = bothWays(
          html,
          n,
          (el, $) => void $(el).replaceWith('<unpress-fnref data-n="2">2</unpress-fnref>'),
          (el) => replaceNode(el, newElement('unpress-fnref', { 'data-n': '2' }, [new Text('2')])),
        );
        expect(numbered[0]).toBe(numbered[1]);
        const text = bothWays(html, n, (el, $) => void $(el).replaceWith('a &amp; &lt;b'), (el) => replaceNode(el, new Text('a & <b')));
        expect(text[0]).toBe(text[1]);
        const removed = bothWays(html, n, (el, $) => void $(el).remove(), (el) => removeNode(el));
        expect(removed[0]).toBe(removed[1]);
      }),
      { numRuns: 400 },
    );
  });

  it('links a replacement and its neighbours both ways', () => {
    const $ = loadFragment('<p>a<br>b</p>');
    const br = $('br').get(0)!;
    const [before, after] = [br.prev!, br.next!];
    const space = new Text(' ');
    replaceNode(br, space);
    expect([space.prev, space.next, before.next, after.prev, space.parent]).toEqual([before, after, space, space, $('p').get(0)]);
    expect([br.parent, br.prev, br.next]).toEqual([null, null, null]);
  });

  it('walks HTML nested deeper than the call stack goes', () => {
    const depth = 100_000;
    let chain = newElement('br', {});
    for (let i = 0; i < depth; i++) chain = newElement('span', {}, [chain]);
    const $ = loadFragment('');
    const document = $.root().get(0)!;
    document.children = [chain];
    chain.parent = document;
    expect(elementsWhere($, (el) => el.name === 'br')).toHaveLength(1);
    expect(elementsWhere($, (el) => el.name === 'span')).toHaveLength(depth);
  });
});
