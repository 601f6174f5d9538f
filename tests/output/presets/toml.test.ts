import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTomlFrontMatter, tomlKey, tomlString, tomlValue } from '../../../src/output/presets/toml.js';

describe('TOML front matter', () => {
  it('writes strings, numbers, booleans, arrays and dates between +++ lines', () => {
    const toml = renderTomlFrontMatter({
      title: 'Time is on my side',
      date: '2012-11-20T08:30:00+01:00',
      draft: true,
      comment_count: 2,
      tags: ['Relation de service', '日本'],
      skipped: undefined,
    });
    expect(toml).toBe(
      [
        '+++',
        'title = "Time is on my side"',
        'date = 2012-11-20T08:30:00+01:00',
        'draft = true',
        'comment_count = 2',
        'tags = ["Relation de service", "日本"]',
        '+++',
        '',
      ].join('\n'),
    );
  });

  it('writes a draft date without offset as a TOML local date-time', () => {
    expect(tomlValue('2018-01-10T22:04:13', 'date')).toBe('2018-01-10T22:04:13');
  });

  it('quotes a date-looking title that is not a full date-time', () => {
    expect(tomlValue('2017-11-26', 'title')).toBe('"2017-11-26"');
  });

  it('escapes quotes, backslashes, newlines and control characters', () => {
    expect(tomlString('a "b" \\ c\nd\te\u0001\u007f')).toBe('"a \\"b\\" \\\\ c\\nd\\te\\u0001\\u007F"');
  });

  it('quotes keys that are not bare (custom taxonomies)', () => {
    expect(tomlKey('series')).toBe('series');
    expect(tomlKey('genre littéraire')).toBe('"genre littéraire"');
  });

  it('writes objects as inline tables and refuses what TOML cannot hold', () => {
    expect(tomlValue({ a: 1, b: 'x' }, 'v')).toBe('{ a = 1, b = "x" }');
    expect(() => tomlValue(null, 'v')).toThrow(/v: null/);
    expect(() => tomlValue(Number.NaN, 'v')).toThrow(/NaN/);
  });

  it('round-trips any string (TOML basic-string escapes are a subset of JSON\'s)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(JSON.parse(tomlString(text))).toBe(text);
      }),
    );
  });
});
