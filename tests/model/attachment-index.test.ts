import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AttachmentIndex } from '../../src/model/attachment-index.js';
import type { AttachmentInfo } from '../../src/model/site.js';

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '’…œ — é'));
/** URLs with folders: pieces of text joined by `/` (empty pieces too: `//`, a `/` first or last). */
const url = fc.oneof(text, fc.array(text, { maxLength: 4 }).map((parts) => parts.join('/')), fc.constantFrom('https://exemple.fr/wp-content/uploads/2019/05/photo.jpg', '/', 'a/', '/b'));
const info = (id: number): fc.Arbitrary<AttachmentInfo> =>
  fc.record({ id: fc.constant(id), url, parent: fc.integer({ min: 0, max: 2 ** 40 }), title: text, caption: text, alt: text, menuOrder: fc.integer({ min: -5, max: 1000 }) });

describe('AttachmentIndex', () => {
  it('gives back what was set, by id, like a Map (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 40 }), { maxLength: 30 }).chain((ids) => fc.tuple(...ids.map(info))), fc.constantFrom(1 << 20, 64, 7), (infos, chunkBytes) => {
        // small buffers: most entries go to the spill file (some are larger than a buffer, or than its read window)
        const index = new AttachmentIndex(chunkBytes);
        const map = new Map<number, AttachmentInfo>();
        // each set twice, the second time in reverse order: ids keep their first place, as in a Map
        for (const a of [...infos, ...[...infos].reverse()]) {
          index.set(a.id, a);
          map.set(a.id, a);
        }
        expect(index.size).toBe(map.size);
        for (const [id, a] of map) expect(index.get(id)).toEqual(a);
        expect(index.get(0)).toBeUndefined();
        expect([...index.values()].map((a) => a.id)).toEqual([...map.keys()]);
        index.close();
      }),
      { numRuns: 300 },
    );
  });

  it('holds a photo blog: many entries, entries larger than its buffers, and ids set again', () => {
    const index = new AttachmentIndex();
    const big = 'é'.repeat(600_000);
    for (let id = 1; id <= 5000; id++) index.set(id, { id, url: `https://blog.example.fr/wp-content/uploads/${id}.jpg`, parent: id >> 1, title: `photo ${id}`, caption: id === 7 ? big : 'légende’', alt: '', menuOrder: id % 3 });
    index.set(10, { id: 10, url: 'u', parent: 1, title: 'again', caption: '', alt: 'a', menuOrder: 0 });
    expect(index.size).toBe(5000);
    expect(index.get(7)?.caption).toBe(big);
    expect(index.get(10)).toEqual({ id: 10, url: 'u', parent: 1, title: 'again', caption: '', alt: 'a', menuOrder: 0 });
    expect(index.get(4999)).toEqual({ id: 4999, url: 'https://blog.example.fr/wp-content/uploads/4999.jpg', parent: 2499, title: 'photo 4999', caption: 'légende’', alt: '', menuOrder: 1 });
  });

  it('stores URL folders once, and URLs whole past its folder limit or without a folder', () => {
    const index = new AttachmentIndex();
    const url = (id: number): string => (id % 7 === 0 ? `photo-${id}.jpg` : id % 2 ? `https://blog.example.fr/wp-content/uploads/${id}/photo.jpg` : `https://blog.example.fr/wp-content/uploads/2019/0${id % 9}/photo-${id}.jpg`);
    for (let id = 1; id <= 12_000; id++) index.set(id, { id, url: url(id), parent: 0, title: '', caption: '', alt: '', menuOrder: 0 });
    for (let id = 1; id <= 12_000; id++) expect(index.get(id)?.url).toBe(url(id));
    expect((index as unknown as { folders: string[] }).folders.length).toBe(4096);
  });

  it('keeps filled buffers in a temporary file that has no name (nothing is left, even by a killed run)', () => {
    const spills = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('unpress-attachments-'));
    const before = spills();
    const index = new AttachmentIndex();
    const caption = (id: number): string => `Légende de la photo ${id} — prise à Lyon’`.repeat(1 + (id % 5));
    for (let id = 1; id <= 12_000; id++) index.set(id, { id, url: `https://blog.example.fr/wp-content/uploads/2019/05/p${id}.jpg`, parent: id >> 2, title: `photo ${id}`, caption: caption(id), alt: '', menuOrder: 0 });
    const inMemory = (index as unknown as { chunks: Array<Buffer | undefined> }).chunks.filter((chunk) => chunk !== undefined);
    expect(inMemory).toHaveLength(1);
    expect(spills()).toEqual(before);
    // read back out of order, then in order (entries that straddle the end of a read window)
    for (const id of [11_999, 1, 1500, 2, 12_000, 17]) expect(index.get(id)?.caption).toBe(caption(id));
    expect([...index.values()].map((a) => a.caption)).toEqual(Array.from({ length: 12_000 }, (_, i) => caption(i + 1)));
    index.close();
  });
});
