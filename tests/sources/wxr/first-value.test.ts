import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstValueOf } from '../../../src/sources/wxr/read.js';

describe('firstValueOf (a quick look at a field without parsing the item)', () => {
  it('gives what the regular expression gives (property)', () => {
    const piece = fc.constantFrom('<', '>', ':', 'wp', 'wp:', 'x', '_', '-', ' ', '\n', '\u00a0', '<![CDATA[', ']]>', 'post_type>', 'post_type', 'attachment', 'post', 'é', '<wp:post_type>', '</wp:post_type>', '<p>', '9', '<:', 'x:', '<_:');
    const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(firstValueOf(t, 'post_type')).toBe(/<(?:\w+:)?post_type>\s*(?:<!\[CDATA\[)?\s*([\w-]+)/.exec(t)?.[1]);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the type of an item written by WordPress, after a body full of tags', () => {
    const body = '<p>Un <a href="x">lien</a> et <em>post_type></em> dans le texte</p>'.repeat(50);
    expect(firstValueOf(`<item><content:encoded><![CDATA[${body}]]></content:encoded><wp:post_type><![CDATA[attachment]]></wp:post_type></item>`, 'post_type')).toBe('attachment');
    expect(firstValueOf('<item><post_type>page</post_type></item>', 'post_type')).toBe('page');
    expect(firstValueOf('<:post_type>post<wp:post_type>page', 'post_type')).toBe('page');
    expect(firstValueOf('<item><wp:post_type></wp:post_type></item>', 'post_type')).toBeUndefined();
  });
});
