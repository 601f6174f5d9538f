import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { countItems, ProgressBar } from '../../src/cli/progress.js';
import { tempDir } from '../helpers/run.js';

function terminal(): { writes: string[]; columns: number; write(text: string): boolean } {
  return {
    writes: [],
    columns: 100,
    write(text: string) {
      this.writes.push(text);
      return true;
    },
  };
}

describe('progress bar', () => {
  it('shows items done out of the total, items per second and the time left', () => {
    let now = 0;
    const bar = new ProgressBar(terminal(), () => now);
    (bar as unknown as { total: number }).total = 1000;
    for (let i = 0; i < 250; i++) {
      now += 10;
      bar.item();
    }
    expect(bar.line()).toMatch(/^\[#+-+\]\s+25%\s+250\/1,000 items\s+100 items\/s\s+ETA 0:08$/);
  });

  it('shows the count and pace until the total is known', () => {
    let now = 0;
    const bar = new ProgressBar(terminal(), () => now);
    now = 2000;
    for (let i = 0; i < 10; i++) bar.item();
    expect(bar.line()).toBe('unpress 10 items  5 items/s');
  });

  it('counts the items of an export across read chunks', async () => {
    const folder = await tempDir('unpress-progress-');
    const file = join(folder, 'export.xml');
    const filler = 'x'.repeat(4093); // items straddle the 1 MB chunk boundaries at varying offsets
    const items = Array.from({ length: 700 }, (_, i) => `<item${i % 2 ? ' ' : '>'}${filler}</item>`);
    await writeFile(file, `<rss><channel><itemize>${items.join('\n')}</channel></rss>`);
    expect(await countItems([{ kind: 'wxr', path: file }, { kind: 'html', path: 'page.html' }])).toBe(701);
  });

  it('is drawn on a terminal and erased before the report; never with --quiet', async () => {
    const out = await tempDir('unpress-progress-out-');
    const tty = terminal();
    const lines: string[] = [];
    expect(await main(['samples', '--out', out], (l) => lines.push(l), tty)).toBe(0);
    expect(tty.writes.some((w) => / items/.test(w))).toBe(true);
    expect(tty.writes.at(-1)).toBe('\r\x1b[K');
    const quiet = terminal();
    await main(['samples', '--out', out, '--quiet'], () => undefined, quiet);
    expect(quiet.writes).toEqual([]);
  });
});
