import { balanceBrackets, destination, titlePart } from './destination.js';
import { rule } from './types.js';

/**
 * `<a href>` -> `[text](url "title")`; a link whose text is its own URL -> `<url>`; a link with no
 * text (an empty anchor) or no usable href (`<a name>`, `javascript:`) -> its text only.
 */
export const link = rule('link', {
  filter: (node) => node.nodeName === 'A',
  replacement(content, node) {
    const el = node as HTMLElement;
    const href = (el.getAttribute('href') ?? '').trim();
    if (!href || /^javascript:/i.test(href)) return content;
    if (!content.trim()) return '';
    const title = el.getAttribute('title');
    const text = content.trim();
    const leading = /^\s*/.exec(content)![0];
    const trailing = /\s*$/.exec(content)![0];
    const autolink = !titlePart(title) && !/[\s<>]/.test(href) && (/^(?:https?|ftp):\/\//i.test(href) ? unescape(text) === href : href === `mailto:${unescape(text)}`);
    if (autolink) return `${leading}<${href.replace(/^mailto:/i, '')}>${trailing}`;
    return `${leading}[${balanceBrackets(text)}](${destination(href)}${titlePart(title)})${trailing}`;
  },
});

function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
