import { detached } from './xml-text.js';

/**
 * Splits WXR text into the channel header and one string per <item>, as the text arrives, without
 * ever holding the whole export. CDATA sections and comments are skipped over, so an `<item>` or
 * `</item>` written inside a post's content does not cut it.
 */
export type WxrPiece =
  | { kind: 'header'; text: string }
  | { kind: 'item'; text: string; index: number; line: number }
  /**
   * The text ended inside an item (a download cut short, or a CDATA section or comment never
   * closed); `text` is what was read of it, with any item that section swallowed.
   */
  | { kind: 'truncated'; index: number; line: number; text?: string };

/**
 * Where the splitter stands once it has used all the text it was given so far: `between` when it
 * is past the header and nothing is under way (an item, a CDATA section, a comment, a tag: the
 * text so far ended with whole items and blanks), so that an `<item>` next starts an item.
 */
export interface SplitState {
  between: boolean;
}

/** What the scan stops at; other tags are stepped over without a look. */
const SPECIAL = /<(?:!\[CDATA\[|!--|\/?item[\s>])/g;
/** An item's end tag and blanks, all that is left of the text (see SplitState). */
const ITEM_END_LAST = /^<\/item\s*>\s*$/;

export async function* splitWxrItems(chunks: AsyncIterable<string>, state?: SplitState): AsyncGenerator<WxrPiece> {
  let buf = '';
  let pos = 0; // scanning position in buf
  let itemStart = -1; // start of the current <item> in buf, -1 when outside one
  let headerDone = false;
  let line = 1; // line number at buf[0]
  let itemLine = 0;
  let index = 0;
  // The header read so far, set aside chunk by chunk: appending to one growing string would copy
  // all of it again for every chunk (a header tens of MB long, or garbage, took seconds).
  const headerParts: string[] = [];
  const headerText = (upTo: number): string => headerParts.join('') + buf.slice(0, upTo);

  // The current item's text already scanned, set aside chunk by chunk for the same reason: the
  // item then goes on at buf[0]. A body is often longer than a chunk.
  const itemParts: string[] = [];
  let itemPartsLength = 0;
  // A CDATA section or comment inside the current item that the text so far has not closed: its
  // end (`]]>`, `-->`) is looked for in the text that comes next, from `pos` on, and where it
  // started, counted from the item's start (for a file that ends inside it).
  let section: string | undefined;
  let sectionStart = 0;
  /** The current item's text from its start to buf[upTo], as one string of its own. */
  const itemText = (upTo: number): string => {
    if (itemParts.length === 0) return detached(buf.slice(itemStart, upTo));
    const text = [...itemParts, buf.slice(itemStart, upTo)].join('');
    itemParts.length = 0;
    itemPartsLength = 0;
    return text;
  };

  const advanceLines = (upTo: number): void => {
    for (let i = buf.indexOf('\n'); i !== -1 && i < upTo; i = buf.indexOf('\n', i + 1)) line++;
  };

  for await (const chunk of chunks) {
    buf += chunk;
    for (;;) {
      if (section !== undefined) {
        const end = buf.indexOf(section, pos);
        if (end === -1) {
          // Not closed yet: its last two characters may begin the end.
          pos = Math.max(pos, buf.length - 2);
          break;
        }
        pos = end + 3;
        section = undefined;
        continue;
      }
      // The next `<` that matters (CDATA, comment, item tag); any `<` in the last 8 characters
      // waits for more text, as it may start one of them.
      const tail = Math.max(pos, buf.length - 8);
      SPECIAL.lastIndex = pos;
      const found = SPECIAL.exec(buf);
      if (found === null || found.index >= tail) {
        const lt = buf.indexOf('<', tail);
        pos = lt === -1 ? buf.length : lt;
        break;
      }
      const lt = found.index;
      const need = closingOf(buf, lt);
      if (need === undefined) {
        pos = lt; // not enough text to know what this is: wait for more
        break;
      }
      if (need.skipTo !== undefined) {
        if (need.skipTo === -1 && itemStart !== -1) {
          // Unterminated so far, in an item: its end is looked for in the text that comes next.
          const cdata = buf.startsWith('<![CDATA[', lt);
          section = cdata ? ']]>' : '-->';
          sectionStart = itemPartsLength + lt - itemStart;
          pos = Math.max(lt + (cdata ? 9 : 4), buf.length - 2);
          break;
        }
        if (need.skipTo === -1) {
          pos = lt; // unterminated CDATA or comment so far
          break;
        }
        pos = need.skipTo;
        continue;
      }
      if (itemStart === -1 && need.tag === 'item') {
        if (!headerDone) {
          headerDone = true;
          yield { kind: 'header', text: headerText(lt) };
        }
        itemStart = lt;
        itemLine = line + countNewlines(buf, 0, lt);
        pos = lt + 5;
        continue;
      }
      if (itemStart !== -1 && need.tag === '/item') {
        const end = buf.indexOf('>', lt) + 1;
        index++;
        // Its own string: a slice would keep the whole buffer alive as long as the item lives.
        yield { kind: 'item', text: itemText(end), index, line: itemLine };
        // Forget what was consumed.
        advanceLines(end);
        buf = buf.slice(end);
        pos = 0;
        itemStart = -1;
        continue;
      }
      if (itemStart === -1 && need.tag === '/item') {
        // An </item> without its <item> (a damaged start tag): the text since the previous item
        // (or the header) holds that item; yielded so that it is reported, never silently dropped.
        const end = buf.indexOf('>', lt) + 1;
        const gap = headerDone ? buf.slice(0, end) : headerText(end);
        if (!headerDone) {
          headerDone = true;
          yield { kind: 'header', text: headerText(lt) };
        }
        index++;
        yield { kind: 'item', text: detached(gap), index, line: line + countNewlines(buf, 0, Math.max(0, buf.search(/\S/))) };
        advanceLines(end);
        buf = buf.slice(end);
        pos = 0;
        continue;
      }
      pos = lt + 1;
    }
    if (itemStart === -1 && headerDone && pos > 0) {
      // Between items: drop what was scanned, keeping a possible partial tag.
      advanceLines(pos);
      buf = buf.slice(pos);
      pos = 0;
    } else if (itemStart === -1 && !headerDone && pos > 0) {
      advanceLines(pos);
      headerParts.push(buf.slice(0, pos));
      buf = buf.slice(pos);
      pos = 0;
    } else if (itemStart !== -1 && pos > itemStart) {
      // In an item: what was scanned of it is set aside, so that the next chunk is not appended
      // to it (a copy of the whole item so far, for every chunk).
      const scanned = buf.slice(itemStart, pos);
      itemParts.push(scanned);
      itemPartsLength += scanned.length;
      advanceLines(pos);
      buf = buf.slice(pos);
      pos = 0;
      itemStart = 0;
    }
    // Nothing waits for more text (no item, section, comment or tag under way), or only an
    // item's end tag, too near the end of the text to be taken yet: the end of the text takes it.
    if (state) state.between = headerDone && section === undefined && (itemStart === -1 ? buf.length === 0 : ITEM_END_LAST.test(buf.slice(pos)));
  }
  if (!headerDone) yield { kind: 'header', text: headerText(buf.length) };
  else if (itemStart !== -1) {
    // A file that ends right after `</item>` was too short for the scanner to look at that tag
    // (nor, in a section never closed, to see that the tag was inside it).
    const text = itemText(buf.length);
    const from = section !== undefined ? sectionStart : text.length - (buf.length - pos);
    const last = /<\/item\s*>\s*$/.exec(text.slice(from));
    if (last) yield { kind: 'item', text: text.slice(0, from + last.index + last[0].trimEnd().length), index: index + 1, line: itemLine };
    else yield { kind: 'truncated', index: index + 1, line: itemLine, text };
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * What starts at buf[lt] ('<'): a section to skip (CDATA, comment), an item tag, or something else.
 * Returns undefined when the buffer ends too early to tell.
 */
function closingOf(buf: string, lt: number): { skipTo?: number; tag?: string } | undefined {
  if (buf.length - lt < 9) return undefined;
  if (buf.startsWith('<![CDATA[', lt)) {
    const end = buf.indexOf(']]>', lt + 9);
    return { skipTo: end === -1 ? -1 : end + 3 };
  }
  if (buf.startsWith('<!--', lt)) {
    const end = buf.indexOf('-->', lt + 4);
    return { skipTo: end === -1 ? -1 : end + 3 };
  }
  if (buf.startsWith('<item', lt) && /[\s>]/.test(buf[lt + 5] ?? '')) return { tag: 'item' };
  if (buf.startsWith('</item', lt) && /[\s>]/.test(buf[lt + 6] ?? '')) {
    if (buf.indexOf('>', lt) === -1) return undefined;
    return { tag: '/item' };
  }
  return {};
}
