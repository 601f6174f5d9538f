import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertBody } from '../../src/convert/convert-body.js';
import { SHORTCODES } from '../../src/convert/shortcodes/index.js';
import { expandInputs } from '../../src/inputs.js';
import type { PostRecord } from '../../src/model/post.js';
import { emptySiteIndex } from '../../src/model/site.js';
import { readSources } from '../../src/run/read-sources.js';
import { corpusFile, corpusRoot, corpusSkipMessage, hasCorpus } from '../helpers/corpus.js';

/**
 * Every export of ../shared/corpus/wxr, read with the project's reader and converted: no published
 * post keeps a raw shortcode unpress converts, a block comment, or footnote scaffolding, and every
 * footnote reference has its note (and the other way round). Code is the author's text: fenced
 * blocks and code spans are left out of the checks.
 */
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

type Conversion = { record: PostRecord; markdown: string; codes: string[] };
const conversions = new Map<string, Promise<Conversion[]>>();

/** Each export is read and converted once for all the tests below. */
function publishedConversions(file: string): Promise<Conversion[]> {
  let found = conversions.get(file);
  if (!found) conversions.set(file, (found = convertExport(file)));
  return found;
}

async function convertExport(file: string): Promise<Conversion[]> {
  const site = emptySiteIndex();
  const { files, problems } = await expandInputs([corpusFile('wxr', file)], join(corpusRoot, '..', 'no-output'));
  const out: Conversion[] = [];
  for await (const event of readSources(files, problems, site)) {
    if (event.kind !== 'record' || event.record.status !== 'publish') continue;
    const { markdown, warnings } = convertBody(event.record, site);
    out.push({ record: event.record, markdown, codes: warnings.map((w) => w.code) });
  }
  return out;
}

/** Markdown without fenced code blocks and code spans. */
function prose(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
}

const ALWAYS_SHORTCODE = SHORTCODES.filter((h) => !h.closedOnly).flatMap((h) => h.tags);
const CLOSED_SHORTCODE = SHORTCODES.filter((h) => h.closedOnly).flatMap((h) => h.tags);
const RAW_SHORTCODE = new RegExp(`\\[(?:(?:${ALWAYS_SHORTCODE.join('|')})(?![\\w-])[^\\]]*|/(?:${[...ALWAYS_SHORTCODE, ...CLOSED_SHORTCODE].join('|')}))\\](?!\\()`);
const SCAFFOLDING = /_ftnref|_ftn\d|_ednref|_edn\d|data-fn|#fn-|fnref|wp-block-footnotes/;

/** What is left that should not be, in one post's Markdown. */
export function leftovers(markdown: string): string[] {
  const text = prose(markdown);
  const problems: string[] = [];
  const shortcode = RAW_SHORTCODE.exec(text);
  if (shortcode) problems.push(`raw shortcode ${shortcode[0]}`);
  if (/<!--\s*\/?wp:/.test(text)) problems.push('block comment');
  const scaffolding = SCAFFOLDING.exec(text);
  if (scaffolding) problems.push(`footnote scaffolding ${scaffolding[0]}`);
  const references = new Set([...text.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
  const notes = new Set([...text.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]));
  for (const n of references) if (!notes.has(n)) problems.push(`dangling [^${n}]`);
  for (const n of notes) if (!references.has(n)) problems.push(`note [^${n}] never referenced`);
  return problems;
}

describe.skipIf(!hasCorpus)('corpus sweep: converted bodies of every export in ../shared/corpus/wxr', () => {
  const files = hasCorpus ? exportsIn(corpusFile('wxr')) : [];

  it.each(files)('%s: no raw shortcode, block comment or footnote scaffolding in a published post', async (file) => {
    const converted = await publishedConversions(file);
    const problems = converted.flatMap(({ record, markdown }) => leftovers(markdown).map((p) => `${record.wordpressId} ${record.slug}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('the sweep would see leftovers (checks can fail)', () => {
    expect(leftovers('A [caption id="1"]x[/caption] and <!-- wp:paragraph --> and <a href="#_ftn1">[1]</a>[^2]')).toEqual([
      'raw shortcode [caption id="1"]',
      'block comment',
      'footnote scaffolding _ftn1',
      'dangling [^2]',
    ]);
    expect(leftovers('Code `[gallery]` and\n\n```\n<!-- wp:code -->\n```\n')).toEqual([]);
  });

  it('the block test data footnotes become GFM footnotes in document order', async () => {
    const converted = await publishedConversions('wptt-theme-test-data/64-block-test-data.xml');
    const post = converted.find(({ record }) => record.wordpressId === 75);
    expect(post?.markdown).toContain('A paragraph[^1]\n\nAnother paragraph[^2]\n\n[^1]: A note\n[^2]: Another note\n');
  });

  it('the theme unit test data keeps its captions, galleries and code as Markdown', async () => {
    const converted = await publishedConversions('wptt-theme-test-data/themeunittestdata.wordpress.xml');
    const alignment = converted.find(({ record }) => record.wordpressId === 1177)?.markdown ?? '';
    expect(alignment).toContain('*Look at 580x300 getting some [caption](https://en.support.wordpress.com/images/image-settings/ "Image Settings") love.*');
    const gallery = converted.find(({ record }) => record.wordpressId === 555)?.markdown ?? '';
    expect(gallery).toContain('![Bell on Wharf](https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg)\n\n*Bell on wharf in San Francisco*');
  });
});

if (!hasCorpus) describe('corpus sweep', () => it.skip(corpusSkipMessage, () => {}));
