/**
 * Escapes a text node for Markdown, only where a CommonMark/GFM reader would otherwise see syntax
 * (turndown's default escapes every `[`, `_` and `*`, which litters prose and file names):
 * - `*`, `_`, `~` only when they could open or close emphasis/strikethrough (flanking rules; an
 *   intraword `snake_case` underscore and a spaced `2 * 3` stay as they are) AND another such run
 *   of the same character sits in the same paragraph: a text node cannot see its paragraph, so it
 *   marks candidates with MAYBE and resolveDelimiters() decides once the Markdown is whole;
 * - `[` only before `^` (footnote syntax), when its `]` is followed by `(` (an inline link), or
 *   `[label]:` at the start (a definition); `[sic]`, `photo[1]` or `[a][b]` stay (unpress writes no
 *   link reference definitions, so a reference-style look-alike stays text);
 * - `<` before a tag-like character, `&` before an entity-like name, every backtick, a `\` before
 *   punctuation;
 * - at the start of the text (which may start a line): `#`, `>`, list markers, `1.`, thematic
 *   breaks, setext underlines, code fences.
 * URLs (`https://…`, `www.…`) are left alone (GFM links them as written), but for backslashes.
 * Text-node boundaries count as whitespace, which errs on the side of escaping.
 */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/g;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

/** Marks a `*`, `_` or `~` that needs a backslash only if it has a partner (see resolveDelimiters). */
export const MAYBE = '\uE010';

export function escapeMarkdownText(text: string): string {
  // The mark itself, should a text contain it, is written as a character reference.
  if (text.includes(MAYBE)) text = text.replaceAll(MAYBE, '&#xE010;');
  if (!/[\\*_~`[\]<&#>+\-=\d|]/.test(text)) return text;
  // Only these characters can get a backslash or a mark; the rest is copied in runs.
  CANDIDATE.lastIndex = 0;
  let match = CANDIDATE.exec(text);
  if (match === null) return escapeLineStart(text);
  const skip = /https?:\/\/|www\./.test(text) ? urlRanges(text) : undefined;
  let out = '';
  let copied = 0;
  for (; match !== null; match = CANDIDATE.exec(text)) {
    const i = match.index;
    // Inside a URL only a backslash needs one (`?a=1\&b` would lose it).
    if (skip?.[i] && text[i] !== '\\') continue;
    const verdict = escapeAt(text, i);
    if (!verdict) continue;
    out += text.slice(copied, i) + (verdict === 'maybe' ? MAYBE : '\\');
    copied = i;
  }
  return escapeLineStart(out + text.slice(copied));
}

/** The characters escapeAt() may escape or mark. */
const CANDIDATE = /[\\`*_~[\]<&]/g;

function urlRanges(text: string): boolean[] {
  const skip: boolean[] = [];
  for (const match of text.matchAll(URL)) for (let i = match.index; i < match.index + match[0].length; i++) skip[i] = true;
  return skip;
}

function escapeAt(text: string, i: number): boolean | 'maybe' {
  const c = text[i]!;
  switch (c) {
    case '\\':
      return i === text.length - 1 || /[!-/:-@[-`{-~]/.test(text[i + 1]!);
    case '`':
      return true;
    case '*':
    case '_':
    case '~':
      return delimiterMayCount(text, i, c) ? 'maybe' : false;
    case '[':
      return text[i + 1] === '^' || opensLink(text, i);
    case ']':
      return text[i + 1] === '(' && !text.slice(0, i).includes('[');
    case '<':
      return /[A-Za-z/!?]/.test(text[i + 1] ?? '');
    case '&':
      return /^&#?[A-Za-z0-9]+;/.test(text.slice(i));
    default:
      return false;
  }
}

/** CommonMark's left/right-flanking rules for the run of `c` around position i. */
function delimiterMayCount(text: string, i: number, c: string): boolean {
  let start = i;
  while (start > 0 && text[start - 1] === c) start--;
  let end = i;
  while (end < text.length - 1 && text[end + 1] === c) end++;
  const before = text[start - 1] ?? ' ';
  const after = text[end + 1] ?? ' ';
  const afterSpace = WHITESPACE.test(after);
  const beforeSpace = WHITESPACE.test(before);
  const afterPunct = PUNCTUATION.test(after);
  const beforePunct = PUNCTUATION.test(before);
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  if (c === '_') return (left && (!right || beforePunct)) || (right && (!left || afterPunct));
  return left || right;
}

/** `[text](`, or `[label]:` at the start: would read as a link or a definition. */
function opensLink(text: string, i: number): boolean {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === '[') depth++;
    else if (text[j] === ']' && --depth === 0) {
      const next = text[j + 1];
      return next === '(' || (next === ':' && i === 0);
    }
  }
  return false;
}

function escapeLineStart(text: string): string {
  return text
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+*])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(=+|-+)(\s*)$/, '\\$1$2')
    .replace(/^((?:[-*_]\s*){3,})$/, '\\$1')
    .replace(/^(~~~)/, '\\$1');
}

/**
 * Settles the MAYBE marks of a whole Markdown text: in each paragraph (text between blank lines),
 * a character with two or more marked runs gets them escaped (they could pair up into emphasis);
 * a lone run is left as it is (`5* hotel`, `(*)`, `'H*'`).
 */
export function resolveDelimiters(markdown: string): string {
  if (!markdown.includes(MAYBE)) return markdown;
  return markdown
    .split(/(\n[ \t>]*\n)/)
    .map((paragraph) => {
      if (!paragraph.includes(MAYBE)) return paragraph;
      const runs = new Map<string, number>();
      for (const match of paragraph.matchAll(new RegExp(`(?:${MAYBE}([*_~]))(?:${MAYBE}\\1)*`, 'g'))) runs.set(match[1]!, (runs.get(match[1]!) ?? 0) + 1);
      return paragraph.replace(new RegExp(`${MAYBE}([*_~])`, 'g'), (_, c: string) => ((runs.get(c) ?? 0) > 1 ? `\\${c}` : c));
    })
    .join('');
}

/** A marked delimiter at the very start or end of a piece about to be wrapped in `*…*`: escaped for sure. */
export function hardenEdges(text: string): string {
  return text.includes(MAYBE) ? text.replace(MARK_AT_START, '\\$1').replace(MARK_AT_END, '\\$1') : text;
}

const MARK_AT_START = new RegExp(`^${MAYBE}([*_~])`);
const MARK_AT_END = new RegExp(`${MAYBE}([*_~])$`);
