/**
 * The last touch on Markdown, outside fenced code blocks (whose lines are the author's): no trailing
 * spaces, tabs or no-break spaces (invisible at a line's end), no hard break (`\`) ending a paragraph, at most one blank line in a row, one final
 * newline (or nothing for an empty body).
 */
export function tidyMarkdown(markdown: string): string {
  const out: string[] = [];
  const fenced: boolean[] = [];
  let fence: string | undefined;
  for (const raw of markdown.split('\n')) {
    const opener = raw.includes('`') || raw.includes('~') ? /^\s*(`{3,}|~{3,})/.exec(raw)?.[1] : undefined;
    if (fence !== undefined) {
      out.push(raw);
      fenced.push(true);
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && raw.trim() === opener) fence = undefined;
      continue;
    }
    if (opener) {
      fence = opener;
      out.push(raw.replace(/[ \t]+$/, ''));
      fenced.push(true);
      continue;
    }
    const line = trimEnd(raw);
    if (isBlank(line) && (out.length === 0 || isBlank(out[out.length - 1]!))) continue;
    out.push(isBlank(line) ? '' : line);
    fenced.push(false);
  }
  // Two hard breaks in a row (`<br><br>` in block content) show an empty line: a paragraph break.
  for (let i = 1; i < out.length; i++) {
    const lone = /^((?:> ?)*)\\$/.exec(out[i]!);
    if (!lone || fenced[i] || fenced[i - 1] || !endsWithHardBreak(out[i - 1]!)) continue;
    out[i - 1] = out[i - 1]!.slice(0, -1).replace(/[ \t]+$/, '');
    out[i] = lone[1]!.trim();
  }
  // A hard break before a blank line (or the end) breaks nothing: drop the backslash.
  for (let i = 0; i < out.length; i++) {
    if (fenced[i] || !endsWithHardBreak(out[i]!)) continue;
    const next = out[i + 1];
    if (next === undefined || next === '' || /^\s*>\s*$/.test(next) || fenced[i + 1]) out[i] = out[i]!.slice(0, -1).replace(/[ \t]+$/, '');
  }
  const text = out.join('\n').replace(/^\n+|\n+$/g, '');
  return text ? `${text}\n` : '';
}

/**
 * The line without its trailing spaces, tabs and no-break spaces (`/[ \t\u00a0]+$/`, which
 * tries a match at every space of a long line before it finds the end).
 */
function trimEnd(line: string): string {
  let end = line.length;
  for (let c = line.charCodeAt(end - 1); c === 32 || c === 9 || c === 0xa0; c = line.charCodeAt(end - 1)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** The line ends with a backslash that is not itself escaped (an odd number of them): a hard break. */
function endsWithHardBreak(line: string): boolean {
  let count = 0;
  while (line.charCodeAt(line.length - 1 - count) === 92) count++;
  return count % 2 === 1;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}
