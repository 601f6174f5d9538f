import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep, isAbsolute } from 'node:path';

export type InputKind = 'wxr' | 'html';
export interface InputFile {
  kind: InputKind;
  /** As shown to the user and in the manifest: relative to the working folder when inside it. */
  path: string;
}
export interface InputProblem {
  path: string;
  error: string;
}

const KINDS: Record<string, InputKind> = { '.xml': 'wxr', '.html': 'html', '.htm': 'html' };

/**
 * Files and folders given on the command line -> input files, sorted so that every run sees them
 * in the same order. Folders are searched recursively; the output folder is never read back.
 */
export async function expandInputs(
  inputs: string[],
  outDir: string,
): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const out = resolve(outDir);
  const seen = new Set<string>();
  const add = (absolute: string, explicit: boolean): void => {
    const kind = KINDS[extname(absolute).toLowerCase()] ?? (explicit ? 'wxr' : undefined);
    if (kind === undefined || seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ kind, path: displayPath(absolute) });
  };
  for (const input of inputs) {
    const absolute = resolve(input);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      problems.push({ path: input, error: 'does not exist' });
      continue;
    }
    if (info.isDirectory()) {
      const found = await walk(absolute, out);
      found.sort();
      found.forEach((file) => add(file, false));
    } else add(absolute, true);
  }
  return { files, problems };
}

async function walk(folder: string, out: string): Promise<string[]> {
  if (folder === out || folder.startsWith(out + sep)) return [];
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, out)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : absolute;
}
