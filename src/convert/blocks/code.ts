import { fenceLanguage } from '../shortcodes/code.js';
import { stringAttr, type BlockHandler } from './types.js';

/**
 * `<!-- wp:code --><pre class="wp-block-code"><code>…</code></pre>`: core saves no language, but
 * syntax plugins add one as an attribute (`{"language":"php"}`) or a class (`language-php`, `lang-php`);
 * it is put on the <code> as `language-…`, which the code rule reads.
 */
export const codeBlock: BlockHandler = (block, ctx) => {
  const html = ctx.renderInner(block);
  const className = stringAttr(block, 'className') ?? '';
  const language = fenceLanguage(stringAttr(block, 'language') ?? /(?:^|\s)lang(?:uage)?-(\S+)/.exec(className)?.[1]);
  if (!language || /<code[^>]*class="[^"]*language-/.test(html)) return html;
  return html.replace(/<code\b([^>]*)>/, (_, attrs: string) => `<code${attrs} class="language-${language}">`);
};

/**
 * SyntaxHighlighter's block: `<!-- wp:syntaxhighlighter/code {"language":"php"} -->
 * <pre class="wp-block-syntaxhighlighter-code">&lt;?php …</pre>` (body stored escaped).
 */
export const syntaxHighlighterBlock: BlockHandler = (block, ctx) => {
  const html = ctx.renderInner(block);
  const language = fenceLanguage(stringAttr(block, 'language'));
  const body = /<pre[^>]*>([\s\S]*)<\/pre>/i.exec(html)?.[1] ?? '';
  return `<pre><code${language ? ` class="language-${language}"` : ''}>${body}</code></pre>`;
};
