import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, readTree, runCli, tempDir } from '../helpers/run.js';
import { exportOf, item, listTree, posts } from './helpers.js';

async function exportFile(items: string[]): Promise<string> {
  const dir = await tempDir('unpress-in-');
  const path = join(dir, 'site.xml');
  await writeFile(path, exportOf(items));
  return path;
}

describe('files in --out that unpress did not write', () => {
  it('are never overwritten or deleted: a post that wants the name of one gets another name', async () => {
    const input = await exportFile([item()]);
    const out = await tempDir();
    await mkdir(join(out, 'posts'), { recursive: true });
    await mkdir(join(out, 'theme'), { recursive: true });
    await writeFile(join(out, 'posts', 'bonjour.md'), 'my own notes\n');
    await writeFile(join(out, 'theme', 'style.css'), 'body {}\n');
    await writeFile(join(out, 'README.txt'), 'mine\n');
    const { code } = await runCli([input, '--out', out, '--quiet']);
    expect(code).toBe(0);
    const tree = await readTree(out);
    expect(tree.get('posts/bonjour.md')).toBe('my own notes\n');
    expect(tree.get('theme/style.css')).toBe('body {}\n');
    expect(tree.get('README.txt')).toBe('mine\n');
    expect((await readManifest(out)).records.map((r) => r.path)).toEqual(['posts/bonjour-10.md']);
    expect(tree.get('posts/bonjour-10.md')).toMatch(/^---\ntitle: Bonjour\n/);
  });

  it('keep their names run after run, and the re-run writes the same bytes', async () => {
    const input = await exportFile([item()]);
    const out = await tempDir();
    await mkdir(join(out, 'posts'), { recursive: true });
    await writeFile(join(out, 'posts', 'Bonjour.md'), 'mine, with another case\n');
    await runCli([input, '--out', out, '--quiet']);
    const first = await readTree(out);
    const { code } = await runCli([input, '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(await readTree(out)).toEqual(first);
    expect(first.get('posts/Bonjour.md')).toBe('mine, with another case\n');
  });

  it('stop the run before anything is written when manifest.json is not unpress\'s', async () => {
    const input = await exportFile(posts(2));
    const out = await tempDir();
    await writeFile(join(out, 'manifest.json'), '{"my": "own"}\n');
    const { code, lines } = await runCli([input, '--out', out]);
    expect(code).toBe(1);
    expect(lines[0]).toBe(`unpress: the run stopped: ${join(out, 'manifest.json')} was not written by unpress and is never overwritten: choose another --out folder or move that file`);
    expect(await listTree(out)).toEqual(['manifest.json']);
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe('{"my": "own"}\n');
  });

  it('stop the run when taxonomies.json is someone else\'s in a folder unpress never wrote to', async () => {
    const input = await exportFile(posts(1));
    const out = await tempDir();
    await writeFile(join(out, 'taxonomies.json'), '[]\n');
    const { code } = await runCli([input, '--out', out]);
    expect(code).toBe(1);
    expect(await listTree(out)).toEqual(['taxonomies.json']);
  });

  it('are compared in --check mode with the same names a real run would use, and nothing is written', async () => {
    const input = await exportFile([item()]);
    const out = await tempDir();
    await mkdir(join(out, 'posts'), { recursive: true });
    await writeFile(join(out, 'posts', 'bonjour.md'), 'mine\n');
    await runCli([input, '--out', out, '--quiet']);
    const before = await readTree(out);
    const { code, lines } = await runCli([input, '--out', out, '--check']);
    expect(code).toBe(0);
    expect(lines.at(-2)).toBe(`${out}/ is up to date`);
    expect(await readTree(out)).toEqual(before);
  });
});

describe('files unpress wrote', () => {
  it('are rewritten in place when the input changes', async () => {
    const out = await tempDir();
    await runCli([await exportFile([item({ title: 'Avant' })]), '--out', out, '--quiet']);
    await runCli([await exportFile([item({ title: 'Après' })]), '--out', out, '--quiet']);
    const tree = await readTree(out);
    expect([...tree.keys()].sort()).toEqual(['manifest.json', 'posts/bonjour.md', 'taxonomies.json']);
    expect(tree.get('posts/bonjour.md')).toMatch(/^---\ntitle: Après\n/);
  });

  it('stay unpress\'s when a later run does not produce them (kept, never deleted, never renamed around)', async () => {
    const out = await tempDir();
    const both = await exportFile(posts(2));
    await runCli([both, '--out', out, '--quiet']);
    await runCli([await exportFile(posts(1)), '--out', out, '--quiet']);
    expect(await listTree(out)).toEqual(['.unpress-journal', 'manifest.json', 'posts/post-1.md', 'posts/post-2.md', 'taxonomies.json']);
    const { code } = await runCli([both, '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect((await readManifest(out)).records.map((r) => r.path)).toEqual(['posts/post-1.md', 'posts/post-2.md']);
    expect(await listTree(out)).toEqual(['manifest.json', 'posts/post-1.md', 'posts/post-2.md', 'taxonomies.json']);
  });

  it('include those of a killed run (listed in its journal): the next run takes them over, no duplicate names', async () => {
    const input = await exportFile(posts(2));
    const out = await tempDir();
    await mkdir(join(out, 'posts'), { recursive: true });
    await writeFile(join(out, 'posts', 'post-1.md'), 'half of an old version\n');
    await writeFile(join(out, '.unpress-journal'), 'posts/post-1.md\n');
    const { code } = await runCli([input, '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(await listTree(out)).toEqual(['manifest.json', 'posts/post-1.md', 'posts/post-2.md', 'taxonomies.json']);
    expect(await readFile(join(out, 'posts', 'post-1.md'), 'utf8')).toMatch(/^---\ntitle: Post 1\n/);
  });
});

describe('temporary files', () => {
  it('left by a killed run are removed by the next run', async () => {
    const input = await exportFile(posts(1));
    const out = await tempDir();
    await mkdir(join(out, 'posts'), { recursive: true });
    await writeFile(join(out, '.unpress-journal'), '');
    await writeFile(join(out, 'posts', 'post-9.md.999999999.unpress.tmp'), '---\ntitle: cut');
    await writeFile(join(out, 'posts', 'post-1.md.12345.unpress.tmp'), '---\ntitle: Post');
    const { code } = await runCli([input, '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(await listTree(out)).toEqual(['manifest.json', 'posts/post-1.md', 'taxonomies.json']);
  });

  it('are left alone by --check', async () => {
    const input = await exportFile(posts(1));
    const out = await tempDir();
    await runCli([input, '--out', out, '--quiet']);
    await writeFile(join(out, 'posts', 'post-1.md.12345.unpress.tmp'), '---\ntitle: Post');
    expect((await runCli([input, '--out', out, '--check'])).code).toBe(0);
    expect(await listTree(out)).toContain('posts/post-1.md.12345.unpress.tmp');
  });
});
