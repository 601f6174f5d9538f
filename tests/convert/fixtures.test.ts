import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertBody } from '../../src/convert/convert-body.js';
import { fixtureRecord, readFixtureContext } from './fixture-record.js';

/**
 * The conversion spec: one folder per construct under fixtures/, with `input.html` (the stored
 * body), `expected.md` (the Markdown body) and an optional `context.json` (body format, post meta,
 * attachments, reusable blocks, expected warning codes). Folders are discovered, not listed.
 * Update deliberately with `npx vitest run tests/convert -u`, then read the diff.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const cases = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'input.html')))
  .sort();

describe('convertBody fixtures', () => {
  it('finds the fixture folders', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('%s', async (name) => {
    const folder = join(root, name);
    const context = readFixtureContext(folder);
    const { record, site } = fixtureRecord(readFileSync(join(folder, 'input.html'), 'utf8'), context);
    const { markdown, warnings } = convertBody(record, site);
    await expect(markdown).toMatchFileSnapshot(join(folder, 'expected.md'));
    expect(warnings.map((w) => w.code)).toEqual(context.warnings ?? []);
  });
});
