import { XMLParser } from 'fast-xml-parser';
import { decodeHTML } from 'entities';

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
    cdataPropName: '#cdata',
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
  return text.includes('&') ? decodeHTML(text) : text;
}

/** The text of an element: CDATA pieces joined (split `]]]]><![CDATA[>` sections included), text decoded. */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeXmlText(node);
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    const cdata = obj['#cdata'];
    const text = obj['#text'];
    const cdataText = cdata === undefined ? '' : Array.isArray(cdata) ? cdata.map(String).join('') : String(cdata);
    const plain = text === undefined ? '' : decodeXmlText(String(text));
    // Mixed text and CDATA is rare (whitespace around a CDATA section); keep CDATA when present.
    return cdataText !== '' || cdata !== undefined ? (plain.trim() ? plain + cdataText : cdataText) : plain;
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
