import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { AttachmentIndex } from '../../model/attachment-index.js';
import { doubled } from '../../model/typed-arrays.js';
import type { AttachmentInfo, SiteIndex } from '../../model/site.js';
import { readCleanAttachment } from './clean-item.js';
import { decodeChunks, type DecodeNote } from './decode.js';
import { addChannelToIndex, NotAnExportError, parseWxrChannel, type WxrChannel } from './parse-channel.js';
import { parseWxrItem, type WxrItem } from './parse-item.js';
import { readCleanItem } from './read-clean-item.js';
import { repairItemXml } from './repair-item.js';
import { IndexHelper, itemNearMiddle, type SecondHalf } from './index-helper.js';
import { splitWxrItems, type SplitState } from './split-items.js';
import { detached } from './xml-text.js';

/** What reading one export yields, item by item, in file order. */
export type WxrEvent =
  | {
      kind: 'item';
      index: number;
      line: number;
      item: WxrItem;
      /** What was not well-formed and read leniently, one phrase each. */
      repairs: string[];
      /** Characters of this item that were bytes not valid in the file's encoding (now U+FFFD). */
      invalidChars?: number;
    }
  | { kind: 'bad-item'; index: number; line: number; postId?: number; error: string }
  /**
   * The file stops early; `error` is one sentence that starts after the file name. `index` is the
   * item cut in the middle, absent when the cut fell between items.
   */
  | { kind: 'truncated'; index?: number; line: number; error: string }
  | { kind: 'file-warning'; code: string; message: string };

/**
 * Read size. Small on purpose: text pieces stay under V8's large-object size (128 KB), so the
 * garbage of reading dies young and cheaply instead of piling up until a full collection (with
 * 1 MB reads, the first pass over a 128 MB export peaked at twice the resident memory).
 */
const CHUNK = 1 << 15;
/** No real channel header (site facts, authors, terms) comes near this; garbage can be endless. */
const MAX_HEADER_CHARS = 32 * 1024 * 1024;
const TAIL_CHARS = 4096;

/** What the text stream of one file showed while it was read. */
interface Watch {
  chars: number;
  tail: string;
  headerSeen: boolean;
  invalid: number;
  notes: DecodeNote[];
}

function newWatch(): Watch {
  return { chars: 0, tail: '', headerSeen: false, invalid: 0, notes: [] };
}

/**
 * The file's text, decoded. Refuses early, in bounded memory, what cannot be an export: text that
 * does not start with `<`, or a "header" that never ends (no <item> in 32 MB).
 */
async function* openText(bytes: AsyncIterable<Uint8Array>, watch: Watch, encoding?: string): AsyncGenerator<string> {
  const decoded = decodeChunks(bytes, (n) => (watch.invalid += n), (note) => watch.notes.push(note), encoding);
  for await (const text of decoded) {
    if (watch.chars === 0) {
      const start = text.replace(/^\uFEFF/, '').trimStart();
      if (start !== '' && !start.startsWith('<')) throw new NotAnExportError('is not XML');
    }
    watch.chars += text.length;
    watch.tail = text.length >= TAIL_CHARS ? text.slice(-TAIL_CHARS) : (watch.tail + text).slice(-TAIL_CHARS);
    if (!watch.headerSeen && watch.chars > MAX_HEADER_CHARS) {
      throw new NotAnExportError('has no <item> in its first 32 MB: it is not a WordPress export unpress can read');
    }
    yield text;
  }
}

/**
 * The file's bytes, CHUNK at a time, read synchronously: an asynchronous stream costs a thread-pool
 * round trip and a promise per chunk, three times the CPU of the read itself (40 MB: 200 -> 75 ms
 * with decoding). The reader is pulled by the pipeline, one chunk when the splitter needs it.
 * Two buffers take turns: a chunk stays as it was until the next one has been read (decodeChunks
 * looks back at the previous chunk's last bytes), and nothing is allocated per chunk.
 */
async function* fileChunks(file: string, from = 0, cut?: Cut): AsyncGenerator<Uint8Array> {
  const fd = openSync(file, 'r');
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let position = from;
  try {
    for (let turn = 0; ; turn ^= 1) {
      if (cut !== undefined && position === cut.at && !cut.passed) {
        if (cut.stop()) {
          cut.stopped = true;
          return;
        }
        cut.passed = true;
      }
      const chunk = buffers[turn]!;
      const wanted = cut !== undefined && !cut.passed && position < cut.at ? Math.min(CHUNK, cut.at - position) : CHUNK;
      // From the file's current position when read from its start whole: a pipe has no other.
      const length = readSync(fd, chunk, 0, wanted, cut === undefined && from === 0 ? null : position);
      if (length === 0) return;
      position += length;
      yield length === CHUNK ? chunk : chunk.subarray(0, length);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A byte position where a file's reading may stop (fileChunks ends a chunk there): it stops if
 * `stop()` says so when the position is reached, and reads on otherwise.
 */
interface Cut {
  at: number;
  stop(): boolean;
  passed: boolean;
  stopped: boolean;
}

/** Reads a file's channel header only; throws NotAnExportError with a sentence for the user. */
export async function readWxrChannel(file: string): Promise<WxrChannel> {
  const watch = newWatch();
  for await (const piece of splitWxrItems(openText(fileChunks(file), watch))) {
    if (piece.kind === 'header') return parseWxrChannel(piece.text);
  }
  throw new NotAnExportError('is empty');
}

/** A quick look at an item's post type, without parsing it. */
function postTypeOf(text: string): string | undefined {
  return firstValueOf(text, 'post_type');
}

const VALUE_AFTER_TAG = /\s*(?:<!\[CDATA\[)?\s*([\w-]+)/y;

/**
 * What `/<(?:\w+:)?NAME>\s*(?:<!\[CDATA\[)?\s*([\w-]+)/.exec(text)?.[1]` gives, found by
 * searching for `NAME>` rather than trying the pattern at every `<`: a post's type comes after its
 * content, and a body is HTML, a `<` every few characters (a tenth of the first pass's time).
 */
export function firstValueOf(text: string, name: string): string | undefined {
  const needle = `${name}>`;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    let start = at - 1;
    if (text[start] === ':') {
      start--;
      while (start >= 0 && isWordChar(text.charCodeAt(start))) start--;
      if (start === at - 2) continue; // `<:name>`: no prefix before the colon
    }
    if (text[start] !== '<') continue;
    VALUE_AFTER_TAG.lastIndex = at + needle.length;
    const value = VALUE_AFTER_TAG.exec(text);
    if (value !== null) return value[1];
  }
  return undefined;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * Attachments the first pass read cleanly (one well-formed item, no repair), by piece number:
 * the second pass only has to say they are skipped, which needs their type, id and title, so it
 * does not parse them again (two thirds of the items of a photo blog's export).
 */
interface IndexedAttachment {
  id: number;
  length: number;
  /** Its entry in the AttachmentIndex (ids can repeat in an export: each piece keeps its own). */
  entry: number;
}
/**
 * Per export file: its pieces that are indexed attachments, in piece order (piece number, text
 * length, entry in the AttachmentIndex, which knows the id), in typed arrays: a photo blog has
 * 100,000 of them. 12 bytes an attachment; other pieces (posts, comments) take no room.
 */
class IndexedPieces {
  private count = 0;
  private pieces = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private entries = new Uint32Array(1024);

  constructor(readonly site: SiteIndex) {}

  /** Notes a piece whose attachment was just stored in the site's AttachmentIndex (pieces come in order). */
  add(piece: number, id: number, length: number): void {
    const entry = this.site.attachments instanceof AttachmentIndex ? this.site.attachments.entryOf(id) : undefined;
    if (entry === undefined || (this.count > 0 && piece <= this.pieces[this.count - 1]!)) return;
    if (this.count === this.pieces.length) {
      this.pieces = doubled(this.pieces);
      this.lengths = doubled(this.lengths);
      this.entries = doubled(this.entries);
    }
    this.pieces[this.count] = piece;
    this.lengths[this.count] = length;
    this.entries[this.count] = entry;
    this.count++;
  }

  get(piece: number): IndexedAttachment | undefined {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.pieces[middle]! < piece) low = middle + 1;
      else high = middle;
    }
    if (low === this.count || this.pieces[low] !== piece || !(this.site.attachments instanceof AttachmentIndex)) return undefined;
    const id = this.site.attachments.idOf(this.entries[low]!);
    return id === undefined ? undefined : { id, length: this.lengths[low]!, entry: this.entries[low]! };
  }

  /** The attachment as this piece gave it in the first pass. */
  info(known: IndexedAttachment): AttachmentInfo | undefined {
    return this.site.attachments instanceof AttachmentIndex ? this.site.attachments.getEntry(known.entry, known.id) : undefined;
  }
}

const indexedAttachments = new WeakMap<WxrChannel, IndexedPieces>();

/**
 * What the first pass keeps of one item: an attachment (with the piece's text length when the
 * piece is that one clean item, which the second pass then need not parse again), or a reusable
 * block. `piece` numbers the splitter's pieces from the start of the text read.
 */
export type IndexResult = { piece: number; attachment: AttachmentInfo; length?: number } | { piece: number; block: number; content: string };

/** Exports this size and up are indexed by two threads, each reading one half (see indexWxrFile). */
const PARALLEL_INDEX_BYTES = 16 * 1024 * 1024;

export interface IndexOptions {
  /** Files this size and up are read by two threads (default: PARALLEL_INDEX_BYTES, with more than one core). */
  parallelFrom?: number;
  /** Told how the second half was read: by the helper, by this thread after all (see below), or after the helper failed. */
  onHalves?(how: 'helper' | 'read on' | 'helper failed'): void;
  /** Starts the helper (IndexHelper.start; tests give one that fails). */
  startHelper?(file: string, from: number, encoding: string, channel: WxrChannel): SecondHalf | undefined;
}

/**
 * First, light pass over one export: authors and terms from the channel, and the few items other
 * items refer to (attachments for featured images and galleries, reusable blocks). Other items are
 * only split, not parsed, so this costs little even on very large exports.
 *
 * It is one thread's work while the others wait (a tenth of a 10,000-post run): from
 * `parallelFrom` bytes (16 MB) up, a helper thread (index-thread.ts) reads the second half of the
 * file, from an `<item>` tag near the middle, while this thread reads the first half. The helper's
 * findings are used only if this thread's reading reaches that tag between items (not inside a
 * CDATA section or comment that happens to hold `<item>`); otherwise this thread reads on, as
 * without a helper. The helper writes its findings to a temporary file as it goes, and they are
 * applied after the first half's, in file order: the index is what one reading would have built.
 */
export async function indexWxrFile(file: string, site: SiteIndex, options: IndexOptions = {}): Promise<WxrChannel> {
  let channel: WxrChannel | undefined;
  const watch = newWatch();
  const indexed = new IndexedPieces(site);
  const apply = (result: IndexResult, offset: number): void => applyIndexResult(site, indexed, result, offset);
  const split: SplitState = { between: false };
  // One core: a helper would only take turns with this thread.
  const middle = itemNearMiddle(file, options.parallelFrom ?? (availableParallelism() > 1 ? PARALLEL_INDEX_BYTES : Number.POSITIVE_INFINITY));
  let helper: SecondHalf | undefined;
  const cut: Cut | undefined = middle && {
    at: middle.at,
    stop: () => {
      if (helper !== undefined && split.between) return true;
      // Read on here: the helper's work is not wanted.
      void helper?.close();
      return false;
    },
    passed: false,
    stopped: false,
  };
  let last = 0;
  try {
    for await (const piece of splitWxrItems(openText(fileChunks(file, 0, cut), watch), split)) {
      if (piece.kind === 'header') {
        watch.headerSeen = true;
        channel = parseWxrChannel(piece.text);
        addChannelToIndex(site, channel);
        // (Not once the reading has passed the middle: a header that long leaves it nothing to do.)
        if (middle && !cut!.passed) helper = (options.startHelper ?? IndexHelper.start)(file, middle.at, middle.encoding, channel);
        continue;
      }
      if (piece.kind !== 'item' || channel === undefined) continue;
      last = piece.index;
      for (const result of indexPiece(piece, channel)) apply(result, 0);
    }
    if (channel === undefined) throw new NotAnExportError('is empty');
    if (cut?.stopped) {
      // The second half: the helper's findings, or (it failed) read here.
      const found = await helper!.findings();
      if (found) for (const result of found) apply(result, last);
      else await indexWxrRange(file, middle!.at, middle!.encoding, channel, (result) => apply(result, last));
      options.onHalves?.(found ? 'helper' : 'helper failed');
    } else if (helper) options.onHalves?.('read on');
  } finally {
    await helper?.close();
  }
  indexedAttachments.set(channel, indexed);
  return channel;
}

/**
 * The first pass over the items of a file from byte `from` (an `<item>` tag, between items) to its
 * end, in `encoding`: what it finds, in file order, pieces numbered from 1 there.
 */
export async function indexWxrRange(file: string, from: number, encoding: string, channel: WxrChannel, found: (result: IndexResult) => void): Promise<void> {
  const watch = newWatch();
  for await (const piece of splitWxrItems(openText(fileChunks(file, from), watch, encoding))) {
    if (piece.kind === 'header') watch.headerSeen = true;
    else if (piece.kind === 'item') for (const result of indexPiece(piece, channel)) found(result);
  }
}

/** What the first pass keeps of one item piece (most pieces, posts and pages, give nothing). */
function indexPiece(piece: { text: string; index: number; line: number }, channel: WxrChannel): IndexResult[] {
  const type = postTypeOf(piece.text);
  if (type !== 'attachment' && type !== 'wp_block') return [];
  // A clean attachment (most are) is read without parsing it: only a few fields are indexed.
  const clean = type === 'attachment' && innerItemStarts(piece.text).length === 0 ? readCleanAttachment(piece.text, channel.declaredPrefixes, channel.prefixes) : undefined;
  if (clean !== undefined) return [{ piece: piece.index, attachment: clean, length: piece.text.length }];
  const results: IndexResult[] = [];
  const parts = readPiece(piece.text, piece.line, channel);
  for (const part of parts) {
    if ('error' in part.parsed) continue; // reported by the second pass
    const item = part.parsed.item;
    if (item.postType === 'attachment') {
      const alt = item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value ?? '';
      // Copies (detached): the index lives all run long and must not hold every item's text.
      const attachment: AttachmentInfo = {
        id: item.postId,
        url: detached(item.attachmentUrl || item.guid),
        parent: item.parent,
        title: detached(item.title),
        caption: detached(item.excerpt),
        alt: detached(alt),
        menuOrder: item.menuOrder,
      };
      const whole = parts.length === 1 && part.text === piece.text && part.parsed.repairs.length === 0;
      results.push({ piece: piece.index, attachment, ...(whole ? { length: piece.text.length } : {}) });
    } else if (item.postType === 'wp_block') {
      results.push({ piece: piece.index, block: item.postId, content: detached(item.content) });
    }
  }
  return results;
}

/** Puts one finding of the first pass in the site's index; `offset`: pieces before where it was read from. */
function applyIndexResult(site: SiteIndex, indexed: IndexedPieces, result: IndexResult, offset: number): void {
  if ('block' in result) {
    site.reusableBlocks.set(result.block, result.content);
    return;
  }
  site.attachments.set(result.attachment.id, result.attachment);
  if (result.length !== undefined) indexed.add(result.piece + offset, result.attachment.id, result.length);
}

/**
 * The second pass's reading of a piece the first pass indexed as a clean attachment: the same
 * type, id and title (what the item's fate, skipped, needs) without parsing it again. Checked
 * against the piece (same length, type and id), in case the file changed between the passes.
 */
function indexedAttachmentPart(piece: { text: string; line: number; index: number }, indexed: IndexedPieces | undefined): Part | undefined {
  const known = indexed?.get(piece.index);
  if (known === undefined || known.length !== piece.text.length || postTypeOf(piece.text) !== 'attachment') return undefined;
  if (Number(/<(?:\w+:)?post_id>\s*(?:<!\[CDATA\[)?\s*(\d+)/.exec(piece.text)?.[1]) !== known.id) return undefined;
  const info = indexed!.info(known);
  if (info === undefined) return undefined;
  const item: WxrItem = {
    title: info.title,
    link: '',
    creator: '',
    guid: '',
    content: '',
    excerpt: '',
    postId: info.id,
    postDate: '',
    postDateGmt: '',
    modified: '',
    modifiedGmt: '',
    postName: '',
    status: 'inherit',
    parent: info.parent,
    menuOrder: info.menuOrder,
    postType: 'attachment',
    password: '',
    isSticky: false,
    attachmentUrl: info.url,
    categories: [],
    meta: [],
    comments: [],
  };
  return { text: piece.text, line: piece.line, parsed: { item, repairs: [] } };
}

export type Parsed = { item: WxrItem; repairs: string[] } | { error: string };

/**
 * Strict reading first: an item that breaks none of XML's rules is parsed as it is. Otherwise the
 * repairs (repair-item.ts) make it well-formed and each one is reported; if it still cannot be
 * parsed, the error says where (line in the file) and what.
 */
export function parseItemText(text: string, line: number, channel: WxrChannel): Parsed {
  // Most items are clean: nothing to repair, known to be well-formed without validating, and
  // read by the scan that proves it; the few shapes that scan leaves aside are parsed.
  const clean = readCleanItem(text, channel.declaredPrefixes, channel.prefixes);
  if (clean.clean) {
    if (clean.item !== undefined) return { item: clean.item, repairs: [] };
    try {
      return { item: parseWxrItem(text, channel.prefixes, true), repairs: [] };
    } catch {
      // (an item without content, a name the parser refuses): the usual road says why
    }
  }
  const repaired = repairItemXml(text, channel.declaredPrefixes);
  try {
    return { item: parseWxrItem(repaired.text, channel.prefixes), repairs: repaired.repairs };
  } catch (error) {
    if (!text.includes('<![CDATA[')) return { error: describeXmlError(error, line) };
    // Last resort: a CDATA section that runs past its element lost its `]]>`.
    const bounded = repairItemXml(text, channel.declaredPrefixes, { boundCdata: true });
    try {
      return { item: parseWxrItem(bounded.text, channel.prefixes), repairs: bounded.repairs };
    } catch {
      return { error: describeXmlError(error, line) };
    }
  }
}

/** fast-xml-parser's "Expected closing tag 'a' ... instead of 'b'.:3:15" -> one sentence with the file's line. */
function describeXmlError(error: unknown, line: number): string {
  const message = (error as Error).message.split('\n')[0]?.trim() ?? '';
  const located = /^(.*?)\.?:(\d+):(\d+)$/.exec(message);
  if (!located) return `is not well-formed XML (${message.replace(/\.$/, '')})`;
  return `is not well-formed XML at line ${line + Number(located[2]) - 1} (${located[1]})`;
}

/**
 * Offsets of `<item>` start tags inside a piece, anywhere (CDATA included), the way WordPress's
 * regex parser finds items: a damaged `]]>` or `</item>` glues the next items to this one.
 */
function innerItemStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf('<item', 1); i !== -1; i = text.indexOf('<item', i + 5)) {
    if (/[\s>]/.test(text[i + 5] ?? '')) starts.push(i);
  }
  return starts;
}

interface Part {
  text: string;
  line: number;
  parsed: Parsed;
}

/**
 * One piece from the splitter, read. A piece that holds several items (one of them damaged) is
 * cut at each `<item>` when that reads better: the whole fails, or a later part is a real item.
 */
function readPiece(text: string, line: number, channel: WxrChannel): Part[] {
  const whole: Part = { text, line, parsed: parseItemText(text, line, channel) };
  const cuts = cutAtItemStarts(text, line);
  if (cuts.length === 1) return [whole];
  // A damaged first <item> leaves the channel header in front of the items it was glued to: the
  // header was read already, it is not one more item.
  const items = /<(?:rss|channel)[\s>]/.test(cuts[0]!.text) ? cuts.slice(1) : cuts;
  const parts = items.map((cut): Part => ({ ...cut, parsed: parseItemText(cut.text, cut.line, channel) }));
  const glued = 'error' in whole.parsed || parts.slice(1).some((p) => !('error' in p.parsed) && p.parsed.item.postId > 0);
  return glued ? parts : [whole];
}

/** A text cut before each inner `<item>` tag, with the line where each part starts. */
function cutAtItemStarts(text: string, line: number): Array<{ text: string; line: number }> {
  const starts = innerItemStarts(text);
  const cuts: Array<{ text: string; line: number }> = [];
  let partLine = line;
  [0, ...starts].forEach((start, i) => {
    const partText = text.slice(start, starts[i] ?? text.length);
    cuts.push({ text: partText, line: partLine });
    partLine += countNewlines(partText);
  });
  return cuts;
}

/**
 * An item the text ended in. If the file was cut, its last part is the item cut short; whatever
 * came before (items a CDATA section or comment never closed had swallowed) is read like any item.
 * If the file is complete (`</rss>` at its end), nothing was cut: the never-closed section is the
 * damage, and every part is read.
 */
function readUnfinished(text: string, line: number, channel: WxrChannel, fileCut: boolean): Array<Part | { cut: true; line: number }> {
  const cuts = cutAtItemStarts(text, line);
  return cuts.map((cut, i) => {
    if (i < cuts.length - 1) return { ...cut, parsed: parseItemText(cut.text, cut.line, channel) };
    if (fileCut) return { cut: true, line: cut.line };
    const end = cut.text.lastIndexOf('</item>');
    const itemText = end === -1 ? cut.text : cut.text.slice(0, end + 7);
    return { text: itemText, line: cut.line, parsed: parseItemText(itemText, cut.line, channel) };
  });
}

/** The event for one part read from the file. */
function partEvent(part: Part, index: number, invalidBytes: number): WxrEvent {
  if ('error' in part.parsed) {
    const postId = /<(?:\w+:)?post_id>\s*(?:<!\[CDATA\[)?\s*(\d+)/.exec(part.text)?.[1];
    return { kind: 'bad-item', index, line: part.line, ...(postId ? { postId: Number(postId) } : {}), error: part.parsed.error };
  }
  const invalidChars = invalidBytes > 0 ? countChar(part.text, '\uFFFD') : 0;
  return { kind: 'item', index, line: part.line, item: part.parsed.item, repairs: part.parsed.repairs, ...(invalidChars ? { invalidChars } : {}) };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Second pass: every item of one export, parsed, in order. The channel was read by the first pass.
 * Items are numbered here, as read, so that a piece cut in several parts numbers them all.
 */
export async function* readWxrItems(file: string, channel: WxrChannel): AsyncGenerator<WxrEvent> {
  const watch = newWatch();
  let position = 0;
  let lastLine = 0;
  let truncated = false;
  for (const repair of channel.repairs) {
    yield { kind: 'file-warning', code: 'xml-repaired', message: `the channel header is not well-formed XML, read leniently: ${repair}` };
  }
  for await (const piece of splitWxrItems(openText(fileChunks(file), watch))) {
    if (piece.kind === 'header') {
      watch.headerSeen = true;
      continue;
    }
    const indexed = piece.kind === 'item' ? indexedAttachmentPart(piece, indexedAttachments.get(channel)) : undefined;
    const parts = indexed ? [indexed] : piece.kind === 'item' ? readPiece(piece.text, piece.line, channel) : readUnfinished(piece.text ?? '', piece.line, channel, !/<\/rss\s*>/.test(watch.tail));
    for (const part of parts) {
      position++;
      if ('cut' in part) {
        truncated = true;
        yield {
          kind: 'truncated',
          index: position,
          line: part.line,
          error: `ends in the middle of item ${position} (line ${part.line}): the file is truncated; the ${position - 1} item(s) before it were read`,
        };
        continue;
      }
      lastLine = part.line;
      yield partEvent(part, position, watch.invalid);
    }
  }
  indexedAttachments.delete(channel);
  if (!truncated && watch.headerSeen) {
    const cut = missingEnd(watch.tail, position, lastLine);
    if (cut) yield cut;
  }
  for (const note of watch.notes) yield { kind: 'file-warning', code: note.code, message: note.message };
  if (watch.invalid > 0) {
    yield {
      kind: 'file-warning',
      code: 'invalid-encoding',
      message: `${watch.invalid} byte sequence(s) were not valid in the file's encoding and were replaced by U+FFFD`,
    };
  }
}

/**
 * A file whose text stopped before `</rss>` was cut between items, or right after an `<item>` tag
 * (too short for the splitter to see: an item all the same, with nothing in it).
 */
function missingEnd(tail: string, items: number, lastLine: number): WxrEvent | undefined {
  if (/<\/rss\s*>/.test(tail)) return undefined;
  const start = tail.lastIndexOf('<item');
  // The splitter needs 9 characters after a `<` to tell an <item> tag: fewer remained.
  if (start !== -1 && tail.length - start < 9 && /^<item[\s>]/.test(tail.slice(start))) {
    return {
      kind: 'truncated',
      index: items + 1,
      line: lastLine || 1,
      error: `ends in the middle of item ${items + 1}, right after its start tag: the file is truncated; the ${items} item(s) before it were read`,
    };
  }
  const where = items ? `after item ${items} (line ${lastLine})` : 'before its first item';
  return {
    kind: 'truncated',
    line: lastLine || 1,
    error: `stops ${where} without its closing </channel></rss>: the file is probably truncated; the ${items} item(s) before the cut were read`,
  };
}

export { NotAnExportError };
