import { readdir, realpath, stat } from 'node:fs/promises';
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
  const out = await realOrResolved(outDir);
  const seen = new Set<string>();
  const add = (absolute: string, explicit: boolean): void => {
    const kind = KINDS[extname(absolute).toLowerCase()] ?? (explicit ? 'wxr' : undefined);
    if (kind === undefined || seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ kind, path: displayPath(absolute) });
  };
  for (const input of inputs) {
    const absolute = resolve(input);
    let real: string;
    let info;
    try {
      real = await realpath(absolute);
      info = await stat(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ path: input, error: code === 'EACCES' ? 'cannot be read (permission denied)' : 'does not exist' });
      continue;
    }
    if (!info.isDirectory()) {
      add(absolute, true);
      continue;
    }
    if (isInside(real, out)) {
      problems.push({ path: input, error: 'is the output folder (--out) or inside it; it is never read as input' });
      continue;
    }
    // The output folder as it is spelled under this input, symbolic links resolved.
    const skip = isInside(out, real) ? join(absolute, relative(real, out)) : undefined;
    const found = await walk(absolute, skip, (folder, error) => problems.push({ path: displayPath(folder), error }));
    if (found.length === 0) problems.push({ path: input, error: 'is a folder with no .xml, .html or .htm file in it' });
    found.sort();
    found.forEach((file) => add(file, false));
  }
  return { files, problems };
}

async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(resolve(path));
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}

/** Input files under a folder; the output folder is skipped, an unreadable folder reported. */
async function walk(folder: string, out: string | undefined, onProblem: (folder: string, error: string) => void): Promise<string[]> {
  if (out !== undefined && isInside(folder, out)) return [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    onProblem(folder, code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? (error as Error).message})`);
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, out, onProblem)));
    else if (entry.isFile() && KINDS[extname(entry.name).toLowerCase()] !== undefined) files.push(path);
  }
  return files;
}

function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : absolute;
}
