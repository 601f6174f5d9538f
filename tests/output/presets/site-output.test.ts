import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest, readTree, runCli, tempDir } from '../../helpers/run.js';
import { writeSiteExport } from './site-fixture.js';

const origin = 'http://blog.example';
let exportFile: string;

beforeAll(async () => {
  exportFile = await writeSiteExport(await tempDir(), origin);
});

async function run(...flags: string[]): Promise<{ out: string; tree: Map<string, string>; code: number; lines: string[] }> {
  const out = await tempDir();
  const { code, lines } = await runCli([exportFile, '--out', out, ...flags]);
  return { out, tree: await readTree(out), code, lines };
}

describe('--preset hugo', () => {
  it('writes content/posts/<slug>.md, links to later posts rewritten to their new URL', async () => {
    const { tree, code } = await run('--preset', 'hugo');
    expect(code).toBe(0);
    expect([...tree.keys()].filter((p) => p.endsWith('.md')).sort()).toEqual(['content/posts/brouillon.md', 'content/posts/premier.md', 'content/posts/second.md']);
    expect(tree.get('content/posts/premier.md')).toContain('Voir [le second](/posts/second/#comments) et [encore](/posts/second/).');
  });

  it('lists old URLs (permalink, old slug) as aliases', async () => {
    const { tree } = await run('--preset', 'hugo');
    expect(tree.get('content/posts/second.md')).toContain('aliases:\n  - /2020/01/02/second/\n  - /2020/01/02/deuxieme/\n');
  });

  it('writes TOML front matter with --front-matter toml, and page bundles with --bundles', async () => {
    const { tree } = await run('--preset', 'hugo', '--front-matter', 'toml', '--bundles');
    const second = tree.get('content/posts/second/index.md')!;
    expect(second.startsWith('+++\ntitle = "Second"\ndate = 2020-01-02T10:00:00+01:00\n')).toBe(true);
    expect(second).toContain('aliases = ["/2020/01/02/second/", "/2020/01/02/deuxieme/"]\n');
  });
});

describe('--preset jekyll', () => {
  it('keeps old permalinks, so links point to the same paths; drafts go to _drafts/', async () => {
    const { tree } = await run('--preset', 'jekyll');
    const premier = tree.get('_posts/2020-01-01-premier.md')!;
    expect(premier).toContain('permalink: /2020/01/01/premier/\n');
    expect(premier).toContain('[le second](/2020/01/02/second/#comments)');
    expect(tree.get('_posts/2020-01-02-second.md')).toContain('redirect_from:\n  - /2020/01/02/deuxieme/\n');
    expect(tree.has('_drafts/brouillon.md')).toBe(true);
  });
});

describe('plain output', () => {
  it('writes no extra files and leaves links alone by default', async () => {
    const { tree } = await run();
    expect([...tree.keys()].sort()).toEqual(['manifest.json', 'posts/brouillon.md', 'posts/premier.md', 'posts/second.md', 'taxonomies.json']);
    expect(tree.get('posts/premier.md')).toContain(`[le second](${origin}/2020/01/02/second/#comments)`);
    expect(JSON.parse(tree.get('manifest.json')!)).not.toHaveProperty('files');
  });

  it('links to the other Markdown files with --links rewrite', async () => {
    const { tree } = await run('--links', 'rewrite');
    expect(tree.get('posts/premier.md')).toContain('[le second](second.md#comments) et [encore](second.md)');
  });
});

describe('--redirects', () => {
  it('writes redirects.json for every published record, a Netlify file in the static folder and an nginx map', async () => {
    const { tree } = await run('--preset', 'astro', '--redirects');
    const redirects = JSON.parse(tree.get('redirects.json')!) as Array<{ from: string; to: string; type: string }>;
    expect(redirects).toContainEqual({ from: `${origin}/2020/01/02/deuxieme/`, to: '/blog/second/', type: 'old-slug', wordpress_id: 11 });
    expect(redirects).toContainEqual({ from: `${origin}/?p=10`, to: '/blog/premier/', type: 'id', wordpress_id: 10 });
    // The attachment page leads to the post it was uploaded to.
    expect(redirects).toContainEqual({ from: `${origin}/?attachment_id=12`, to: '/blog/premier/', type: 'attachment', wordpress_id: 12 });
    expect(redirects.some((r) => r.from.endsWith('?p=13'))).toBe(false);
    expect(tree.get('public/_redirects')).toContain('/2020/01/02/deuxieme/  /blog/second/  301\n');
    expect(tree.get('redirects.nginx.conf')).toContain('"/2020/01/01/premier/" "/blog/premier/";');
  });
});

describe('--comments', () => {
  it('writes approved comments threaded by parent, in date order, as Markdown, without e-mails or IPs', async () => {
    const { tree, out } = await run('--comments');
    const thread = JSON.parse(tree.get('comments/second.json')!) as Array<Record<string, unknown>>;
    expect(thread.map((c) => c['author'])).toEqual(['Carole', 'Alice']);
    expect(thread[1]).toMatchObject({ body: 'Bravo **!**', url: 'http://alice.example', replies: [{ author: 'Bob', body: 'Merci Alice.', replies: [] }] });
    expect(tree.get('comments/second.json')).not.toMatch(/@example\.com|192\.0\.2/);
    expect(tree.has('comments/premier.json')).toBe(false);
    expect((await readManifest(out)).files).toEqual(['comments/second.json']);
  });

  it('keeps e-mails and IPs with --comments-private, and writes YAML with --comments-format yaml', async () => {
    const { tree } = await run('--preset', 'eleventy', '--comments-format', 'yaml', '--comments-private');
    const yaml = tree.get('_data/comments/second.yaml')!;
    expect(yaml).toContain('email: alice@example.com');
    expect(yaml).toContain('ip: 192.0.2.21');
  });

  it('overwrites its own comment files on the next run (they are listed in the manifest)', async () => {
    const { out } = await run('--comments', '--report');
    const again = await runCli([exportFile, '--out', out, '--comments', '--comments-private', '--report']);
    expect(again.code).toBe(0);
    expect(await readFile(join(out, 'comments/second.json'), 'utf8')).toContain('alice@example.com');
  });

  it('never overwrites a report.html it did not write', async () => {
    const out = await tempDir();
    await writeFile(join(out, 'report.html'), 'mine');
    const { code, lines } = await runCli([exportFile, '--out', out, '--report']);
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/report\.html/);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toBe('mine');
  });
});

describe('options', () => {
  it('refuses TOML for a generator that does not read it, and an unknown preset, as usage errors', async () => {
    expect((await runCli([exportFile, '--preset', 'jekyll', '--front-matter', 'toml'])).code).toBe(2);
    const unknown = await runCli([exportFile, '--preset', 'gatsby']);
    expect(unknown.code).toBe(2);
    expect(unknown.lines[0]).toMatch(/^unpress: --preset/);
  });
});
