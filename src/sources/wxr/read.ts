import { createReadStream } from 'node:fs';
import type { SiteIndex } from '../../model/site.js';
import { decodeChunks } from './decode.js';
import { addChannelToIndex, NotAnExportError, parseWxrChannel, type WxrChannel } from './parse-channel.js';
import { parseWxrItem, type WxrItem } from './parse-item.js';
import { repairItemXml } from './repair-item.js';
import { splitWxrItems } from './split-items.js';

/** What reading one export yields, item by item, in file order. */
export type WxrEvent =
  | { kind: 'item'; index: number; line: number; item: WxrItem; repairs: string[] }
  | { kind: 'bad-item'; index: number; line: number; postId?: number; error: string }
  | { kind: 'truncated'; index: number; line: number }
  | { kind: 'file-warning'; code: string; message: string };

const CHUNK = 1 << 20;

function openText(file: string, onInvalid: (n: number) => void): AsyncGenerator<string> {
  return decodeChunks(createReadStream(file, { highWaterMark: CHUNK }), onInvalid);
}

/** Reads a file's channel header only; throws NotAnExportError with a sentence for the user. */
export async function readWxrChannel(file: string): Promise<WxrChannel> {
  for await (const piece of splitWxrItems(openText(file, () => {}))) {
    if (piece.kind === 'header') return parseWxrChannel(piece.text);
  }
  throw new NotAnExportError('is empty');
}

/** A quick look at an item's post type, without parsing it. */
function postTypeOf(text: string): string | undefined {
  return /<(?:\w+:)?post_type>\s*(?:<!\[CDATA\[)?\s*([\w-]+)/.exec(text)?.[1];
}

/**
 * First, light pass over one export: authors and terms from the channel, and the few items other
 * items refer to (attachments for featured images and galleries, reusable blocks). Other items are
 * only split, not parsed, so this costs little even on very large exports.
 */
export async function indexWxrFile(file: string, site: SiteIndex): Promise<WxrChannel> {
  let channel: WxrChannel | undefined;
  for await (const piece of splitWxrItems(openText(file, () => {}))) {
    if (piece.kind === 'header') {
      channel = parseWxrChannel(piece.text);
      addChannelToIndex(site, channel);
      continue;
    }
    if (piece.kind !== 'item' || channel === undefined) continue;
    const type = postTypeOf(piece.text);
    if (type !== 'attachment' && type !== 'wp_block') continue;
    const parsed = tryParse(piece.text, channel);
    if ('error' in parsed) continue; // reported by the second pass
    const item = parsed.item;
    if (type === 'attachment') {
      const alt = item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value ?? '';
      site.attachments.set(item.postId, {
        id: item.postId,
        url: item.attachmentUrl || item.guid,
        parent: item.parent,
        title: item.title,
        caption: item.excerpt,
        alt,
        menuOrder: item.menuOrder,
      });
    } else {
      site.reusableBlocks.set(item.postId, item.content);
    }
  }
  if (channel === undefined) throw new NotAnExportError('is empty');
  return channel;
}

function tryParse(text: string, channel: WxrChannel): { item: WxrItem; repairs: string[] } | { error: string } {
  try {
    return { item: parseWxrItem(text, channel.prefixes), repairs: [] };
  } catch (strictError) {
    const repaired = repairItemXml(text);
    try {
      return { item: parseWxrItem(repaired.text, channel.prefixes), repairs: repaired.repairs };
    } catch {
      return { error: `is not well-formed XML (${firstLine((strictError as Error).message)})` };
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** Second pass: every item of one export, parsed, in order. The channel was read by the first pass. */
export async function* readWxrItems(file: string, channel: WxrChannel): AsyncGenerator<WxrEvent> {
  let invalid = 0;
  for await (const piece of splitWxrItems(openText(file, (n) => (invalid += n)))) {
    if (piece.kind === 'header') continue;
    if (piece.kind === 'truncated') {
      yield piece;
      continue;
    }
    const parsed = tryParse(piece.text, channel);
    if ('error' in parsed) {
      const postId = /<(?:\w+:)?post_id>\s*(?:<!\[CDATA\[)?\s*(\d+)/.exec(piece.text)?.[1];
      yield {
        kind: 'bad-item',
        index: piece.index,
        line: piece.line,
        ...(postId ? { postId: Number(postId) } : {}),
        error: parsed.error,
      };
    } else {
      yield { kind: 'item', index: piece.index, line: piece.line, item: parsed.item, repairs: parsed.repairs };
    }
  }
  if (invalid > 0) {
    yield {
      kind: 'file-warning',
      code: 'invalid-encoding',
      message: `${invalid} byte sequence(s) were not valid in the file's encoding and were replaced by U+FFFD`,
    };
  }
}

export { NotAnExportError };
