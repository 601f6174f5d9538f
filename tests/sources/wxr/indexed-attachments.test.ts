import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySiteIndex } from '../../../src/model/site.js';
import { indexWxrFile, readWxrItems } from '../../../src/sources/wxr/read.js';
import { tempDir } from '../../helpers/run.js';
import { header, item } from './wxr-fixture.js';

const attachment = (id: string, title: string, parent: string): string =>
  item({ post_id: id, title, post_type: 'attachment', status: 'inherit', content: '' }, `<wp:post_parent>${parent}</wp:post_parent><wp:attachment_url>http://example.org/${title}.jpg</wp:attachment_url>`);

describe('attachments indexed by the first pass, told again by the second without parsing', () => {
  it('keep their own title and parent when an export repeats an id (as the pelican test export does)', async () => {
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, `${header()}${attachment('25', 'first', '1')}${attachment('25', 'second', '1')}${attachment('25', 'third', '2')}${item()}</channel></rss>\n`);
    const site = emptySiteIndex();
    const channel = await indexWxrFile(file, site);
    const told: Array<[string, number]> = [];
    for await (const event of readWxrItems(file, channel)) if (event.kind === 'item') told.push([event.item.title, event.item.parent]);
    expect(told).toEqual([['first', 1], ['second', 1], ['third', 2], ['Bonjour', 0]]);
    expect(site.attachments.get(25)?.title).toBe('third');
  });
});
