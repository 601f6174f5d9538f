/** A link or image destination: spaces and angle brackets encoded, unbalanced parentheses escaped. */
export function destination(url: string): string {
  const encoded = url.trim().replace(/ /g, '%20').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\');
  let depth = 0;
  let balanced = true;
  for (const c of encoded) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) balanced = false;
  }
  return balanced && depth === 0 ? encoded : encoded.replace(/[()]/g, '\\$&');
}

/** ` "title"`, or nothing. */
export function titlePart(title: string | null): string {
  const text = (title ?? '').replace(/\s+/g, ' ').trim();
  return text ? ` "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : '';
}

/** Link text or alt text whose brackets do not pair up gets them escaped (`[a]b]` would end early). */
export function balanceBrackets(text: string): string {
  let depth = 0;
  let balanced = true;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth < 0) balanced = false;
  }
  return balanced && depth === 0 ? text : text.replace(/(?<!\\)([[\]])/g, '\\$1');
}
