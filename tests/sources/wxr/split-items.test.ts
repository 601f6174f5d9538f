import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitWxrItems, type WxrPiece } from '../../../src/sources/wxr/split-items.js';
import { referenceSplitWxrItems } from './split-items-reference.js';
import { header, item } from './wxr-fixture.js';

async function collect(split: (chunks: AsyncIterable<string>) => AsyncGenerator<unknown>, chunks: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const piece of split((async function* () { yield* chunks; })())) out.push(piece);
  return out;
}

/**
 * The splitter steps from one `<` that matters to the next with a regular expression; the
 * reference (the splitter before that change) looks at every `<`. Same pieces, lines and indexes,
 * however the text is damaged and cut into chunks.
 */
describe('splitWxrItems', () => {
  it('cuts any text the way the reference splitter does, whatever the chunks (property)', async () => {
    const fragments = [
      header(), item({ post_id: '1' }), item({ content: 'a </item> <item> b ]]> c' }), '<item>', '<item ', '<item\n', '<itemx>', '</item>', '</item >', '</item\n>', '</item',
      '<![CDATA[', ']]>', '<!--', '-->', '<!-- </item> -->', '<![CDATA[ <item> </item> ]]>', '<', '<<', '<a>', '</a>', 'text', '\n', '\r\n', ' ', '</channel></rss>', '<item\u00a0>',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 14 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
        async (parts, sizes) => {
          const text = parts.join('');
          const chunks: string[] = [];
          for (let i = 0, k = 0; i < text.length; k++) {
            const size = sizes[k % sizes.length]!;
            chunks.push(text.slice(i, i + size));
            i += size;
          }
          const expected = await collect(referenceSplitWxrItems, chunks);
          const actual = (await collect(splitWxrItems, chunks)) as WxrPiece[];
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });

  it('cuts items longer than many chunks as the reference does, a section never closed at the end included', async () => {
    // The item's text is set aside chunk by chunk and its sections are followed across chunks
    // (a body of 19 MB took 13 s when each chunk was appended to the whole item so far).
    const long = 'Un paragraphe, l’été. <b>gras</b> ]] -- > <item> </item>\n'.repeat(4000);
    const texts = [
      `${header()}${item({ content: long })}<item><!-- ${long} --><title>t</title></item>${item({ post_id: '2' })}</channel></rss>`,
      `${header()}${item({ post_id: '1' })}<item><title>t</title><content:encoded><![CDATA[${long}</item>`,
      `${header()}<item><!-- ${long}`,
    ];
    for (const text of texts) {
      for (const size of [1000, 4099, 65536]) {
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        expect(await collect(splitWxrItems, chunks)).toEqual(await collect(referenceSplitWxrItems, chunks));
      }
    }
  });
});
