import { describe, expect, it } from 'vitest';
import { dateFromUrl, parseDateText, parseIsoDate } from '../../../src/sources/html/dates.js';

const dayFirst = { dayFirst: true };
const monthFirst = { dayFirst: false };

describe('parseDateText', () => {
  it.each([
    ['January 24, 2011', '8:00 am', monthFirst, '2011-01-24T08:00:00'],
    ['5 avril 2024', undefined, dayFirst, '2024-04-05T00:00:00'],
    ['1er mars 2012', undefined, dayFirst, '2012-03-01T00:00:00'],
    ['22 avril, 2010', undefined, dayFirst, '2010-04-22T00:00:00'],
    ['23. Juli 2013', '21:04', dayFirst, '2013-07-23T21:04:00'],
    ['9 avril 2013 à 11h20', undefined, dayFirst, '2013-04-09T11:20:00'],
    ['16 juin 2014', '9 h 30 min', dayFirst, '2014-06-16T09:30:00'],
    ['Juli 30, 2013 um 2:33 pm', undefined, dayFirst, '2013-07-30T14:33:00'],
    ['12 de março de 2010', undefined, dayFirst, '2010-03-12T00:00:00'],
    ['17/05/2008 at 17:24', undefined, monthFirst, '2008-05-17T17:24:00'],
    ['09/11/2017', undefined, dayFirst, '2017-11-09T00:00:00'],
    ['09/11/2017', undefined, monthFirst, '2017-09-11T00:00:00'],
    ['10.07.2013', undefined, dayFirst, '2013-07-10T00:00:00'],
    ['2016-09-10', undefined, monthFirst, '2016-09-10T00:00:00'],
    ['12:00 am, December 1, 2019', undefined, monthFirst, '2019-12-01T00:00:00'],
  ])('reads "%s" (time "%s")', (text, time, hints, expected) => {
    expect(parseDateText(text, hints, time)).toBe(expected);
  });

  it("settles an ambiguous numeric date with the permalink's date", () => {
    expect(parseDateText('05/09/2008', { dayFirst: true, fromUrl: { year: 2008, month: 5, day: 9 } })).toBe('2008-05-09T00:00:00');
  });

  it.each(['Posted by admin', '31 février 2011', 'PT15M', '15 – 30 Min'])('finds no date in "%s"', (text) => {
    expect(parseDateText(text, dayFirst)).toBeUndefined();
  });
});

describe('parseIsoDate', () => {
  it('keeps the offset of a <time datetime>', () => {
    expect(parseIsoDate('2017-03-09T18:16:02-04:00')).toEqual({ value: '2017-03-09T18:16:02-04:00', hasOffset: true, hasTime: true });
  });

  it('adds seconds and the offset colon', () => {
    expect(parseIsoDate('2020-03-02T20:30+0100')?.value).toBe('2020-03-02T20:30:00+01:00');
  });

  it('refuses durations and empty values (recipe plugins put them in <time datetime>)', () => {
    expect(parseIsoDate('PT15M')).toBeUndefined();
    expect(parseIsoDate('')).toBeUndefined();
  });
});

describe('dateFromUrl', () => {
  it('reads the day of a date-based permalink', () => {
    expect(dateFromUrl('https://codare.aurelio.net/2008/05/17/mysql-insert/')).toEqual({ year: 2008, month: 5, day: 17 });
  });

  it('finds nothing in a month archive or a plain permalink', () => {
    expect(dateFromUrl('/2010/04/')).toBeUndefined();
    expect(dateFromUrl('http://muffinrezept.net/muffin-grundrezept/')).toBeUndefined();
  });
});
