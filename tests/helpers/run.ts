import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Manifest } from '../../src/output/manifest.js';

const created: string[] = [];
/** Removes the temporary folders of a test file (tests/setup.ts runs it after each file; UNPRESS_KEEP_TMP=1 keeps them). */
export function removeTempDirs(): void {
  if (process.env['UNPRESS_KEEP_TMP']) return;
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function tempDir(prefix = 'unpress-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Runs the CLI in-process; returns its exit code and printed lines. */
export async function runCli(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(args, (line) => lines.push(...line.split('\n')));
  return { code, lines };
}

/** Every file under a folder: relative path (with /) -> content. */
export async function readTree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(root, path).split(sep).join('/'), await readFile(path, 'utf8'));
    }
  };
  await walk(root);
  return out;
}

export async function readManifest(out: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
}
