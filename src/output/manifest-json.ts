/**
 * A JSON object written piece by piece: the same text as `JSON.stringify(object, null, 2) + '\n'`
 * (renderJson), but a field may be a list read as it is written (a SpooledList's entries), so the
 * text of a very large manifest never exists as one string.
 */
export type JsonField = readonly [key: string, value: unknown];

/** A field value written as a JSON array from entries read one by one. */
export class StreamedArray {
  constructor(readonly entries: () => AsyncIterable<unknown>) {}
}

const CHUNK = 1 << 16;

export async function* jsonObjectChunks(fields: readonly JsonField[]): AsyncGenerator<string> {
  const present = fields.filter(([, value]) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol');
  if (present.length === 0) {
    yield '{}\n';
    return;
  }
  let out = '{\n';
  for (const [i, [key, value]] of present.entries()) {
    out += `  ${JSON.stringify(key)}: `;
    if (value instanceof StreamedArray) {
      let first = true;
      for await (const entry of value.entries()) {
        out += `${first ? '[\n' : ',\n'}    ${indent(JSON.stringify(entry, null, 2) ?? 'null', '    ')}`;
        first = false;
        if (out.length >= CHUNK) {
          yield out;
          out = '';
        }
      }
      out += first ? '[]' : '\n  ]';
    } else {
      out += indent(JSON.stringify(value, null, 2), '  ');
    }
    out += i < present.length - 1 ? ',\n' : '\n';
  }
  yield `${out}}\n`;
}

/** JSON text (no raw newline inside its strings) moved right by `by`. */
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.replaceAll('\n', `\n${by}`) : json;
}
