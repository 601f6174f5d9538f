import { decodeHTMLStrict } from 'entities';

/**
 * The well-formedness rules fast-xml-parser does not enforce, checked and repaired in one pass.
 * Real exports break them (wordpress-formats.md 1.8): raw `&` in URLs, HTML entities such as
 * `&nbsp;` outside CDATA, control characters, a literal `]]>` inside CDATA written by WXR <= 1.1
 * (`<![CDATA[Content with nested <![CDATA[ tags ]]> :)]]>`), prefixes never declared (`atom:link`).
 *
 * When nothing is found, `repairs` is empty and `text` is the input itself: the strict reading.
 * Otherwise `text` is well-formed where the input was not, and each repair is named (one short
 * phrase each) so the user is told what was changed. Newlines are never added or removed, so
 * line numbers stay valid.
 */
export interface Repaired {
  text: string;
  repairs: string[];
}

// XML 1.0 Char excludes these (and lone surrogates, which decoded text cannot hold).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const REFERENCE = /&(?:(#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);)?/g;
const STRAY_LT = /<(?![A-Za-z_/!?])/g;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Collects what was repaired, counted, with a few examples each, in a stable order. */
class RepairLog {
  private readonly counts = new Map<RepairKind, { count: number; examples: Set<string> }>();

  add(kind: RepairKind, example?: string, count = 1): void {
    const entry = this.counts.get(kind) ?? { count: 0, examples: new Set<string>() };
    entry.count += count;
    if (example !== undefined && entry.examples.size < 3) entry.examples.add(example);
    this.counts.set(kind, entry);
  }

  list(): string[] {
    return [...this.counts].map(([kind, { count, examples }]) => describe(kind, count, [...examples]));
  }
}

type RepairKind = 'control' | 'bad-reference' | 'raw-amp' | 'html-entity' | 'unknown-entity' | 'stray-lt' | 'stray-cdata-end' | 'nested-cdata' | 'unclosed-cdata' | 'prefix';

function describe(kind: RepairKind, count: number, examples: string[]): string {
  const eg = examples.length ? ` (${examples.join(', ')})` : '';
  switch (kind) {
    case 'control': return `removed ${count} control character(s) XML does not allow${eg}`;
    case 'bad-reference': return `removed ${count} reference(s) to characters XML does not allow${eg}`;
    case 'raw-amp': return `escaped ${count} raw "&" character(s)`;
    case 'html-entity': return `decoded ${count} HTML entit(ies) XML does not define${eg}`;
    case 'unknown-entity': return `kept ${count} unknown entit(ies) as literal text${eg}`;
    case 'stray-lt': return `escaped ${count} "<" character(s) that start no tag`;
    case 'stray-cdata-end': return `escaped ${count} "]]>" outside CDATA`;
    case 'nested-cdata': return `read a CDATA section nested in another as WordPress's importer does${eg}`;
    case 'unclosed-cdata': return `closed a CDATA section that was never closed${eg}`;
    case 'prefix': return `read elements whose namespace prefix is not declared${eg}`;
  }
}

export interface RepairOptions {
  /**
   * Last resort, for an item that is still not well-formed: a CDATA section whose `]]>` comes after
   * its element's closing tag is taken to end there (its `]]>` was lost or damaged).
   */
  readonly boundCdata?: boolean;
}

/**
 * Checks and repairs one piece of WXR (an <item> or the channel header). `declaredPrefixes` are the
 * prefixes bound in the file's header; without it, prefixes are not checked.
 */
export function repairItemXml(text: string, declaredPrefixes?: ReadonlySet<string>, options: RepairOptions = {}): Repaired {
  const log = new RepairLog();
  const declared = declaredPrefixes ? withLocalDeclarations(text, declaredPrefixes) : undefined;
  let out = '';
  let pos = 0;
  while (pos < text.length) {
    const lt = nextSpecial(text, pos);
    out += repairOutside(text.slice(pos, lt), log, declared);
    if (lt === text.length) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      const end = close === -1 ? text.length : close + 3;
      out += removeControls(text.slice(lt, end), log);
      pos = end;
      continue;
    }
    const cdata = readCdataRun(text, lt, log, options.boundCdata ?? false);
    out += cdata.text;
    pos = cdata.end;
  }
  const repairs = log.list();
  return { text: repairs.length ? out : text, repairs };
}

/** Next `<![CDATA[` or `<!--` at or after `from`, or the end of the text. */
function nextSpecial(text: string, from: number): number {
  for (let i = text.indexOf('<!', from); i !== -1; i = text.indexOf('<!', i + 2)) {
    if (text.startsWith('<![CDATA[', i) || text.startsWith('<!--', i)) return i;
  }
  return text.length;
}

function removeControls(text: string, log: RepairLog): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, (ch) => {
    log.add('control', codePoint(ch));
    return '';
  });
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Markup and text between CDATA sections. */
function repairOutside(text: string, log: RepairLog, declared: ReadonlySet<string> | undefined): string {
  if (text === '') return text;
  let out = removeControls(text, log);
  if (out.includes('&')) out = out.replace(REFERENCE, (match, ref: string | undefined) => repairReference(match, ref, log));
  if (out.includes('<')) {
    STRAY_LT.lastIndex = 0;
    if (STRAY_LT.test(out)) {
      out = out.replace(STRAY_LT, () => {
        log.add('stray-lt');
        return '&lt;';
      });
    }
    if (declared) checkPrefixes(out, declared, log);
  }
  if (out.includes(']]>')) {
    out = out.replace(/]]>/g, () => {
      log.add('stray-cdata-end');
      return ']]&gt;';
    });
  }
  return out;
}

function repairReference(match: string, ref: string | undefined, log: RepairLog): string {
  if (ref === undefined) {
    log.add('raw-amp');
    return '&amp;';
  }
  if (ref.startsWith('#')) {
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    if (isXmlChar(code)) return match;
    log.add('bad-reference', match);
    return '';
  }
  if (XML_ENTITIES.has(ref)) return match;
  const decoded = decodeHTMLStrict(match);
  if (decoded !== match) {
    log.add('html-entity', match);
    return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
  }
  log.add('unknown-entity', match);
  return `&amp;${ref};`;
}

function isXmlChar(code: number): boolean {
  if (!Number.isFinite(code)) return false;
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/** Prefixes bound inside the piece itself count as declared too. */
function withLocalDeclarations(text: string, declared: ReadonlySet<string>): ReadonlySet<string> {
  if (!text.includes('xmlns:')) return declared;
  const all = new Set(declared);
  for (const m of text.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=/g)) all.add(m[1]!);
  return all;
}

function checkPrefixes(markup: string, declared: ReadonlySet<string>, log: RepairLog): void {
  for (const tag of markup.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*/g)) {
    const prefix = tag[1]!;
    if (!declared.has(prefix) && prefix !== 'xml' && prefix !== 'xmlns') log.add('prefix', `${prefix}:`);
  }
}

/**
 * A run of adjacent CDATA sections starting at `start` (`]]]]><![CDATA[>` splits make runs). Read
 * the standard way unless a `]]>` sits between the sections, the sign of a CDATA section written
 * inside another: then the whole element is read the way WordPress's regex parser reads it
 * (importer · src/parsers/class-wxr-parser-regex.php `get_tag`): from the first `<![CDATA[` to the
 * last `]]>` before the closing tag, or, if the value holds a split marker, every section joined.
 */
function readCdataRun(text: string, start: number, log: RepairLog, bound: boolean): { text: string; end: number } {
  let out = '';
  let pos = start;
  for (;;) {
    const close = text.indexOf(']]>', pos + 9);
    if (bound && pos === start) {
      const rule = elementRule(text, start, log, 'unclosed-cdata', close);
      if (rule) return rule;
    }
    if (close === -1) return elementRule(text, start, log, 'unclosed-cdata') ?? closeAtEnd(text, out, pos, log);
    out += removeControls(text.slice(pos, close + 3), log);
    const next = text.indexOf('<', close + 3);
    const between = text.slice(close + 3, next === -1 ? text.length : next);
    if (between.includes(']]>')) {
      const rule = elementRule(text, start, log, 'nested-cdata');
      if (rule) return rule;
    }
    if (next === -1 || !text.startsWith('<![CDATA[', next) || between.includes(']]>')) {
      // Markup after a value's CDATA, then a stray `]]>` before the element closes: the `]]>`
      // that ended the section early belonged to the content (`<![CDATA[]]><!-- wp:... -->...]]>`).
      const name = next === -1 || between.includes(']]>') ? undefined : openingNameBefore(text, start);
      if (name !== undefined && !text.startsWith(`</${name}>`, next)) {
        const rule = elementRule(text, start, log, 'nested-cdata', undefined, close + 3);
        if (rule) return rule;
      }
      return { text: out, end: close + 3 };
    }
    out += between; // whitespace or text between two sections of one value
    pos = next;
  }
}

function closeAtEnd(text: string, done: string, pos: number, log: RepairLog): { text: string; end: number } {
  log.add('unclosed-cdata');
  return { text: `${done}${removeControls(text.slice(pos), log)}]]>`, end: text.length };
}

/** The importer's reading of the element whose content starts at `start`, if it has one. */
function elementRule(
  text: string,
  start: number,
  log: RepairLog,
  kind: 'nested-cdata' | 'unclosed-cdata',
  /** With a `]]>` before the element's end, the section is not unclosed: no rule applies. */
  onlyIfClosedAfter?: number,
  /** Applies only if a `]]>` stands between this offset and the element's end. */
  onlyIfStrayEndAfter?: number,
): { text: string; end: number } | undefined {
  const name = openingNameBefore(text, start);
  if (name === undefined) return undefined;
  const end = text.indexOf(`</${name}>`, start);
  if (end === -1) return undefined;
  if (onlyIfClosedAfter !== undefined && onlyIfClosedAfter !== -1 && onlyIfClosedAfter + 3 <= end) return undefined;
  if (onlyIfStrayEndAfter !== undefined && !text.slice(onlyIfStrayEndAfter, end).includes(']]>')) return undefined;
  const content = text.slice(start, end);
  let value: string;
  if (content.includes(']]]]><![CDATA[>')) {
    value = [...content.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('');
  } else {
    const last = content.lastIndexOf(']]>');
    value = last >= 9 ? content.slice(9, last) : content.slice(9);
  }
  log.add(kind, `<${name}>`);
  return { text: escapeText(removeControls(value, log)), end };
}

/** The name of the start tag right before `start` (whitespace apart), if that is what precedes it. */
function openingNameBefore(text: string, start: number): string | undefined {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  if (text[i] !== '>' || text[i - 1] === '/') return undefined;
  const lt = text.lastIndexOf('<', i);
  if (lt === -1) return undefined;
  return /^<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>$/.exec(text.slice(lt, i + 1))?.[1];
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
