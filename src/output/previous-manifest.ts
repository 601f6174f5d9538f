import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

/** What a run needs from the manifest of the previous run in the same folder. */
export interface PreviousManifest {
  /** `records[].path`: files unpress wrote. */
  paths: string[];
  /** `files`: extra files unpress wrote (comments, redirects, report). */
  files: string[];
}

/**
 * Reads the previous manifest.json: `undefined` when there is none, `'foreign'` when the file
 * there is not a manifest unpress wrote. The manifest of a large export is tens of MB: it is read
 * line by line, as unpress writes it (JSON.stringify with two-space indentation), keeping only
 * the paths; a manifest in another layout (edited by hand) is parsed whole.
 */
export async function readPreviousManifest(path: string): Promise<PreviousManifest | 'foreign' | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  try {
    return (await scanLines(path)) ?? parseWhole(await readFile(path, 'utf8'));
  } catch {
    return 'foreign';
  }
}

/** Top-level keys are at two spaces; a record's own keys at six; a `files` entry at four. */
const TOP_KEY = /^ {2}"((?:[^"\\]|\\.)*)": (.*)$/;
const RECORD_PATH = /^ {6}"path": ("(?:[^"\\]|\\.)*"),?$/;
const FILE_ENTRY = /^ {4}("(?:[^"\\]|\\.)*"),?$/;

async function scanLines(path: string): Promise<PreviousManifest | 'foreign' | undefined> {
  const paths: string[] = [];
  const files: string[] = [];
  let section = '';
  let first = true;
  let sawSummary = false;
  let sawRecords = false;
  let closed = false;
  let rest = '';
  const take = (line: string): boolean => {
    if (first) {
      first = false;
      return line === '{';
    }
    if (closed) return line === '';
    if (line === '}') return (closed = true);
    const top = TOP_KEY.exec(line);
    if (top) {
      section = JSON.parse(`"${top[1]}"`) as string;
      if (section === 'summary') sawSummary = /^\{/.test(top[2]!);
      if (section === 'records') sawRecords = /^\[/.test(top[2]!);
      return true;
    }
    if (!line.startsWith('    ')) return line.startsWith('  ') && /^ {2}[\]}],?$/.test(line);
    if (section === 'records') {
      const found = RECORD_PATH.exec(line);
      if (found) paths.push(JSON.parse(found[1]!) as string);
    } else if (section === 'files') {
      const found = FILE_ENTRY.exec(line);
      if (found) files.push(JSON.parse(found[1]!) as string);
    }
    return true;
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (!take(line)) return undefined;
  }
  if (rest !== '' && !take(rest)) return undefined;
  if (!closed) return undefined;
  return sawSummary && sawRecords ? { paths, files } : 'foreign';
}

function parseWhole(text: string): PreviousManifest | 'foreign' {
  const manifest = JSON.parse(text) as { summary?: unknown; records?: unknown; files?: unknown } | null;
  if (!manifest || typeof manifest.summary !== 'object' || manifest.summary === null || !Array.isArray(manifest.records)) return 'foreign';
  const paths = manifest.records.flatMap((record) => {
    const path = (record as { path?: unknown } | null)?.path;
    return typeof path === 'string' ? [path] : [];
  });
  const files = Array.isArray(manifest.files) ? manifest.files.filter((f): f is string => typeof f === 'string') : [];
  return { paths, files };
}
