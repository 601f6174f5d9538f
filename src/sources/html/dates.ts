/**
 * Dates as themes print them. How much a date can be trusted is its rank: when the same post is
 * seen on several pages, the best-ranked date wins.
 */
export const DATE_RANK = {
  /** `<time datetime="2017-11-26T16:12:59+01:00">` (Twenty Eleven and later, block themes). */
  datetimeWithOffset: 6,
  /** `article:published_time` (Jetpack, SEO plugins): exact, but in UTC. */
  metaPublished: 5,
  datetime: 4,
  /** Localised text with a time: "23. Juli 2013" + the Twenty Ten link title "21:04". */
  textWithTime: 3,
  /** Localised text alone: "5 avril 2024", "17/05/2008". */
  text: 2,
  /** `/2016/09/09/slug/`: the day only, as a last resort. */
  url: 1,
} as const;

export interface RankedDate {
  value: string;
  rank: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A `datetime` attribute or meta value -> ISO 8601 with seconds; undefined for durations etc. */
export function parseIsoDate(value: string | undefined): { value: string; hasOffset: boolean; hasTime: boolean } | undefined {
  const m = ISO.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, offset] = m;
  if (!validDay(Number(y), Number(mo), Number(d))) return undefined;
  const zone = offset === undefined ? '' : offset === 'Z' ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return { value: `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}${zone}`, hasOffset: zone !== '', hasTime: h !== undefined };
}

/** Month names (accents removed, lower case) in the languages of the blogs this tool meets. */
const MONTHS = new Map<string, number>();
const NAMES: string[][] = [
  // en
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  // fr
  ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ['janv', 'fevr', 'mars', 'avr', 'mai', 'juin', 'juil', 'aout', 'sept', 'oct', 'nov', 'dec'],
  // de (März -> marz once accents are removed; Austrian Jänner)
  ['januar', 'februar', 'marz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['janner', 'feber', 'maerz', 'apr', 'mai', 'jun', 'jul', 'aug', 'sept', 'okt', 'nov', 'dez'],
  // pt
  ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'setembro', 'outubro', 'nov', 'dez'],
  // es, it, nl
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
];
for (const list of NAMES) list.forEach((name, i) => MONTHS.has(name) || MONTHS.set(name, i + 1));
MONTHS.set('setiembre', 9);

export interface DateHints {
  /** Day-first for numeric dates ("09/11/2017"): every locale but en-US writes the day first. */
  dayFirst: boolean;
  /** The date in the post's URL, which settles an ambiguous numeric date. */
  fromUrl?: { year: number; month: number; day: number };
}

/**
 * Localised date text -> `YYYY-MM-DDTHH:MM:SS` (no offset: themes print local time).
 * Accepts "January 24, 2011", "5 avril 2024", "1er mars 2012", "22 avril, 2010", "23. Juli 2013",
 * "12 de março de 2010", "17/05/2008 at 17:24", "Juli 30, 2013 um 2:33 pm", "2016-09-10",
 * "9 avril 2013 à 11h20". `time` is a separate time text (Twenty Ten's link title "8:00 am").
 */
export function parseDateText(text: string, hints: DateHints, time?: string): string | undefined {
  let rest = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const clock = takeTime(rest) ?? (time ? takeTime(time.toLowerCase()) : undefined);
  if (clock) rest = rest.replace(clock.matched, ' ');
  const day = numericDate(rest, hints) ?? namedDate(rest);
  if (!day || !validDay(day.year, day.month, day.day)) return undefined;
  const [h, mi, s] = clock ? [clock.hour, clock.minute, clock.second] : [0, 0, 0];
  return `${day.year}-${pad(day.month)}-${pad(day.day)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** Whether `parseDateText` found a time of day in the text. */
export function hasTimeOfDay(text: string, time?: string): boolean {
  return takeTime(text.toLowerCase()) !== undefined || (time !== undefined && takeTime(time.toLowerCase()) !== undefined);
}

/** `/2016/09/09/slug/` -> the day. */
export function dateFromUrl(url: string | undefined): { year: number; month: number; day: number } | undefined {
  const m = url ? /\/((?:19|20)\d{2})\/(\d{2})\/(\d{2})\//.exec(url) : null;
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(year, month, day) ? { year, month, day } : undefined;
}

export function isoDay(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}T00:00:00`;
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  matched: string;
}

/** "17:24", "2:33 pm", "11h20", "9 h 30 min", "21:04:05". */
function takeTime(text: string): Clock | undefined {
  const m = /(?<![\d/.-])(\d{1,2})\s*(?::|h)\s*(\d{2})(?:\s*(?::|min)\s*(\d{2}))?(?:\s*min\b)?\s*([ap])?\.?\s*(m\b\.?)?/.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] ? Number(m[3]) : 0;
  const meridiem = m[4] && m[5] ? m[4] : undefined;
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second, matched: m[0] };
}

function numericDate(text: string, hints: DateHints): { year: number; month: number; day: number } | undefined {
  const iso = /\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const m = /\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b/.exec(text);
  if (!m) return undefined;
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dayFirst = { year, month: b, day: a };
  const monthFirst = { year, month: a, day: b };
  if (a > 12) return dayFirst;
  if (b > 12) return monthFirst;
  const url = hints.fromUrl;
  if (url && url.year === year) {
    if (url.month === b && url.day === a) return dayFirst;
    if (url.month === a && url.day === b) return monthFirst;
  }
  return hints.dayFirst ? dayFirst : monthFirst;
}

function namedDate(text: string): { year: number; month: number; day: number } | undefined {
  const tokens = text.match(/[a-z]+|\d+/g) ?? [];
  const at = tokens.findIndex((t) => MONTHS.has(t));
  if (at < 0) return undefined;
  const month = MONTHS.get(tokens[at]!)!;
  const year = tokens.find((t) => /^(?:19|20)\d{2}$/.test(t));
  if (!year) return undefined;
  const isDay = (t: string | undefined): boolean => t !== undefined && /^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 31;
  // "5 avril", "23. Juli", "12 de marco", "1er mars" (-> "1", "er"), else "January 24".
  const before = [tokens[at - 1], tokens[at - 2]].find((t, i) => isDay(t) && (i === 0 || ['de', 'er', 'st', 'nd', 'rd', 'th'].includes(tokens[at - 1] ?? '')));
  const after = tokens[at + 1];
  const day = before ?? (isDay(after) ? after : undefined);
  return day ? { year: Number(year), month, day: Number(day) } : undefined;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
