import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE, OutputWriter } from '../../src/output/write.js';
import { readTree, tempDir } from '../helpers/run.js';

const OWNERSHIP = { manifest: 'manifest.json', own: ['manifest.json'] };

async function opened(out: string, check = false): Promise<OutputWriter> {
  const writer = new OutputWriter(out, check);
  await writer.open(OWNERSHIP);
  return writer;
}

describe('OutputWriter', () => {
  it('journals every file before it appears, in batches, and removes the journal at the end', async () => {
    const out = await tempDir();
    const writer = await opened(out);
    const paths = Array.from({ length: 200 }, (_, i) => `posts/${i % 7}/post-${i}.md`);
    for (const path of paths) await writer.write(path, `${path}\n`);
    await writer.flush();
    const journal = (await readFile(join(out, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean);
    expect(journal.sort()).toEqual([...paths].sort());
    await writer.close();
    const tree = await readTree(out);
    expect(tree.has(JOURNAL_FILE)).toBe(false);
    for (const path of paths) expect(tree.get(path)).toBe(`${path}\n`);
    expect(writer.failures).toEqual([]);
  });

  it('writes files on its thread after the first ones, over a file that appeared after the folder was listed', async () => {
    const out = await tempDir();
    const writer = await opened(out);
    const paths = Array.from({ length: 100 }, (_, i) => `posts/post-${i}.md`);
    // Not there when the folder was listed (so not the user's): replaced, no temporary file left.
    await mkdir(join(out, 'posts'), { recursive: true });
    await writeFile(join(out, 'posts', 'post-90.md'), 'appeared meanwhile\n');
    for (const path of paths) await writer.write(path, `${path}\n`);
    await writer.close();
    const tree = await readTree(out);
    for (const path of paths) expect(tree.get(path)).toBe(`${path}\n`);
    expect([...tree.keys()].filter((path) => !paths.includes(path))).toEqual([]);
    expect(writer.failures).toEqual([]);
  });

  it('writes a file twice in one run, and leaves unchanged files alone in check mode', async () => {
    const out = await tempDir();
    const writer = await opened(out);
    await writer.write('a/b.md', 'one\n');
    await writer.flush();
    await writer.write('a/b.md', 'two\n');
    await writer.close();
    expect((await readTree(out)).get('a/b.md')).toBe('two\n');
    const check = await opened(out, true);
    await check.write('a/b.md', 'two\n');
    await check.write('a/c.md', 'new\n');
    await check.close();
    expect(check.differences).toEqual(['a/c.md (missing)']);
  });

  it('reads files in folders it did not list (dot folders, links) before saying they differ', async () => {
    const out = await tempDir();
    await mkdir(join(out, '.well-known'), { recursive: true });
    await writeFile(join(out, '.well-known', 'x.md'), 'same\n');
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, 'y.md'), 'same\n');
    await symlink(elsewhere, join(out, 'linked'));
    const check = await opened(out, true);
    await check.write('.well-known/x.md', 'same\n');
    await check.write('linked/y.md', 'same\n');
    await check.write('linked/z.md', 'new\n');
    await check.close();
    expect(check.differences).toEqual(['linked/z.md (missing)']);
  });

  it('makes a folder again when it disappears during the run', async () => {
    const out = await tempDir();
    const writer = await opened(out);
    await writer.write('posts/a.md', 'a\n');
    await writer.flush();
    await rm(join(out, 'posts'), { recursive: true });
    await writer.write('posts/b.md', 'b\n');
    await writer.close();
    expect(writer.failures).toEqual([]);
    expect((await readTree(out)).get('posts/b.md')).toBe('b\n');
  });

  it('past the first files, writes through its thread the same way: unchanged files left alone, files it did not write refused', async () => {
    const out = await tempDir();
    const paths = Array.from({ length: 150 }, (_, i) => `posts/p-${i}.md`);
    const first = await opened(out);
    for (const path of paths) await first.write(path, `one ${path}\n`);
    await first.write('manifest.json', `${JSON.stringify({ summary: {}, records: paths.map((path) => ({ path })) })}\n`);
    await first.close();
    await writeFile(join(out, 'posts', 'mine.md'), 'mine\n');
    const second = await opened(out);
    for (const path of paths) await second.write(path, path === 'posts/p-149.md' ? 'two\n' : `one ${path}\n`);
    await second.write('posts/mine.md', 'theirs\n');
    await second.close();
    expect(second.failures).toEqual([{ path: 'posts/mine.md', error: 'a file unpress did not write is there; it was not overwritten' }]);
    const tree = await readTree(out);
    expect(tree.get('posts/mine.md')).toBe('mine\n');
    expect(tree.get('posts/p-149.md')).toBe('two\n');
    expect(tree.get('posts/p-3.md')).toBe('one posts/p-3.md\n');
    expect(tree.has(JOURNAL_FILE)).toBe(false);
    expect([...tree.keys()].some((path) => path.endsWith('.tmp'))).toBe(false);
  });
});
