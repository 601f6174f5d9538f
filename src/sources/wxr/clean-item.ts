import type { AttachmentInfo } from '../../model/site.js';
import { canonicalName, type PrefixMap } from './namespaces.js';
import { decodeXmlText, detached } from './xml-text.js';

/**
 * The fast path for the common case: an item written the way WordPress writes it. One quick scan
 * proves that the item is in a strict subset of XML that (1) fast-xml-parser's validator accepts
 * and (2) repair-item.ts would leave untouched, so neither has to run over it. Anything outside
 * the subset (an entity that is not one of XML's five, a stray `<` or `]]>`, a control character,
 * an undeclared prefix, an attribute without quotes, a processing instruction, a CDATA section
 * followed by more markup...) makes the scan answer false, and the item takes the usual road:
 * repairs, validation, parsing, with their messages. Stricter than needed is only slower.
 */

// XML 1.0 Char excludes these (repair-item.ts removes them).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** ASCII names, at most one prefix: a subset of what the validator and the prefix check accept. */
const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
/** A start tag: quoted attribute values without `<`, `&` or `>`, one space at least before each. */
const START_TAG = new RegExp(`<(${NAME})((?:[ \\t\\n\\r]+${NAME}=(?:"[^"<&>]*"|'[^'<&>]*'))*)[ \\t\\n\\r]*(/?)>`, 'y');
const ATTRIBUTE_NAME = new RegExp(`[ \\t\\n\\r]+(${NAME})=`, 'g');
/** References repair-item.ts keeps and the validator accepts (it wants a lower-case `x`). */
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#([0-9]{1,8})|#x([0-9A-Fa-f]{1,8}));/y;
/** Names fast-xml-parser refuses or renames (prototype pollution guards). */
const GUARDED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** fast-xml-parser's maxNestedTags (100 by default): it throws on a start tag with more elements open. */
const MAX_NESTED = 100;

/** What a reader of the scan is told, element by element (start tags, leaves, closings). */
export interface ScanListener {
  /** An element with children closes (`depth`: its own depth, the root being 0). */
  close?(name: string, depth: number): void;
  /** An element without child elements closes; its content is text[start, end) (text, CDATA, comments). */
  leaf?(name: string, depth: number, start: number, end: number, hasComment: boolean): void;
}

/**
 * True when `text` (one piece from the splitter) is one well-formed element in the strict subset
 * described above, with every prefix in `declared`.
 */
export function isCleanItem(text: string, declared: ReadonlySet<string>, listener?: ScanListener): boolean {
  if (CONTROL.test(text)) return false;
  const names: string[] = [];
  const starts: number[] = [];
  /** Per open element: 1 has a child element, 2 holds a comment. */
  const flags: number[] = [];
  let rootClosed = false;
  let afterCdata = false;
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    const end = lt === -1 ? text.length : lt;
    // Text: whitespace only outside the root; inside, no `]]>` and only well-formed references.
    for (let i = pos; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 38) {
        REFERENCE.lastIndex = i;
        const ref = REFERENCE.exec(text);
        if (ref === null || names.length === 0) return false;
        if (ref[1] !== undefined || ref[2] !== undefined) {
          const code = ref[1] !== undefined ? Number.parseInt(ref[1], 10) : Number.parseInt(ref[2]!, 16);
          if (!isXmlChar(code)) return false;
        }
        i = REFERENCE.lastIndex - 1;
      } else if (c === 93) {
        if (names.length === 0 || text.startsWith(']]>', i)) return false;
      } else if (names.length === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
    }
    if (lt === -1) break;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 33) {
      // `<!`: a CDATA section inside an element, or a comment.
      let close: number;
      if (text.startsWith('<![CDATA[', lt)) {
        if (names.length === 0) return false;
        close = text.indexOf(']]>', lt + 9);
        if (close === -1) return false;
        // A CR at a section's edge: whether it pairs with a LF across the edge differs between
        // XML's rule and setAsideCdata()'s inlining; such items take the usual road (one reading).
        if (text.charCodeAt(lt - 1) === 13 || text.charCodeAt(close - 1) === 13) return false;
        afterCdata = true;
      } else if (text.startsWith('<!--', lt)) {
        // After CDATA, the element must close at once (repair-item reads other shapes its own way).
        if (afterCdata) return false;
        close = text.indexOf('-->', lt + 4);
        if (close === -1) return false;
        // setAsideCdata() does not know comments: it would take this for a CDATA section.
        const cdata = text.indexOf('<![CDATA[', lt + 4);
        if (cdata !== -1 && cdata < close) return false;
        if (names.length > 0) flags[flags.length - 1]! |= 2;
      } else return false;
      pos = close + 3;
      continue;
    }
    if (c1 === 47) {
      // `</name>` exactly, name being the open element's (what END_TAG would match, without a match).
      const name = names[names.length - 1];
      if (name === undefined) return false;
      const close = lt + 2 + name.length;
      if (text.charCodeAt(close) !== 62 || !text.startsWith(name, lt + 2)) return false;
      names.pop();
      const start = starts.pop()!;
      const flag = flags.pop()!;
      if (listener) {
        if (flag & 1) listener.close?.(name, names.length);
        else listener.leaf?.(name, names.length, start, lt, (flag & 2) !== 0);
      }
      if (names.length === 0) rootClosed = true;
      afterCdata = false;
      pos = close + 1;
      continue;
    }
    if (afterCdata || rootClosed) return false;
    // Most start tags are a bare name: read by hand; a tag with attributes (or anything else) by START_TAG.
    const nameEnd = nameEndAt(text, lt + 1);
    let name: string;
    let selfClosing: boolean;
    const after = nameEnd === -1 ? -1 : text.charCodeAt(nameEnd);
    if (after === 62) {
      name = text.slice(lt + 1, nameEnd);
      selfClosing = false;
      pos = nameEnd + 1;
    } else if (after === 47 && text.charCodeAt(nameEnd + 1) === 62) {
      name = text.slice(lt + 1, nameEnd);
      selfClosing = true;
      pos = nameEnd + 2;
    } else {
      START_TAG.lastIndex = lt;
      const match = START_TAG.exec(text);
      if (match === null) return false;
      name = match[1]!;
      if (match[2] && !attributesAllowed(match[2])) return false;
      selfClosing = match[3] === '/';
      pos = START_TAG.lastIndex;
    }
    if (!nameAllowed(name, declared)) return false;
    if (names.length > 0) flags[flags.length - 1]! |= 1;
    if (selfClosing) {
      if (names.length === 0) rootClosed = true;
      else listener?.leaf?.(name, names.length, pos, pos, false);
      continue;
    }
    // fast-xml-parser refuses deeper nesting: such an item takes the parser's road (and its error).
    if (names.length > MAX_NESTED) return false;
    names.push(name);
    starts.push(pos);
    flags.push(0);
  }
  return rootClosed && names.length === 0;
}

/**
 * Where a NAME (see above) that starts at `start` ends, -1 if none starts there: ASCII letters,
 * digits, `_`, `.`, `-` after a letter or `_`, and at most one `:` followed by the same.
 */
function nameEndAt(text: string, start: number): number {
  if (!isNameStart(text.charCodeAt(start))) return -1;
  let at = start + 1;
  while (isNameChar(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== 58) return at;
  if (!isNameStart(text.charCodeAt(at + 1))) return -1;
  at += 2;
  while (isNameChar(text.charCodeAt(at))) at++;
  return at;
}

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

/** nameAllowed() answers, for the last set of declared prefixes seen (names repeat in every item). */
let allowedFor: ReadonlySet<string> | undefined;
const allowed = new Map<string, boolean>();

function nameAllowed(name: string, declared: ReadonlySet<string>): boolean {
  if (declared !== allowedFor) {
    allowed.clear();
    allowedFor = declared;
  }
  let answer = allowed.get(name);
  if (answer === undefined) {
    answer = checkName(name, declared);
    if (allowed.size < 10_000) allowed.set(name, answer);
  }
  return answer;
}

function checkName(name: string, declared: ReadonlySet<string>): boolean {
  if (GUARDED.has(name)) return false;
  const colon = name.indexOf(':');
  if (colon === -1) return true;
  const prefix = name.slice(0, colon);
  return declared.has(prefix) || prefix === 'xml' || prefix === 'xmlns';
}

/** No duplicates (the validator refuses them), no namespace declarations (they change prefixes). */
function attributesAllowed(attributes: string): boolean {
  const seen: string[] = [];
  ATTRIBUTE_NAME.lastIndex = 0;
  for (let m = ATTRIBUTE_NAME.exec(attributes); m !== null; m = ATTRIBUTE_NAME.exec(attributes)) {
    const name = m[1]!;
    if (name === 'xmlns' || name.startsWith('xmlns:') || seen.includes(name)) return false;
    seen.push(name);
  }
  return true;
}

function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/**
 * The value of a leaf element's content as parseWxrItem() reads it: line ends normalised, text
 * entity-decoded, CDATA literal, comments left out.
 */
export function leafValue(text: string, start: number, end: number): string {
  let out = '';
  let pos = start;
  while (pos < end) {
    const lt = text.indexOf('<', pos);
    const stop = lt === -1 || lt >= end ? end : lt;
    if (stop > pos) out += decodeXmlText(normalizeNewlines(text.slice(pos, stop)));
    if (stop === end) break;
    if (text.startsWith('<![CDATA[', stop)) {
      const close = text.indexOf(']]>', stop + 9);
      out += normalizeNewlines(text.slice(stop + 9, close));
      pos = close + 3;
    } else {
      pos = text.indexOf('-->', stop + 4) + 3;
    }
  }
  return out;
}

export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Item fields the first pass reads from an attachment. */
const ATTACHMENT_FIELDS = new Set(['title', 'guid', 'excerpt:encoded', 'wp:post_id', 'wp:post_parent', 'wp:menu_order', 'wp:post_type', 'wp:attachment_url']);

/**
 * The first pass's reading of a clean attachment item, without parsing it: what parseWxrItem()
 * would give for the fields of AttachmentInfo. Undefined when the item is not clean, not an
 * attachment, or shaped in a way this reader does not follow (a field twice, a field with
 * children or comments, a root other than <item>): the item is then parsed.
 */
export function readCleanAttachment(text: string, declared: ReadonlySet<string>, prefixes: PrefixMap): AttachmentInfo | undefined {
  const canonical = (name: string): string => canonicalName(name, prefixes);
  const fields = new Map<string, string>();
  let alt: string | undefined;
  let key: string | undefined;
  let value: string | undefined;
  let shaped = true;
  let root: string | undefined;
  const clean = isCleanItem(text, declared, {
    leaf(name, depth, start, end, hasComment) {
      if (depth === 0) {
        shaped = false;
        return;
      }
      const field = canonical(name);
      if (depth === 1) {
        if (field === 'wp:postmeta') shaped = false;
        else if (ATTACHMENT_FIELDS.has(field)) {
          if (hasComment || fields.has(field)) shaped = false;
          else fields.set(field, leafValue(text, start, end));
        }
      } else if (depth === 2 && (field === 'wp:meta_key' || field === 'wp:meta_value')) {
        if (hasComment || (field === 'wp:meta_key' ? key : value) !== undefined) shaped = false;
        else if (field === 'wp:meta_key') key = leafValue(text, start, end);
        else value = leafValue(text, start, end);
      }
    },
    close(name, depth) {
      const element = canonical(name);
      if (depth === 0) root = element;
      else if (depth === 1) {
        if (element === 'wp:postmeta') {
          if (alt === undefined && (key ?? '').trim() === '_wp_attachment_image_alt') alt = value ?? '';
        } else if (element !== 'wp:comment' || key !== undefined || value !== undefined) shaped = false;
        key = undefined;
        value = undefined;
      } else if (depth === 2 && (element === 'wp:meta_key' || element === 'wp:meta_value')) shaped = false;
    },
  });
  if (!clean || !shaped || root !== 'item') return undefined;
  const field = (name: string): string => fields.get(name) ?? '';
  if (field('wp:post_type').trim() !== 'attachment') return undefined;
  return {
    id: toInt(field('wp:post_id')),
    url: detached(field('wp:attachment_url').trim() || field('guid').trim()),
    parent: toInt(field('wp:post_parent')),
    title: detached(field('title')),
    caption: detached(field('excerpt:encoded')),
    alt: detached(alt ?? ''),
    menuOrder: toInt(field('wp:menu_order')),
  };
}

function toInt(value: string): number {
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) ? n : 0;
}
