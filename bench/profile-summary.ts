import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Summarises V8 .cpuprofile files (node --cpu-prof, one per thread) into where the time goes:
 * self time by source file (package or project file) and by stage. Usage:
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

/** Stages, matched against the file a sample's innermost frame is in (first match wins). */
const STAGES: Array<[string, RegExp]> = [
  ['turndown (+ domino HTML parsing)', /turndown|domino/],
  ['autop', /@wordpress\/autop/],
  ['block parser', /block-serialization-default-parser/],
  ['fast-xml-parser', /^fast-xml-parser$|^path-expression-matcher$|^strnum$/],
  ['entities decoding', /^entities$/],
  ['zod validation', /^zod$/],
  ['yaml front matter', /^yaml$/],
  ['file system', /^\((open|read|write|close|mkdir|rename|stat)\w*\)$|^node:internal\/fs/],
  ['TypeScript loader (tsx, dev only)', /^tsx$|^esbuild$|^node:internal\/modules/],
  ['split items / decode', /split-items|decode\.ts|decode\.js/],
  ['parse item / records', /sources\/wxr\//],
  ['convert (project code)', /src\/convert|dist\/convert/],
  ['worker messaging', /src\/run\/worker|dist\/run\/worker|convert-records/],
  ['output (paths, writes, manifest)', /src\/output|dist\/output|pipeline/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
  ['(program): native code, compilation', /^\(program\)$/],
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

function summarize(profile: Profile): Map<string, number> {
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

const folder = process.argv[2];
if (!folder) {
  console.error('usage: tsx bench/profile-summary.ts <folder> [top]');
  process.exit(2);
}
const top = Number(process.argv[3] ?? 25);
const files = readdirSync(folder).filter((f) => f.endsWith('.cpuprofile'));
const total = new Map<string, number>();
for (const file of files) {
  const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Profile;
  const self = summarize(profile);
  const busy = [...self].filter(([k]) => k !== '(idle)' && k !== '(program)').reduce((s, [, v]) => s + v, 0);
  console.log(`${file}: ${(busy / 1e6).toFixed(2)} s busy`);
  for (const [k, v] of self) total.set(k, (total.get(k) ?? 0) + v);
}
const busy = [...total].filter(([k]) => k !== '(idle)' && k !== '(program)').reduce((s, [, v]) => s + v, 0);
console.log(`\nall threads: ${(busy / 1e6).toFixed(2)} CPU-seconds busy (idle excluded)\n`);
const stages = new Map<string, number>();
const other: Array<[string, number]> = [];
for (const [key, value] of total) {
  const stage = STAGES.find(([, re]) => re.test(key))?.[0] ?? 'other';
  if (stage === 'other') other.push([key, value]);
  stages.set(stage, (stages.get(stage) ?? 0) + value);
}
console.log('stage | CPU s | share');
for (const [stage, value] of [...stages].sort((a, b) => b[1] - a[1])) {
  if (stage === 'idle') continue;
  console.log(`${stage} | ${(value / 1e6).toFixed(2)} | ${((100 * value) / busy).toFixed(1)} %`);
}
console.log(`other: ${other.sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)}`).join(', ')}`);
console.log('\nself time by file:');
for (const [key, value] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((100 * value) / busy).toFixed(1).padStart(5)} %  ${(value / 1e6).toFixed(2).padStart(6)} s  ${key}`);
}
