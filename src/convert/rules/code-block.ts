import { rule } from './types.js';

/**
 * `<pre><code class="language-php">` (normalize/code.ts made every <pre> so) -> a fenced block with
 * its language. The fence is longer than any backtick run inside, so the code is never cut short.
 */
export const codeBlock = rule('code-block', {
  filter: 'pre',
  replacement(_, node) {
    const code = node.textContent ?? '';
    const className = (node.firstElementChild?.getAttribute('class') ?? '') || (node.getAttribute('class') ?? '');
    const language = /language-(\S+)/.exec(className)?.[1] ?? '';
    const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `\n\n${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}\n\n`;
  },
});
