import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/model/spill-file.js';

/** Appends from one reused buffer, then reads every append back by position. */
function roundTrip(): void {
  const file = new SpillFile('unpress-test-');
  const scratch = Buffer.alloc(64);
  const positions: number[] = [];
  for (let n = 0; n < 50; n++) {
    const length = scratch.write(`entrée ${n} ${'é'.repeat(n % 5)}`);
    positions.push(file.append(scratch.subarray(0, length)));
  }
  for (let n = 49; n >= 0; n--) {
    const text = `entrée ${n} ${'é'.repeat(n % 5)}`;
    const length = Buffer.byteLength(text);
    expect(positions[n]! + length).toBe(positions[n + 1] ?? positions[n]! + length);
    expect(file.read(positions[n]!, length, Buffer.alloc(length)).toString()).toBe(text);
  }
  file.close();
  expect(() => file.read(0, 1, Buffer.alloc(1))).toThrow(/after it was closed/);
}

describe('SpillFile', () => {
  it('gives back each append at its position, the caller reusing its buffer', () => roundTrip());

  it('keeps the bytes in memory, at the same positions, when no temporary file can be made', () => {
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = join(tmpdir(), 'unpress-no-such-folder', 'deeper');
    try {
      roundTrip();
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });
});
