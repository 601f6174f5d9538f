/** The typed arrays the compact indexes grow (ids, offsets, lengths, hashes, flags). */
type Growable = Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A copy of `array` twice as long (the new half zeroed): how the indexes make room. */
export function doubled<T extends Growable>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
