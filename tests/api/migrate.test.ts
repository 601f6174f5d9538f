import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError, migrate, type ManifestRecord, type MigrateResult, type RenderedRecord } from '../../src/index.js';
import { repoRoot } from '../helpers/corpus.js';
import { tempDir } from '../helpers/run.js';
import { writeSiteExport } from '../output/presets/site-fixture.js';

let exportFile: string;

beforeAll(async () => {
  exportFile = await writeSiteExport(await tempDir(), 'http://blog.example');
});

describe("import { migrate } from 'unpress'", () => {
  it('runs the pipeline and returns the records and the diagnostics, typed', async () => {
    const out = await tempDir();
    const result = await migrate({ inputs: [exportFile], out, preset: 'hugo' });
    expectTypeOf(result).toEqualTypeOf<MigrateResult>();
    expectTypeOf(result.records).toEqualTypeOf<ManifestRecord[]>();
    expect(result.summary).toEqual({ written: 3, skipped: 1, failed: 0, warnings: 0 });
    expect(result.records.map((r) => r.path)).toEqual(['content/posts/premier.md', 'content/posts/second.md', 'content/posts/brouillon.md']);
    expect(result.diagnostics.skipped).toHaveLength(1);
    expect(result.diagnostics.failed).toEqual([]);
    expect(await readFile(join(out, 'content/posts/second.md'), 'utf8')).toContain('title: Second');
  });

  it('hands each written record to onRecord, with its file', async () => {
    const seen: RenderedRecord[] = [];
    await migrate({ inputs: [exportFile], out: await tempDir(), onRecord: (r) => void seen.push(r) });
    expect(seen.map((r) => r.record.wordpressId)).toEqual([10, 11, 13]);
    expect(seen[1]!.content.startsWith('---\ntitle: Second\n')).toBe(true);
  });

  it('reports a post that cannot be read in diagnostics, not by throwing', async () => {
    const result = await migrate({ inputs: [exportFile, join(repoRoot, 'no-such-export.xml')], out: await tempDir() });
    expect(result.diagnostics.failed).toHaveLength(1);
    expect(result.diagnostics.failed[0]!.error).toMatch(/no-such-export\.xml does not exist/);
  });

  it('refuses invalid options with a ConfigError naming the option', async () => {
    await expect(migrate({ inputs: [exportFile], out: await tempDir(), preset: 'gatsby' as never })).rejects.toThrow(ConfigError);
    await expect(migrate({ inputs: [exportFile], out: await tempDir(), media: 'steal' as never })).rejects.toThrow(/^migrate\(\): media /);
    await expect(migrate({ inputs: [], out: 'x' })).rejects.toThrow(/inputs/);
    await expect(migrate({ inputs: [exportFile], out: 'x', colour: 'blue' } as never)).rejects.toThrow(/colour|Unrecognized/);
  });

  it('is what the package exports, and the CLI is its bin', async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { main: string; types: string; bin: Record<string, string>; exports: Record<string, { types: string; default: string }> };
    const build = JSON.parse(await readFile(join(repoRoot, 'tsconfig.build.json'), 'utf8')) as { compilerOptions: { rootDir: string; outDir: string } };
    // tsconfig.build.json compiles src/ into dist/: src/index.ts is dist/index.js.
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.main).toBe('dist/index.js');
    expect(pkg.bin['unpress']).toBe('dist/cli/main.js');
    expect((await readFile(join(repoRoot, 'src/cli/main.ts'), 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
