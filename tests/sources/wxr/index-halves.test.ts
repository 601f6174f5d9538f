import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../../bench/generate.js';
import { emptySiteIndex, type SiteIndex } from '../../../src/model/site.js';
import type { SecondHalf } from '../../../src/sources/wxr/index-helper.js';
import { indexWxrFile, readWxrItems, type IndexOptions } from '../../../src/sources/wxr/read.js';
import { corpusFile, hasCorpus } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/run.js';
import { header, item } from './wxr-fixture.js';

/**
 * The first pass may read an export in two halves, the second in a helper thread
 * (indexWxrFile): the index, and what the second pass then tells, must be what one reading gives.
 */
async function firstAndSecondPass(file: string, options: IndexOptions): Promise<{ site: SiteIndex; told: unknown[]; halves: string[] }> {
  const site = emptySiteIndex();
  const halves: string[] = [];
  const channel = await indexWxrFile(file, site, { ...options, onHalves: (how) => halves.push(how) });
  const told: unknown[] = [];
  for await (const event of readWxrItems(file, channel)) {
    // link and guid: an attachment the first pass indexed is told without them (not parsed again).
    told.push(event.kind === 'item' ? [event.index, event.item.postType, event.item.postId, event.item.title, event.item.parent, event.item.attachmentUrl, event.item.link, event.item.guid, event.repairs] : event);
  }
  return { site, told, halves };
}

function indexOf(site: SiteIndex): unknown {
  return {
    authors: [...site.authors],
    terms: [...site.terms],
    attachments: [...site.attachments.values()],
    ids: [...site.attachments.values()].map((a) => [a.id, site.attachments.get(a.id)]),
    blocks: [...site.reusableBlocks],
  };
}

async function expectSameAsOneReading(file: string, expected: string | undefined, startHelper?: IndexOptions['startHelper']): Promise<void> {
  const one = await firstAndSecondPass(file, { parallelFrom: Number.POSITIVE_INFINITY });
  const two = await firstAndSecondPass(file, { parallelFrom: 0, ...(startHelper ? { startHelper } : {}) });
  expect(one.halves).toEqual([]);
  if (expected !== undefined) expect(two.halves).toEqual([expected]);
  expect(indexOf(two.site)).toEqual(indexOf(one.site));
  expect(two.told).toEqual(one.told);
}

const attachment = (id: number, title: string, parent: number): string =>
  item({ post_id: String(id), title, post_type: 'attachment', status: 'inherit', content: '' }, `<wp:post_parent>${parent}</wp:post_parent><wp:attachment_url>http://example.org/${id}.jpg</wp:attachment_url>`);

/** Posts, each followed by its attachments (one in two with a damaged title, parsed rather than read cleanly), and reusable blocks. */
function export_(posts: number, body: (n: number) => string = () => '<p>Texte</p>'): string {
  const items: string[] = [];
  for (let n = 1; n <= posts; n++) {
    const id = n * 10;
    items.push(item({ post_id: String(id), title: `Billet ${n}`, post_name: `billet-${n}`, content: body(n) }));
    items.push(attachment(id + 1, `photo ${n} – été`, id), attachment(id + 2, n % 2 ? `photo & co ${n}` : `photo &bad; ${n}`, id));
    if (n % 7 === 0) items.push(item({ post_id: String(id + 3), title: `Bloc ${n}`, post_type: 'wp_block', content: `<!-- wp:paragraph --><p>bloc ${n}</p><!-- /wp:paragraph -->` }));
  }
  return `${header()}\n${items.join('\n')}\n</channel></rss>\n`;
}

describe('the first pass in two halves', () => {
  it('indexes what one reading indexes (a generated export of 200 posts)', async () => {
    const file = join(await tempDir(), 'export.xml');
    writeSyntheticExport(file, 200, 7);
    await expectSameAsOneReading(file, 'helper');
  });

  it('indexes what one reading indexes, repeated ids and damaged items included', async () => {
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, export_(120).replace(/<wp:post_id>231<\/wp:post_id>/, '<wp:post_id>11</wp:post_id>'));
    await expectSameAsOneReading(file, 'helper');
  });

  it('reads on by itself when the middle falls in a CDATA section that quotes an <item> tag', async () => {
    const quoted = `<p>${'Un export WXR contient des éléments. '.repeat(40)}</p><pre>&lt;item&gt;</pre>${'\n<item>\n<title>pas un billet</title>\n</item>\n'.repeat(400)}`;
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, export_(3, (n) => (n === 2 ? quoted : '<p>Texte</p>')));
    await expectSameAsOneReading(file, 'read on');
  });

  it('reads on by itself when the middle falls in a comment between items that quotes <item> tags', async () => {
    const text = export_(40);
    const middle = Math.floor(Buffer.byteLength(text) / 2);
    const cut = text.indexOf('</item>', middle) + '</item>'.length;
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, `${text.slice(0, cut)}\n<!-- ${'<item>copie</item> '.repeat(2000)} -->${text.slice(cut)}`);
    await expectSameAsOneReading(file, 'read on');
  });

  it('starts no helper when the channel header reaches past the middle', async () => {
    const terms = Array.from({ length: 3000 }, (_, n) => `<wp:category><wp:term_id>${n + 1}</wp:term_id><wp:category_nicename><![CDATA[theme-${n}]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Thème ${n}]]></wp:cat_name></wp:category>`).join('\n');
    const text = export_(20).replace('<wp:wxr_version>1.2</wp:wxr_version>', `<wp:wxr_version>1.2</wp:wxr_version>${terms}`);
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, text);
    expect(text.indexOf('<item>')).toBeGreaterThan(Buffer.byteLength(text) / 2);
    const halves: string[] = [];
    await indexWxrFile(file, emptySiteIndex(), { parallelFrom: 0, onHalves: (how) => halves.push(how) });
    expect(halves).toEqual([]);
    await expectSameAsOneReading(file, undefined);
  });

  it('does not cut after a byte that is not ASCII (an invalid UTF-8 byte before the middle <item>)', async () => {
    const bytes = Buffer.from(export_(60));
    // The <item> tag the cut would take, right after a lone 0xE2 that stands for the newline
    // before it: the first half's text would end with `</item>` and the 0xE2 held back.
    const at = bytes.indexOf('<item>', Math.floor(bytes.length / 2));
    expect(bytes.subarray(at - 8, at).toString()).toBe('</item>\n');
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, Buffer.concat([bytes.subarray(0, at - 1), Buffer.from([0xe2]), bytes.subarray(at)]));
    await expectSameAsOneReading(file, 'helper');
    const site = emptySiteIndex();
    await indexWxrFile(file, site, { parallelFrom: 0 });
    expect(site.attachments.size).toBe(120);
  });

  it('reads the second half itself when the helper fails', async () => {
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, export_(80));
    const closed: boolean[] = [];
    const failing = (): SecondHalf => ({ findings: async () => undefined, close: async () => void closed.push(true) });
    await expectSameAsOneReading(file, 'helper failed', failing);
    expect(closed).toEqual([true]);
  });

  it('reads a windows-1252 export from its middle with the encoding its declaration gives', async () => {
    const text = export_(60).replace('encoding="UTF-8"', 'encoding="windows-1252"').replace(/–/g, '\u2013');
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, encode1252(text));
    await expectSameAsOneReading(file, 'helper');
  });

  it('reads a UTF-16 export in one piece (its bytes cannot be read from the middle)', async () => {
    const file = join(await tempDir(), 'export.xml');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(export_(40), 'utf16le')]));
    await expectSameAsOneReading(file, undefined);
    const halves: string[] = [];
    await indexWxrFile(file, emptySiteIndex(), { parallelFrom: 0, onHalves: (how) => halves.push(how) });
    expect(halves).toEqual([]);
  });

  it.skipIf(!hasCorpus)('indexes every corpus export as one reading does', async () => {
    const folder = corpusFile('wxr');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) await expectSameAsOneReading(join(folder, name), undefined);
  });
});

/** Windows-1252 bytes of text that only has Latin-1 characters and the en dash. */
function encode1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c === '\u2013' ? 0x96 : c.charCodeAt(0))));
}
