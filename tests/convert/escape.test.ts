import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, resolveDelimiters } from '../../src/convert/markdown/escape.js';
import { tidyMarkdown } from '../../src/convert/markdown/tidy.js';

/** Text as a paragraph would end up: escaped per text node, then settled as a whole. */
const escaped = (text: string): string => resolveDelimiters(escapeMarkdownText(text));

describe('escapeMarkdownText', () => {
  it('leaves brackets that cannot form a link alone', () => {
    expect(escaped('an aside [sic], a citation [1], photo[1] and [a][b]')).toBe('an aside [sic], a citation [1], photo[1] and [a][b]');
  });

  it('escapes brackets that would read as a link, a definition or a footnote', () => {
    expect(escaped('see [this](there)')).toBe('see \\[this](there)');
    expect(escaped('[label]: value')).toBe('\\[label]: value');
    expect(escaped('a caret [^1] here')).toBe('a caret \\[^1] here');
  });

  it('leaves intraword underscores and a spaced asterisk alone', () => {
    expect(escaped('snake_case_name and 2 * 3')).toBe('snake_case_name and 2 * 3');
  });

  it('leaves a lone emphasis-like character alone but escapes a pair', () => {
    expect(escaped('a 5* hotel')).toBe('a 5* hotel');
    expect(escaped('literal *stars* here')).toBe('literal \\*stars\\* here');
    expect(escaped('__init__')).toBe('\\_\\_init\\_\\_');
  });

  it('escapes what would start a block at the start of a line', () => {
    expect(escaped('# title')).toBe('\\# title');
    expect(escaped('1984. A year')).toBe('1984\\. A year');
    expect(escaped('- dash')).toBe('\\- dash');
    expect(escaped('> quote')).toBe('\\> quote');
    expect(escaped('---')).toBe('\\---');
    expect(escaped('C# and #hashtag')).toBe('C# and #hashtag');
  });

  it('escapes HTML-looking text, entities, backticks and backslashes before punctuation', () => {
    expect(escaped('<div> & &copy; `x` a\\*b C:\\dir')).toBe('\\<div> & \\&copy; \\`x\\` a\\\\*b C:\\dir');
  });

  it('does not touch URLs, but for backslashes', () => {
    expect(escaped('see https://example.org/a_b_*c*_ now')).toBe('see https://example.org/a_b_*c*_ now');
  });
});

describe('tidyMarkdown', () => {
  it('drops trailing spaces and dangling hard breaks, keeps code as written', () => {
    expect(tidyMarkdown('a  \nb\\\n\n```\nkeep  \n\n\n\n```\n\n\n\nc\\')).toBe('a\nb\n\n```\nkeep  \n\n\n\n```\n\nc\n');
  });

  it('turns two hard breaks in a row into a paragraph break', () => {
    expect(tidyMarkdown('one\\\n\\\ntwo\n\n> q\\\n> \\\n> r')).toBe('one\n\ntwo\n\n> q\n>\n> r\n');
  });

  it('gives what its rules written as regular expressions give (property)', () => {
    const pieces = [' ', '  ', '\t', '\u00a0', '\\', '\\\\', '\n', '\n\n', '```', '````', '~~~', '`', '~', '> ', '>', 'a', 'mot', '\u2003'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const markdown = parts.join('');
        expect(tidyMarkdown(markdown)).toBe(tidyByRegex(markdown));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });
});

/** tidyMarkdown() as it was written with regular expressions (the oracle of the property above). */
function tidyByRegex(markdown: string): string {
  const out: string[] = [];
  const fenced: boolean[] = [];
  let fence: string | undefined;
  const blank = (line: string): boolean => line.trim() === '';
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
    if (blank(line) && (out.length === 0 || blank(out[out.length - 1]!))) continue;
    out.push(blank(line) ? '' : line);
    fenced.push(false);
  }
  for (let i = 1; i < out.length; i++) {
    const lone = /^((?:> ?)*)\\$/.exec(out[i]!);
    if (!lone || fenced[i] || fenced[i - 1] || !/(?<!\\)(?:\\\\)*\\$/.test(out[i - 1]!)) continue;
    out[i - 1] = out[i - 1]!.slice(0, -1).replace(/[ \t]+$/, '');
    out[i] = lone[1]!.trim();
  }
  for (let i = 0; i < out.length; i++) {
    if (fenced[i] || !/(?<!\\)(?:\\\\)*\\$/.test(out[i]!)) continue;
    const next = out[i + 1];
    if (next === undefined || next === '' || /^\s*>\s*$/.test(next) || fenced[i + 1]) out[i] = out[i]!.slice(0, -1).replace(/[ \t]+$/, '');
  }
  const text = out.join('\n').replace(/^\n+|\n+$/g, '');
  return text ? `${text}\n` : '';
}
