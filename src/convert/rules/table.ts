import type TurndownService from 'turndown';
import { KEEP_TABLE_ATTRIBUTE } from '../normalize/tables.js';
import { italic } from './figure.js';
import { restoreMarkers } from './kept-html.js';
import type { RuleDefinition } from './types.js';

/**
 * `<table>` -> a GFM table. WordPress tables often have no header row (the editor's default, and
 * every classic-editor table): GFM needs one, so the first row is promoted only when it is one
 * (in <thead>, all <th>, or every cell in bold); otherwise the header row is left empty, which
 * renders as a thin empty band instead of making data look like headings.
 * Cells: line breaks and paragraphs become `<br>`, `|` is escaped. A table Markdown cannot hold
 * (marked by normalize/tables.ts) is kept as HTML, without its presentational attributes.
 * `<caption>` becomes an italic line under the table.
 */
export const table: RuleDefinition = {
  name: 'table',
  create: (service) => ({
    filter: 'table',
    replacement(_, node) {
      const el = node as HTMLTableElement;
      const rows = rowsOf(el);
      const caption = captionOf(service, el);
      if (rows.length === 0) return caption;
      if (el.hasAttribute(KEEP_TABLE_ATTRIBUTE)) return `\n\n${cleanHtml(el)}\n\n${caption}`;
      let cells = rows.map((row) => cellsOf(row).map((cell) => cellMarkdown(service, cell)));
      const width = Math.max(...cells.map((row) => row.length));
      if (width === 0) return caption;
      let header: string[];
      const first = rows[0]!;
      if (first.parentNode?.nodeName === 'THEAD' || cellsOf(first).every((cell) => cell.nodeName === 'TH')) {
        header = cells[0]!;
        cells = cells.slice(1);
      } else if (rows.length > 1 && cellsOf(first).every(isWhollyBold) && cellsOf(first).some((cell) => cell.textContent?.trim())) {
        header = cells[0]!.map((cell) => cell.replace(/^\*\*([\s\S]*)\*\*$/, '$1'));
        cells = cells.slice(1);
      } else {
        header = [];
      }
      const line = (row: string[]): string => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
      const separator = `| ${Array.from({ length: width }, (_, i) => alignment(cellsOf(first)[i])).join(' | ')} |`;
      return `\n\n${[line(header), separator, ...cells.map(line)].join('\n')}\n\n${caption}`;
    },
  }),
};

function rowsOf(table: HTMLElement): HTMLElement[] {
  const groups: Record<string, HTMLElement[]> = { THEAD: [], BODY: [], TFOOT: [] };
  for (const child of Array.from(table.children) as HTMLElement[]) {
    if (child.nodeName === 'TR') groups['BODY']!.push(child);
    else if (['THEAD', 'TBODY', 'TFOOT'].includes(child.nodeName)) {
      const rows = (Array.from(child.children) as HTMLElement[]).filter((row) => row.nodeName === 'TR');
      groups[child.nodeName === 'TBODY' ? 'BODY' : child.nodeName]!.push(...rows);
    }
  }
  return [...groups['THEAD']!, ...groups['BODY']!, ...groups['TFOOT']!];
}

function cellsOf(row: HTMLElement): HTMLElement[] {
  return (Array.from(row.children) as HTMLElement[]).filter((cell) => cell.nodeName === 'TD' || cell.nodeName === 'TH');
}

function isWhollyBold(cell: HTMLElement): boolean {
  const text = (cell.textContent ?? '').trim();
  if (!text) return true;
  const bold = Array.from(cell.querySelectorAll('strong, b')).map((b) => b.textContent ?? '').join('').trim();
  return bold.replace(/\s+/g, ' ') === text.replace(/\s+/g, ' ');
}

function cellMarkdown(service: TurndownService, cell: HTMLElement): string {
  // From its HTML rather than the node: turndown would clone the node, which fails on odd tag names.
  return service
    .turndown(cell.innerHTML)
    .trim()
    .replace(/\\\n/g, '<br>')
    .replace(/\n+/g, '<br>')
    .replace(/(?<!\\)\|/g, '\\|')
    // A cell holds inline content only: what was escaped as a possible line start is plain here.
    .replace(/^\\([-+*#>=])/, '$1')
    .replace(/^(\d+)\\([.)])/, '$1$2');
}

function alignment(cell: HTMLElement | undefined): string {
  const value = (cell?.getAttribute('align') ?? /text-align:\s*(\w+)/.exec(cell?.getAttribute('style') ?? '')?.[1] ?? '').toLowerCase();
  if (value === 'center') return ':---:';
  if (value === 'right') return '---:';
  return '---';
}

function captionOf(service: TurndownService, table: HTMLElement): string {
  const caption = Array.from(table.children).find((child) => child.nodeName === 'CAPTION') as HTMLElement | undefined;
  const text = caption ? service.turndown(caption.innerHTML).trim() : '';
  return text ? `${italic(text)}\n\n` : '';
}

const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  '*': ['colspan', 'rowspan', 'scope', 'headers'],
  A: ['href', 'title'],
  IMG: ['src', 'alt', 'title'],
};

/**
 * The table as HTML, without style, class, width and such; markers inside as keptHtml() writes them.
 * (It edits the node, which turndown does not use after this rule.)
 */
function cleanHtml(table: HTMLElement): string {
  restoreMarkers(table);
  for (const caption of Array.from(table.querySelectorAll('caption'))) caption.remove();
  for (const el of [table, ...Array.from(table.querySelectorAll('*'))]) {
    const kept = [...KEPT_ATTRIBUTES['*']!, ...(KEPT_ATTRIBUTES[el.nodeName] ?? [])];
    for (const name of Array.from(el.attributes).map((a) => a.name)) if (!kept.includes(name)) el.removeAttribute(name);
  }
  return table.outerHTML;
}
