import { escapeHtml } from '../html.js';
import { fenceLanguage } from '../shortcodes/code.js';
import type { Dom, Element } from '../dom.js';
import type { Normalizer } from './types.js';

/**
 * Every `<pre>` becomes `<pre><code class="language-…">text</code></pre>`, its text as displayed
 * (`<br>` inside it is a newline; inline markup dropped). The language comes from wherever the
 * source put it: `<code class="language-php">` (Jetpack Markdown, Prism), `lang-php`,
 * SyntaxHighlighter's rendered `<pre class="brush: php; title: ; notranslate">`, a `lang` or
 * `data-lang` attribute. Verse (`pre.wp-block-verse`) is poetry, not code: see verse.ts.
 */
export const codeBlocks: Normalizer = {
  name: 'code-blocks',
  appliesTo: /<pre\b/i,
  apply($) {
    $('pre').each((_, pre) => {
      if ($(pre).hasClass('wp-block-verse') || $(pre).parents('pre').length) return;
      const language = languageOf($, pre);
      const copy = $(pre).clone();
      copy.find('br').replaceWith('\n');
      const text = copy.text();
      $(pre).replaceWith(`<pre><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>${escapeHtml(text)}</code></pre>`);
    });
  },
};

function languageOf($: Dom, pre: Element): string {
  const code = $(pre).children('code').first();
  const candidates = [code.attr('class'), pre.attribs['class']];
  for (const value of candidates) {
    const match = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(value ?? '') ?? /brush:\s*([\w+#.-]+)/.exec(value ?? '');
    if (match) return fenceLanguage(match[1]);
  }
  return fenceLanguage(code.attr('lang') ?? code.attr('data-lang') ?? pre.attribs['lang'] ?? pre.attribs['data-lang'] ?? '');
}
