import { rule } from './types.js';

/**
 * Lists with `- ` and `1. ` markers (turndown's default pads markers to four columns); an ordered
 * list keeps its `start`; nested content is indented to the item's text column. Two lists in a
 * row would read as one in Markdown, so the second uses the other marker (`*`, `1)`).
 */
export const list = rule('list', {
  filter: ['ul', 'ol'],
  replacement(content, node) {
    const parent = node.parentNode as HTMLElement | null;
    if (parent?.nodeName === 'LI' && parent.lastElementChild === node) return `\n${content}`;
    return `\n\n${content}\n\n`;
  },
});

export const listItem = rule('list-item', {
  filter: 'li',
  replacement(content, node) {
    const parent = node.parentNode as HTMLElement | null;
    const other = parent ? followsSameList(parent) : false;
    let marker = other ? '* ' : '- ';
    if (parent?.nodeName === 'OL') {
      const start = Number.parseInt(parent.getAttribute('start') ?? '', 10);
      const index = Array.prototype.indexOf.call(parent.children, node);
      marker = `${(Number.isFinite(start) ? start : 1) + index}${other ? ')' : '.'} `;
    }
    const isParagraph = /\n$/.test(content);
    const body = content.replace(/^\n+/, '').replace(/\n+$/, '') + (isParagraph ? '\n' : '');
    const indented = body.replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`);
    return marker + indented + (node.nextSibling ? '\n' : '');
  },
});

/** An odd number of lists of the same kind right before this one (blank elements in between ignored). */
function followsSameList(list: Node): boolean {
  let count = 0;
  for (let prev = previousContent(list); prev?.nodeName === list.nodeName; prev = previousContent(prev)) count++;
  return count % 2 === 1;
}

function previousContent(node: Node): Node | null {
  let prev = node.previousSibling;
  while (prev && !/[^\s\u00a0]/.test(prev.textContent ?? '') && !(prev as Element).querySelector?.('img, iframe, video, audio')) prev = prev.previousSibling;
  return prev;
}
