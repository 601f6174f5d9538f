import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../bench/generate.js';
import { EARLY_WORKERS_BYTES } from '../../src/run/convert-records.js';
import { repoRoot } from '../helpers/corpus.js';
import { readManifest, readTree, runCli, tempDir } from '../helpers/run.js';

const samples = join(repoRoot, 'samples');
const sampleExport = join(samples, 'wxr', 'marketing-des-services.wordpress.2018-01-15.xml');

describe('unpress CLI', () => {
  it('converts samples/ into exactly the committed output/ (golden)', async () => {
    const out = await tempDir();
    const cwd = process.cwd();
    process.chdir(repoRoot); // manifest source paths are relative to the working folder
    try {
      const { code } = await runCli(['samples', '--out', out]);
      expect(code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const produced = await readTree(out);
    const committed = await readTree(join(repoRoot, 'output'));
    expect([...produced.keys()].sort()).toEqual([...committed.keys()].sort());
    for (const [path, content] of produced) expect(content, path).toBe(committed.get(path));
  });

  it('writes byte-identical files on a second run', async () => {
    const out = await tempDir();
    await runCli([sampleExport, '--out', out]);
    const first = await readTree(out);
    await runCli([sampleExport, '--out', out]);
    expect(await readTree(out)).toEqual(first);
  });

  it('accounts for every item of the sample export: written, skipped with a reason, or failed', async () => {
    const out = await tempDir();
    const { code, lines } = await runCli([sampleExport, '--out', out]);
    const manifest = await readManifest(out);
    expect(code).toBe(0);
    expect(manifest.summary).toMatchObject({ written: 11, skipped: 5, failed: 0 });
    expect(manifest.skipped.map((s) => s.reason).sort()).toEqual([
      'attachment (indexed for featured images and galleries, not a post)',
      'attachment (indexed for featured images and galleries, not a post)',
      'attachment (indexed for featured images and galleries, not a post)',
      'in the trash',
      'navigation menu item',
    ]);
    expect(lines.at(-1)).toMatch(/^11 written, 5 skipped, 0 failed, \d+ warnings$/);
  });

  it('--check exits 0 when the output is up to date and 1 listing the files that differ', async () => {
    const out = await tempDir();
    await runCli([sampleExport, '--out', out]);
    expect((await runCli([sampleExport, '--out', out, '--check'])).code).toBe(0);
    await writeFile(join(out, 'posts', 'time-is-on-my-side.md'), 'edited by hand\n');
    const { code, lines } = await runCli([sampleExport, '--out', out, '--check']);
    expect(code).toBe(1);
    expect(lines).toContain('differs: posts/time-is-on-my-side.md');
    // --check wrote nothing
    expect((await readTree(out)).get('posts/time-is-on-my-side.md')).toBe('edited by hand\n');
  });

  it('names a missing, empty or non-WXR input in one sentence, exits 1, and still converts the others', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.xml'), '');
    await writeFile(join(dir, 'page.xml'), '<!DOCTYPE html><html><body>Bonjour</body></html>');
    await writeFile(join(dir, 'notes.xml'), 'just some notes');
    const out = await tempDir();
    const { code, lines } = await runCli([join(dir, 'missing.xml'), join(dir, 'empty.xml'), join(dir, 'page.xml'), join(dir, 'notes.xml'), sampleExport, '--out', out]);
    expect(code).toBe(1);
    const failures = lines.filter((l) => l.startsWith('failed: '));
    expect(failures).toHaveLength(4);
    expect(failures.join('\n')).toMatch(/missing\.xml does not exist/);
    expect(failures.join('\n')).toMatch(/empty\.xml is empty/);
    expect(failures.join('\n')).toMatch(/page\.xml is an HTML page, not a WordPress export/);
    expect(failures.join('\n')).toMatch(/notes\.xml is not XML/);
    expect((await readManifest(out)).summary.written).toBe(11);
    expect(lines.at(-1)).toMatch(/^11 written, 5 skipped, 4 failed/);
  });

  it('exits 2 on a usage error and lists the options with --help', async () => {
    expect((await runCli(['--nope'])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.lines.join('\n')).toContain('--check');
  });

  it('as a command (its run in a worker thread): prints the report on stdout, draws nothing off a terminal, exits with the run\'s code', async () => {
    const command = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: repoRoot }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
      });
    const out = await tempDir();
    const failing = await command([join(out, 'missing.xml'), sampleExport, '--out', out]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^failed: .*missing\.xml does not exist$/m);
    expect(failing.stdout.trimEnd().split('\n').at(-1)).toMatch(/^11 written, 5 skipped, 1 failed/);
    expect(failing.stderr).toBe('');
    expect((await readManifest(out)).summary.written).toBe(11);
    const usage = await command(['--nope']);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toContain('--check');
    // An export big enough for workers started before the pipeline loads (prestartWorkers).
    const big = join(out, 'big.xml');
    writeSyntheticExport(big, 320, 3);
    expect(statSync(big).size).toBeGreaterThan(EARLY_WORKERS_BYTES);
    const bigOut = await tempDir();
    const run = await command([big, '--out', bigOut]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^320 written, \d+ skipped, 0 failed, 0 warnings$/);
    expect((await readManifest(bigOut)).records).toHaveLength(320);
  });
});
