/**
 * Turns the bytes of an export into text as they arrive, honouring a BOM or the XML declaration's
 * encoding (`<?xml version="1.0" encoding="ISO-8859-1"?>`); UTF-8 otherwise.
 */
const LABELS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  'cp1252': 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
};

/** Picks the encoding from the first bytes of a file. */
export function sniffEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const start = Buffer.from(head.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start)?.[1]?.toLowerCase();
  if (declared === undefined) return 'utf-8';
  return LABELS[declared] ?? declared;
}

/** Async text chunks from async byte chunks; counts bytes that were not valid in the encoding. */
export async function* decodeChunks(
  bytes: AsyncIterable<Uint8Array>,
  onInvalid: (count: number) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of bytes) {
    if (decoder === undefined) {
      const label = sniffEncoding(chunk);
      try {
        decoder = new TextDecoder(label, { ignoreBOM: false });
      } catch {
        decoder = new TextDecoder('utf-8');
      }
    }
    const text = decoder.decode(chunk, { stream: true });
    countReplacements(text, onInvalid);
    if (text) yield text;
  }
  if (decoder) {
    const rest = decoder.decode();
    countReplacements(rest, onInvalid);
    if (rest) yield rest;
  }
}

function countReplacements(text: string, onInvalid: (count: number) => void): void {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  if (count) onInvalid(count);
}
