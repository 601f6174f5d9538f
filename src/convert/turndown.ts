import TurndownService from 'turndown';
import { tables, strikethrough } from 'turndown-plugin-gfm';

/** The marker elements prepare/ leaves for turndown, for what HTML comments carried. */
export const MORE_MARKER = '<unpress-more></unpress-more>';

/** One configured turndown: ATX headings, fenced code, GFM tables and strikethrough. */
export function makeTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
    br: '\\',
  });
  service.use([tables, strikethrough]);
  service.addRule('more', {
    filter: (node) => node.nodeName === 'UNPRESS-MORE',
    replacement: () => '\n\n<!--more-->\n\n',
  });
  service.keep(['iframe']);
  return service;
}
