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
    const opener = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
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
    const line = raw.replace(/[ \t\u00a0]+$/, '');
    if (isBlank(line) && (out.length === 0 || isBlank(out[out.length - 1]!))) continue;
    out.push(isBlank(line) ? '' : line);
    fenced.push(false);
  }
  // Two hard breaks in a row (`<br><br>` in block content) show an empty line: a paragraph break.
  for (let i = 1; i < out.length; i++) {
    const lone = /^((?:> ?)*)\\$/.exec(out[i]!);
    if (!lone || fenced[i] || fenced[i - 1] || !/(?<!\\)(?:\\\\)*\\$/.test(out[i - 1]!)) continue;
    out[i - 1] = out[i - 1]!.slice(0, -1).replace(/[ \t]+$/, '');
    out[i] = lone[1]!.trim();
  }
  // A hard break before a blank line (or the end) breaks nothing: drop the backslash.
  for (let i = 0; i < out.length; i++) {
    if (fenced[i] || !/(?<!\\)(?:\\\\)*\\$/.test(out[i]!)) continue;
    const next = out[i + 1];
    if (next === undefined || next === '' || /^\s*>\s*$/.test(next) || fenced[i + 1]) out[i] = out[i]!.slice(0, -1).replace(/[ \t]+$/, '');
  }
  const text = out.join('\n').replace(/^\n+|\n+$/g, '');
  return text ? `${text}\n` : '';
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}
