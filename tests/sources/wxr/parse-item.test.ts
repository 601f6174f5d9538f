import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../../bench/generate.js';
import { parseWxrChannel, type WxrChannel } from '../../../src/sources/wxr/parse-channel.js';
import { parseWxrItem } from '../../../src/sources/wxr/parse-item.js';
import { splitWxrItems } from '../../../src/sources/wxr/split-items.js';
import { corpusRoot, hasCorpus, repoRoot } from '../../helpers/corpus.js';
import { referenceParseWxrItem } from './parse-item-reference.js';

/**
 * parseWxrItem() reads fast-xml-parser's ordered output; the reference reads the objects the
 * parser converts it to. Same fields, same errors, on real items and damaged ones.
 */

async function itemsOf(text: string): Promise<{ channel: WxrChannel | undefined; items: string[] }> {
  let channel: WxrChannel | undefined;
  const items: string[] = [];
  const chunks = (async function* () { yield text; })();
  for await (const piece of splitWxrItems(chunks)) {
    if (piece.kind === 'header') {
      try {
        channel = parseWxrChannel(piece.text);
      } catch {
        return { channel: undefined, items };
      }
    } else if (piece.text !== undefined) items.push(piece.text);
  }
  return { channel, items };
}

function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function same(text: string, channel: WxrChannel): void {
  expect(outcome(() => parseWxrItem(text, channel.prefixes))).toEqual(outcome(() => referenceParseWxrItem(text, channel.prefixes)));
}

function wxrFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? wxrFiles(path) : name.endsWith('.xml') ? [path] : [];
  });
}

const HEADER = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:wpx="http://wordpress.org/export/1.2/">
<channel><title>Site</title>`;

const BASE = `<item><title>Tom &amp; Jerry</title><link>http://example.org/?p=1</link><dc:creator><![CDATA[admin]]></dc:creator>
<guid isPermaLink="false">http://example.org/?p=1</guid><content:encoded><![CDATA[${'<p>Body &nbsp; text</p>\n'.repeat(5)}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>1</wp:post_id><wp:post_date><![CDATA[2017-11-26 16:12:59]]></wp:post_date>
<wp:post_type><![CDATA[post]]></wp:post_type><wp:status>publish</wp:status><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="a-b"><![CDATA[A &amp; B]]></category><category domain="post_tag" nicename="t">T</category><category>Legacy</category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[5]]></wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author><![CDATA[Jo]]></wp:comment_author><wp:comment_approved>1</wp:comment_approved>
<wp:comment_content><![CDATA[${'Nice post. '.repeat(8)}]]></wp:comment_content><wp:commentmeta><wp:meta_key>k</wp:meta_key></wp:commentmeta></wp:comment>
</item>`;

describe('parseWxrItem', () => {
  it('reads every item of the samples, the corpus and a generated export as the object conversion did', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'unpress-parse-'));
    try {
      const generated = join(folder, 'export.xml');
      writeSyntheticExport(generated, 40);
      const files = [generated, ...wxrFiles(join(repoRoot, 'samples', 'wxr')), ...(hasCorpus ? wxrFiles(join(corpusRoot, 'wxr')) : [])];
      let count = 0;
      for (const file of files) {
        const { channel, items } = await itemsOf(readFileSync(file, 'utf8'));
        if (channel === undefined) continue;
        for (const text of items) {
          same(text, channel);
          count++;
        }
      }
      expect(count).toBeGreaterThan(200);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('reads damaged, odd and repeated elements the same way (property)', async () => {
    const { channel } = await itemsOf(`${HEADER}</channel></rss>`);
    const fragments = [
      '<title>again</title>', '<title a="1">t</title>', '<title/>', '<title><b>x</b>y</title>', '<wp:post_id>2</wp:post_id>', '<wpx:post_id>3</wpx:post_id>',
      '<wpx:postmeta><wp:meta_key>x</wp:meta_key></wpx:postmeta>', '<wp:postmeta/>', '<wp:postmeta>text</wp:postmeta>', '<wp:comment/>', '<wp:comment a="1"/>',
      '<category/>', '<category domain="d"/>', '<category nicename="&amp;x">n</category>', '<item>', '</item>', '<x>', '</x>', '&amp;', '&#38;', '&nbsp;', '&', '<',
      '<![CDATA[c]]>', `<![CDATA[${'long '.repeat(20)}]]>`, '<!-- c -->', '\r\n', ' ', 'text', '"', '<wpx:comment><wpx:comment_id>9</wpx:comment_id></wpx:comment>',
    ];
    const mutation = fc.oneof(
      fc.record({ at: fc.nat(), insert: fc.constantFrom(...fragments) }),
      fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 10 }) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 0, maxLength: 4 }), (mutations) => {
        let text = BASE;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = 'insert' in m ? text.slice(0, at) + m.insert + text.slice(at) : text.slice(0, at) + text.slice(at + m.remove);
        }
        same(text, channel!);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });
});
