import { hasAncestor, rule } from './types.js';

/** Inline `<code>`, `<tt>`, `<kbd>`, `<samp>` -> a code span, with a delimiter longer than any run inside. */
export const inlineCode = rule('inline-code', {
  filter: (node) => ['CODE', 'TT', 'KBD', 'SAMP'].includes(node.nodeName) && !hasAncestor(node, ['PRE']),
  replacement(_, node) {
    const text = (node.textContent ?? '').replace(/\r?\n|\r/g, ' ');
    if (!text.trim()) return text;
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const delimiter = '`'.repeat(longest + 1);
    const pad = /^`|`$|^ .*[^ ].* $/.test(text) ? ' ' : '';
    return `${delimiter}${pad}${text}${pad}${delimiter}`;
  },
});
