import { escapeMarkdownText } from '../markdown/escape.js';
import { balanceBrackets, destination, titlePart } from './destination.js';
import { rule } from './types.js';

/** `<img src alt title>` -> `![alt](src "title")`. */
export const image = rule('image', {
  filter: 'img',
  replacement(_, node) {
    const el = node as HTMLElement;
    const src = (el.getAttribute('src') ?? '').trim();
    if (!src) return '';
    const alt = balanceBrackets(escapeMarkdownText((el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim()));
    return `![${alt}](${destination(src)}${titlePart(el.getAttribute('title'))})`;
  },
});
