import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import pLimit from 'p-limit';

/**
 * The only code that touches the output folder. Every file is written atomically (a temporary file
 * in the same folder, then rename), with bounded concurrency so that no export is large enough to
 * run out of file handles. A file whose content is already right is left alone (re-runs are
 * idempotent and cheap). In check mode nothing is written: differences are collected.
 */
export class OutputWriter {
  private readonly limit = pLimit(16);
  private readonly pending = new Set<Promise<void>>();
  readonly differences: string[] = [];
  readonly failures: Array<{ path: string; error: string }> = [];
  private readonly root: string;

  constructor(
    outDir: string,
    private readonly check: boolean,
  ) {
    this.root = resolve(outDir);
  }

  /** Queues a file; resolves once there is room for more (back-pressure for the reader). */
  async write(relativePath: string, content: string): Promise<void> {
    const target = this.resolveInside(relativePath);
    const task = this.limit(() => this.writeOne(relativePath, target, content));
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
    if (this.limit.pendingCount > 64) await Promise.race(this.pending);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Never lets a path leave the output folder, whatever the slug planner produced. */
  private resolveInside(relativePath: string): string {
    const target = resolve(join(this.root, relativePath));
    const rel = relative(this.root, target);
    if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) {
      throw new Error(`refusing to write outside the output folder: ${relativePath}`);
    }
    return target;
  }

  private async writeOne(relativePath: string, target: string, content: string): Promise<void> {
    let existing: string | undefined;
    try {
      existing = await readFile(target, 'utf8');
    } catch {
      existing = undefined;
    }
    if (existing === content) return;
    if (this.check) {
      this.differences.push(existing === undefined ? `${relativePath} (missing)` : relativePath);
      return;
    }
    const temporary = `${target}.${process.pid}.unpress.tmp`;
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temporary, content, 'utf8');
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      this.failures.push({ path: relativePath, error: (error as Error).message });
    }
  }
}
