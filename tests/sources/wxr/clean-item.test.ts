import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../../bench/generate.js';
import type { AttachmentInfo } from '../../../src/model/site.js';
import { isCleanItem, readCleanAttachment } from '../../../src/sources/wxr/clean-item.js';
import { parseWxrChannel, type WxrChannel } from '../../../src/sources/wxr/parse-channel.js';
import { parseWxrItem, type WxrItem } from '../../../src/sources/wxr/parse-item.js';
import { repairItemXml } from '../../../src/sources/wxr/repair-item.js';
import { splitWxrItems } from '../../../src/sources/wxr/split-items.js';
import { readCleanItem } from '../../../src/sources/wxr/read-clean-item.js';
import { setAsideCdata } from '../../../src/sources/wxr/xml-text.js';
import { corpusRoot, hasCorpus } from '../../helpers/corpus.js';
import { repoRoot } from '../../helpers/corpus.js';

/**
 * The fast path (clean-item.ts) must never change a result: an item it calls clean is one that
 * repair-item leaves alone and fast-xml-parser's validator accepts, and the attachment fields it
 * reads are the ones parsing gives.
 */

async function* chunks(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
}

async function itemsOf(text: string): Promise<{ channel: WxrChannel; items: string[] }> {
  let channel: WxrChannel | undefined;
  const items: string[] = [];
  for await (const piece of splitWxrItems(chunks(text))) {
    if (piece.kind === 'header') channel = parseWxrChannel(piece.text);
    else if (piece.text !== undefined) items.push(piece.text);
  }
  return { channel: channel!, items };
}

function parsed(text: string, channel: WxrChannel, checked = false): WxrItem | string {
  try {
    return parseWxrItem(text, channel.prefixes, checked);
  } catch (error) {
    return (error as Error).message;
  }
}

/** The first pass's index entry, computed the slow way (as read.ts does for items it parses). */
function attachmentOf(item: WxrItem): AttachmentInfo {
  return {
    id: item.postId,
    url: item.attachmentUrl || item.guid,
    parent: item.parent,
    title: item.title,
    caption: item.excerpt,
    alt: item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value ?? '',
    menuOrder: item.menuOrder,
  };
}

/** What must hold for any text; returns whether the fast paths took it (for coverage checks). */
function checkItem(text: string, channel: WxrChannel): { clean: boolean; attachment: boolean; read: boolean } {
  const clean = isCleanItem(text, channel.declaredPrefixes);
  const read = readCleanItem(text, channel.declaredPrefixes, channel.prefixes);
  expect(read.clean).toBe(clean);
  if (clean) {
    const repaired = repairItemXml(text, channel.declaredPrefixes);
    expect(repaired.repairs).toEqual([]);
    expect(repaired.text).toBe(text);
    expect(XMLValidator.validate(setAsideCdata(text).xml)).toBe(true);
    expect(parsed(text, channel, true)).toEqual(parsed(text, channel));
    // The item read during the scan is the parser's, field for field (undefined values included).
    if (read.clean && read.item !== undefined) expect(read.item).toStrictEqual(parsed(text, channel));
  }
  const quick = readCleanAttachment(text, channel.declaredPrefixes, channel.prefixes);
  if (quick !== undefined) {
    expect(clean).toBe(true);
    const item = parsed(text, channel);
    expect(typeof item).toBe('object');
    expect((item as WxrItem).postType).toBe('attachment');
    expect(quick).toEqual(attachmentOf(item as WxrItem));
  }
  return { clean, attachment: quick !== undefined, read: read.clean && read.item !== undefined };
}

function wxrFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...wxrFiles(path));
    else if (name.endsWith('.xml')) out.push(path);
  }
  return out;
}

const HEADER = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title>`;

/** Attachments written in the shapes real exports use (CDATA or not, entities, CRLF, other prefixes). */
const ATTACHMENTS = [
  `<item>
\t\t<title>photo-104</title>
\t\t<link>https://blog.example.fr/2008/photo-104/</link>
\t\t<guid isPermaLink="false">https://blog.example.fr/?p=104</guid>
\t\t<description></description>
\t\t<content:encoded><![CDATA[]]></content:encoded>
\t\t<excerpt:encoded><![CDATA[Équipe première l’été en mieux l’été découvrir apprendre très dans sous méthode village]]></excerpt:encoded>
\t\t<wp:post_id>104</wp:post_id>
\t\t<wp:post_parent>103</wp:post_parent>
\t\t<wp:menu_order>2</wp:menu_order>
\t\t<wp:post_type><![CDATA[attachment]]></wp:post_type>
\t\t<wp:attachment_url><![CDATA[https://blog.example.fr/wp-content/uploads/2008/03/photo-104.jpg]]></wp:attachment_url>
\t\t<wp:postmeta>
\t\t\t<wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key>
\t\t\t<wp:meta_value><![CDATA[2008/03/photo-104.jpg]]></wp:meta_value>
\t\t</wp:postmeta>
\t\t<wp:postmeta>
\t\t\t<wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>
\t\t\t<wp:meta_value><![CDATA[manière l’été le été un]]></wp:meta_value>
\t\t</wp:postmeta>
\t</item>`,
  '<item><title>Tom &amp; Jerry &#8217;s &#x41; &lt;b&gt;</title>\r\n<guid>http://example.org/?attachment_id=5</guid>\r\n<wp:post_id> 5 </wp:post_id><wp:post_type>attachment</wp:post_type>' +
    '<excerpt:encoded>a\r\nb<![CDATA[ & <i>x</i>\r\n]]>c &quot;q&quot;</excerpt:encoded><wp:postmeta><wp:meta_key> _wp_attachment_image_alt </wp:meta_key>' +
    '<wp:meta_value><![CDATA[first]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>second</wp:meta_value></wp:postmeta>' +
    '<wp:comment><wp:comment_id>1</wp:comment_id><wp:commentmeta><wp:meta_key>k</wp:meta_key></wp:commentmeta></wp:comment><category domain="category" nicename="a"><![CDATA[A]]></category></item>',
  `<item><title/><wp:post_type>attachment</wp:post_type><wp:post_id>7</wp:post_id><wp:attachment_url/><guid>  http://example.org/a.png  </guid><!-- a comment --><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key></wp:postmeta><excerpt:encoded><![CDATA[${'long caption '.repeat(10)}]]></excerpt:encoded></item>`,
];

/** Posts in shapes real exports use, and some they rarely do, that the scan reads as the parser does. */
const POSTS = [
  `<item>
		<title><![CDATA[Les rendez-vous de l'été]]></title>
		<link>https://blog.example.fr/2012/07/rendez-vous/</link>
		<pubDate>Mon, 02 Jul 2012 08:00:00 +0000</pubDate>
		<dc:creator><![CDATA[admin]]></dc:creator>
		<guid isPermaLink="false">https://blog.example.fr/?p=12</guid>
		<description></description>
		<content:encoded><![CDATA[<p>Premier paragraphe, assez long pour être mis de côté par le lecteur.</p>\r\n\r\n[caption id="attachment_13"]<img src="a.jpg" />[/caption]]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>12</wp:post_id>
		<wp:post_date><![CDATA[2012-07-02 10:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2012-07-02 08:00:00]]></wp:post_date_gmt>
		<wp:post_modified><![CDATA[2012-07-03 10:00:00]]></wp:post_modified>
		<wp:post_modified_gmt><![CDATA[2012-07-03 08:00:00]]></wp:post_modified_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[rendez-vous]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<wp:is_sticky>1</wp:is_sticky>
		<category domain="category" nicename="vie-du-club"><![CDATA[Vie du club]]></category>
		<category domain="post_tag" nicename="ete"><![CDATA[été]]></category>
		<category domain="tag">legacy</category>
		<wp:postmeta>
			<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>
			<wp:meta_value><![CDATA[13]]></wp:meta_value>
		</wp:postmeta>
		<wp:comment>
			<wp:comment_id>3</wp:comment_id>
			<wp:comment_author><![CDATA[Lecteur]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[lecteur@example.fr]]></wp:comment_author_email>
			<wp:comment_author_url>https://example.org/</wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[192.0.2.7]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[2012-07-02 12:00:00]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[2012-07-02 10:00:00]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[Merci !
À bientôt.]]></wp:comment_content>
			<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
			<wp:comment_type><![CDATA[]]></wp:comment_type>
			<wp:comment_parent>0</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
			<wp:commentmeta>
				<wp:meta_key><![CDATA[akismet_result]]></wp:meta_key>
				<wp:meta_value><![CDATA[false]]></wp:meta_value>
			</wp:commentmeta>
		</wp:comment>
	</item>`,
  // Comments in values, self-closing and single-quoted categories, a line end in an attribute,
  // empty postmeta and comment elements, an unknown element with children, CRLF, split CDATA.
  "<item><title>A <!-- note --> &amp; B</title>\r\n<category domain='post_tag' nicename='x'/><category\ndomain=\"category\"\nnicename=\"a\r\nb\">Cat</category>" +
    '<wp:postmeta/><wp:postmeta>  </wp:postmeta><wp:comment/><wp:extra><wp:post_id>99</wp:post_id></wp:extra><wp:post_id>4</wp:post_id>' +
    '<content:encoded><![CDATA[a ]]]]><![CDATA[> b]]>&#233;</content:encoded><wp:post_type>page</wp:post_type><wp:status>draft</wp:status></item>',
];

describe('clean items (the fast path)', () => {
  it('reads posts during the scan as the parser does', async () => {
    const { channel } = await itemsOf(`${HEADER}</channel></rss>`);
    for (const text of POSTS) expect(checkItem(text, channel)).toEqual({ clean: true, attachment: false, read: true });
    const first = readCleanItem(POSTS[0]!, channel.declaredPrefixes, channel.prefixes);
    expect(first.clean && first.item?.comments[0]?.content).toBe('Merci !\nÀ bientôt.');
    const second = readCleanItem(POSTS[1]!, channel.declaredPrefixes, channel.prefixes);
    expect(second.clean && second.item).toMatchObject({ title: 'A  & B', postId: 4, content: 'a ]]> bé', meta: [{ key: '', value: '' }, { key: '', value: '' }] });
  });

  it('agrees with the parser at its edges: attribute text inside another value, marker characters, deep nesting', async () => {
    const { channel } = await itemsOf(`${HEADER}</channel></rss>`);
    const tricky = [
      `<item><title>t</title><category nicename=" domain='x'">C</category></item>`,
      `<item><title>t</title><category domain=' nicename="y"'>C</category></item>`,
      `<item><title>&#xE000;0&#xE001;</title><content:encoded><![CDATA[${'x'.repeat(64)}]]></content:encoded></item>`,
      `<item><title>&#57344;</title><content:encoded><![CDATA[${'x'.repeat(64)}]]></content:encoded></item>`,
    ];
    for (const text of tricky) expect(checkItem(text, channel), text.slice(0, 60)).toMatchObject({ clean: true, read: true });
    expect(parsed(tricky[0]!, channel)).toMatchObject({ categories: [{ domain: '', nicename: " domain='x'" }] });
    expect(parsed(tricky[2]!, channel)).toMatchObject({ title: '\uE0000\uE001', content: 'x'.repeat(64) });
    // fast-xml-parser refuses an element with more than 100 open around it: so does the scan.
    const nested = (depth: number): string => `<item><title>t</title>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</item>`;
    expect(checkItem(nested(100), channel).clean).toBe(true);
    expect(checkItem(nested(101), channel).clean).toBe(false);
    expect(parsed(nested(101), channel)).toMatch(/nested/);
  });

  it('leaves to the parser the shapes it does not read', async () => {
    const { channel } = await itemsOf(`${HEADER}</channel></rss>`);
    const base = POSTS[0]!;
    const aside = [
      base.replace('<title>', '<title><b>x</b>'),
      base.replace('<wp:meta_value>', '<wp:meta_value><v/>'),
      base.replace('<wp:comment_author>', '<wp:comment_author><b/>'),
      base.replace('<category domain="tag">legacy</category>', '<category domain="tag"><b>legacy</b></category>'),
      base.replace(/<\/?item>/g, (tag) => tag.replace('item', 'entry')),
      '<item a="1"></item>',
    ];
    for (const text of aside) {
      expect(checkItem(text, channel), text.slice(0, 80)).toMatchObject({ clean: true, read: false });
    }
    const header = HEADER.replace('xmlns:wp=', 'xmlns:wpx="http://wordpress.org/export/1.2/" xmlns:wp=');
    const { channel: twoPrefixes } = await itemsOf(`${header}</channel></rss>`);
    expect(checkItem(base.replace('<wp:post_id>12</wp:post_id>', '<wpx:post_id>12</wpx:post_id>'), twoPrefixes)).toMatchObject({ clean: true, read: true });
    expect(checkItem(base.replace('<wp:post_id>12</wp:post_id>', '<wpx:post_id>11</wpx:post_id><wp:post_id>12</wp:post_id>'), twoPrefixes)).toMatchObject({ clean: true, read: false });
  });

  it('reads the usual attachment shapes without parsing, as parsing does', async () => {
    const { channel } = await itemsOf(`${HEADER}</channel></rss>`);
    for (const text of ATTACHMENTS) expect(checkItem(text, channel)).toEqual({ clean: true, attachment: true, read: true });
  });

  it('follows prefixes bound to other names', async () => {
    const header = HEADER.replace('xmlns:wp=', 'xmlns:wpx=').replace('xmlns:excerpt=', 'xmlns:ex=');
    const { channel } = await itemsOf(`${header}</channel></rss>`);
    const text = ATTACHMENTS[0]!.replaceAll('wp:', 'wpx:').replaceAll('excerpt:', 'ex:');
    expect(checkItem(text, channel)).toEqual({ clean: true, attachment: true, read: true });
    expect(readCleanAttachment(text, channel.declaredPrefixes, channel.prefixes)?.alt).toBe('manière l’été le été un');
    // wp: is not declared there: the repairs must see it
    expect(checkItem(ATTACHMENTS[0]!, channel).clean).toBe(false);
  });

  it('leaves to the usual road what it does not follow', async () => {
    const { channel } = await itemsOf(`${HEADER}</channel></rss>`);
    const base = ATTACHMENTS[0]!;
    const notClean = [
      base.replace('photo-104</title>', 'photo &nbsp; 104</title>'),
      base.replace('photo-104</title>', 'photo & 104</title>'),
      base.replace('photo-104</title>', 'photo &#X41; 104</title>'),
      base.replace('photo-104</title>', 'photo &#0; 104</title>'),
      base.replace('photo-104</title>', 'photo < 104</title>'),
      base.replace('photo-104</title>', 'photo ]]> 104</title>'),
      base.replace('photo-104</title>', 'photo \u0001 104</title>'),
      base.replace('<wp:post_id>', '<atom:link href="x"/><wp:post_id>'),
      base.replace('<guid isPermaLink="false">', '<guid isPermaLink=false>'),
      base.replace('<guid isPermaLink="false">', '<guid isPermaLink="false" isPermaLink="true">'),
      base.replace('<guid isPermaLink="false">', '<guid xmlns:a="x">'),
      base.replace('</wp:post_type>', '</wp:post_type><?pi x?>'),
      base.replace('</wp:post_type>', '</wp:post_type><constructor>x</constructor>'),
      base.replace(']]></wp:post_type>', ']]><!-- c --></wp:post_type>'),
      base.replace(']]></wp:post_type>', ']]><b/></wp:post_type>'),
      base.replace('<![CDATA[attachment]]>', '\r<![CDATA[\nattachment]]>'),
      base.replace('<![CDATA[attachment]]>', '<![CDATA[attachment\r]]>\n'),
      base.replace('</wp:menu_order>', '</wp:menu_ordre>'),
      base.replace('</item>', ''),
      `${base}<item></item>`,
      `x${base}`,
      `]]${base}`,
      `&amp;${base}`,
    ];
    for (const text of notClean) expect(checkItem(text, channel).clean, text.slice(0, 80)).toBe(false);
    const notQuick = [
      base.replace('<title>photo-104</title>', '<title>photo-104</title><title>again</title>'),
      base.replace('<title>photo-104</title>', '<title>photo<!-- c -->-104</title>'),
      base.replace('<title>photo-104</title>', '<title>photo<b>-104</b></title>'),
      base.replace('<wp:post_id>', '<wp:postmeta/><wp:post_id>'),
      base.replace('<wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>', '<wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_key>b</wp:meta_key>'),
      base.replace('attachment]]>', 'post]]>'),
      base.replace('<item>', '<item a="1">').replace(/<\/?item/g, (m) => m.replace('item', 'entry')),
    ];
    for (const text of notQuick) expect(checkItem(text, channel).attachment, text.slice(0, 80)).toBe(false);
  });

  it('agrees with repairs, validation and parsing on every item of the samples, the corpus and a generated export', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'unpress-clean-'));
    try {
      const generated = join(folder, 'export.xml');
      writeSyntheticExport(generated, 60);
      const files = [generated, ...wxrFiles(join(repoRoot, 'samples', 'wxr')), ...(hasCorpus ? wxrFiles(join(corpusRoot, 'wxr')) : [])];
      let clean = 0;
      let attachments = 0;
      let read = 0;
      let items = 0;
      for (const file of files) {
        const { channel, items: texts } = await itemsOf(readFileSync(file, 'utf8'));
        if (channel === undefined) continue;
        for (const text of texts) {
          const seen = checkItem(text, channel);
          items++;
          if (seen.clean) clean++;
          if (seen.attachment) attachments++;
          if (seen.read) read++;
        }
      }
      // The fast paths are actually taken (most items of real exports are clean).
      expect(clean).toBeGreaterThan(items / 2);
      expect(attachments).toBeGreaterThan(100);
      expect(read).toBeGreaterThan(clean * 0.95);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('never disagrees on damaged variants (property)', async () => {
    const { channel } = await itemsOf(`${HEADER}</channel></rss>`);
    const fragments = [
      '&', '&amp;', '&#0;', '&#65;', '&#x41;', '&#X41;', '&#xD800;', '&nbsp;', '&foo;', '<', '>', ']]>', ']]', '<![CDATA[', '<![CDATA[x]]>', '<!-- c -->',
      '<!--', '-->', '<x>', '</x>', '<x/>', '<b>t</b>', '\r', '\r\n', '\n', '\u0001', '\uFFFE', '\uE000', '\uE001', ' ', '"', "'", '=', ' a="1"', " b='2'", ' xmlns:q="u"',
      '<wp:post_id>9</wp:post_id>', '<title>t</title>', '<title/>', '<foo:bar/>', '<atom:link/>', '</wp:postmeta>', '<wp:postmeta>', '<wp:meta_key>_wp_attachment_image_alt</wp:meta_key>',
      '<wp:meta_value>v</wp:meta_value>', '<wp:comment>', '</wp:comment>', '<?pi?>', '<!DOCTYPE x>', '<constructor/>', '<toString/>', '<item>', '</item>', 'attachment', '<wp:post_type>attachment</wp:post_type>',
    ];
    const mutation = fc.oneof(
      fc.record({ at: fc.nat(), insert: fc.constantFrom(...fragments) }),
      fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ATTACHMENTS, ...POSTS), fc.array(mutation, { minLength: 1, maxLength: 3 }), (base, mutations) => {
        let text = base;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = 'insert' in m ? text.slice(0, at) + m.insert + text.slice(at) : text.slice(0, at) + text.slice(at + m.remove);
        }
        checkItem(text, channel);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });
});
