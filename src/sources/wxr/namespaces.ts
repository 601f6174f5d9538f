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

/** Renames keys `p:name` to their canonical prefix, recursively. A no-op when prefixes are standard. */
export function canonicalKeys<T>(node: T, map: PrefixMap): T {
  if (map.size === 0 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((child) => canonicalKeys(child, map)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const colon = key.indexOf(':');
    const prefix = colon > 0 && !key.startsWith('@_') ? key.slice(0, colon) : undefined;
    const renamed = prefix !== undefined && map.has(prefix) ? `${map.get(prefix)}${key.slice(colon)}` : key;
    out[renamed] = canonicalKeys(value, map);
  }
  return out as T;
}
