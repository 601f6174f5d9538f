/**
 * WordPress stores post_date in the site's time zone and post_date_gmt in UTC, both as
 * `Y-m-d H:i:s`. Their difference is the offset the site had on that day, so the date can be
 * written as ISO 8601 with its true offset: 2017-11-26 16:12:59 / 15:12:59 -> 2017-11-26T16:12:59+01:00.
 */
const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function isZero(value: string): boolean {
  return value === '' || value.startsWith('0000-00-00');
}

function toUtcMillis(value: string): number | undefined {
  const m = WP_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Local + GMT -> ISO with offset; local alone (zero GMT: drafts) -> ISO without an offset. */
export function toIsoDate(local: string, gmt: string): string | undefined {
  if (isZero(local) && isZero(gmt)) return undefined;
  if (isZero(local)) {
    const utc = toUtcMillis(gmt);
    return utc === undefined ? undefined : `${gmt.replace(' ', 'T')}+00:00`;
  }
  const localMs = toUtcMillis(local);
  if (localMs === undefined) return undefined;
  const iso = local.replace(' ', 'T');
  if (isZero(gmt)) return iso;
  const gmtMs = toUtcMillis(gmt);
  if (gmtMs === undefined) return iso;
  const minutes = Math.round((localMs - gmtMs) / 60_000);
  if (Math.abs(minutes) > 18 * 60) return iso; // not an offset any zone has: do not invent one
  return `${iso}${formatOffset(minutes)}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}
