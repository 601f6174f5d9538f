import { rule } from './types.js';

/** `<details><summary>Title</summary>…</details>` has no Markdown form: kept as HTML around Markdown. */
export const details = rule('details', {
  filter: 'details',
  replacement(content, node) {
    const summary = (node as HTMLElement).querySelector('summary');
    const title = (summary?.textContent ?? '').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return `\n\n<details>\n<summary>${title}</summary>\n\n${content.trim()}\n\n</details>\n\n`;
  },
});

export const summary = rule('summary', {
  filter: (node) => node.nodeName === 'SUMMARY' && node.parentNode?.nodeName === 'DETAILS',
  replacement: () => '',
});
