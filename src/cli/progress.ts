import { createReadStream } from 'node:fs';
import type { InputFile } from '../inputs.js';
import type { MigrationProgress } from '../pipeline.js';

/** Where the bar is drawn: a terminal (process.stderr, so that stdout stays the report). */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

/** Carriage return, then clear to the end of the line: what erases the bar. */
export const ERASE_LINE = '\r\x1b[K';

const REDRAW_MS = 100;
/** Items per second are measured over this window, so the estimate follows the current pace. */
const RATE_WINDOW_MS = 5000;

/**
 * The progress bar of a run on a terminal: items done (written, skipped or failed) out of the
 * items the inputs hold, items per second and the time left. The total is counted while the run
 * goes (the `<item` tags of each export, one per HTML page), so the bar never delays the run;
 * until it is known only the count and the pace show. `finish()` erases the bar before the
 * report is printed.
 */
export class ProgressBar implements MigrationProgress {
  private done = 0;
  private total: number | undefined;
  private readonly started: number;
  private lastDraw = 0;
  private readonly samples: Array<{ at: number; done: number }> = [];
  private finished = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  start(files: readonly InputFile[]): void {
    void countItems(files).then(
      (total) => {
        this.total = total;
        this.draw(true);
      },
      () => undefined,
    );
    this.draw(true);
  }

  item(): void {
    this.done++;
    this.draw(false);
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.stream.write(ERASE_LINE);
  }

  /** The line as it is drawn now (exported for tests). */
  line(): string {
    const now = this.now();
    this.samples.push({ at: now, done: this.done });
    while (this.samples.length > 2 && now - this.samples[0]!.at > RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const span = (now - first.at) / 1000;
    const rate = span > 0.5 ? (this.done - first.done) / span : this.done / Math.max((now - this.started) / 1000, 0.001);
    const count = this.total !== undefined ? `${num(this.done)}/${num(Math.max(this.total, this.done))} items` : `${num(this.done)} items`;
    const pace = `${num(Math.round(rate))} items/s`;
    if (this.total === undefined || this.total === 0) return `unpress ${count}  ${pace}`;
    const fraction = Math.min(1, this.done / this.total);
    const eta = rate > 0 ? `ETA ${duration(Math.max(0, this.total - this.done) / rate)}` : 'ETA --:--';
    const text = `${String(Math.floor(fraction * 100)).padStart(3)}%  ${count}  ${pace}  ${eta}`;
    const width = Math.max(10, Math.min(30, this.columns() - text.length - 4));
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`;
  }

  private draw(force: boolean): void {
    const now = this.now();
    if (this.finished || (!force && now - this.lastDraw < REDRAW_MS)) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line().slice(0, this.columns() - 1)}\x1b[K`);
  }

  /** The terminal's width (some report 0 columns: then 80). */
  private columns(): number {
    return this.stream.columns || 80;
  }
}

function num(n: number): string {
  return n.toLocaleString('en');
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const ITEM = Buffer.from('<item');

/**
 * Items in the inputs, for the bar's total: `<item` followed by `>` or a space in each export
 * (a fast byte scan, not a parse: an `<item>` written inside a post's CDATA counts too, which is
 * rare and only moves the estimate), and one per HTML page.
 */
export async function countItems(files: readonly InputFile[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (file.kind !== 'wxr') {
      total++;
      continue;
    }
    let carry = Buffer.alloc(0);
    for await (const chunk of createReadStream(file.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      for (let at = bytes.indexOf(ITEM); at !== -1; at = bytes.indexOf(ITEM, at + ITEM.length)) {
        const next = bytes[at + ITEM.length];
        if (next === undefined) break; // decided with the next chunk
        if (next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) total++;
      }
      carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - ITEM.length)));
    }
  }
  return total;
}
