import type { ViewNode } from './view-node.js';

/**
 * HTML fragment serialization (HTML standard, "serialising HTML fragments"), as a browser's
 * outerHTML writes it: text escapes `& < >` and no-break spaces, attribute values also `"`; void
 * elements have no end tag; the text of raw-text elements (script, style, iframe...) is written
 * as it is. Used for what is kept as HTML (embeds, tables Markdown cannot hold) and table cells.
 */
export function serializeNode(node: ViewNode): string {
  return serializeOne(node, null);
}

export function serializeChildren(node: ViewNode): string {
  let html = '';
  for (let child = node.firstChild; child; child = child.nextSibling) html += serializeOne(child, node);
  return html;
}

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

function serializeOne(node: ViewNode, parent: ViewNode | null): string {
  if (node.nodeType === 3) {
    const raw = parent !== null && parent.nodeType === 1 && parent.space === 'html' && RAW_TEXT.has(parent.localName);
    return raw ? node.data : escapeText(node.data);
  }
  if (node.nodeType === 8) return `<!--${node.data.replace(/(--!?)>/g, '$1&gt;')}-->`;
  if (node.nodeType !== 1) return '';
  const tag = node.localName;
  let html = `<${tag}`;
  for (const { name, value } of node.attributes) html += ` ${name}="${escapeAttribute(value)}"`;
  html += '>';
  if (node.space === 'html' && VOID.has(tag)) return html;
  let inner = serializeChildren(node);
  // Raw text cannot hold its own end tag: a `</script` inside is escaped.
  if (RAW_TEXT.has(tag.toLowerCase()) && inner.toLowerCase().includes(`</${tag.toLowerCase()}`)) {
    inner = inner.replace(new RegExp(`</${tag}`, 'gi'), (match) => `&lt;${match.slice(1)}`);
  }
  return `${html}${inner}</${tag}>`;
}

function escapeText(text: string): string {
  return /[&<>\u00a0]/.test(text) ? text.replace(/[&<>\u00a0]/g, (c) => ESCAPES[c]!) : text;
}

function escapeAttribute(value: string): string {
  return /[&"<>\u00a0]/.test(value) ? value.replace(/[&"<>\u00a0]/g, (c) => ESCAPES[c]!) : value;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;' };
