/**
 * WXR namespaces are matched by URI, not prefix (a file may bind `wp` to
 * https://wordpress.org/export/1.2/ or use another prefix). Element names are rewritten to the
 * canonical prefixes wp:, excerpt:, content:, dc:, wfw:.
 */
const CANONICAL: Array<[RegExp, string]> = [
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/i, 'excerpt'],
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/i, 'wp'],
  [/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/i, 'content'],
  [/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/i, 'dc'],
  [/^https?:\/\/wellformedweb\.org\/CommentAPI\/?$/i, 'wfw'],
];

/** prefix -> canonical prefix, read from the xmlns declarations of the header. */
export type PrefixMap = Map<string, string>;

export function readPrefixMap(header: string): PrefixMap {
  const map: PrefixMap = new Map();
  for (const match of header.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
    const [, prefix, uri] = match;
    if (prefix === undefined || uri === undefined) continue;
    const canonical = CANONICAL.find(([pattern]) => pattern.test(uri.trim()))?.[1];
    if (canonical !== undefined && canonical !== prefix) map.set(prefix, canonical);
  }
  return map;
}

/** An element name with its prefix made canonical (`wpx:post_id` -> `wp:post_id` when wpx is WXR's). */
export function canonicalName(name: string, map: PrefixMap): string {
  if (map.size === 0) return name;
  const colon = name.indexOf(':');
  const mapped = colon > 0 && !name.startsWith('@_') ? map.get(name.slice(0, colon)) : undefined;
  return mapped === undefined ? name : `${mapped}${name.slice(colon)}`;
}

/** Renames keys `p:name` to their canonical prefix, recursively. A no-op when prefixes are standard. */
export function canonicalKeys<T>(node: T, map: PrefixMap): T {
  if (map.size === 0 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((child) => canonicalKeys(child, map)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) out[canonicalName(key, map)] = canonicalKeys(value, map);
  return out as T;
}
