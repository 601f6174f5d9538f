import { describe, expect, it } from 'vitest';
import { postRecordSchema } from '../../../src/model/post.js';
import { emptySiteIndex } from '../../../src/model/site.js';
import { outcomeOf, recordOf, item } from './wxr-fixture.js';

const comment = (id: number, approved: string, type = 'comment'): string =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[A &amp; B]]></wp:comment_author>
<wp:comment_approved><![CDATA[${approved}]]></wp:comment_approved><wp:comment_type><![CDATA[${type}]]></wp:comment_type>
<wp:comment_parent>0</wp:comment_parent><wp:comment_content><![CDATA[Salut]]></wp:comment_content></wp:comment>`;

describe('toPostRecord', () => {
  it('produces a record the schema accepts', () => {
    expect(postRecordSchema.safeParse(recordOf(item())).success).toBe(true);
  });

  it('writes the date with the offset between post_date and post_date_gmt', () => {
    expect(recordOf(item()).date).toBe('2017-11-26T16:12:59+01:00');
  });

  it('keeps the local time without an offset when the GMT date is zero (drafts)', () => {
    const record = recordOf(item({ status: 'draft', post_date_gmt: '0000-00-00 00:00:00' }));
    expect(record.date).toBe('2017-11-26T16:12:59');
  });

  it('counts approved comments of every type, pingbacks included, notes excluded', () => {
    const extra = [comment(1, '1'), comment(2, '1', 'pingback'), comment(3, '1', 'trackback'), comment(4, '0'), comment(5, 'trash'), comment(6, '1', 'note'), comment(7, 'spam')].join('');
    const record = recordOf(item({}, extra));
    expect(record.commentCount).toBe(3);
    expect(record.comments.map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it('decodes comment author names stored HTML-escaped', () => {
    expect(recordOf(item({}, comment(1, '1'))).comments[0]?.author).toBe('A & B');
  });

  it('maps the author login to its display name', () => {
    const channel = '<wp:author><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[Benoît &amp; Cie]]></wp:author_display_name></wp:author>';
    expect(recordOf(item(), channel).author).toBe('Benoît & Cie');
  });

  it('reads categories, tags, post formats and custom taxonomies by domain', () => {
    const extra = `<category domain="category" nicename="non-classe"><![CDATA[Non classé]]></category>
<category domain="post_tag" nicename="care"><![CDATA[care]]></category>
<category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>
<category domain="series" nicename="s1"><![CDATA[Saison 1]]></category>`;
    const record = recordOf(item({}, extra));
    expect(record.categories).toEqual(['Non classé']);
    expect(record.tags).toEqual(['care']);
    expect(record.format).toBe('aside');
    expect(record.taxonomies).toEqual({ series: ['Saison 1'] });
  });

  it('decodes term names stored HTML-escaped', () => {
    const extra = `<category domain="category" nicename="r-m"><![CDATA[Recherche &amp; marketing]]></category>
<category domain="category" nicename="pdv"><![CDATA[Le point de vue d&#039;un expert]]></category>`;
    expect(recordOf(item({}, extra)).categories).toEqual(['Recherche & marketing', "Le point de vue d'un expert"]);
  });

  it("does not double WXR 1.0's legacy duplicated <category> elements, and maps domain tag to post_tag", () => {
    const extra = `<category><![CDATA[alpha]]></category><category domain="category" nicename="alpha"><![CDATA[alpha]]></category>
<category domain="tag"><![CDATA[news]]></category><category domain="tag" nicename="news"><![CDATA[news]]></category>`;
    const record = recordOf(item({}, extra));
    expect(record.categories).toEqual(['alpha']);
    expect(record.tags).toEqual(['news']);
  });

  it('percent-decodes non-ASCII slugs', () => {
    expect(recordOf(item({ post_name: '%e6%97%a5%e6%9c%ac-caf%c3%a9' })).slug).toBe('日本-café');
  });

  it('resolves the featured image through _thumbnail_id', () => {
    const site = emptySiteIndex();
    site.attachments.set(7, { id: 7, url: 'http://example.org/a.jpg', parent: 10, title: '', caption: '', alt: '', menuOrder: 0 });
    const extra = '<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[7]]></wp:meta_value></wp:postmeta>';
    expect(recordOf(item({}, extra), '', site).featuredImage).toBe('http://example.org/a.jpg');
  });

  it('keeps footnotes meta for the converter and _wp_old_slug for redirects', () => {
    const extra = `<wp:postmeta><wp:meta_key>footnotes</wp:meta_key><wp:meta_value><![CDATA[[{"id":"x","content":"n"}]]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key><wp:meta_value>ancien</wp:meta_value></wp:postmeta>`;
    const record = recordOf(item({}, extra));
    expect(record.meta['footnotes']).toBe('[{"id":"x","content":"n"}]');
    expect(record.oldSlugs).toEqual(['ancien']);
  });

  it('marks password-protected posts', () => {
    expect(recordOf(item({ password: 'secret' })).passwordProtected).toBe(true);
  });

  it('tells block content from classic content', () => {
    expect(recordOf(item({ content: '<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->' })).bodyFormat).toBe('blocks');
    expect(recordOf(item({ content: 'Texte\n\nTexte' })).bodyFormat).toBe('classic');
  });

  it.each([
    ['attachment', 'attachment'],
    ['nav_menu_item', 'navigation menu item'],
    ['wp_navigation', 'navigation menu'],
    ['wp_global_styles', 'global styles'],
    ['wp_template_part', 'template part'],
    ['custom_css', 'custom CSS'],
    ['wp_font_face', 'font face'],
    ['revision', 'revision'],
    ['wp_block', 'reusable block'],
  ])('skips %s with a reason', (type, reason) => {
    const outcome = outcomeOf(item({ post_type: type }));
    expect(outcome.kind).toBe('skip');
    expect(outcome.kind === 'skip' && outcome.reason).toContain(reason);
  });

  it('skips trashed posts with a reason', () => {
    const outcome = outcomeOf(item({ status: 'trash' }));
    expect(outcome).toEqual({ kind: 'skip', reason: 'in the trash' });
  });

  it('writes custom post types', () => {
    expect(recordOf(item({ post_type: 'recipe' })).type).toBe('recipe');
  });
});

describe('excerpt', () => {
  it('is plain text: tags dropped, entities decoded, whitespace collapsed', () => {
    const xml = item().replace('<excerpt:encoded><![CDATA[]]></excerpt:encoded>', '<excerpt:encoded><![CDATA[<p>Le <em>care</em> &amp; le\n service</p>]]></excerpt:encoded>');
    expect(recordOf(xml).excerpt).toBe('Le care & le service');
  });
});
