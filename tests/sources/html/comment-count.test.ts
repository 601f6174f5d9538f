import { describe, expect, it } from 'vitest';
import { readCount } from '../../../src/sources/html/comment-count.js';
import { readPages, recordOf } from './read.js';

describe('readCount', () => {
  it.each([
    ['1 commentaire', 1],
    ['19 Kommentare', 19],
    ['2 Comments', 2],
    ['13', 13],
    ['Commentaire (0)', 0],
    ['1\u00a0234 commentaires', 1234],
    ['1\u202f234 commentaires', 1234],
    ['1.234 Kommentare', 1234],
    ['One Response', 1],
    ['Un commentaire', 1],
    ['Une réponse', 1],
    ['Ein Kommentar', 1],
    ['Um comentário', 1],
  ])('reads "%s" as %i', (text, count) => {
    expect(readCount(text)).toBe(count);
  });

  it.each(['Leave a comment', 'Poster un commentaire', 'Hinterlasse einen Kommentar', 'Comments Off', 'Non'])('reads no number in "%s"', (text) => {
    expect(readCount(text)).toBeUndefined();
  });
});

describe('comment counts shown by themes (pages/counts.html)', async () => {
  const result = await readPages('pages/counts.html');
  it.each([
    [41, 0, '"Leave a comment" with the title, digits included, as screen-reader text'],
    [42, 0, '"Comments Off" in a span'],
    [43, 0, '"Commentaire (0)" linking to #respond'],
    [44, 7, "Twenty Eleven's bare number"],
    [45, 1, 'Portuguese "Um comentário"'],
    [46, 19, 'German "19 Kommentare"'],
    [47, 0, '"Leave a reply"'],
    [48, 0, 'no count at all (a "#comments" link in the text does not count)'],
  ])('post %i has %i comments: %s', (id, count) => {
    expect(recordOf(result, id).commentCount).toBe(count);
  });

  it('never lets screen-reader text leak into titles', () => {
    expect(recordOf(result, 41).title).toBe('10 rules');
    expect(recordOf(result, 42).title).toBe('Python 3 tips');
  });
});
