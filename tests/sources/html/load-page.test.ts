import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../src/sources/html/load-page.js';
import { readPages, recordOf, warningsOf } from './read.js';

const bytes = (text: string, encoding: 'utf-8' | 'latin1' = 'utf-8'): Uint8Array => Buffer.from(text, encoding);

describe('decodePage', () => {
  it('reads the charset of <meta charset>', () => {
    const page = decodePage(bytes('<html><head><meta charset="iso-8859-1"></head><body>caf\xe9</body></html>', 'latin1'));
    expect(page.html).toContain('café');
    expect(page.encoding).toBe('windows-1252');
  });

  it('reads the charset of the HTTP-equiv form', () => {
    const page = decodePage(bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>\x93ok\x94</body></html>', 'latin1'));
    expect(page.html).toContain('“ok”');
  });

  it('decodes windows-1252 punctuation and the euro sign, which Node reads as control codes', () => {
    const page = decodePage(Uint8Array.from([...Buffer.from('<meta charset="windows-1252">'), 0x80, 0x20, 0x85, 0x20, 0x92, 0x20, 0x9c]));
    expect(page.html.endsWith('€ … ’ œ')).toBe(true);
  });

  it('lets a byte order mark win over the declared charset', () => {
    const page = decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('<meta charset="iso-8859-1"><p>é</p>')]));
    expect(page.html).toBe('<meta charset="iso-8859-1"><p>é</p>');
    expect(page.encoding).toBe('utf-8');
  });

  it('reads UTF-16 pages by their byte order mark', () => {
    const page = decodePage(Uint8Array.from([0xff, 0xfe, ...Buffer.from('<p>é</p>', 'utf16le')]));
    expect(page.html).toBe('<p>é</p>');
  });

  it('reads an undeclared page as UTF-8 when it is valid UTF-8, silently', () => {
    const page = decodePage(bytes('<p>crème</p>'));
    expect(page).toEqual({ html: '<p>crème</p>', encoding: 'utf-8', warnings: [] });
  });

  it('falls back to windows-1252 for an undeclared page that is not UTF-8, and says so', () => {
    const page = decodePage(bytes('<p>cr\xe8me</p>', 'latin1'));
    expect(page.html).toBe('<p>crème</p>');
    expect(page.warnings.map((w) => w.code)).toEqual(['html-charset-guessed']);
  });
});

describe('saved pages in legacy encodings', () => {
  it('reads a windows-1252 page declared as ISO-8859-1 in the HTTP-equiv form', async () => {
    const post = recordOf(await readPages('encodings/windows-1252-http-equiv.html'), 5);
    expect(post.title).toBe('Café crème à 2 €');
    expect(post.author).toBe('Hélène');
    expect(post.tags).toEqual(['crème']);
  });

  it('reads a page with a UTF-8 byte order mark and no declaration', async () => {
    expect(recordOf(await readPages('encodings/utf8-bom.html'), 5).title).toBe('Café crème à 2 €');
  });

  it('reads an undeclared windows-1252 page and warns that the charset was guessed', async () => {
    const result = await readPages('encodings/undeclared-latin1.html');
    expect(recordOf(result, 5).title).toBe('Café crème à 2 €');
    expect(warningsOf(result, 5)).toContain('html-charset-guessed');
  });
});
