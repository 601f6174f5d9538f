import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/output/manifest.js';
import { jsonObjectChunks, StreamedArray } from '../../src/output/manifest-json.js';
import { SpooledList } from '../../src/output/manifest-spool.js';
import { readPreviousManifest } from '../../src/output/previous-manifest.js';
import { OutputWriter } from '../../src/output/write.js';
import { tempDir } from '../helpers/run.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** JSON-like values, with what JSON.stringify treats specially (undefined, -0, NaN, sparse keys). */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
})).node;

describe('manifest.json written in pieces', () => {
  it('is the same text as renderJson, whatever the values, streamed or not (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ minLength: 1 }), fc.array(value, { maxLength: 6 }), { maxKeys: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), async (object, streamed) => {
        const fields = Object.entries(object).map(([key, list], i) => [key, streamed[i] ? new StreamedArray(() => each(list)) : list] as const);
        expect(await text(jsonObjectChunks(fields))).toBe(renderJson(object));
      }),
      { numRuns: 300 },
    );
  });

  it('writes fields whose value is undefined as JSON.stringify does: not at all', async () => {
    const fields = [['a', 1], ['b', undefined], ['c', new StreamedArray(() => each([]))]] as const;
    expect(await text(jsonObjectChunks(fields))).toBe(renderJson({ a: 1, b: undefined, c: [] }));
    expect(await text(jsonObjectChunks([['x', undefined]]))).toBe(renderJson({}));
  });

  it('keeps a long list in a temporary file with no name (a killed run leaves nothing), gives it back in order, twice', async () => {
    const spools = async (): Promise<string[]> => (await readdir(tmpdir())).filter((name) => name.startsWith('unpress-manifest-'));
    const before = await spools();
    const list = new SpooledList<{ n: number; title: string }>('records.jsonl');
    const entries = Array.from({ length: 20000 }, (_, n) => ({ n, title: `« Titre ${n} » — \u2028 "quoted" \\ é€😀 ${'ü'.repeat(n % 7)}` }));
    for (const entry of entries) list.push(entry);
    expect(list.length).toBe(20000);
    expect(await spools()).toEqual(before);
    const back: Array<{ n: number; title: string }> = [];
    for await (const entry of list.entries()) back.push(entry);
    expect(back).toEqual(entries);
    // read twice (failures, then the manifest), same entries
    let again = 0;
    for await (const _ of list.entries()) again++;
    expect(again).toBe(20000);
    list.dispose();
    expect(await spools()).toEqual(before);
  });

  it('keeps the list in memory when no temporary file can be made', async () => {
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = join(tmpdir(), 'unpress-no-such-folder', 'deeper');
    try {
      const list = new SpooledList<{ n: number }>('records.jsonl');
      for (let n = 0; n < 30000; n++) list.push({ n });
      const back: number[] = [];
      for await (const entry of list.entries()) back.push(entry.n);
      expect(back).toEqual(Array.from({ length: 30000 }, (_, n) => n));
      list.dispose();
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });

  it('a short list never touches the disk', async () => {
    const list = new SpooledList<number>('skipped.jsonl');
    list.push(1);
    list.push(2);
    const back: number[] = [];
    for await (const n of list.entries()) back.push(n);
    expect(back).toEqual([1, 2]);
    list.dispose();
  });
});

describe('OutputWriter.writeChunks', () => {
  const OWNERSHIP = { manifest: 'manifest.json', own: ['manifest.json'] };

  it('writes the chunks, leaves a file with the same bytes alone, and only compares in check mode', async () => {
    const out = await tempDir();
    const chunks = ['{\n  "summary": {},\n', '  "records": [],\n', '  "title": "é"\n}\n'];
    const first = new OutputWriter(out, false);
    await first.open(OWNERSHIP);
    await first.writeChunks('manifest.json', each(chunks));
    await first.close();
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(chunks.join(''));
    const written = (await stat(join(out, 'manifest.json'))).mtimeMs;

    await new Promise((done) => setTimeout(done, 20));
    const second = new OutputWriter(out, false);
    await second.open(OWNERSHIP);
    await second.writeChunks('manifest.json', each(chunks));
    await second.close();
    expect((await stat(join(out, 'manifest.json'))).mtimeMs).toBe(written);

    const check = new OutputWriter(out, true);
    await check.open(OWNERSHIP);
    await check.writeChunks('manifest.json', each(['{}\n']));
    expect(check.differences).toEqual(['manifest.json']);
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(chunks.join(''));
  });

  it('never overwrites a file unpress did not write', async () => {
    const out = await tempDir();
    await writeFile(join(out, 'notes.json'), 'mine');
    const writer = new OutputWriter(out, false);
    await writer.open(OWNERSHIP);
    await writer.writeChunks('notes.json', each(['theirs']));
    expect(writer.failures.map((f) => f.path)).toEqual(['notes.json']);
    expect(await readFile(join(out, 'notes.json'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });
});

describe('the previous manifest, read line by line', () => {
  const write = async (content: string): Promise<string> => {
    const file = join(await tempDir(), 'manifest.json');
    await writeFile(file, content);
    return file;
  };
  const record = (path: string, title: string) => ({ wordpress_id: 1, type: 'post', title, slug: 's', path, categories: ['a "b"'], tags: [], source: { kind: 'wxr', file: 'x.xml', path: 'not/this.md' }, warnings: [{ code: 'c', message: '"path": "no.md"' }] });

  it('finds records[].path and files as parsing the whole file would, in unpress\'s layout (property)', async () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, name), { maxLength: 8 }), fc.option(fc.array(name, { maxLength: 4 }), { nil: undefined }), async (records, files) => {
        const manifest = { summary: { written: records.length }, records: records.map(([p, t]) => record(p, t)), skipped: [{ title: 'x', path: 'skipped.md' }], failed: [], warnings: [], files };
        const file = await write(renderJson(manifest));
        expect(await readPreviousManifest(file)).toEqual({ paths: records.map(([p]) => p), files: files ?? [] });
      }),
      { numRuns: 60 },
    );
  });

  it('parses a manifest in another layout whole, refuses what is not one, and says when there is none', async () => {
    expect(await readPreviousManifest(await write(JSON.stringify({ summary: {}, records: [{ path: 'a.md' }], files: ['f.json'] })))).toEqual({ paths: ['a.md'], files: ['f.json'] });
    expect(await readPreviousManifest(await write('{\n  "name": "my-theme"\n}\n'))).toBe('foreign');
    expect(await readPreviousManifest(await write('not json'))).toBe('foreign');
    expect(await readPreviousManifest(join(await tempDir(), 'absent.json'))).toBeUndefined();
  });
});
