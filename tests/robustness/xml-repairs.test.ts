import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWxrChannel } from '../../src/sources/wxr/parse-channel.js';
import { parseWxrItem, type WxrItem } from '../../src/sources/wxr/parse-item.js';
import { parseItemText } from '../../src/sources/wxr/read.js';
import { repairItemXml } from '../../src/sources/wxr/repair-item.js';
import { corpusFile, hasCorpus } from '../helpers/corpus.js';
import { convertExport, exportOf, frontMatterOf, header, item, posts, readText } from './helpers.js';

const channel = parseWxrChannel(header());

/** The item as the reader gets it: checked, repaired if needed, parsed. */
function read(text: string): { item: WxrItem; repairs: string[] } {
  const parsed = parseItemText(text, 1, channel);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

// crazy-cdata.xml from WordPress's importer tests (phpunit/data), written by WXR <= 1.1, which did
// not split `]]>`: the importer's regex parser reads each value from the first <![CDATA[ to the
// last ]]> of the element.
const CRAZY = `<item><title>Hello world!</title><wp:post_id>1</wp:post_id>
<content:encoded><![CDATA[Content with nested <![CDATA[ tags ]]> :)]]></content:encoded>
<wp:postmeta><wp:meta_key>Closing CDATA</wp:meta_key><wp:meta_value><![CDATA[]]>]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>Alot of CDATA</wp:meta_key><wp:meta_value><![CDATA[This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>]]></wp:meta_value></wp:postmeta>
</item>`;
const CRAZY_EXPECTED = {
  content: 'Content with nested <![CDATA[ tags ]]> :)',
  meta: [
    { key: 'Closing CDATA', value: ']]>' },
    { key: 'Alot of CDATA', value: 'This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>' },
  ],
};

describe('strict reading first', () => {
  it('reads a well-formed item as it is, with no repair', () => {
    const text = item({ content: 'a ]]]]><![CDATA[> b &amp; <![CDATA[' });
    const repaired = repairItemXml(text, channel.declaredPrefixes);
    expect(repaired.repairs).toEqual([]);
    expect(repaired.text).toBe(text);
  });
});

describe('lenient recovery of what fast-xml-parser would let through or refuse', () => {
  it('escapes a raw & in a URL field and says so', () => {
    const { item: parsed, repairs } = read(item().replace(/<link>[^<]*<\/link>/, '<link>http://example.org/?p=1&lang=fr</link>'));
    expect(parsed.link).toBe('http://example.org/?p=1&lang=fr');
    expect(repairs).toEqual(['escaped 1 raw "&" character(s)']);
  });

  it('decodes HTML entities such as &nbsp; written outside CDATA, and names them', () => {
    const { item: parsed, repairs } = read(item({ title: 'Caf&eacute;&nbsp;cr&egrave;me' }));
    expect(parsed.title).toBe('Café\u00a0crème');
    expect(repairs).toEqual(['decoded 3 HTML entit(ies) XML does not define (&eacute;, &nbsp;, &egrave;)']);
  });

  it('keeps an entity nobody defines as literal text', () => {
    const { item: parsed, repairs } = read(item({ title: 'a &lol9; b' }));
    expect(parsed.title).toBe('a &lol9; b');
    expect(repairs).toEqual(['kept 1 unknown entit(ies) as literal text (&lol9;)']);
  });

  it('removes control characters such as U+0001, in text and in CDATA', () => {
    const { item: parsed, repairs } = read(item({ title: 'a\u0001b', content: 'x\u0007y' }));
    expect(parsed.title).toBe('ab');
    expect(parsed.content).toBe('xy');
    expect(repairs).toEqual(['removed 2 control character(s) XML does not allow (U+0001, U+0007)']);
  });

  it('removes character references to characters XML does not allow (&#1;)', () => {
    const { item: parsed, repairs } = read(item({ title: 'a&#1;b&#xD800;c' }));
    expect(parsed.title).toBe('abc');
    expect(repairs[0]).toMatch(/^removed 2 reference/);
  });

  it('escapes a "<" that starts no tag', () => {
    const { item: parsed, repairs } = read(item({ title: '1 < 2' }));
    expect(parsed.title).toBe('1 < 2');
    expect(repairs).toEqual(['escaped 1 "<" character(s) that start no tag']);
  });

  it('reads an item that uses an undeclared prefix (atom:link) and says so', () => {
    const { item: parsed, repairs } = read(item({}, '<atom:link rel="hub" href="http://example.org/"/>'));
    expect(parsed.postId).toBe(10);
    expect(repairs).toEqual(['read elements whose namespace prefix is not declared (atom:)']);
  });

  it('reads nested CDATA the way WordPress\'s importer does', () => {
    const { item: parsed, repairs } = read(CRAZY);
    expect(parsed.content).toBe(CRAZY_EXPECTED.content);
    expect(parsed.meta).toEqual(CRAZY_EXPECTED.meta);
    expect(repairs).toEqual(["read a CDATA section nested in another as WordPress's importer does (<content:encoded>, <wp:meta_value>)"]);
  });

  it('reads a ]]> written before block markup in a body as content (found by the corpus mutation tests)', () => {
    const { item: parsed, repairs } = read(item({ content: ']]><!-- wp:paragraph -->\n<p>Un</p>\n<!-- /wp:paragraph -->' }));
    expect(parsed.content).toBe(']]><!-- wp:paragraph -->\n<p>Un</p>\n<!-- /wp:paragraph -->');
    expect(repairs).toEqual(["read a CDATA section nested in another as WordPress's importer does (<content:encoded>)"]);
  });

  it('closes a CDATA section that runs into its closing tag', () => {
    const { item: parsed, repairs } = read(item().replace('<![CDATA[<p>Texte</p>]]>', '<![CDATA[<p>Texte</p>'));
    expect(parsed.content).toBe('<p>Texte</p>');
    expect(repairs).toEqual(['closed a CDATA section that was never closed (<content:encoded>)']);
  });
});

describe.skipIf(!hasCorpus)('crazy-cdata.xml from the importer\'s tests', () => {
  it.each(['crazy-cdata.xml', 'crazy-cdata-escaped.xml'])('%s gives the values WordPress\'s importer gives', async (name) => {
    const text = await readFile(corpusFile('wxr', 'wordpress-importer', name), 'utf8');
    const start = text.indexOf('<item>');
    const parsedChannel = parseWxrChannel(text.slice(0, start));
    const repaired = repairItemXml(text.slice(start, text.indexOf('</item>') + 7), parsedChannel.declaredPrefixes);
    const parsed = parseWxrItem(repaired.text, parsedChannel.prefixes);
    expect(parsed.content).toBe(CRAZY_EXPECTED.content);
    expect(parsed.meta.slice(1)).toEqual(CRAZY_EXPECTED.meta);
    expect(repaired.repairs.length > 0).toBe(name === 'crazy-cdata.xml'); // the escaped one is well-formed
  });
});

describe('repaired items through the CLI', () => {
  it('writes a repaired post with an xml-repaired warning in the manifest, and exits 0', async () => {
    const run = await convertExport(exportOf([item({ title: 'Th&eacute; &amp; caf&eacute;' })]));
    expect(run.code).toBe(0);
    expect(run.manifest.records[0]?.warnings).toEqual([
      { code: 'xml-repaired', message: 'not well-formed XML, read leniently: decoded 2 HTML entit(ies) XML does not define (&eacute;)' },
    ]);
    expect(frontMatterOf(await readText(join(run.out, 'posts', 'bonjour.md')))['title']).toBe('Thé & café');
  });

  it('reports a channel header with an undeclared prefix as a file warning', async () => {
    const text = exportOf(posts(1)).replace('<channel>', '<channel><atom:link rel="self" href="http://example.org/feed/"/>');
    const run = await convertExport(text);
    expect(run.code).toBe(0);
    expect(run.manifest.warnings.map((w) => w.message)).toEqual([
      'the channel header is not well-formed XML, read leniently: read elements whose namespace prefix is not declared (atom:)',
    ]);
  });
});

describe('items no repair can save', () => {
  it('fails only the broken item, naming the file, its line, its post id and what is wrong', async () => {
    const items = posts(3);
    items[1] = items[1]!.replace('</wp:post_name>', '</wp:post_nme>');
    const run = await convertExport(exportOf(items));
    expect(run.code).toBe(1);
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 3]);
    expect(run.manifest.failed).toHaveLength(1);
    const failure = run.manifest.failed[0]!;
    expect(failure.wordpressId).toBe(2);
    expect(failure.source.item).toBe(2);
    const text = exportOf(items);
    const badLine = text.slice(0, text.indexOf('</wp:post_nme>')).split('\n').length;
    expect(failure.error).toMatch(new RegExp(`export\\.xml, item 2 \\(line \\d+, post 2\\) is not well-formed XML at line ${badLine} \\(Expected closing tag 'wp:post_name'`));
  });

  it('does not let a damaged </item> take the next item with it', async () => {
    const items = posts(3);
    items[0] = items[0]!.replace(/<\/item>$/, '</itme>');
    const run = await convertExport(exportOf(items));
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([2, 3]);
    expect(run.manifest.failed.map((f) => [f.wordpressId, f.source.item])).toEqual([[1, 1]]);
  });

  it('reports an item whose <item> tag is damaged instead of dropping it', async () => {
    const items = posts(3);
    items[1] = items[1]!.replace(/^<item>/, '<itme>');
    const run = await convertExport(exportOf(items));
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 3]);
    expect(run.manifest.failed.map((f) => f.wordpressId)).toEqual([2]);
    expect(run.manifest.summary).toMatchObject({ written: 2, failed: 1 });
  });

  it('reports a damaged first <item> (it sits in the channel header) instead of dropping it', async () => {
    const items = posts(2);
    items[0] = items[0]!.replace(/^<item>/, '<itme>');
    const run = await convertExport(exportOf(items));
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([2]);
    expect(run.manifest.failed.map((f) => f.wordpressId)).toEqual([1]);
  });

  it('reads an item whose CDATA lost its ]]>, and the items that CDATA swallowed', async () => {
    const items = posts(4);
    items[1] = items[1]!.replace('<p>Texte</p>]]>', '<p>Texte</p>]]');
    const run = await convertExport(exportOf(items));
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 2, 3, 4]);
    expect(run.manifest.records[1]?.warnings.map((w) => w.message)).toEqual([
      'not well-formed XML, read leniently: closed a CDATA section that was never closed (<content:encoded>)',
    ]);
  });

  it('fails, and names, an item that a CDATA without ]]> cut in the middle of a tag', async () => {
    const items = posts(4);
    items[1] = items[1]!.replace('<p>Texte</p>]]></content:encoded>', '<p>Texte</p></content:enc');
    const run = await convertExport(exportOf(items));
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 3, 4]);
    expect(run.manifest.failed.map((f) => f.wordpressId)).toEqual([2]);
  });

  it('does not let a comment that is never closed swallow the items after it', async () => {
    const items = posts(4);
    items[1] = items[1]!.replace('<wp:post_id>', '<!-- <wp:post_id>');
    const run = await convertExport(exportOf(items));
    expect(run.code).toBe(1);
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 3, 4]);
    expect(run.manifest.failed.map((f) => [f.source.item, f.error])).toEqual([[2, expect.stringMatching(/, item 2 \(line \d+, post 2\) is not well-formed XML/)]]);
  });

  it('says so when the channel header itself is broken, and still reads the items', async () => {
    const text = exportOf(posts(2)).replace('<title>Site</title>', '<title>Site</titel>');
    const run = await convertExport(text);
    expect(run.manifest.records).toHaveLength(2);
    expect(run.manifest.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^the channel header is not well-formed XML, read leniently: its structure is broken at line \d+ \(.*titel.*\): site facts, authors or terms may be incomplete$/),
    ]);
  });

  it('keeps as one post an item whose content quotes a whole <item> in CDATA', async () => {
    const quoted = '<pre><item><title>x</title><wp:post_id>99</wp:post_id></item></pre>';
    const run = await convertExport(exportOf([item({ content: quoted }), item({ post_id: '11', post_name: 'deux' })]));
    expect(run.code).toBe(0);
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([10, 11]);
  });
});
