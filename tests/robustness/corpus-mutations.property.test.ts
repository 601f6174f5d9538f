import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/output/manifest.js';
import { corpusFile, corpusSkipMessage, hasCorpus } from '../helpers/corpus.js';
import { readManifest, runCli, tempDir } from '../helpers/run.js';
import { countItems, fates, frontMatterOf, listTree } from './helpers.js';

/**
 * Corpus exports, damaged the ways real files are (a download cut short, flipped bytes, entities
 * and control characters where XML does not allow them, items in another order), converted by
 * the real pipeline. What must hold for every case: no uncaught exception, every item accounted
 * for (written + skipped + failed = the items the file holds), a valid front matter in every
 * written file, nothing left half-written. Set FC_SEED to replay a run, FC_RUNS to scale the runs,
 * FC_ALL_FILES to include the large exports.
 */
const FILES = [
  'wordpress-importer/small-export.xml',
  'wordpress-importer/valid-wxr-1.0.xml',
  'wordpress-importer/valid-wxr-1.1.xml',
  'wordpress-importer/crazy-cdata.xml',
  'wordpress-importer/wxr-utf-8-challenges.xml',
  'pelican/wordpressexport.xml',
  'nikola/wordpress_export_example.xml',
  'nikola/wordpress_unicode_export.xml',
  'tryghost-mg-wp-xml/sample.xml',
  'wagtail-wordpress-import/raw_xml.xml',
  'jekyll-import/sitetitle.wordpress.2025-01-19.000.xml',
];
/** FC_ALL_FILES=1 mutates every export of the corpus, the large ones too (slower). */
const ALL_FILES = [
  ...FILES,
  'alexandrerio-blog/wordpress.xml',
  'bitcoinfrance/wordpress.xml',
  'hexo-migrator-wordpress/wordpress.xml',
  'wptt-theme-test-data/64-block-test-data.xml',
  'wptt-theme-test-data/themeunittestdata.wordpress.xml',
  'wptt-theme-test-data/themeunittestdata.wordpress.2015-01-27.xml',
];
const seed = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined;
/** FC_RUNS=10 runs ten times as many cases (a deeper search than CI can afford). */
const scale = Number(process.env['FC_RUNS'] ?? 1) || 1;
const settings = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.round(numRuns * scale), ...(seed !== undefined ? { seed } : {}), endOnFailure: true });

let cases = 0;
afterAll(() => {
  if (hasCorpus) console.info(`corpus mutations: ${cases} generated cases converted`);
});

const originals = new Map<string, { bytes: Buffer; text: string; manifest: Manifest }>();

async function original(file: string): Promise<{ bytes: Buffer; text: string; manifest: Manifest }> {
  const cached = originals.get(file);
  if (cached) return cached;
  const bytes = await readFile(corpusFile('wxr', file));
  const run = await convert(bytes);
  const value = { bytes, text: bytes.toString('utf8'), manifest: run.manifest };
  await run.cleanup();
  originals.set(file, value);
  return value;
}

interface Converted {
  code: number;
  lines: string[];
  out: string;
  manifest: Manifest;
  cleanup: () => Promise<void>;
}

async function convert(bytes: Uint8Array): Promise<Converted> {
  const dir = await tempDir('unpress-mut-');
  const input = join(dir, 'export.xml');
  const out = join(dir, 'out');
  await writeFile(input, bytes);
  const { code, lines } = await runCli([input, '--out', out, '--quiet']);
  return { code, lines, out, manifest: await readManifest(out), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The invariants every converted case must satisfy, whatever was done to the file. */
async function checkInvariants(run: Converted, mutated: Uint8Array): Promise<void> {
  cases++;
  const { manifest } = run;
  expect(run.lines.join('\n')).not.toMatch(/the run stopped/);
  expect(run.code).toBe(manifest.failed.length > 0 ? 1 : 0);
  expect(run.lines.at(-1)).toMatch(/^\d+ written, \d+ skipped, \d+ failed, \d+ warnings$/);
  expect(manifest.summary).toMatchObject({ written: manifest.records.length, skipped: manifest.skipped.length, failed: manifest.failed.length });

  const itemFailures = manifest.failed.filter((f) => f.source.item !== undefined);
  const fileFailures = manifest.failed.filter((f) => f.source.item === undefined);
  for (const failure of manifest.failed) expect(failure.error).toMatch(/export\.xml/);
  const accounted = manifest.records.length + manifest.skipped.length + itemFailures.length;
  const unreadable = fileFailures.filter((f) => !/\b(stops (after|before)|reading stopped)\b/.test(f.error));
  if (unreadable.length > 0) expect(accounted, 'an input that cannot be read yields no item').toBe(0);
  else expect(accounted, 'written + skipped + failed = items in the file').toBe(countItems(Buffer.from(mutated).toString('latin1')));

  const tree = await listTree(run.out);
  const expected = ['manifest.json', 'taxonomies.json', ...manifest.records.map((r) => r.path)].sort();
  expect(tree, 'only complete files unpress accounts for, no temporary file').toEqual(expected);
  for (const record of manifest.records) {
    const text = await readFile(join(run.out, record.path), 'utf8');
    const fm = frontMatterOf(text);
    expect(typeof fm['title']).toBe('string');
    expect(fm['title']).toBe(record.title);
    if (record.wordpress_id !== undefined) expect(fm['wordpress_id']).toBe(record.wordpress_id);
    expect(text.endsWith('\n')).toBe(true);
  }
}

/** A position in a file, spread evenly (fc.double favours the extremes: every damage at byte 0). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const fileArb = fc.constantFrom(...(process.env['FC_ALL_FILES'] ? ALL_FILES : FILES));
/** Deeper searches take longer than vitest's default. */
const TIMEOUT = 60_000 * scale * (process.env['FC_ALL_FILES'] ? 20 : 1);

/** Insert `piece` (bytes) at `at`. */
function insertAt(bytes: Buffer, at: number, piece: Uint8Array): Buffer {
  return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

/** Offsets of the content of every <content:encoded> CDATA section (between `<![CDATA[` and `]]>`). */
function bodyOffsets(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/<content:encoded><!\[CDATA\[/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf(']]>', start);
    if (end > start) ranges.push([Buffer.byteLength(text.slice(0, start)), Buffer.byteLength(text.slice(0, end))]);
  }
  return ranges;
}

/** Offsets of text written raw (not in CDATA) in item titles, links and guids. */
function rawTextOffsets(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/<item>[\s\S]*?<\/item>/g)) {
    for (const field of match[0].matchAll(/<(title|link|guid)(?: [^>]*)?>([^<]+)<\/\1>/g)) {
      const start = match.index + field.index + field[0].indexOf('>') + 1;
      ranges.push([Buffer.byteLength(text.slice(0, start)), Buffer.byteLength(text.slice(0, start + field[2]!.length))]);
    }
  }
  return ranges;
}

const BODY_JUNK = ['\u0001', '\u0007', '\u000B', '&nbsp;', '&', '&lol9;', '<', ']]>', '\uFFFD', '\uFFFE', '<![CDATA[', '&#1;'];
const RAW_JUNK = ['&', '&nbsp;', '&eacute;', '&lol9;', '&#1;', '&#xD800;', '\u0001', '\u001F', '< ', ']]>'];
const INVALID_UTF8 = [Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98])];

describe.skipIf(!hasCorpus)('corpus exports, damaged (property-based)', () => {
  if (!hasCorpus) console.warn(corpusSkipMessage);

  it('truncated anywhere: the complete items before the cut keep their fate, the cut is reported, exit 1', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fraction, async (file, fraction) => {
        const { bytes, text, manifest: before } = await original(file);
        const end = text.lastIndexOf('</rss>');
        const at = Math.floor(fraction * Buffer.byteLength(text.slice(0, end)));
        const cut = bytes.subarray(0, at);
        const run = await convert(cut);
        try {
          await checkInvariants(run, cut);
          expect(run.code).toBe(1);
          // Items that ended before the cut: same fate as in the whole file (by position: ids repeat).
          const complete = countItems(cut.toString('latin1').slice(0, cut.toString('latin1').lastIndexOf('</item>') + 7));
          const fateAt = (m: Manifest, position: number): string =>
            m.records.some((r) => r.source.item === position) ? 'written' : m.skipped.some((e) => e.source.item === position) ? 'skipped' : 'failed';
          for (let position = 1; position <= complete; position++) {
            expect(fateAt(run.manifest, position), `item ${position}`).toBe(fateAt(before, position));
          }
        } finally {
          await run.cleanup();
        }
      }),
      settings(40),
    );
  }, TIMEOUT);

  it('bytes flipped (mostly in markup): no crash, every item accounted for, valid front matter', async () => {
    const flips = fc.array(fc.record({ where: fraction, near: fc.boolean(), shift: fc.integer({ min: -2, max: 8 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fileArb, flips, async (file, changes) => {
        const { bytes } = await original(file);
        const mutated = Buffer.from(bytes);
        const markup = [...bytes.keys()].filter((i) => bytes[i] === 0x3c || bytes[i] === 0x3e || bytes[i] === 0x5d || bytes[i] === 0x26);
        for (const { where, near, shift, value } of changes) {
          const base = near ? markup[pick(where, markup.length)]! + shift : Math.floor(where * bytes.length);
          const at = Math.min(Math.max(base, 0), bytes.length - 1);
          mutated[at] = value;
        }
        const run = await convert(mutated);
        try {
          await checkInvariants(run, mutated);
        } finally {
          await run.cleanup();
        }
      }),
      settings(80),
    );
  }, TIMEOUT);

  it('junk in post bodies (control characters, entities, ]]>, invalid UTF-8): every post keeps its fate, exit 0', async () => {
    const junk = fc.oneof(fc.constantFrom(...BODY_JUNK).map((s) => Buffer.from(s)), fc.constantFrom(...INVALID_UTF8));
    const injections = fc.array(fc.record({ where: fraction, piece: junk }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(fileArb, injections, async (file, list) => {
        const { bytes, text, manifest: before } = await original(file);
        const ranges = bodyOffsets(text).filter(([a, b]) => b > a);
        fc.pre(ranges.length > 0);
        // From the end, so that earlier offsets stay valid.
        const points = list.map(({ where, piece }) => {
          const [a, b] = ranges[pick(where, ranges.length)]!;
          return { at: a + Math.floor(((where * 7919) % 1) * (b - a)), piece };
        });
        let mutated = bytes;
        for (const { at, piece } of points.sort((x, y) => y.at - x.at)) mutated = insertAt(mutated, safeUtf8Boundary(mutated, at), piece);
        const run = await convert(mutated);
        try {
          await checkInvariants(run, mutated);
          expect(fates(run.manifest)).toEqual(fates(before));
          expect(run.code).toBe(0);
        } finally {
          await run.cleanup();
        }
      }),
      settings(40),
    );
  }, TIMEOUT);

  it('entities and control characters in raw text fields: every post keeps its fate and says what was repaired', async () => {
    const injections = fc.array(fc.record({ where: fraction, piece: fc.constantFrom(...RAW_JUNK) }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fileArb, injections, async (file, list) => {
        const { bytes, text, manifest: before } = await original(file);
        const ranges = rawTextOffsets(text);
        fc.pre(ranges.length > 0);
        const points = list.map(({ where, piece }) => {
          const [a, b] = ranges[pick(where, ranges.length)]!;
          return { at: a + Math.floor(((where * 7919) % 1) * (b - a + 1)), piece: Buffer.from(piece) };
        });
        let mutated = bytes;
        for (const { at, piece } of points.sort((x, y) => y.at - x.at)) mutated = insertAt(mutated, safeUtf8Boundary(mutated, at), piece);
        const run = await convert(mutated);
        try {
          await checkInvariants(run, mutated);
          expect(fates(run.manifest)).toEqual(fates(before));
          expect(run.code).toBe(0);
          const repaired = run.manifest.records.filter((r) => r.warnings.some((w) => w.code === 'xml-repaired'));
          const repairedSkips = run.manifest.skipped.length; // skipped items carry no warnings
          expect(repaired.length + repairedSkips).toBeGreaterThan(0);
        } finally {
          await run.cleanup();
        }
      }),
      settings(40),
    );
  }, TIMEOUT);

  it('items in another order: the same posts written, skipped and failed', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.integer({ min: 0, max: 2 ** 31 }), async (file, shuffleSeed) => {
        const { text, manifest: before } = await original(file);
        const first = text.indexOf('<item>');
        const last = text.lastIndexOf('</item>') + 7;
        fc.pre(first > 0);
        const items = text.slice(first, last).match(/<item>[\s\S]*?<\/item>/g) ?? [];
        const shuffled = shuffle(items, shuffleSeed);
        const mutated = Buffer.from(`${text.slice(0, first)}${shuffled.join('\n\t')}${text.slice(last)}`);
        const run = await convert(mutated);
        try {
          await checkInvariants(run, mutated);
          expect(fates(run.manifest)).toEqual(fates(before));
        } finally {
          await run.cleanup();
        }
      }),
      settings(25),
    );
  }, TIMEOUT);

  it('several damages at once: no crash, every item accounted for, valid front matter', async () => {
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), where: fraction, value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), where: fraction, piece: fc.constantFrom(...BODY_JUNK, ...RAW_JUNK, '</item>', '<item>', '<!--', '-->', '<![CDATA[') }),
      fc.record({ kind: fc.constant('delete' as const), where: fraction, length: fc.integer({ min: 1, max: 40 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fileArb, fc.array(damage, { minLength: 1, maxLength: 6 }), fc.option(fraction.map((f) => 0.2 + 0.8 * f), { nil: undefined }), async (file, damages, truncateAt) => {
        const { bytes } = await original(file);
        let mutated: Buffer = Buffer.from(bytes);
        for (const d of damages) {
          const at = Math.min(Math.floor(d.where * mutated.length), mutated.length - 1);
          if (d.kind === 'flip') mutated[at] = d.value;
          else if (d.kind === 'insert') mutated = insertAt(mutated, /item>/.test(d.piece) ? outsideCdata(mutated, at) : at, Buffer.from(d.piece));
          else mutated = Buffer.concat([mutated.subarray(0, at), mutated.subarray(at + d.length)]);
        }
        if (truncateAt !== undefined) mutated = mutated.subarray(0, Math.floor(truncateAt * mutated.length));
        const run = await convert(mutated);
        try {
          await checkInvariants(run, mutated);
        } finally {
          await run.cleanup();
        }
      }),
      settings(40),
    );
  }, TIMEOUT);
});

/**
 * `at`, or the end of the CDATA section or of the tag it falls in: an item tag inside a post's
 * content is content (a post about RSS), and one inside another tag (an attribute value) is not a
 * tag at all; neither damages the export's structure. (An item read whole with such a "tag" in an
 * attribute is one item, which is what a reader wants.)
 */
function outsideCdata(bytes: Buffer, at: number): number {
  const text = bytes.toString('latin1');
  const open = text.lastIndexOf('<![CDATA[', at);
  if (open !== -1) {
    const close = text.indexOf(']]>', open + 9);
    if (close !== -1 && close + 3 > at) return close + 3;
  }
  const lt = text.lastIndexOf('<', at - 1);
  const gt = text.indexOf('>', lt);
  return lt !== -1 && gt !== -1 && gt >= at ? gt + 1 : at;
}

/** An index in [0, n) from a fraction in [0, 1]. */
function pick(fraction: number, n: number): number {
  return Math.min(n - 1, Math.floor(fraction * n));
}

/** Moves an offset back to the start of a UTF-8 character, so an insertion splits no character. */
function safeUtf8Boundary(bytes: Buffer, at: number): number {
  let i = Math.min(at, bytes.length);
  while (i > 0 && i < bytes.length && (bytes[i]! & 0xc0) === 0x80) i--;
  return i;
}

/** Deterministic Fisher-Yates from a seed (fast-check gives the seed, so failures replay). */
function shuffle<T>(values: T[], seedValue: number): T[] {
  const out = [...values];
  let state = seedValue || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
