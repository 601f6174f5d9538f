import * as cheerio from 'cheerio';
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
    return { html: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', warnings };
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
  const $ = cheerio.load(head);
  const direct = $('meta[charset]').first().attr('charset');
  if (direct?.trim()) return direct.trim();
  const equiv = $('meta[http-equiv]')
    .filter((_, el) => (el.attribs['http-equiv'] ?? '').toLowerCase() === 'content-type')
    .first()
    .attr('content');
  const match = equiv ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(equiv) : null;
  return match?.[1];
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return undefined;
  }
}
