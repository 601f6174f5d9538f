import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringSet } from '../../src/model/string-set.js';

describe('StringSet', () => {
  it('answers like a Set (property)', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('', 'posts/été.md', 'POSTS/ÉTÉ.MD', '\u0000'));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), fc.array(text, { maxLength: 20 }), (added, asked) => {
        const set = new StringSet();
        const reference = new Set<string>();
        for (const t of added) {
          expect(set.add(t)).toBe(!reference.has(t));
          reference.add(t);
        }
        expect(set.size).toBe(reference.size);
        for (const t of [...added, ...asked]) expect(set.has(t)).toBe(reference.has(t));
        set.close();
      }),
      { numRuns: 300 },
    );
  });

  it('holds the paths of a large export: strings written out of memory, read back to confirm', () => {
    const set = new StringSet();
    const path = (n: number): string => `posts/${n % 3 ? 'billet' : 'café-crème'}-${n}.md`;
    for (let n = 0; n < 40_000; n++) expect(set.add(path(n))).toBe(true);
    const long = 'x'.repeat(100_000);
    expect(set.add(long)).toBe(true);
    for (let n = 0; n < 40_000; n += 7) expect(set.add(path(n))).toBe(false);
    expect(set.has(long)).toBe(true);
    expect(set.has(long.slice(1))).toBe(false);
    expect(set.has('posts/billet-40001.md')).toBe(false);
    expect(set.size).toBe(40_001);
    set.close();
  });

  it('tells apart strings with the same hash', () => {
    // FNV-1a gives both 706716605
    const set = new StringSet();
    set.add('posts/billet-1479599.md');
    expect(set.has('posts/billet-1662382.md')).toBe(false);
    expect(set.add('posts/billet-1662382.md')).toBe(true);
    expect(set.has('posts/billet-1479599.md')).toBe(true);
    expect(set.has('posts/billet-1662382.md')).toBe(true);
    expect(set.size).toBe(2);
    set.close();
  });

  it('holds strings UTF-8 cannot carry (a lone surrogate) as they are', () => {
    const set = new StringSet();
    expect(set.add('posts/a\uD800.md')).toBe(true);
    expect(set.add('posts/a\uD800.md')).toBe(false);
    expect(set.has('posts/a\uD800.md')).toBe(true);
    expect(set.has('posts/a\uFFFD.md')).toBe(false);
    expect(set.add('posts/a\uFFFD.md')).toBe(true);
    expect(set.size).toBe(2);
    set.close();
  });

  it('says so when it is used after close() instead of answering wrong', () => {
    const set = new StringSet();
    for (let n = 0; n < 5000; n++) set.add(`posts/billet-${n}.md`);
    set.close();
    expect(() => set.has('posts/billet-1.md')).toThrow(/after it was closed/);
  });
});
