import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderFrontMatter, toFrontMatter } from '../../src/output/front-matter.js';
import { recordOf, item } from '../sources/wxr/wxr-fixture.js';

function parseFrontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)---\n/.exec(text);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

describe('front matter', () => {
  it('writes the documented keys in a stable order, only those with a value', () => {
    const record = recordOf(item({}, '<category domain="category" nicename="a"><![CDATA[A]]></category>'));
    expect(Object.keys(toFrontMatter(record))).toEqual([
      'title', 'slug', 'date', 'author', 'categories', 'comment_count', 'wordpress_id', 'original_url',
    ]);
  });

  it('marks drafts, private, future and password-protected posts as draft with their status', () => {
    for (const status of ['draft', 'pending', 'future', 'private']) {
      const fm = toFrontMatter(recordOf(item({ status })));
      expect(fm).toMatchObject({ draft: true, status });
    }
    expect(toFrontMatter(recordOf(item({ password: 'x' })))).toMatchObject({ draft: true, status: 'publish', password_protected: true });
    expect(toFrontMatter(recordOf(item()))).not.toHaveProperty('draft');
  });

  it.each([
    'Titre : avec deux-points',
    '--- trois tirets',
    '"guillemets" et \'apostrophes\'',
    '# pas un commentaire',
    'ligne 1\nligne 2',
    'contrôle \u0001\u0007 caractères',
    'yes',
    '2017-11-26',
    '[crochets] {accolades} & *étoile* | pipe > chevron',
    '   espaces   ',
  ])('round-trips the title %j exactly', (title) => {
    const record = { ...recordOf(item()), title, excerpt: title };
    const parsed = parseFrontMatter(renderFrontMatter(toFrontMatter(record)));
    expect(parsed['title']).toBe(title);
    expect(parsed['excerpt']).toBe(title);
  });

  it.each(['__proto__', 'constructor', 'toString'])('keeps a custom taxonomy named %s', (taxonomy) => {
    const record = { ...recordOf(item()), taxonomies: Object.defineProperty({}, taxonomy, { value: ['x'], enumerable: true }) as Record<string, string[]> };
    const parsed = parseFrontMatter(renderFrontMatter(toFrontMatter(record)));
    expect(Object.hasOwn(parsed, taxonomy)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(parsed, taxonomy)?.value).toEqual(['x']);
  });

  it('keeps the date a string with its offset', () => {
    const parsed = parseFrontMatter(renderFrontMatter(toFrontMatter(recordOf(item()))));
    expect(parsed['date']).toBe('2017-11-26T16:12:59+01:00');
  });

  it('writes what the yaml library writes, byte for byte, whatever the values (property)', () => {
    const pieces = [
      'a', 'Z', 'é', ' ', '  ', ':', ': ', '#', ' #', '-', '- ', '?', '? ', '\n', '\t', '\r', '"', "'", '0', '1', '42', '.', 'e', 'E', '+', 'x', 'o', '0x1F', '0o7',
      'true', 'False', 'null', 'NULL', '~', '---', '...', '%', '@', '`', '|', '>', '[', ']', '{', '}', ',', '&', '*', '!', '\\', '😀', '\u0085', '\u2028',
      '\u2029', '\uFEFF', '\u007f', '\u009f', '\uD800', '\u0000', '\u0007', '.inf', '-.Inf', '.nan', '1e5', '2017-11-26T16:12:59+01:00', 'x'.repeat(1100),
    ];
    const text = fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join('')));
    const value = fc.oneof(
      text,
      text,
      fc.array(text, { maxLength: 4 }),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(-0, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, null),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, value), { maxLength: 8 }), (entries) => {
        const fm: Record<string, unknown> = {};
        for (const [key, v] of entries) Object.defineProperty(fm, key, { value: v, enumerable: true, writable: true, configurable: true });
        const yaml = stringify(fm, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
        expect(renderFrontMatter(fm)).toBe(`---\n${yaml}---\n`);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });
});
