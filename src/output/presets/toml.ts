import type { FrontMatter } from '../front-matter.js';

/**
 * A TOML emitter for the values front matter holds: strings, finite numbers, booleans, ISO dates,
 * arrays of those, and plain objects (written as inline tables). Written here rather than added as
 * a dependency: front matter needs a small, exactly known subset of TOML 1.0.
 *
 *   +++
 *   title = "Time is on my side"
 *   date = 2012-11-20T08:30:00+01:00
 *   tags = ["Relation de service"]
 *   +++
 */
export function renderTomlFrontMatter(fm: FrontMatter): string {
  const lines = Object.entries(fm)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${tomlKey(key)} = ${tomlValue(value, key)}`);
  return `+++\n${lines.map((line) => `${line}\n`).join('')}+++\n`;
}

/** Date-time strings unpress writes (the record schema's ISO 8601): TOML offset or local date-times. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?$/;

/** Keys the front matter of any preset uses are bare; anything else (custom taxonomies) is quoted. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

export function tomlValue(value: unknown, where: string): string {
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? value : tomlString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${where}: TOML has no ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => tomlValue(v, `${where}[${i}]`)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v, `${where}.${k}`)}`).join(', ')} }`;
  }
  throw new TypeError(`${where}: ${value === null ? 'null' : typeof value} cannot be written as TOML`);
}

/** A TOML basic string: quotes, backslashes and every control character escaped. */
export function tomlString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
    else out += ch;
  }
  return `${out}"`;
}
