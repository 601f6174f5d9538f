import TurndownService from 'turndown';
import { escapeMarkdownText } from './markdown/escape.js';
import { KEPT_AS_HTML, RULES } from './rules/index.js';
import { keptHtml } from './rules/kept-html.js';
import { dispatchRulesByName } from './rule-dispatch.js';

/**
 * The one configured turndown: ATX headings, fenced code, `-` bullets, `*` emphasis, `---` rules,
 * hard line breaks written as a backslash (no trailing spaces), unpress's rules (rules/index.ts)
 * and its minimal escaping (markdown/escape.ts). Holds no per-post state, so one instance serves
 * every conversion.
 */
export function makeTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
    br: '\\',
    keepReplacement: (_, node) => ((node as HTMLElement & { isBlock?: boolean }).isBlock ? `\n\n${keptHtml(node)}\n\n` : keptHtml(node)),
  });
  service.escape = escapeMarkdownText;
  // addRule puts a rule first: add in reverse so that RULES' order is the priority order.
  for (const definition of [...RULES].reverse()) service.addRule(definition.name, definition.create(service));
  service.keep((node) => (KEPT_AS_HTML as readonly string[]).includes(node.nodeName.toLowerCase()));
  service.remove((node) => ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(node.nodeName));
  dispatchRulesByName(service);
  return service;
}
