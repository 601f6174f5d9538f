import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import type { Manifest } from '../../src/output/manifest.js';
import { readManifest, runCli, tempDir } from '../helpers/run.js';
import { header, item } from '../sources/wxr/wxr-fixture.js';

export { header, item };

/** A complete export: header, items, closing tags. */
export function exportOf(items: string[], channel = ''): string {
  return `${header(channel)}\n${items.join('\n')}\n</channel>\n</rss>\n`;
}

/** `n` posts with distinct ids and slugs (post-1...). */
export function posts(n: number, content = '<p>Texte</p>'): string[] {
  return Array.from({ length: n }, (_, i) => item({ post_id: String(i + 1), post_name: `post-${i + 1}`, title: `Post ${i + 1}`, content }));
}

export interface Run {
  code: number;
  lines: string[];
  out: string;
  manifest: Manifest;
}

/** Writes `files` (name -> text or bytes) into a fresh folder, runs the CLI on them. */
export async function convertFiles(files: Record<string, string | Uint8Array>, extraArgs: string[] = []): Promise<Run & { dir: string }> {
  const dir = await tempDir('unpress-in-');
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  const out = await tempDir('unpress-out-');
  const { code, lines } = await runCli([...Object.keys(files).map((name) => join(dir, name)), '--out', out, '--quiet', ...extraArgs]);
  return { code, lines, out, dir, manifest: await readManifest(out) };
}

/** One export, converted. */
export async function convertExport(text: string | Uint8Array): Promise<Run & { dir: string }> {
  return convertFiles({ 'export.xml': text });
}

/**
 * The front matter of a written file, as a static site generator finds it: between a first line
 * `---` and the next line that is exactly `---`.
 */
export function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?\n)?---\n/.exec(text);
  if (!match) throw new Error('no front matter block');
  const value: unknown = parse(match[1] ?? '');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('front matter is not a mapping');
  return value as Record<string, unknown>;
}

/** Every file under a folder (relative, with /), dot-files included. */
export async function listTree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** Record ids written, skipped and failed, for comparing two runs. */
export function fates(manifest: Manifest): { written: number[]; skipped: number[]; failed: number[] } {
  const ids = (list: Array<{ wordpress_id?: number; wordpressId?: number }>): number[] =>
    list.map((e) => e.wordpress_id ?? e.wordpressId ?? 0).sort((a, b) => a - b);
  return { written: ids(manifest.records), skipped: ids(manifest.skipped), failed: ids(manifest.failed) };
}

/**
 * Items a file holds: every `<item>` start tag after the channel header, wherever it is (WordPress's
 * regex importer finds items that way, and a CDATA section left open by damage swallows real
 * items), plus every `</item>` outside CDATA and comments whose start tag is missing (a damaged
 * `<item>` still leaves an item).
 */
export function countItems(text: string): number {
  const from = headerEnd(text);
  const events: Array<{ at: number; start: boolean }> = [];
  for (const match of text.slice(from).matchAll(/<item[\s>]/g)) events.push({ at: from + match.index, start: true });
  const tag = /<!\[CDATA\[|<!--|<\/item>/g;
  tag.lastIndex = from;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    if (match[0] === '</item>') {
      events.push({ at: match.index, start: false });
      continue;
    }
    const close = text.indexOf(match[0] === '<!--' ? '-->' : ']]>', match.index + match[0].length);
    if (close === -1) break;
    tag.lastIndex = close + 3;
  }
  let count = 0;
  let open = false;
  for (const event of events.sort((a, b) => a.at - b.at)) {
    if (event.start) {
      count++;
      open = true;
    } else if (open) open = false;
    else count++;
  }
  return count;
}

function headerEnd(text: string): number {
  const tag = /<!\[CDATA\[|<!--|<item[\s>]|<\/item>/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    if (match[0] === '<![CDATA[' || match[0] === '<!--') {
      const close = text.indexOf(match[0] === '<!--' ? '-->' : ']]>', match.index + match[0].length);
      if (close === -1) return text.length;
      tag.lastIndex = close + 3;
    } else return match.index;
  }
  return text.length;
}
