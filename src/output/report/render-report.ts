import { describeSource } from '../../model/source-ref.js';
import type { MediaReport } from '../media/library.js';
import type { Manifest } from '../manifest.js';
import type { BodyPair } from './bodies.js';
import { REPORT_SCRIPT, REPORT_STYLE } from './page-assets.js';

export const REPORT_FILE = 'report.html';

export interface ReportInput {
  manifest: Manifest;
  media?: MediaReport;
  /** The side-by-side bodies of written records, by path (some may be missing: budget). */
  bodyOf(path: string): BodyPair | undefined;
  /** Records whose bodies were left out of the page. */
  droppedBodies: number;
}

interface Row {
  status: 'written' | 'skipped' | 'failed';
  title: string;
  type: string;
  path: string;
  source: string;
  notes: string[];
  body?: BodyPair;
}

/**
 * `report.html`: one self-contained page (no network: inline style and script, a CSP that
 * forbids anything else) listing every input item with its fate, warnings and source, totals at
 * the top, a filter, and the original HTML next to the written Markdown for spot checks. The rows
 * are plain HTML (readable without scripts); the script only filters and fills the comparison.
 */
export function renderReport(input: ReportInput): string {
  const { manifest } = input;
  const rows = toRows(input);
  const bodies: Record<string, BodyPair> = {};
  rows.forEach((row, i) => {
    if (row.body) bodies[String(i)] = row.body;
  });
  const withWarnings = manifest.records.filter((r) => r.warnings.length > 0).length;
  const { summary } = manifest;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>unpress report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>unpress report</h1>
<p class="totals">${[
    total('written', summary.written),
    total('skipped', summary.skipped),
    total('failed', summary.failed),
    total('warnings', summary.warnings),
    total('records with warnings', withWarnings),
    ...(input.media ? [total('media files', input.media.files), total('media missing', input.media.missing.length)] : []),
  ].join('\n')}</p>
${fileWarnings(manifest)}${missingMedia(input.media)}<div class="filters">
<label>Filter <input type="search" id="filter" placeholder="title, path, source, warning…" autocomplete="off"></label>
<label>Status <select id="status">
<option value="">all</option>
<option value="written">written</option>
<option value="warnings">with warnings</option>
<option value="skipped">skipped</option>
<option value="failed">failed</option>
</select></label>
<span id="shown" aria-live="polite">${rows.length} of ${rows.length} shown</span>
</div>
</header>
<main>
<table id="records">
<thead><tr><th>Status</th><th>Title</th><th>Type</th><th>Written to</th><th>Source</th><th>Warnings and reasons</th><th></th></tr></thead>
<tbody>
${rows.map(renderRow).join('\n')}
</tbody>
</table>
${input.droppedBodies ? `<p class="note">The comparison is left out for ${input.droppedBodies} record(s): the page would be too large.</p>\n` : ''}<section id="compare" hidden>
<h2 id="compare-title"></h2>
<div class="sides">
<div><h3>Original HTML</h3><pre id="compare-original"></pre></div>
<div><h3>Markdown written</h3><pre id="compare-markdown"></pre></div>
</div>
</section>
</main>
<script type="application/json" id="bodies">${scriptJson(bodies)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function toRows({ manifest, bodyOf }: ReportInput): Row[] {
  const rows: Row[] = [];
  for (const record of manifest.records) {
    const body = bodyOf(record.path);
    rows.push({
      status: 'written',
      title: record.title,
      type: record.type,
      path: record.path,
      source: describeSource(record.source, record.wordpress_id),
      notes: record.warnings.map((w) => `${w.code}: ${w.message}`),
      ...(body ? { body } : {}),
    });
  }
  for (const entry of manifest.skipped) {
    rows.push({ status: 'skipped', title: entry.title ?? '', type: entry.type ?? '', path: '', source: describeSource(entry.source, entry.wordpressId), notes: [entry.reason] });
  }
  for (const entry of manifest.failed) {
    rows.push({ status: 'failed', title: '', type: '', path: '', source: describeSource(entry.source, entry.wordpressId), notes: [entry.error] });
  }
  return rows;
}

function renderRow(row: Row, index: number): string {
  const search = [row.status, row.title, row.type, row.path, row.source, ...row.notes].join(' ').toLowerCase();
  const warnings = row.status === 'written' ? row.notes.length : 0;
  const notes = row.notes.length ? `<ul>${row.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  const button = row.body ? `<button type="button" data-body="${index}">Compare</button>` : '';
  return `<tr class="${row.status}${warnings ? ' warned' : ''}" data-status="${row.status}" data-warnings="${warnings}" data-search="${escapeHtml(search)}"><td>${row.status}</td><td>${escapeHtml(row.title)}</td><td>${escapeHtml(row.type)}</td><td>${escapeHtml(row.path)}</td><td>${escapeHtml(row.source)}</td><td>${notes}</td><td>${button}</td></tr>`;
}

function total(label: string, count: number): string {
  return `<span class="total" data-total="${escapeHtml(label)}"><strong>${count}</strong> ${escapeHtml(label)}</span>`;
}

function fileWarnings(manifest: Manifest): string {
  if (!manifest.warnings.length) return '';
  const items = manifest.warnings.map((w) => `<li>${escapeHtml(w.file)}: ${escapeHtml(w.message)}</li>`).join('');
  return `<details class="file-warnings"><summary>${manifest.warnings.length} warning(s) about whole files</summary><ul>${items}</ul></details>\n`;
}

function missingMedia(media: MediaReport | undefined): string {
  if (!media?.missing.length) return '';
  const items = media.missing.map((m) => `<li>${escapeHtml(m.url)}: ${escapeHtml(m.error)} (${escapeHtml(m.used_by.join(', '))})</li>`).join('');
  return `<details class="media-missing"><summary>${media.missing.length} media file(s) missing</summary><ul>${items}</ul></details>\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON inside a <script> element: `<` escaped so that no `</script>` or `<!--` can end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
