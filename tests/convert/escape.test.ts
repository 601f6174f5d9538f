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
});
