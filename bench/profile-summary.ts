import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Summarises V8 .cpuprofile files (node --cpu-prof, one per thread) into where the time goes:
 * self time by stage and by source file (package or project file). `npm run bench -- --profile`
 * uses it; on its own:
 *   npx tsx bench/profile-summary.ts <folder with .cpuprofile files> [top]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Stages, matched against the file of a sample's innermost frame (first match wins). A package
 * counts for the stage that uses it: parse5, htmlparser2 and cheerio only run in the body converter.
 */
const STAGES: Array<[string, RegExp]> = [
  ['read: split items, decode', /split-items|\/decode\.[jt]s/],
  ['read: XML parsing (fast-xml-parser)', /^fast-xml-parser$|^path-expression-matcher$|^strnum$/],
  ['read: items -> records (repairs, fields, zod)', /sources\/wxr\/|run\/read-sources|^zod$/],
  ['convert: HTML parsing (parse5, htmlparser2)', /^parse5|^htmlparser2$|convert\/simple-html/],
  ['convert: DOM passes (cheerio)', /^cheerio|^css-select$|^css-what$|^domutils$|^domhandler$|^nth-check$|^boolbase$|^dom-serializer$/],
  ['convert: autop, shortcodes, blocks (@wordpress)', /^@wordpress\/|^memize$/],
  ['convert: turndown', /^turndown|^@mixmark-io\/domino$/],
  ['convert: unpress rules and passes', /(src|dist)\/convert\//],
  ['entities decoding', /^entities$/],
  ['write: front matter (yaml)', /^yaml$/],
  ['write: paths, files, manifest', /(src|dist)\/output\/|pipeline|^\((open|read|write|close|mkdir|rename|stat|fsync|unlink)\w*\)$|^node:internal\/fs/],
  ['worker messaging', /(src|dist)\/run\/worker|convert-records|^\(postMessage\)$|^node:internal\/worker/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['module loading, compilation', /^tsx$|^esbuild$|^node:internal\/modules|^\(program\)$/],
  ['regular expressions (any stage)', /^\(RegExp: /],
  ['idle', /^\(idle\)$/],
  ['node internals', /^node:|^internal\//],
];

function frameKey(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return `(${functionName || 'anonymous'})`.replace(/^\(\((.*)\)\)$/, '($1)');
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.search(/\/(src|dist|bench)\//);
  return src === -1 ? url.replace(/^file:\/\//, '') : url.slice(src + 1);
}

/** Self time (µs) by frame key. */
function selfTimes(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const key = frameKey(node);
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return self;
}

export interface ProfileSummary {
  /** Busy CPU-seconds per thread file (idle excluded), main thread first; `helper`: the first pass's helper thread (index-thread). */
  threads: Array<{ file: string; busy: number; helper: boolean }>;
  busy: number;
  /** Stage -> CPU-seconds, largest first (idle left out). */
  stages: Array<[string, number]>;
  /** Frame key -> CPU-seconds, largest first. */
  files: Array<[string, number]>;
}

export function summarizeProfiles(folder: string): ProfileSummary {
  const names = readdirSync(folder)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => threadOf(a) - threadOf(b));
  const total = new Map<string, number>();
  const threads: ProfileSummary['threads'] = [];
  for (const file of names) {
    const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Profile;
    const self = selfTimes(profile);
    threads.push({ file, busy: busyOf(self) / 1e6, helper: profile.nodes.some((n) => /index-thread\.[jt]s$/.test(n.callFrame.url)) });
    for (const [k, v] of self) total.set(k, (total.get(k) ?? 0) + v);
  }
  const stages = new Map<string, number>();
  for (const [key, value] of total) {
    const stage = STAGES.find(([, re]) => re.test(key))?.[0] ?? 'other';
    if (stage !== 'idle') stages.set(stage, (stages.get(stage) ?? 0) + value / 1e6);
  }
  return {
    threads,
    busy: busyOf(total) / 1e6,
    stages: [...stages].sort((a, b) => b[1] - a[1]),
    files: [...total].filter(([k]) => k !== '(idle)').map(([k, v]): [string, number] => [k, v / 1e6]).sort((a, b) => b[1] - a[1]),
  };
}

/** `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`: thread 0 is the main thread. */
function threadOf(file: string): number {
  return Number(file.split('.')[4] ?? 0);
}

function busyOf(self: Map<string, number>): number {
  let busy = 0;
  for (const [k, v] of self) if (k !== '(idle)') busy += v;
  return busy;
}

/**
 * Threads in the order they started, as in a run of the CLI: its main thread (which only prints),
 * the thread that runs the pipeline (reads, plans, writes), then the conversion workers, and the
 * helper that reads half of a large export in the first pass.
 */
function threadNames(threads: ProfileSummary['threads']): string[] {
  let converters = 0;
  return threads.map((t, i) => (i === 0 ? 'main' : i === 1 ? 'pipeline' : t.helper ? 'first-pass helper' : `converter ${++converters}`));
}

/** The summary as Markdown: threads, then a table of stages with their share. */
export function renderSummary(summary: ProfileSummary, top = 0): string {
  const lines = [
    `Threads (busy CPU-seconds, sampled): ${threadNames(summary.threads).map((name, i) => `${name} ${summary.threads[i]!.busy.toFixed(2)}`).join(', ')}; all ${summary.busy.toFixed(2)}.`,
    '',
    '| stage | CPU s | share |',
    '|---|---:|---:|',
    ...summary.stages.map(([stage, s]) => `| ${stage} | ${s.toFixed(2)} | ${((100 * s) / summary.busy).toFixed(1)} % |`),
  ];
  if (top > 0) {
    lines.push('', 'self time by file:');
    for (const [key, s] of summary.files.slice(0, top)) lines.push(`${((100 * s) / summary.busy).toFixed(1).padStart(5)} %  ${s.toFixed(2).padStart(6)} s  ${key}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: tsx bench/profile-summary.ts <folder> [top]');
    process.exit(2);
  }
  console.log(renderSummary(summarizeProfiles(folder), Number(process.argv[3] ?? 25)));
}
