/** The original HTML and the written Markdown of one record, for the report's side-by-side view. */
export interface BodyPair {
  original: string;
  markdown: string;
}

/** Each side is cut here: a spot check needs the beginning, not a whole book. */
const MAX_SIDE = 200_000;
/** All bodies together stay under this, so the page opens in any browser. */
const MAX_TOTAL = 40_000_000;

/**
 * Keeps, by record path, what the report shows side by side, within a budget (the report is one
 * self-contained file; a huge site gets the comparison for its first records only, and says so).
 */
export class ReportBodies {
  private readonly pairs = new Map<string, BodyPair>();
  private total = 0;
  /** Records whose bodies did not fit. */
  dropped = 0;

  /**
   * Whether a record's bodies fit, decided in input order (records are rendered concurrently when
   * media are fetched): the same records get a comparison on every run.
   */
  admit(originalLength: number, markdownLength: number): boolean {
    const size = Math.min(originalLength, MAX_SIDE) + Math.min(markdownLength, MAX_SIDE) + 200;
    if (this.total + size > MAX_TOTAL) {
      this.dropped++;
      return false;
    }
    this.total += size;
    return true;
  }

  set(path: string, original: string, markdown: string): void {
    this.pairs.set(path, { original: cut(original), markdown: cut(markdown) });
  }

  get(path: string): BodyPair | undefined {
    return this.pairs.get(path);
  }
}

function cut(text: string): string {
  return text.length > MAX_SIDE ? `${text.slice(0, MAX_SIDE)}\n… (cut at ${MAX_SIDE} characters)` : text;
}
