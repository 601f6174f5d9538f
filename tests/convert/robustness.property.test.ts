import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertBody } from '../../src/convert/convert-body.js';
import { fixtureRecord } from './fixture-record.js';

/**
 * Bodies as broken as the wild makes them: fixture inputs with pieces of WordPress syntax cut and
 * spliced in anywhere. The conversion never throws, never lets an internal marker out, and always
 * ends with one newline (or is empty).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const inputs = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'input.html')))
  .sort()
  .map((name) => readFileSync(join(root, name, 'input.html'), 'utf8'));

const JUNK = [
  '[', ']', '[caption]', '[/caption]', '[gallery ids="1,,x"]', '[ref]', '[/ref]', '[code]', '[/code]', '[[', ']]',
  '<!-- wp:paragraph -->', '<!-- /wp:', '<!-- wp:block {"ref":1} /-->', '((', '))', '<sup data-fn="x">', '<a href="#_ftn1">',
  '<a href="#_ftnref1" name="_ftn1">[1]</a>', '</', '<', '&', '&#', '<table><tr><td>', '</td>', '<pre>', '`', '*', '_', '\\',
  '\n\n', '\n', '<br>', '<li>', '<!--more-->', '<!--', '-->', '\u00a0', '\uE000', '\uE0011\uE001', '\uE010*', '<o:p>', '<a"b>',
];

describe('convertBody on damaged bodies', () => {
  it('never throws and never leaks an internal marker', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...JUNK), fc.nat(30)), { maxLength: 6 }),
        fc.constantFrom('classic' as const, 'blocks' as const, 'rendered' as const),
        (input, edits, bodyFormat) => {
          let body = input;
          for (const [at, piece, cut] of edits) {
            const p = at % (body.length + 1);
            body = body.slice(0, p) + piece + body.slice(p + cut);
          }
          const { record, site } = fixtureRecord(body, { bodyFormat, meta: { footnotes: '[{"id":"x","content":"A note"}]' } });
          const { markdown } = convertBody(record, site);
          expect(markdown === '' || /[^\n]\n$/.test(markdown)).toBe(true);
          expect(markdown).not.toMatch(/unpress-(?:fnref|more|nextpage|cut)/);
          if (!/[\uE000-\uE0FF]/.test(body)) expect(markdown).not.toMatch(/[\uE000-\uE0FF]/);
        },
      ),
      { numRuns: 150, seed: 20260401 },
    );
  });
});
