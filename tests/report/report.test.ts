import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/output/report/render-report.js';
import { readManifest, runCli, tempDir } from '../helpers/run.js';
import { writeSiteExport } from '../output/presets/site-fixture.js';

/** Debian's chromium (.ci/run installs it); without it the browser tests are skipped, saying why. */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report.html browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let out: string;
let context: BrowserContext | undefined;
let profile: string | undefined;
let launchError: string | undefined;

beforeAll(async () => {
  const dir = await tempDir();
  const exportFile = await writeSiteExport(dir, 'http://blog.example');
  out = join(dir, 'out');
  // A missing input gives the report a failed row; the export's attachment a skipped one.
  await runCli([exportFile, join(dir, 'missing.xml'), '--out', out, '--report']);
  if (!hasChromium) return;
  profile = await mkdtemp(join(tmpdir(), 'unpress-chromium-'));
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    launchError = (error as Error).message.split('\n')[0] ?? 'unknown error';
    console.warn(`report.html browser tests skipped: ${CHROMIUM} did not start: ${launchError}`);
  }
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('report.html', () => {
  it('is one self-contained file: no external resource, a CSP that forbids loading any', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i);
  });

  it('keeps a body that contains </script> or <!-- inside its data, and escapes titles', () => {
    const manifest = {
      summary: { written: 1, skipped: 0, failed: 0, warnings: 0 },
      records: [{ type: 'post', status: 'publish', title: '<b>Titre</b>', slug: 's', path: 'posts/s.md', categories: [], tags: [], comment_count: 0, source: { kind: 'wxr' as const, file: 'e.xml' }, warnings: [] }],
      skipped: [],
      failed: [],
      warnings: [],
    };
    const html = renderReport({ manifest, bodyOf: () => ({ original: '<script>alert(1)</script><!--', markdown: 'x' }), droppedBodies: 0 });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('\\u003c/script>');
    expect(html).toContain('<td>&lt;b&gt;Titre&lt;/b&gt;</td>');
  });
});

describe.skipIf(!hasChromium)(hasChromium ? 'report.html in headless Chromium' : `report.html in headless Chromium (skipped: ${CHROMIUM} is missing)`, () => {
  beforeEach((test) => {
    if (!context) test.skip(`${CHROMIUM} did not start: ${launchError}`);
  });

  async function open(): Promise<{ page: import('playwright-core').Page; errors: string[] }> {
    const page = await context!.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    return { page, errors };
  }

  it('loads without console errors and lists every record, skipped item and failure, with totals', async () => {
    const { page, errors } = await open();
    const manifest = await readManifest(out);
    const { written, skipped, failed } = manifest.summary;
    expect(await page.locator('#records tbody tr').count()).toBe(written + skipped + failed);
    expect(await page.locator('[data-total="written"]').textContent()).toBe(`${written} written`);
    expect(await page.locator('#records tbody tr.failed').count()).toBe(1);
    expect(await page.locator('#shown').textContent()).toBe(`${written + skipped + failed} of ${written + skipped + failed} shown`);
    expect(errors).toEqual([]);
  });

  it('filters by words and by status', async () => {
    const { page, errors } = await open();
    await page.fill('#filter', 'second');
    expect(await page.locator('#records tbody tr:visible').count()).toBe(1);
    expect(await page.locator('#records tbody tr:visible td').nth(1).textContent()).toBe('Second');
    await page.fill('#filter', '');
    await page.selectOption('#status', 'failed');
    expect(await page.locator('#records tbody tr:visible').count()).toBe(1);
    expect(await page.locator('#records tbody tr:visible').getAttribute('data-status')).toBe('failed');
    await page.selectOption('#status', 'skipped');
    expect(await page.locator('#records tbody tr:visible td').first().textContent()).toBe('skipped');
    expect(errors).toEqual([]);
  });

  it('shows the original HTML next to the written Markdown', async () => {
    const { page, errors } = await open();
    expect(await page.locator('#compare').isVisible()).toBe(false);
    await page.locator('#records tbody tr', { hasText: 'Second' }).getByRole('button', { name: 'Compare' }).click();
    expect(await page.locator('#compare').isVisible()).toBe(true);
    expect(await page.locator('#compare-original').textContent()).toContain('Retour au <a href="http://blog.example/2020/01/01/premier/">premier</a>.');
    expect(await page.locator('#compare-markdown').textContent()).toContain('Retour au [premier](http://blog.example/2020/01/01/premier/).');
    expect(errors).toEqual([]);
  });
});
