import { decodeHTML } from 'entities';
import { escapeHtml } from '../html.js';
import type { ShortcodeHandler } from './types.js';

/**
 * SyntaxHighlighter Evolved (and WordPress.com, Jetpack Markdown's fenced code):
 * `[code lang="php"]…[/code]`, `[sourcecode language="python"]`, `[source]`, `[sourcecode php]`,
 * and one tag per language alias: `[bash]#!/bin/bash[/bash]`.
 * The body is stored HTML-escaped iff the post has meta `_syntaxhighlighter_encoded`; otherwise it
 * is taken verbatim. Output: `<pre><code class="language-…">`, which becomes a fenced block.
 */

/** Brush aliases (Automattic/syntaxhighlighter `$this->brushes`) -> the fence's language name. */
const LANGUAGES: Record<string, string> = {
  as3: 'actionscript', actionscript3: 'actionscript', arduino: 'arduino', bash: 'bash', shell: 'bash', sh: 'bash',
  coldfusion: 'coldfusion', cf: 'coldfusion', clojure: 'clojure', clj: 'clojure', cpp: 'cpp', c: 'c',
  'c-sharp': 'csharp', csharp: 'csharp', css: 'css', delphi: 'pascal', pas: 'pascal', pascal: 'pascal',
  diff: 'diff', patch: 'diff', erl: 'erlang', erlang: 'erlang', fsharp: 'fsharp', go: 'go', golang: 'go',
  groovy: 'groovy', haskell: 'haskell', java: 'java', jfx: 'javafx', javafx: 'javafx', js: 'javascript',
  jscript: 'javascript', javascript: 'javascript', latex: 'latex', tex: 'latex', matlab: 'matlab',
  matlabkey: 'matlab', objc: 'objectivec', 'obj-c': 'objectivec', perl: 'perl', pl: 'perl', php: 'php',
  plain: 'text', text: 'text', ps: 'powershell', powershell: 'powershell', py: 'python', python: 'python',
  r: 'r', splus: 'r', rails: 'ruby', rb: 'ruby', ror: 'ruby', ruby: 'ruby', sass: 'scss', scss: 'scss',
  scala: 'scala', sql: 'sql', swift: 'swift', tap: 'tap', vb: 'vbnet', vbnet: 'vbnet', xml: 'xml',
  xhtml: 'html', xslt: 'xslt', html: 'html', yaml: 'yaml', yml: 'yaml',
};

/** `[latex]` and `[r]` are not registered as tags by the plugin (other plugins own them). */
const LANGUAGE_TAGS = Object.keys(LANGUAGES).filter((tag) => tag !== 'latex' && tag !== 'r' && tag !== 'sh');

/** A language name as written in an attribute -> the fence's name (unknown names lowercased). */
export function fenceLanguage(name: string | undefined): string {
  const key = (name ?? '').trim().toLowerCase().replace(/^["']|["']$/g, '');
  return LANGUAGES[key] ?? key.replace(/[^a-z0-9_+#.-]/g, '');
}

export function codeBlockHtml(code: string, language: string): string {
  const cls = language ? ` class="language-${escapeHtml(language)}"` : '';
  return `<pre><code${cls}>${escapeHtml(code)}</code></pre>`;
}

export const codeShortcode: ShortcodeHandler = {
  tags: ['code', 'sourcecode', 'source', ...LANGUAGE_TAGS],
  stage: 'code',
  closedOnly: true,
  convert(shortcode, ctx) {
    const { named, numeric } = shortcode.attrs;
    const generic = ['code', 'sourcecode', 'source'].includes(shortcode.tag);
    // `[code="php"]` reaches us as a positional `="php"`.
    const positional = numeric[0]?.replace(/^=/, '');
    const language = fenceLanguage(generic ? (named['language'] ?? named['lang'] ?? named['type'] ?? positional) : shortcode.tag);
    let code = shortcode.content ?? '';
    const encoded = (ctx.record.meta['_syntaxhighlighter_encoded'] ?? '') !== '' && ctx.record.meta['_syntaxhighlighter_encoded'] !== '0';
    if (encoded) code = decodeHTML(code);
    code = code.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
    return code ? codeBlockHtml(code, language) : '';
  },
};
