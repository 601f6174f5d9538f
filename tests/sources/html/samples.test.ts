import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/corpus.js';
import { readPages, recordOf } from './read.js';

/** samples/html: the seed's tag archive as a Twenty Ten theme in French renders it, and one post's page. */
const site = join(repoRoot, 'samples', 'html', 'marketing-des-services');
const ARCHIVE = join(site, 'tag', 'relation-de-service', 'index.html');
const SINGLE = join(site, '2014', '06', '16', 'symetrie-des-attentions-reciprocite', 'index.html');

describe('the seed tag archive (samples/html)', async () => {
  const result = await readPages(ARCHIVE);

  it("finds the seed's seven posts in page order", () => {
    expect(result.records.map((r) => r.wordpressId)).toEqual([2100, 1980, 1890, 1607, 1204, 1180, 1102]);
    expect(result.records.map((r) => r.title)).toEqual([
      'Management par le care : trois capacités clés pour réussir la rencontre avec son patient / client',
      'Servir sans s’aliéner : retour sur Jean Baudrillard et ce qu’il nous dit sur les métiers de service',
      'La culture du service au Japon, impressions soleil levant : poser la vente comme une conséquence de la relation',
      'De la symétrie des attentions à la réciprocité : enjeux d’une « relation client » qui est d’abord une relation de personne à personne',
      'Les métiers de service aujourd’hui.',
      'Time is on my side : du facteur temps dans les métiers de service',
      'Erving Goffman, l’hôpital et la relation de service : de l’universalité de cette forme de relation',
    ]);
  });

  it('tags every post with the archive\'s "Relation de service", which the theme does not print', () => {
    for (const record of result.records) expect(record.tags).toContain('Relation de service');
  });

  it('reads "Classé dans" categories', () => {
    expect(recordOf(result, 2100).categories).toEqual(['Non classé']);
    expect(recordOf(result, 1204).terms).toContainEqual({ taxonomy: 'category', slug: 'le-point-de-vue-dun-expert', name: "Le point de vue d'un expert" });
  });

  it('names tags known only from post classes after the tag cloud, non-ASCII slugs included', () => {
    expect(recordOf(result, 1890).terms).toContainEqual({ taxonomy: 'post_tag', slug: '%e6%97%a5%e6%9c%ac', name: '日本' });
    expect(recordOf(result, 2100).tags).toEqual(['care', 'Relation de service']);
  });

  it('reads "Poster un commentaire" as 0 and "1 commentaire" as 1', () => {
    expect(result.records.map((r) => r.commentCount)).toEqual([0, 0, 0, 0, 1, 0, 1]);
  });

  it('marks the "Lire la suite" teasers truncated and removes the link', () => {
    expect(result.records.map((r) => r.truncated ?? false)).toEqual([true, true, true, true, false, true, true]);
    for (const record of result.records) expect(record.body).not.toContain('Lire la suite');
  });

  it('keeps the teaser\'s image caption and footnote reference', () => {
    const body = recordOf(result, 2100).body;
    expect(body).toContain('<p class="wp-caption-text">Jacques TRUPHEMUS, <em>Les chrysanthèmes blancs</em> (2005) – Lyon, coll. part. (détail)</p>');
    expect(body).toContain('<a href="#_ftn1" name="_ftnref1">[1]</a>');
  });

  it("dates teasers by their permalink's day, the theme printing no date", () => {
    expect(recordOf(result, 1204).date).toBe('2012-12-03T00:00:00');
  });
});

describe('the archive and the single page of one of its posts (samples/html)', async () => {
  const result = await readPages(SINGLE, ARCHIVE);
  const post = recordOf(result, 1607);

  it('merges the teaser and the single page into one record with the full body', () => {
    expect(result.records).toHaveLength(7);
    expect(post.sources).toHaveLength(2);
    expect(post.truncated).toBeUndefined();
    expect(post.body).toContain('<h2>La réciprocité, condition de la relation</h2>');
  });

  it('reads the French date and time of Twenty Ten ("16 juin 2014", link title "9h30") and the author', () => {
    expect(post).toMatchObject({ date: '2014-06-16T09:30:00', author: 'Benoît Meyronin', slug: 'symetrie-des-attentions-reciprocite' });
  });

  it('keeps the footnotes as the theme rendered them', () => {
    expect(post.body).toContain('<a href="#_ftn2" name="_ftnref2">[2]</a>');
    expect(post.body).toContain('<a href="#_ftnref1" name="_ftn1">[1]</a> Sur la symétrie des attentions');
  });

  it('drops the sharing buttons', () => {
    expect(post.body).not.toContain('sharedaddy');
  });

  it('reads the tags printed on the single page', () => {
    expect(post.tags).toEqual(['Relation de service', 'symétrie des attentions']);
  });

  it('counts "Une réponse" as one comment and reads it', () => {
    expect(post.commentCount).toBe(1);
    expect(post.comments).toEqual([
      { id: 412, parent: 0, type: 'comment', author: 'Martine L.', date: '2014-06-17T08:12:00', content: expect.stringContaining('La réciprocité mériterait') },
    ]);
  });
});
