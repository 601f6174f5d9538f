import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/corpus.js';
import { readManifest, readTree, runCli, tempDir } from '../../helpers/run.js';

const sample = join(repoRoot, 'samples', 'wxr', 'marketing-des-services.wordpress.2018-01-15.xml');

/** Splits an export the way WP-CLI does: every file repeats the header; items are divided. */
function splitExport(text: string, parts: number): string[] {
  const first = text.indexOf('<item>');
  const end = text.lastIndexOf('</channel>');
  const header = text.slice(0, first);
  const items = text.slice(first, end).split(/(?<=<\/item>)/).filter((s) => s.includes('<item>'));
  // Put the attachments last, in the last file, so posts refer to attachments not yet seen.
  items.sort((a, b) => Number(a.includes('[attachment]')) - Number(b.includes('[attachment]')));
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => `${header}${items.slice(i * size, (i + 1) * size).join('')}\n</channel>\n</rss>\n`);
}

describe('a split export (site.000.xml, site.001.xml, ...)', () => {
  it('is one site: same records, featured images resolved across files, terms not doubled', async () => {
    const dir = await tempDir();
    const files = splitExport(await readFile(sample, 'utf8'), 3);
    for (const [i, text] of files.entries()) await writeFile(join(dir, `site.wordpress.2018-01-15.00${i}.xml`), text);

    const whole = await tempDir();
    const split = await tempDir();
    await runCli([sample, '--out', whole]);
    const { code } = await runCli([dir, '--out', split]);
    expect(code).toBe(0);

    const a = await readTree(whole);
    const b = await readTree(split);
    const posts = (tree: Map<string, string>) => [...tree].filter(([p]) => p.endsWith('.md')).sort();
    expect(posts(b)).toEqual(posts(a));
    expect(b.get('taxonomies.json')).toBe(a.get('taxonomies.json'));
    expect(b.get('posts/management-par-le-care.md')).toContain('featured_image: http://www.marketing-des-services.com/wp-content/uploads/2017/11/20171119_161259.jpg');
    const manifest = await readManifest(split);
    expect(manifest.summary).toMatchObject({ written: 11, skipped: 5, failed: 0 });
    expect(new Set([...manifest.records, ...manifest.skipped].map((r) => r.source.file)).size).toBe(3);
  });
});
