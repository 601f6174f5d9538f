/**
 * The URLs of a Markdown document that point somewhere: link and image destinations
 * (`[text](url "title")`, `![alt](url)`), reference definitions (`[1]: url`), autolinks
 * (`<https://...>`) and the `href`, `src` and `srcset` attributes of HTML kept in the Markdown.
 * URLs in the text itself and in fenced code blocks are not touched.
 *
 * `rewrite` gets each URL as written (HTML attributes decoded) and returns its replacement, or
 * undefined to leave it alone.
 */
export function rewriteMarkdownUrls(markdown: string, rewrite: (url: string) => string | undefined): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence !== undefined) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return rewriteLine(line, rewrite);
    })
    .join('\n');
}

/** Every URL of a Markdown document, in order (the same places `rewriteMarkdownUrls` looks at). */
export function markdownUrls(markdown: string): string[] {
  const urls: string[] = [];
  rewriteMarkdownUrls(markdown, (url) => {
    urls.push(url);
    return undefined;
  });
  return urls;
}

type Rewrite = (url: string) => string | undefined;

function rewriteLine(line: string, rewrite: Rewrite): string {
  const definition = /^(\s{0,3}\[[^\]]+\]:\s*)(\S+)/.exec(line);
  if (definition) {
    const url = definition[2]!;
    const replaced = rewrite(url);
    return replaced === undefined ? line : `${definition[1]}${escapeDestination(replaced)}${line.slice(definition[0].length)}`;
  }
  let out = '';
  let i = 0;
  while (i < line.length) {
    const found = nextUrl(line, i);
    if (!found) break;
    out += line.slice(i, found.start);
    const original = line.slice(found.start, found.end);
    out += found.kind === 'srcset' ? rewriteSrcset(original, rewrite) : replaceOne(original, found.kind, rewrite);
    i = found.end;
  }
  return out + line.slice(i);
}

type UrlKind = 'destination' | 'autolink' | 'attribute' | 'srcset';

interface Found {
  start: number;
  end: number;
  kind: UrlKind;
}

/** The next URL at or after `from`: the earliest of the places a URL can be. */
function nextUrl(line: string, from: number): Found | undefined {
  let best: Found | undefined;
  const consider = (found: Found | undefined): void => {
    if (found && (!best || found.start < best.start)) best = found;
  };
  consider(destinationAfter(line, from));
  consider(attributeAfter(line, from));
  consider(autolinkAfter(line, from));
  return best;
}

/** `](url` or `](<url>`: parentheses inside the URL must balance (CommonMark). */
function destinationAfter(line: string, from: number): Found | undefined {
  let open = line.indexOf('](', from);
  while (open >= 0) {
    let start = open + 2;
    if (isEscaped(line, open)) {
      open = line.indexOf('](', start);
      continue;
    }
    if (line[start] === '<') {
      const close = line.indexOf('>', start + 1);
      if (close > start) return { start: start + 1, end: close, kind: 'destination' };
    } else {
      let depth = 0;
      let end = start;
      for (; end < line.length; end++) {
        const ch = line[end]!;
        if (ch === '\\') {
          end++;
          continue;
        }
        if (/\s/.test(ch)) break;
        if (ch === '(') depth++;
        if (ch === ')') {
          if (depth === 0) break;
          depth--;
        }
      }
      if (end > start) return { start, end, kind: 'destination' };
    }
    start = open + 2;
    open = line.indexOf('](', start);
  }
  return undefined;
}

/** `\]` is text: an odd number of backslashes before a character escapes it. */
function isEscaped(line: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && line[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

const ATTRIBUTE = /\s(href|src|srcset)=("|')/gi;

function attributeAfter(line: string, from: number): Found | undefined {
  ATTRIBUTE.lastIndex = from;
  for (let match = ATTRIBUTE.exec(line); match; match = ATTRIBUTE.exec(line)) {
    const start = match.index + match[0].length;
    const end = line.indexOf(match[2]!, start);
    if (end < 0) return undefined;
    return { start, end, kind: match[1]!.toLowerCase() === 'srcset' ? 'srcset' : 'attribute' };
  }
  return undefined;
}

function autolinkAfter(line: string, from: number): Found | undefined {
  const match = /<(https?:\/\/[^\s<>]+)>/gi;
  match.lastIndex = from;
  const found = match.exec(line);
  return found ? { start: found.index + 1, end: found.index + 1 + found[1]!.length, kind: 'autolink' } : undefined;
}

function replaceOne(original: string, kind: UrlKind, rewrite: Rewrite): string {
  const url = kind === 'attribute' ? decodeAttribute(original) : original;
  const replaced = rewrite(url);
  if (replaced === undefined) return original;
  return kind === 'attribute' ? encodeAttribute(replaced) : escapeDestination(replaced);
}

/** `a.jpg 300w, b.jpg 1024w`: each candidate's URL rewritten, descriptors kept. */
function rewriteSrcset(original: string, rewrite: Rewrite): string {
  return original
    .split(',')
    .map((candidate) => {
      const match = /^(\s*)(\S+)(.*)$/s.exec(candidate);
      if (!match) return candidate;
      const replaced = rewrite(decodeAttribute(match[2]!));
      return replaced === undefined ? candidate : `${match[1]}${encodeAttribute(replaced)}${match[3]}`;
    })
    .join(',');
}

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#0?38|#0?39|apos);/g, (_, name: string) => ({ amp: '&', quot: '"', '#038': '&', '#38': '&', '#039': "'", '#39': "'", apos: "'" })[name] ?? '');
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** A replacement URL as a Markdown destination: no spaces, angle brackets or unbalanced parentheses. */
function escapeDestination(url: string): string {
  return url.replace(/[ <>()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
