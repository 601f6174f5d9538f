import { autop } from '@wordpress/autop';
import type { Warning } from '../model/diagnostics.js';
import type { PostRecord } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import type { ConvertContext, ConvertedBody } from './context.js';
import { serializeBlocksToHtml } from './prepare/blocks.js';
import { makeTurndown, MORE_MARKER } from './turndown.js';

let turndown: ReturnType<typeof makeTurndown> | undefined;

/**
 * A post's stored body -> Markdown.
 * classic: autop first (WordPress stores classic content without <p>); blocks: never autop'd,
 * block delimiters removed; rendered (scraped) HTML: used as is.
 */
export function convertBody(record: PostRecord, site: SiteIndex): ConvertedBody {
  const warnings: Warning[] = [];
  const ctx: ConvertContext = { record, site, warn: (code, message) => warnings.push({ code, message }) };
  let html = record.body;
  if (record.bodyFormat === 'blocks') html = serializeBlocksToHtml(html, ctx);
  else if (record.bodyFormat === 'classic') html = autop(html);
  html = html.replace(/<!--\s*more\b[^>]*?-->/gi, MORE_MARKER);
  turndown ??= makeTurndown();
  const markdown = tidyMarkdown(turndown.turndown(html));
  return { markdown, warnings };
}

/** No trailing spaces, at most one blank line in a row, one final newline (or nothing). */
function tidyMarkdown(markdown: string): string {
  const text = markdown
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text ? `${text}\n` : '';
}
