import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { loadFragment } from '../../src/convert/dom.js';
import { makeTurndown } from '../../src/convert/turndown.js';
import { turndownInput, viewOf } from '../../src/convert/view/from-cheerio.js';

/** The fixtures' HTML, and made-up fragments: known tags, unknown ones, odd cases, nesting. */
const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'input.html')))
  .sort()
  .map((name) => readFileSync(join(root, name, 'input.html'), 'utf8'));
const TAGS = ['p', 'a', 'A', 'img', 'em', 'I', 'strong', 'b', 'code', 'pre', 'kbd', 'tt', 'del', 's', 'strike', 'u', 'ins', 'mark', 'sub', 'sup', 'h1', 'h4', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'tbody', 'figure', 'figcaption', 'details', 'summary', 'q', 'cite', 'blockquote', 'hr', 'br', 'iframe', 'video', 'script', 'style', 'noscript', 'span', 'div', 'o:p', 'foo-bar', 'Custom', 'x'];
const fragment: fc.Arbitrary<string> = fc.letrec<{ html: string }>((tie) => ({
  html: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('texte', ' ', '', 'a &amp; b'),
    fc.tuple(fc.constantFrom(...TAGS), fc.array(tie('html'), { maxLength: 3 }), fc.constantFrom('', ' href="https://exemple.fr/"', ' src="x.jpg" alt="y"', ' class="wp-caption"')).map(([tag, children, attributes]) => `<${tag}${attributes}>${children.join('')}</${tag}>`),
  ),
})).html;

describe('turndown rules found by tag name (rule-dispatch.ts)', () => {
  it("gives every element the rule turndown's own lookup gives (property, fixtures)", () => {
    const service = makeTurndown();
    const rules = service.rules as unknown as { forNode(node: TurndownService.Node): TurndownService.Rule };
    expect(Object.hasOwn(rules, 'forNode')).toBe(true);
    const dispatched = rules.forNode;
    const turndowns = (Object.getPrototypeOf(rules) as typeof rules).forNode;
    let compared = 0;
    rules.forNode = function (node) {
      const rule = dispatched.call(this, node);
      expect(rule).toBe(turndowns.call(this, node));
      compared++;
      return rule;
    };
    const convert = (html: string): string => service.turndown(turndownInput(viewOf(loadFragment(html))));
    for (const html of fixtures) convert(html);
    fc.assert(fc.property(fragment, (html) => void convert(html)), { numRuns: 400 });
    expect(compared).toBeGreaterThan(500);
  });
});
