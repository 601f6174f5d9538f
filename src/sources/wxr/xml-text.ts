import { XMLParser } from 'fast-xml-parser';
import { decodeHTMLStrict } from 'entities';

/**
 * fast-xml-parser, set up for WXR: every value kept as a string, CDATA kept apart from text so
 * that only text gets entity-decoded (CDATA is literal), repeated elements always arrays.
 */
const REPEATED = new Set([
  'category',
  'wp:postmeta',
  'wp:comment',
  'wp:commentmeta',
  'wp:author',
  'wp:category',
  'wp:tag',
  'wp:term',
  'wp:termmeta',
  'item',
]);

export function makeWxrParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => REPEATED.has(name),
  });
}

/** A parsed element: a string (text only) or an object with #text, #cdata, attributes, children. */
export type XmlNode = string | { [key: string]: unknown } | undefined;

/**
 * Decodes text outside CDATA: XML's five entities, numeric references and, like WordPress's own
 * lenient importer, HTML named entities such as &nbsp; that old exports wrote raw.
 */
export function decodeXmlText(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/**
 * Rewrites every CDATA section as escaped text, so that text and CDATA pieces stay in document
 * order (split `]]]]><![CDATA[>` sections join naturally) and one decoding rule fits all. An
 * unterminated section runs to the end.
 */
export function inlineCdata(xml: string): string {
  let start = xml.indexOf('<![CDATA[');
  if (start === -1) return xml;
  let out = '';
  let pos = 0;
  while (start !== -1) {
    const end = xml.indexOf(']]>', start + 9);
    const stop = end === -1 ? xml.length : end;
    out += xml.slice(pos, start) + escapeText(xml.slice(start + 9, stop));
    pos = end === -1 ? xml.length : end + 3;
    start = xml.indexOf('<![CDATA[', pos);
  }
  return out + xml.slice(pos);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The decoded text of an element parsed from inlineCdata() output. */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeXmlText(node);
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'object') {
    const text = (node as Record<string, unknown>)['#text'];
    return text === undefined ? '' : decodeXmlText(String(text));
  }
  return '';
}

export function attrOf(node: unknown, name: string): string | undefined {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const value = (node as Record<string, unknown>)[`@_${name}`];
    if (value !== undefined) return decodeXmlText(String(value));
  }
  return undefined;
}

export function listOf(node: unknown): unknown[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}
