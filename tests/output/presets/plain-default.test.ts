import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, type RenderedRecord } from '../../../src/index.js';
import { renderMarkdownFile, toFrontMatter } from '../../../src/output/front-matter.js';
import { repoRoot } from '../../helpers/corpus.js';
import { readTree, tempDir } from '../../helpers/run.js';

describe('the default (plain) output', () => {
  it('is, file by file, the documented front matter and the converted body, and nothing else', async () => {
    const out = await tempDir();
    const seen: RenderedRecord[] = [];
    await migrate({ inputs: [join(repoRoot, 'samples')], out, onRecord: (r) => void seen.push(r) });
    expect(seen.length).toBeGreaterThan(10);
    for (const { record, markdown, content, path } of seen) {
      expect(content, path).toBe(renderMarkdownFile(toFrontMatter(record), markdown));
      expect(path, path).toMatch(/^(posts|pages)\/[^/]+\.md$/);
    }
    const files = [...(await readTree(out)).keys()].filter((p) => !p.endsWith('.md'));
    expect(files.sort()).toEqual(['manifest.json', 'taxonomies.json']);
  });
});
