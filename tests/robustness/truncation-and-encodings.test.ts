import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertExport, exportOf, frontMatterOf, header, item, posts, readText } from './helpers.js';

const full = exportOf(posts(5));

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

describe('a truncated export (a download cut short)', () => {
  it('converts every complete item before a cut inside an item, names the file and where it stopped, exits 1', async () => {
    const fourth = full.lastIndexOf('<item>', full.indexOf('Post 4'));
    const text = full.slice(0, full.indexOf('Post 4') + 3);
    const run = await convertExport(text);
    expect(run.code).toBe(1);
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 2, 3]);
    expect(run.manifest.failed).toHaveLength(1);
    expect(run.manifest.failed[0]!.error).toBe(
      `${join(run.dir, 'export.xml')} ends in the middle of item 4 (line ${lineOf(full, fourth)}): the file is truncated; the 3 item(s) before it were read`,
    );
    expect(run.lines.at(-1)).toBe('3 written, 0 skipped, 1 failed, 0 warnings');
  });

  it('converts every item when the cut falls between items, and still says the file is truncated', async () => {
    const text = full.slice(0, full.indexOf('</item>', full.indexOf('Post 3')) + 7);
    const run = await convertExport(text);
    expect(run.code).toBe(1);
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 2, 3]);
    expect(run.manifest.failed.map((f) => f.error)).toEqual([
      expect.stringMatching(/export\.xml stops after item 3 \(line \d+\) without its closing <\/channel><\/rss>: the file is probably truncated/),
    ]);
  });

  it('converts the items before a cut inside a CDATA section', async () => {
    const text = full.slice(0, full.indexOf('<p>Texte</p>', full.indexOf('Post 3')) + 5);
    const run = await convertExport(text);
    expect(run.code).toBe(1);
    expect(run.manifest.records.map((r) => r.wordpress_id)).toEqual([1, 2]);
    expect(run.manifest.failed[0]!.error).toMatch(/ends in the middle of item 3/);
  });

  it('fails the file in one sentence when the cut falls in the channel header', async () => {
    const run = await convertExport(full.slice(0, full.indexOf('<channel>') + 4));
    expect(run.code).toBe(1);
    expect(run.manifest.records).toEqual([]);
    expect(run.manifest.failed).toHaveLength(1);
    expect(run.manifest.failed[0]!.error).toMatch(/export\.xml (stops before its first item|is XML but not a WordPress export)/);
  });

  it('reports an export without items that lost its end', async () => {
    const run = await convertExport(`${header()}\n<wp:author><wp:author_login>admin</wp:author_login>`);
    expect(run.code).toBe(1);
    expect(run.manifest.failed.map((f) => f.error)).toEqual([expect.stringMatching(/stops before its first item without its closing/)]);
  });

  it('accepts trailing whitespace after </rss>', async () => {
    const run = await convertExport(`${full}\n\n  \n`);
    expect(run.code).toBe(0);
    expect(run.manifest.summary).toMatchObject({ written: 5, failed: 0 });
  });
});

describe('encodings', () => {
  const latin1Export = (encoding: string, title: Uint8Array): Uint8Array => {
    const text = exportOf([item({ title: '@@TITLE@@' })]).replace('encoding="UTF-8"', `encoding="${encoding}"`);
    const [before, after] = text.split('@@TITLE@@') as [string, string];
    return Buffer.concat([Buffer.from(before, 'latin1'), title, Buffer.from(after, 'latin1')]);
  };

  async function titleOf(bytes: Uint8Array): Promise<{ title: unknown; code: number; warnings: number }> {
    const run = await convertExport(bytes);
    const text = await readText(join(run.out, 'posts', 'bonjour.md'));
    return { title: frontMatterOf(text)['title'], code: run.code, warnings: run.manifest.summary.warnings };
  }

  it('honours encoding="ISO-8859-1" in the XML declaration', async () => {
    expect(await titleOf(latin1Export('ISO-8859-1', Buffer.from([0x43, 0x61, 0x66, 0xe9])))).toEqual({ title: 'Café', code: 0, warnings: 0 });
  });

  it('honours encoding="windows-1252" (curly quotes in 0x80-0x9F)', async () => {
    expect(await titleOf(latin1Export('windows-1252', Buffer.from([0x93, 0x4f, 0x4b, 0x94, 0x20, 0x80])))).toEqual({ title: '“OK” €', code: 0, warnings: 0 });
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exportOf([item({ title: 'Thé' })]))]);
    expect(await titleOf(bytes)).toEqual({ title: 'Thé', code: 0, warnings: 0 });
  });

  it('reads UTF-16 with its byte order mark', async () => {
    const text = exportOf([item({ title: 'Thé' })]).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await titleOf(bytes)).toEqual({ title: 'Thé', code: 0, warnings: 0 });
  });

  it('replaces invalid UTF-8 bytes, reports them on the file and on the post, and still writes it (exit 0)', async () => {
    const text = exportOf([item({ content: '@@BODY@@' }), item({ post_id: '11', post_name: 'ok' })]);
    const [before, after] = text.split('@@BODY@@') as [string, string];
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0x61, 0xff, 0x62, 0xc3, 0x28]), Buffer.from(after)]);
    const run = await convertExport(bytes);
    expect(run.code).toBe(0);
    expect(run.manifest.summary).toMatchObject({ written: 2, failed: 0 });
    expect(run.manifest.warnings).toEqual([
      expect.objectContaining({ code: 'invalid-encoding', message: "2 byte sequence(s) were not valid in the file's encoding and were replaced by U+FFFD" }),
    ]);
    expect(run.manifest.records[0]!.warnings.map((w) => w.code)).toEqual(['invalid-encoding']);
    expect(run.manifest.records[1]!.warnings).toEqual([]);
  });

  it('does not report a U+FFFD that the file really contains', async () => {
    const run = await convertExport(exportOf([item({ title: 'a \uFFFD b' })]));
    expect(run.code).toBe(0);
    expect(run.manifest.summary.warnings).toBe(0);
  });
});
