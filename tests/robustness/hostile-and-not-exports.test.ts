import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropDoctype } from '../../src/sources/wxr/parse-channel.js';
import { readManifest, runCli, tempDir } from '../helpers/run.js';
import { convertExport, convertFiles, exportOf, header, item, listTree, posts, readText } from './helpers.js';

const laughs = [
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
].join('\n');

describe('hostile XML', () => {
  it('does not expand a billion laughs: quick, bounded memory, the reference kept as text', async () => {
    const text = exportOf([item({ title: '&lol9;', content: '&lol9;' })]).replace('<rss', `<!DOCTYPE rss [\n${laughs}\n]>\n<rss`);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const run = await convertExport(text);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(run.manifest.summary).toMatchObject({ written: 1, failed: 0 });
    const written = await readText(join(run.out, 'posts', 'bonjour.md'));
    expect(written).toContain('title: "&lol9;"');
    expect(written.length).toBeLessThan(2_000);
    expect(run.manifest.warnings.map((w) => w.message)).toContain(
      'the channel header is not well-formed XML, read leniently: ignored a DOCTYPE: its entity declarations are never expanded or fetched',
    );
  });

  it('never resolves an external entity (no file is read)', async () => {
    const dir = await tempDir();
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'TOP-SECRET-VALUE');
    const doctype = `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY % pe SYSTEM "file://${secret}"> %pe;]>`;
    const text = exportOf([item({ title: 'x &xxe; y', content: '&xxe;' })]).replace('<rss', `${doctype}\n<rss`);
    const run = await convertExport(text);
    const tree = await listTree(run.out);
    for (const path of tree) expect(await readText(join(run.out, path))).not.toContain('TOP-SECRET-VALUE');
    expect(run.manifest.summary.written).toBe(1);
  });

  it('drops a DOCTYPE crafted to make a backtracking scanner slow, in linear time', () => {
    const crafted = `<!DOCTYPE x [${'[]'.repeat(200_000)}${'['.repeat(100_000)}`;
    const started = Date.now();
    expect(dropDoctype(`${crafted}<rss>`).doctype).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses a large file that is not XML without reading it whole', async () => {
    const dir = await tempDir();
    const path = join(dir, 'big.xml');
    const handle = await open(path, 'w');
    const block = Buffer.alloc(1 << 20, 0x41);
    for (let i = 0; i < 32; i++) await handle.write(block);
    await handle.close();
    const out = await tempDir();
    const started = Date.now();
    const { code, lines } = await runCli([path, '--out', out]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(code).toBe(1);
    expect(lines).toContain(`failed: ${path} is not XML`);
  });

  it('refuses an "export" whose header never ends (no <item> in 32 MB) in one sentence', async () => {
    const dir = await tempDir();
    const path = join(dir, 'endless.xml');
    const handle = await open(path, 'w');
    await handle.write(`${header()}<description>`);
    const block = Buffer.alloc(1 << 20, 0x61);
    for (let written = 0; written < 34 * 1024 * 1024; written += block.length) await handle.write(block);
    await handle.close();
    const out = await tempDir();
    const { code, lines } = await runCli([path, '--out', out]);
    expect(code).toBe(1);
    expect(lines).toContain(`failed: ${path} has no <item> in its first 32 MB: it is not a WordPress export unpress can read`);
  });
});

describe('inputs that are not exports', () => {
  it('names each in one sentence, exits 1, and still converts the real export', async () => {
    const run = await convertFiles({
      'empty.xml': '',
      'blank.xml': '  \n\n',
      'page.xml': '<!DOCTYPE html><html><head><title>x</title></head><body>Bonjour</body></html>',
      'garbage.xml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'feed.xml': '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>x</title></item></channel></rss>',
      'data.xml': '<?xml version="1.0"?><catalog><book>x</book></catalog>',
      'json.xml': '{"posts": []}',
      'site.xml': exportOf(posts(2)),
    });
    expect(run.code).toBe(1);
    const failures = run.manifest.failed.map((f) => f.error.replace(`${run.dir}/`, ''));
    expect(failures.sort()).toEqual([
      'blank.xml is empty',
      'data.xml is XML but not a WordPress export (no <rss><channel>)',
      'empty.xml is empty',
      'feed.xml is an RSS feed, not a WordPress export (no WXR namespace)',
      'garbage.xml is not XML',
      'json.xml is not XML',
      'page.xml is an HTML page, not a WordPress export (WXR)',
    ]);
    expect(run.manifest.summary).toMatchObject({ written: 2, failed: 7 });
  });

  it('names a missing path and a folder with nothing to read, and still converts the others', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'nothing-here'));
    await writeFile(join(dir, 'nothing-here', 'notes.txt'), 'hello');
    await writeFile(join(dir, 'site.xml'), exportOf(posts(1)));
    const out = await tempDir();
    const { code, lines } = await runCli([join(dir, 'missing.xml'), join(dir, 'nothing-here'), join(dir, 'site.xml'), '--out', out]);
    expect(code).toBe(1);
    expect(lines.filter((l) => l.startsWith('failed: '))).toEqual([
      `failed: ${join(dir, 'missing.xml')} does not exist`,
      `failed: ${join(dir, 'nothing-here')} is a folder with no .xml, .html or .htm file in it`,
    ]);
    expect((await readManifest(out)).summary.written).toBe(1);
  });

  it('never reads --out back as input, even inside the input folder, run after run', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'site.xml'), exportOf(posts(2)));
    const out = join(dir, 'out');
    const first = await runCli([dir, '--out', out, '--quiet']);
    const second = await runCli([dir, '--out', out, '--quiet']);
    expect(first.lines.at(-1)).toBe('2 written, 0 skipped, 0 failed, 0 warnings');
    expect(second.lines.at(-1)).toBe('2 written, 0 skipped, 0 failed, 0 warnings');
    expect(second.code).toBe(0);
  });

  it('says so when the output folder itself is given as input', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'site.xml'), exportOf(posts(1)));
    const { code, lines } = await runCli([dir, '--out', dir]);
    expect(code).toBe(1);
    expect(lines).toContain(`failed: ${dir} is the output folder (--out) or inside it; it is never read as input`);
  });
});
