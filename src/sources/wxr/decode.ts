/**
 * Turns the bytes of an export into text as they arrive, honouring a BOM or the XML declaration's
 * encoding (`<?xml version="1.0" encoding="ISO-8859-1"?>`); UTF-8 otherwise. Bytes that are not
 * valid in the encoding become U+FFFD and are counted, never fatal.
 */
const LABELS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  // WHATWG (and every browser) reads ISO-8859-1 as windows-1252: the bytes 0x80-0x9F that Latin-1
  // leaves to control characters are the curly quotes and dashes such files really contain.
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
};

/** Something about the file's encoding worth telling the user. */
export interface DecodeNote {
  code: string;
  message: string;
}

/** Picks the encoding from the first bytes of a file. */
export function sniffEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const start = Buffer.from(head.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start)?.[1]?.toLowerCase();
  if (declared === undefined) return 'utf-8';
  // A declaration we could read as ASCII is not UTF-16, whatever it says (there was no BOM).
  if (declared.startsWith('utf-16') || declared === 'ucs-2') return 'utf-8';
  return LABELS[declared] ?? declared;
}

/** Async text chunks from async byte chunks; counts bytes that were not valid in the encoding. */
export async function* decodeChunks(
  bytes: AsyncIterable<Uint8Array>,
  onInvalid: (count: number) => void,
  onNote: (note: DecodeNote) => void = () => {},
  /** The encoding, when known (bytes from the middle of a file); sniffed from the first chunk otherwise. */
  encoding?: string,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let utf8 = false;
  let previous: Uint8Array | undefined;
  for await (const chunk of bytes) {
    if (decoder === undefined) {
      const label = encoding ?? sniffEncoding(chunk);
      try {
        decoder = new TextDecoder(label, { ignoreBOM: false });
      } catch {
        onNote({ code: 'unknown-encoding', message: `declares the encoding "${label}", which is not supported: read as UTF-8` });
        decoder = new TextDecoder('utf-8');
      }
      utf8 = decoder.encoding === 'utf-8';
    }
    const text = decoder.decode(chunk, { stream: true });
    // A U+FFFD the file really contains (bytes EF BF BD) is text, not an invalid byte.
    const literal = utf8 ? countLiteralReplacements(previous, chunk) : 0;
    previous = chunk;
    countReplacements(text, literal, onInvalid);
    if (text) yield text;
  }
  if (decoder) {
    const rest = decoder.decode();
    countReplacements(rest, 0, onInvalid);
    if (rest) yield rest;
  }
}

function countReplacements(text: string, literal: number, onInvalid: (count: number) => void): void {
  let count = -literal;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  if (count > 0) onInvalid(count);
}

/** EF BF BD sequences ending in this chunk (one may start in the previous chunk). */
function countLiteralReplacements(previous: Uint8Array | undefined, chunk: Uint8Array): number {
  let count = 0;
  const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let i = buf.indexOf(0xef); i !== -1; i = buf.indexOf(0xef, i + 1)) {
    if (buf[i + 1] === 0xbf && buf[i + 2] === 0xbd) count++;
  }
  if (previous && previous.length >= 1) {
    const p = previous;
    const last = p[p.length - 1];
    const last2 = p.length >= 2 ? p[p.length - 2] : undefined;
    if (last === 0xef && chunk[0] === 0xbf && chunk[1] === 0xbd) count++;
    if (last2 === 0xef && last === 0xbf && chunk[0] === 0xbd) count++;
  }
  return count;
}
