import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';
import { readManifest, runCli, tempDir } from '../helpers/run.js';
import { exportOf, frontMatterOf, item, listTree } from './helpers.js';

const POSTS = 500;
const KILL_AFTER_FILES = 30;

/** Starts the real CLI (npx tsx), in its own process group so that SIGKILL reaches every process. */
function startCli(args: string[]): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; kill: () => void } {
  const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: repoRoot, detached: true, stdio: 'ignore' });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { done, kill: () => process.kill(-child.pid!, 'SIGKILL') };
}

async function countPosts(out: string): Promise<number> {
  try {
    return (await readdir(join(out, 'posts'))).filter((name) => name.endsWith('.md')).length;
  } catch {
    return 0;
  }
}

describe('a run killed midway', () => {
  it('leaves only complete files, and a second run completes the job without duplicates', async () => {
    const dir = await tempDir('unpress-kill-');
    const content = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40)}</p>`;
    const items = Array.from({ length: POSTS }, (_, i) => item({ post_id: String(i + 1), post_name: `post-${i + 1}`, title: `Post ${i + 1}`, content }));
    const input = join(dir, 'big.xml');
    await writeFile(input, exportOf(items));
    const out = join(dir, 'out');

    const run = startCli([input, '--out', out, '--quiet']);
    let exited = false;
    void run.done.then(() => (exited = true));
    while (!exited && (await countPosts(out)) < KILL_AFTER_FILES) await sleep(20);
    run.kill();
    const { signal, code } = await run.done;
    expect(signal, `the run ended by itself (exit code ${code}) before it could be killed`).toBe('SIGKILL');

    const afterKill = await listTree(out);
    expect(afterKill).not.toContain('manifest.json');
    const killedFiles = afterKill.filter((p) => p.startsWith('posts/') && p.endsWith('.md'));
    expect(killedFiles.length).toBeGreaterThanOrEqual(KILL_AFTER_FILES);
    expect(killedFiles.length).toBeLessThan(POSTS);
    for (const path of afterKill) expect(path).toMatch(/^(posts\/post-\d+\.md|posts\/post-\d+\.md\.\d+\.unpress\.tmp|\.unpress-journal)$/);
    const contentAfterKill = new Map<string, string>();
    for (const path of killedFiles) {
      const text = await readFile(join(out, path), 'utf8');
      expect(frontMatterOf(text)['title'], path).toMatch(/^Post \d+$/);
      contentAfterKill.set(path, text);
    }

    const second = await runCli([input, '--out', out, '--quiet']);
    expect(second.code).toBe(0);
    expect(second.lines.at(-1)).toMatch(new RegExp(`^${POSTS} written, 0 skipped, 0 failed`));
    const final = await listTree(out);
    expect(final).toEqual(['manifest.json', ...Array.from({ length: POSTS }, (_, i) => `posts/post-${i + 1}.md`), 'taxonomies.json'].sort());
    // What the killed run left was already complete: the second run found nothing to change.
    for (const [path, text] of contentAfterKill) expect(await readFile(join(out, path), 'utf8'), path).toBe(text);
    expect((await readManifest(out)).records).toHaveLength(POSTS);
  });
});
