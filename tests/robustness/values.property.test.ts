import { readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/model/plain-text.js';
import { renderMarkdownFile, toFrontMatter } from '../../src/output/front-matter.js';
import { recordOf } from '../sources/wxr/wxr-fixture.js';
import { convertExport, exportOf, frontMatterOf, item, listTree } from './helpers.js';

/**
 * Values that fight the output: titles, excerpts, names and slugs made of what YAML and file
 * systems give a meaning to. Set FC_SEED to replay a run.
 */
const seed = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined;
const scale = Number(process.env['FC_RUNS'] ?? 1) || 1;
const settings = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.round(numRuns * scale), ...(seed !== undefined ? { seed } : {}) });

let cases = 0;
afterAll(() => console.info(`values: ${cases} generated cases`));

/** Pieces YAML reads as something else than a plain string, and characters of every kind. */
const YAML_PIECES = [
  '---', '...', '- ', '? ', ': ', ' #', '#', '"', "'", '\\', '|', '>', '&a', '*a', '!tag', '%YAML', '@', '`', '{', '}', '[', ']', ',',
  'null', '~', 'true', 'no', 'yes', 'on', '0x1F', '1e3', '.inf', '.nan', '2017-11-26', '12:30', '0o17', '+1', '-1',
  '\n', '\r\n', '\r', '\t', ' ', '  ', '\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '😀', 'é', 'e\u0301', '日本',
];
const tricky = fc.array(fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));

/** What a file written in UTF-8 gives back (lone surrogates cannot be written). */
function throughUtf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

describe('front matter', () => {
  it('parses back to exactly the values it was written from, whatever they hold', () => {
    const base = recordOf(item());
    fc.assert(
      fc.property(tricky, tricky, tricky, fc.array(tricky, { maxLength: 3 }), fc.array(tricky, { maxLength: 3 }), (title, excerpt, author, categories, tags) => {
        cases++;
        const record = { ...base, title, excerpt: excerpt || undefined, author: author || undefined, categories, tags, taxonomies: { series: tags } };
        const fm = toFrontMatter(record);
        const text = throughUtf8(renderMarkdownFile(fm, 'Body\n'));
        const parsed = frontMatterOf(text);
        expect(parsed).toEqual(JSON.parse(JSON.stringify(fm)));
        expect(parsed['title']).toBe(throughUtf8(title));
        expect(text.endsWith('---\n\nBody\n')).toBe(true);
      }),
      settings(400),
    );
  });
});

/** A value as a WXR export holds it: CDATA, with `]]>` split the way WordPress writes it. */
function cdata(value: string): string {
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

describe('values from an export, end to end', () => {
  it('titles, excerpts and term names come out of the front matter as the export had them', async () => {
    const xmlSafe = tricky.map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/g, '').replace(/\r\n?/g, '\n'));
    await fc.assert(
      fc.asyncProperty(xmlSafe, xmlSafe, xmlSafe, async (title, excerpt, term) => {
        cases++;
        const text = exportOf([
          item({ post_id: '7', title: cdata(title) }, `<category domain="category" nicename="c"><![CDATA[${term.replace(/&/g, '&amp;').replace(/]]>/g, ']]]]><![CDATA[>')}]]></category>`).replace(
            '<excerpt:encoded><![CDATA[]]></excerpt:encoded>',
            `<excerpt:encoded>${cdata(excerpt)}</excerpt:encoded>`,
          ),
        ]);
        const run = await convertExport(text);
        try {
          expect(run.manifest.summary).toMatchObject({ written: 1, failed: 0 });
          const fm = frontMatterOf(await readFile(join(run.out, run.manifest.records[0]!.path), 'utf8'));
          expect(fm['title']).toBe(title.trim());
          expect(fm['excerpt']).toBe(toPlainText(excerpt) || undefined); // manual excerpts are plain text
          expect(fm['categories']).toEqual([term.trim() || 'c']); // an empty name falls back to the slug
        } finally {
          await rm(run.dir, { recursive: true, force: true });
          await rm(run.out, { recursive: true, force: true });
        }
      }),
      settings(40),
    );
  });
});

const SLUG_PIECES = ['..', '.', '/', '\\', '../', '..\\', '%2e%2e%2f', 'con', 'CON', 'nul', 'aux', 'com1', 'lpt9', ' ', '\u0000', '\t', ':', '*', '?', '"', '<', '>', '|',
  'a'.repeat(150), 'é'.repeat(80), 'E\u0301', 'É', '.hidden', 'manifest.json', 'taxonomies.json', 'posts', '~', '-', 'Bonjour', 'bonjour'];
const slugArb = fc.array(fc.oneof(fc.constantFrom(...SLUG_PIECES), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 4 }).map((parts) => parts.join(''));

describe('slugs and post types that fight the file system', () => {
  it('never write outside --out, never over each other, and every post gets its own file', async () => {
    const xmlText = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const posts = fc.array(fc.record({ slug: slugArb, type: fc.oneof(fc.constantFrom('post', 'page'), slugArb) }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(posts, async (list) => {
        cases++;
        const items = list.map(({ slug, type }, i) => item({ post_id: String(i + 1), post_name: cdata(xmlText(slug)).slice(9, -3), post_type: xmlText(type) || 'post', title: `T${i + 1}` }));
        const run = await convertExport(exportOf(items));
        try {
          const { manifest } = run;
          expect(manifest.records.length + manifest.skipped.length + manifest.failed.length).toBe(list.length);
          const paths = manifest.records.map((r) => r.path);
          expect(new Set(paths.map((p) => p.normalize('NFC').toLowerCase())).size).toBe(paths.length);
          for (const path of paths) {
            const absolute = resolve(run.out, path);
            expect(relative(run.out, absolute).startsWith('..')).toBe(false);
            for (const segment of path.split('/')) {
              expect(segment).not.toMatch(/^\.|[\u0000-\u001f\\:*?"<>|]|[. ]$/);
              // 255 bytes is the usual limit; the temporary name adds `.<pid>.unpress.tmp`.
              expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(200);
            }
          }
          const tree = await listTree(run.out);
          expect(tree).toEqual(['manifest.json', 'taxonomies.json', ...paths].sort());
          for (const record of manifest.records) {
            const fm = frontMatterOf(await readFile(join(run.out, record.path), 'utf8'));
            expect(fm['wordpress_id']).toBe(record.wordpress_id);
          }
        } finally {
          await rm(run.dir, { recursive: true, force: true });
          await rm(run.out, { recursive: true, force: true });
        }
      }),
      settings(60),
    );
  });
});
