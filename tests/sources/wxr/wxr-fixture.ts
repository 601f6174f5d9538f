import { emptySiteIndex, type SiteIndex } from '../../../src/model/site.js';
import type { PostRecord } from '../../../src/model/post.js';
import { addChannelToIndex, parseWxrChannel } from '../../../src/sources/wxr/parse-channel.js';
import { parseWxrItem } from '../../../src/sources/wxr/parse-item.js';
import { toPostRecord, type ItemOutcome } from '../../../src/sources/wxr/to-record.js';

/** A WXR 1.2 header with the given channel children (authors, terms). */
export function header(channel = '', version = '1.2', scheme = 'http'): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="${scheme}://wordpress.org/export/${version}/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="${scheme}://wordpress.org/export/${version}/">
<channel><title>Site</title><wp:wxr_version>${version}</wp:wxr_version>${channel}`;
}

/** An item with sensible defaults; `extra` is appended inside <item>. */
export function item(fields: Record<string, string> = {}, extra = ''): string {
  const f = {
    title: 'Bonjour',
    post_id: '10',
    post_date: '2017-11-26 16:12:59',
    post_date_gmt: '2017-11-26 15:12:59',
    post_name: 'bonjour',
    status: 'publish',
    post_type: 'post',
    content: '<p>Texte</p>',
    creator: 'admin',
    password: '',
    ...fields,
  };
  return `<item><title>${f.title}</title><link>http://example.org/bonjour/</link>
<dc:creator><![CDATA[${f.creator}]]></dc:creator><content:encoded><![CDATA[${f.content}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${f.post_id}</wp:post_id>
<wp:post_date><![CDATA[${f.post_date}]]></wp:post_date><wp:post_date_gmt><![CDATA[${f.post_date_gmt}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${f.post_name}]]></wp:post_name><wp:status><![CDATA[${f.status}]]></wp:status>
<wp:post_type><![CDATA[${f.post_type}]]></wp:post_type><wp:post_password><![CDATA[${f.password}]]></wp:post_password>
${extra}</item>`;
}

/** header + one item -> the item's outcome, as the pipeline computes it. */
export function outcomeOf(itemXml: string, channel = '', site: SiteIndex = emptySiteIndex()): ItemOutcome {
  const parsedChannel = parseWxrChannel(header(channel));
  addChannelToIndex(site, parsedChannel);
  const parsed = parseWxrItem(itemXml, parsedChannel.prefixes);
  return toPostRecord(parsed, site, { kind: 'wxr', file: 'test.xml', item: 1 });
}

export function recordOf(itemXml: string, channel = '', site?: SiteIndex): PostRecord {
  const outcome = outcomeOf(itemXml, channel, site);
  if (outcome.kind !== 'record') throw new Error(`expected a record, got skip: ${outcome.reason}`);
  return outcome.record;
}
