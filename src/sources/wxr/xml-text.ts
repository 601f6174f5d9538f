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

export function makeWxrParser(options: { preserveOrder?: boolean } = {}): XMLParser {
  return new XMLParser({
    ...options,
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
    // Callbacks get a matcher instead of a path string built at every tag (3x faster parsing).
    jPath: false,
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

/**
 * A copy of `text` that does not keep a larger string alive. V8 keeps a whole string in memory as
 * long as any slice of it lives: a caption kept in the site index would hold its item's text,
 * and an item the megabyte of file text it was cut from. (Concatenation, then slicing, makes V8
 * flatten the text into a new string.)
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** Marks a CDATA section set aside by setAsideCdata(): U+E000, its number, U+E001 (private use). */
const ASIDE_START = '\uE000';
const ASIDE_END = '\uE001';
/** A character reference to the markers (`&#xE000;`, `&#57345;`): decoded, it would read as one. */
const MARKER_REFERENCE = /&#(?:[xX]0*[eE]00[01]|0*5734[45]);/;
/** Shorter sections are inlined as inlineCdata() does: only bodies are worth setting aside. */
const ASIDE_MIN = 64;

/** XML with its long CDATA sections set aside, and how to put them back into a decoded value. */
export interface AsideCdata {
  xml: string;
  restore(value: string): string;
}

/**
 * inlineCdata() for items, without making the XML parser walk the bodies it only hands back as
 * strings: each long CDATA section (a post's content, a comment) is replaced by a placeholder
 * followed by as many newlines as it held (so parse errors keep their line numbers), and
 * `restore()` puts the literal text back into a value once it is entity-decoded. Text holding
 * the placeholder character itself is inlined the usual way.
 */
export function setAsideCdata(xml: string): AsideCdata {
  let start = xml.indexOf('<![CDATA[');
  if (start === -1 || xml.includes(ASIDE_START) || MARKER_REFERENCE.test(xml)) return { xml: inlineCdata(xml), restore: (value) => value };
  const sections: string[] = [];
  let out = '';
  let pos = 0;
  while (start !== -1) {
    const end = xml.indexOf(']]>', start + 9);
    const stop = end === -1 ? xml.length : end;
    // Line ends normalised as the parser does for the rest of the document (XML 1.0 § 2.11).
    const raw = xml.slice(start + 9, stop);
    const content = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (content.length >= ASIDE_MIN && /\S/.test(content)) {
      sections.push(content);
      out += `${xml.slice(pos, start)}${ASIDE_START}${sections.length - 1}${ASIDE_END}${'\n'.repeat(countNewlines(content))}`;
    } else out += xml.slice(pos, start) + escapeText(raw);
    pos = end === -1 ? xml.length : end + 3;
    start = xml.indexOf('<![CDATA[', pos);
  }
  out += xml.slice(pos);
  return { xml: out, restore: sections.length ? (value) => restoreSections(value, sections) : (value) => value };
}

function restoreSections(value: string, sections: readonly string[]): string {
  let at = value.indexOf(ASIDE_START);
  if (at === -1) return value;
  let out = '';
  let pos = 0;
  while (at !== -1) {
    const close = value.indexOf(ASIDE_END, at + 1);
    if (close === -1) break; // not a marker of ours (setAsideCdata() inlines text that could hold one)
    const section = sections[Number(value.slice(at + 1, close))] ?? '';
    out += value.slice(pos, at) + section;
    pos = close + 1 + countNewlines(section);
    at = value.indexOf(ASIDE_START, pos);
  }
  return out + value.slice(pos);
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
