import { describe, expect, it } from 'vitest';
import { NotAnExportError, parseWxrChannel } from '../../../src/sources/wxr/parse-channel.js';
import { parseWxrItem } from '../../../src/sources/wxr/parse-item.js';
import { splitWxrItems } from '../../../src/sources/wxr/split-items.js';
import { toIsoDate } from '../../../src/sources/wxr/dates.js';
import { header, item, recordOf } from './wxr-fixture.js';

async function pieces(chunks: string[]) {
  const out = [];
  for await (const piece of splitWxrItems((async function* () { yield* chunks; })())) out.push(piece);
  return out;
}

describe('splitWxrItems', () => {
  it('splits items even when chunks cut tags and CDATA in the middle', async () => {
    const text = `${header()}${item({ post_id: '1' })}${item({ post_id: '2' })}</channel></rss>`;
    const chunks = text.match(/[\s\S]{1,7}/g)!;
    const result = await pieces(chunks);
    expect(result.map((p) => p.kind)).toEqual(['header', 'item', 'item']);
  });

  it('does not cut an item at an </item> written inside CDATA or a comment', async () => {
    const tricky = item({ content: 'a </item> <item> b' }).replace('</item>', '<!-- </item> --></item>');
    const result = await pieces([`${header()}${tricky}</channel></rss>`]);
    expect(result.filter((p) => p.kind === 'item')).toHaveLength(1);
  });

  it('reports the line where each item starts', async () => {
    const result = await pieces([`${header()}\n${item()}\n\n${item()}</channel></rss>`]);
    const lines = result.flatMap((p) => (p.kind === 'item' ? [p.line] : []));
    expect(lines[1]! - lines[0]!).toBe(item().split('\n').length + 1);
  });

  it('reports a file that ends inside an item', async () => {
    const result = await pieces([`${header()}${item()}${item().slice(0, 120)}`]);
    expect(result.at(-1)).toMatchObject({ kind: 'truncated', index: 2 });
  });
});

describe('parseWxrChannel', () => {
  it('matches namespaces by URI, not prefix, including https URIs', () => {
    const text = header().replace(/xmlns:wp=/, 'xmlns:wordpress=').replace(/wp:wxr_version/g, 'wordpress:wxr_version');
    expect(parseWxrChannel(text).wxrVersion).toBe('1.2');
    expect(parseWxrChannel(header('', '1.2', 'https')).wxrVersion).toBe('1.2');
  });

  it('keeps the category hierarchy (parents given by slug)', () => {
    const channel = '<wp:category><wp:category_nicename>enfant</wp:category_nicename><wp:category_parent>parent</wp:category_parent><wp:cat_name><![CDATA[Enfant]]></wp:cat_name></wp:category>';
    expect(parseWxrChannel(header(channel)).terms[0]).toMatchObject({ slug: 'enfant', parent: 'parent', name: 'Enfant' });
  });

  it('accepts a UTF-8 BOM', () => {
    expect(parseWxrChannel(`\uFEFF${header()}`).wxrVersion).toBe('1.2');
  });

  it.each([
    ['', 'is empty'],
    ['garbage bytes', 'is not XML'],
    ['<!DOCTYPE html><html><body>hi</body></html>', 'HTML page'],
    ['<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', 'RSS feed'],
  ])('refuses %j with one clear sentence', (text, message) => {
    expect(() => parseWxrChannel(text)).toThrow(NotAnExportError);
    expect(() => parseWxrChannel(text)).toThrow(message);
  });
});

describe('parseWxrItem', () => {
  const prefixes = new Map<string, string>();

  it('joins split CDATA sections (]]]]><![CDATA[>)', () => {
    const text = item({ content: 'a ]]]]><![CDATA[> b' });
    expect(parseWxrItem(text, prefixes).content).toBe('a ]]> b');
  });

  it('reads fields without CDATA, decoding entities', () => {
    const text = item().replace('<title>Bonjour</title>', '<title>Caf&#233; &amp; th&eacute;</title>');
    expect(parseWxrItem(text, prefixes).title).toBe('Café & thé');
  });

  it('reads empty self-closing elements as empty', () => {
    const text = item().replace(/<wp:post_name>.*?<\/wp:post_name>/, '<wp:post_name/>');
    expect(parseWxrItem(text, prefixes).postName).toBe('');
  });

  it('gives an empty slug to a draft without post_name (the planner derives one from the title)', () => {
    expect(recordOf(item({ post_name: '', status: 'draft' })).slug).toBe('');
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2017-11-26 16:12:59', '2017-11-26 15:12:59', '2017-11-26T16:12:59+01:00'],
    ['2017-07-01 10:00:00', '2017-07-01 08:00:00', '2017-07-01T10:00:00+02:00'],
    ['2020-01-01 05:30:00', '2020-01-01 00:00:00', '2020-01-01T05:30:00+05:30'],
    ['2019-03-10 07:00:00', '2019-03-10 12:00:00', '2019-03-10T07:00:00-05:00'],
    ['2018-01-10 22:04:13', '0000-00-00 00:00:00', '2018-01-10T22:04:13'],
    ['0000-00-00 00:00:00', '0000-00-00 00:00:00', undefined],
  ])('%s / %s -> %s', (local, gmt, expected) => {
    expect(toIsoDate(local, gmt)).toBe(expected);
  });
});
