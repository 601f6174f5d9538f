import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { corpusFile, corpusRoot, hasCorpus } from '../../helpers/corpus.js';
import { readManifest, runCli, tempDir } from '../../helpers/run.js';
import type { Manifest } from '../../../src/output/manifest.js';

/** Item counts per file, from ../shared/corpus/INVENTORY.md ("N items — ..."). */
const ITEMS: Record<string, number> = {
  'alexandrerio-blog/wordpress.xml': 65,
  'bitcoinfrance/wordpress.xml': 307,
  'hexo-migrator-wordpress/wordpress.xml': 19,
  'jekyll-import/sitetitle.wordpress.2025-01-19.000.xml': 16,
  'nikola/wordpress_export_example.xml': 8,
  'nikola/wordpress_unicode_export.xml': 2,
  'pelican/wordpressexport.xml': 20,
  'tryghost-mg-wp-xml/co-authors-plus.xml': 4,
  'tryghost-mg-wp-xml/feature-image-captions.xml': 5,
  'tryghost-mg-wp-xml/sample.xml': 6,
  'wagtail-wordpress-import/raw_xml.xml': 5,
  'wordpress-importer/crazy-cdata-escaped.xml': 1,
  'wordpress-importer/crazy-cdata.xml': 1,
  'wordpress-importer/post-content-blank-lines.xml': 1,
  'wordpress-importer/slashes.xml': 1,
  'wordpress-importer/small-export.xml': 11,
  'wordpress-importer/test-serialized-comment-meta.xml': 1,
  'wordpress-importer/test-utw-post-meta-import.xml': 1,
  'wordpress-importer/valid-wxr-1.0.xml': 6,
  'wordpress-importer/valid-wxr-1.1.xml': 2,
  'wordpress-importer/wxr-utf-8-challenges.xml': 1,
  'wptt-theme-test-data/64-block-test-data.xml': 72,
  'wptt-theme-test-data/themeunittestdata.wordpress.2015-01-27.xml': 148,
  'wptt-theme-test-data/themeunittestdata.wordpress.xml': 186,
};

function exportsIn(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.xml')) out.push(relative(root, path));
    }
  };
  walk(root);
  return out;
}

const converted = new Map<string, { out: string; manifest: Manifest; code: number }>();
async function convert(file: string): Promise<{ out: string; manifest: Manifest; code: number }> {
  const cached = converted.get(file);
  if (cached) return cached;
  const out = await tempDir('unpress-corpus-');
  const { code } = await runCli([corpusFile('wxr', file), '--out', out, '--quiet']);
  const result = { out, manifest: await readManifest(out), code };
  converted.set(file, result);
  return result;
}

async function frontMatter(out: string, manifest: Manifest, id: number): Promise<Record<string, unknown>> {
  const record = manifest.records.find((r) => r.wordpress_id === id);
  if (!record) throw new Error(`post ${id} was not written`);
  const text = await readFile(join(out, record.path), 'utf8');
  return parse(/^---\n([\s\S]*?)---\n/.exec(text)![1]!) as Record<string, unknown>;
}

describe.skipIf(!hasCorpus)('corpus sweep: every export in ../shared/corpus/wxr', () => {
  const files = hasCorpus ? exportsIn(join(corpusRoot, 'wxr')) : [];

  it('knows every export of the corpus', () => {
    expect(files.sort()).toEqual(Object.keys(ITEMS).sort());
  });

  it.each(files)('%s: every item is written, skipped or failed, and the counts add up', async (file) => {
    const { manifest, code } = await convert(file);
    const { written, skipped, failed } = manifest.summary;
    expect(written + skipped + failed).toBe(ITEMS[file]);
    expect(failed).toBe(0);
    expect(code).toBe(0);
  });

  it('bitcoinfrance: 193 attachments skipped, terms and comment counts of the most commented posts', async () => {
    const { out, manifest } = await convert('bitcoinfrance/wordpress.xml');
    expect(manifest.skipped.filter((s) => s.type === 'attachment')).toHaveLength(193);
    expect(manifest.records.filter((r) => r.status === 'draft')).toHaveLength(24);
    expect(await frontMatter(out, manifest, 1153)).toMatchObject({ comment_count: 35 });
    expect(await frontMatter(out, manifest, 2)).toMatchObject({ comment_count: 18 });
    const fm = await frontMatter(out, manifest, 1279);
    expect(fm['comment_count']).toBe(23);
    expect([...(fm['categories'] as string[])].sort()).toEqual(['Altcoins', 'Bitcoin', 'Economie', 'Politique', 'Technologie']);
    expect([...(fm['tags'] as string[])].sort()).toEqual(['Kindle', 'bitcoin', 'e-book', 'livre']);
  });

  it('theme unit test data: comment counts include pingbacks and trackbacks, 62 categories on one post', async () => {
    const { out, manifest } = await convert('wptt-theme-test-data/themeunittestdata.wordpress.xml');
    expect(await frontMatter(out, manifest, 1148)).toMatchObject({ comment_count: 19 });
    expect(await frontMatter(out, manifest, 1149)).toMatchObject({ comment_count: 5 });
    expect((await frontMatter(out, manifest, 1152))['categories']).toHaveLength(62);
    expect(await frontMatter(out, manifest, 1168)).toMatchObject({ draft: true, password_protected: true });
    expect(manifest.skipped.filter((s) => s.type === 'nav_menu_item')).toHaveLength(70);
  });

  it('alexandrerio: French categories and the most commented post', async () => {
    const { out, manifest } = await convert('alexandrerio-blog/wordpress.xml');
    expect(await frontMatter(out, manifest, 95)).toMatchObject({ comment_count: 9 });
    expect([...((await frontMatter(out, manifest, 446))['categories'] as string[])].sort()).toEqual(['Astuce', 'Coding', 'Non classé', 'Tutoriel']);
  });

  it('WXR 1.0: legacy duplicate categories are not doubled and domain="tag" is read as tags', async () => {
    const { out, manifest } = await convert('wordpress-importer/valid-wxr-1.0.xml');
    expect(await frontMatter(out, manifest, 4)).toMatchObject({ categories: ['alpha'], tags: ['news', 'roar'] });
  });

  it('WXR 1.1: custom taxonomy terms get their own key', async () => {
    const { out, manifest } = await convert('wordpress-importer/valid-wxr-1.1.xml');
    expect(await frontMatter(out, manifest, 1)).toMatchObject({ categories: ['alpha'], tags: ['Clippable'], post_tax: ['bieup'] });
  });

  it('small export: 27 categories on one post, the private post is a draft, hierarchy in taxonomies.json', async () => {
    const { out, manifest } = await convert('wordpress-importer/small-export.xml');
    expect((await frontMatter(out, manifest, 22))['categories']).toHaveLength(27);
    expect(manifest.records.find((r) => r.status === 'private')).toBeDefined();
    const taxonomies = JSON.parse(await readFile(join(out, 'taxonomies.json'), 'utf8'));
    expect(taxonomies.category.find((t: { slug: string }) => t.slug === 'foo-bar')).toMatchObject({ name: 'Foo', parent: 'bar' });
    expect(taxonomies.category).toHaveLength(30);
  });

  it('pelican: the trashed comment is not counted', async () => {
    const { out, manifest } = await convert('pelican/wordpressexport.xml');
    expect(await frontMatter(out, manifest, 422)).toMatchObject({ comment_count: 3 });
  });

  it('64 block test data: two posts sharing the slug "footnotes" get two files', async () => {
    const { manifest } = await convert('wptt-theme-test-data/64-block-test-data.xml');
    const paths = manifest.records.filter((r) => r.wordpress_id === 75 || r.wordpress_id === 76).map((r) => r.path);
    expect(new Set(paths).size).toBe(2);
  });

  it('WordPress.com unicode export (undeclared atom: prefix): terms with non-ASCII names', async () => {
    const { out, manifest } = await convert('nikola/wordpress_unicode_export.xml');
    expect(await frontMatter(out, manifest, 3)).toMatchObject({ categories: ['Uncategorized'], tags: ['þág1', 'þág²'] });
  });

  it('hexo: the 13 trashed posts are skipped with a reason', async () => {
    const { manifest } = await convert('hexo-migrator-wordpress/wordpress.xml');
    expect(manifest.skipped.filter((s) => s.reason === 'in the trash')).toHaveLength(13);
  });
});
