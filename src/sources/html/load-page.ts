import { loadHtml } from '../../convert/cheerio-load.js';
import type { Warning } from '../../model/diagnostics.js';

export interface DecodedPage {
  html: string;
  /** The WHATWG encoding name used (utf-8, windows-1252...). */
  encoding: string;
  warnings: Warning[];
}

/** The head is sniffed in its first bytes, as browsers do (they look at 1024; themes pad it). */
const SNIFF_BYTES = 4096;

/**
 * Bytes of a saved page -> text. A byte order mark wins; then `<meta charset>` or its HTTP-equiv
 * form (`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`); a page that
 * declares nothing is read as UTF-8 when it is valid UTF-8, else as windows-1252. Labels follow
 * the WHATWG Encoding standard, which Node's TextDecoder implements: iso-8859-1 and us-ascii mean
 * windows-1252, as they do in every browser that rendered these pages.
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  const bom = byteOrderMark(bytes);
  if (bom) return { html: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, warnings: [] };
  const declared = declaredCharset(bytes);
  if (declared) {
    const decoder = decoderFor(declared);
    if (decoder) return { html: decoder.decode(bytes), encoding: decoder.encoding, warnings: [] };
  }
  const warnings: Warning[] = [];
  if (declared) warnings.push({ code: 'html-unknown-charset', message: `the page declares an unknown charset "${declared}"; read as UTF-8 or windows-1252` });
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings };
  } catch {
    warnings.push({ code: 'html-charset-guessed', message: 'the page declares no charset and is not valid UTF-8: read as windows-1252' });
    return { html: decodeWindows1252(bytes), encoding: 'windows-1252', warnings };
  }
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The charset the page's own meta tags declare, read from its first bytes (ASCII-compatible). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  const $ = loadHtml(head, true);
  const direct = $('meta[charset]').first().attr('charset');
  if (direct?.trim()) return direct.trim();
  const equiv = $('meta[http-equiv]')
    .filter((_, el) => (el.attribs['http-equiv'] ?? '').toLowerCase() === 'content-type')
    .first()
    .attr('content');
  const match = equiv ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(equiv) : null;
  return match?.[1];
}

function decoderFor(label: string): { encoding: string; decode(bytes: Uint8Array): string } | undefined {
  try {
    const decoder = new TextDecoder(label.toLowerCase());
    return decoder.encoding === 'windows-1252' ? { encoding: decoder.encoding, decode: decodeWindows1252 } : decoder;
  } catch {
    return undefined;
  }
}

/**
 * windows-1252 puts printable characters at 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™
 * š › œ ž Ÿ), where ISO-8859-1 has control codes. Node 20's TextDecoder('windows-1252') decodes
 * that range as ISO-8859-1 (U+0080–U+009F), losing the euro sign and the curly quotes of every
 * 2000s French page: those code points are mapped here. 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
