import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { readTree, runCli, tempDir } from '../helpers/run.js';
import { writeSiteExport } from '../output/presets/site-fixture.js';

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
  await writeSiteExport(dir, 'http://blog.example');
});

async function configFile(content: unknown, name = 'unpress.config.json'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('unpress.config.json', () => {
  it('gives the options, with paths relative to the file', async () => {
    const config = await configFile({ inputs: ['export.xml'], out: 'site', preset: 'hugo', comments: 'yaml' }, 'a.json');
    const { code } = await runCli(['--config', config]);
    expect(code).toBe(0);
    const tree = await readTree(join(dir, 'site'));
    expect(tree.has('content/posts/premier.md')).toBe(true);
    expect(tree.has('data/comments/second.yaml')).toBe(true);
  });

  it('yields to the flags, option by option', async () => {
    const config = await configFile({ preset: 'hugo', redirects: true }, 'b.json');
    const options = parseCliArgs(['x.xml', '--config', config, '--preset', 'jekyll']);
    expect(options.site).toMatchObject({ preset: 'jekyll', redirects: true, links: 'rewrite' });
    expect(options.inputs).toEqual(['x.xml']);
  });

  it('is read from the working folder when there is one', async () => {
    const folder = join(dir, 'cwd');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'unpress.config.json'), JSON.stringify({ preset: 'astro', out: 'built' }));
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      expect(parseCliArgs([]).site.preset).toBe('astro');
      expect(parseCliArgs([]).out).toBe('built');
    } finally {
      process.chdir(cwd);
    }
  });

  it.each([
    [{ media: 'steal' }, /^unpress: .*c\.json: media /],
    [{ colour: 'blue' }, /colour/],
    [{ download: { concurrency: 0 } }, /download\.concurrency/],
    ['{ not json', /is not valid JSON/],
  ])('refuses %j with a sentence naming the problem (usage error)', async (content, message) => {
    const config = await configFile(content, 'c.json');
    const { code, lines } = await runCli(['--config', config]);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(message);
  });

  it('names a --config file that does not exist', async () => {
    const { code, lines } = await runCli(['--config', join(dir, 'nope.json')]);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/nope\.json cannot be read/);
  });
});
