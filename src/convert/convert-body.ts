import type TurndownService from 'turndown';
import type { Warning } from '../model/diagnostics.js';
import type { SiteIndex } from '../model/site.js';
import type { ConvertContext, ConvertedBody, ConvertInput } from './context.js';
import { loadFragment, type Dom } from './dom.js';
import { FOOTNOTE_COLLECTORS } from './footnotes/index.js';
import { FNREF_TAG, NoteStore } from './footnotes/note-store.js';
import { numberFootnotes, type FootnoteDefinition } from './footnotes/number.js';
import { resolveDelimiters } from './markdown/escape.js';
import { tidyMarkdown } from './markdown/tidy.js';
import { NORMALIZERS } from './normalize/index.js';
import { serializeBlocksToHtml } from './prepare/blocks.js';
import { needsAutop, prepareAfterAutop, prepareBeforeAutop } from './prepare/classic.js';
import { convertShortcodes } from './prepare/shortcodes.js';
import { makeTurndown } from './turndown.js';
import { turndownInput, viewOf } from './view/from-cheerio.js';

/** The configured turndown, built on first use (a cache: it holds no per-post state). */
let turndown: TurndownService | undefined;

/**
 * A post's stored body -> Markdown. Pure and synchronous.
 * 1. text stage (prepare/): code shortcodes; blocks -> HTML (blocks/); inline footnotes; autop for
 *    classic content only; the other shortcodes and auto-embeds;
 * 2. DOM stage: footnotes of every kind collected (footnotes/), then constructs normalized (normalize/);
 *    references numbered in document order;
 * 3. turndown with unpress's rules (rules/), tidy; the notes as `[^n]: …` at the end.
 */
export function convertBody(record: ConvertInput, site: SiteIndex): ConvertedBody {
  const warnings: Warning[] = [];
  const ctx: ConvertContext = { record, site, notes: new NoteStore(), warn: (code, message) => warnings.push({ code, message }) };

  let html = convertShortcodes(record.body, 'code', ctx);
  if (record.bodyFormat === 'blocks') html = serializeBlocksToHtml(html, ctx);
  html = prepareBeforeAutop(html, ctx, { autop: needsAutop(ctx) });
  html = prepareAfterAutop(html, ctx);

  const $ = loadFragment(html);
  let collected = false;
  for (const collector of FOOTNOTE_COLLECTORS) {
    if (collector.appliesTo?.test(html) === false) continue;
    collector.collect($, ctx);
    collected = true;
  }
  normalize($, html, ctx);
  // References are in the text stage's HTML, or put in the DOM by a collector.
  const definitions = collected || html.includes(FNREF_TAG) ? numberFootnotes($, ctx) : [];

  turndown ??= makeTurndown();
  const body = resolveDelimiters(turndown.turndown(turndownInput(viewOf($))));
  const notes = definitions.map((definition) => renderDefinition(definition, ctx, turndown!));
  const markdown = tidyMarkdown(notes.length ? `${body}\n\n${notes.join('\n')}` : body);
  return { markdown, warnings };
}

/** The DOM passes whose markup the HTML has (the HTML only grows simpler on the way). */
function normalize($: Dom, html: string, ctx: ConvertContext): void {
  for (const normalizer of NORMALIZERS) if (normalizer.appliesTo?.test(html) !== false) normalizer.apply($, ctx);
}

/** `[^1]: The note.` — a note of several paragraphs continues indented by four spaces. */
function renderDefinition(definition: FootnoteDefinition, ctx: ConvertContext, service: TurndownService): string {
  const $ = loadFragment(definition.html);
  normalize($, definition.html, ctx);
  const text = tidyMarkdown(resolveDelimiters(service.turndown(turndownInput(viewOf($))))).trim();
  const [first, ...rest] = text.split('\n');
  const more = rest.map((line) => (line ? `    ${line}` : ''));
  const separated = more.some((line) => line === '') ? '\n' : '';
  return `[^${definition.number}]: ${first}${more.length ? `\n${more.join('\n')}` : ''}${separated}`;
}
