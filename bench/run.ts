import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticExport } from './generate.js';
import { renderSummary, summarizeProfiles } from './profile-summary.js';

/**
 * `npm run bench [-- sizes...] [--repeat N] [--no-wetm] [--no-build] [--keep] [--no-write] [--profile [N]]`
 *
 * Generates seeded synthetic exports (bench/generate.ts) of the given numbers of posts (default
 * 1,000, 10,000 and 50,000) in a temporary folder, then times, on the same files, the built CLI
 * (`node dist/cli/main.js`) and wordpress-export-to-markdown, installed from the npm registry at
 * a pinned version into that temporary folder (never a dependency of the project), with images
 * off and its write delay set to 0, its fastest setting. Each tool runs in a child process:
 * wall time, CPU time and peak RSS (/usr/bin/time, or /proc polling) are the child's. The table
 * goes to BENCHMARKS.md, between its bench markers. `--profile [N]` adds one more, untimed run of
 * unpress on N posts (default: the largest size up to 10,000) under `node --cpu-prof` and reports
 * where its CPU time goes, stage by stage.
 */

const WETM = 'wordpress-export-to-markdown';
const WETM_VERSION = '2.2.2';
const DEFAULT_SIZES = [1000, 10000, 50000];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  sizes: number[];
  repeat: number;
  wetm: boolean;
  build: boolean;
  keep: boolean;
  write: boolean;
  /** Sizes profiled (`--profile`: the largest size up to 10,000; `--profile N`: that one). */
  profile: number[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [], repeat: 1, wetm: true, build: true, keep: false, write: true, profile: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--repeat') args.repeat = Math.max(1, Number(argv[++i]) || 1);
    else if (arg === '--no-wetm') args.wetm = false;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--keep') args.keep = true;
    else if (arg === '--no-write') args.write = false;
    else if (arg === '--profile') {
      const size = argv[i + 1] !== undefined && /^\d+k?$/i.test(argv[i + 1]!) ? sizeOf(argv[++i]!) : 0;
      args.profile.push(size);
    }
    else if (/^\d+k?$/i.test(arg)) args.sizes.push(sizeOf(arg));
    else throw new Error(`unknown argument ${arg} (sizes, --repeat N, --no-wetm, --no-build, --keep, --no-write, --profile [N])`);
  }
  if (args.sizes.length === 0) args.sizes = DEFAULT_SIZES;
  if (args.profile.includes(0)) {
    const small = args.sizes.filter((n) => n <= 10000);
    args.profile = [...args.profile.filter((n) => n > 0), small.length ? Math.max(...small) : Math.min(...args.sizes)];
  }
  return args;
}

function sizeOf(arg: string): number {
  return arg.toLowerCase().endsWith('k') ? Number(arg.slice(0, -1)) * 1000 : Number(arg);
}

interface Run {
  wall: number;
  cpu?: number;
  peakRssMb?: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command, measuring its wall time, CPU time and peak RSS. */
async function measure(command: string, args: string[], cwd: string): Promise<Run> {
  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const argv = useTime ? ['-v', command, ...args] : args;
  const start = process.hrtime.bigint();
  const child = spawn(useTime ? timeBin : command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let polledPeak = 0;
  child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-20000)));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20000)));
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          polledPeak = Math.max(polledPeak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        } catch {
          // the process has ended
        }
      }, 25);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (poll) clearInterval(poll);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (!useTime) return { wall, code, stdout, stderr, ...(polledPeak ? { peakRssMb: polledPeak / 1024 } : {}) };
  const field = (name: string): string | undefined => new RegExp(`${name}: (.*)`).exec(stderr)?.[1]?.trim();
  const rss = Number(field('Maximum resident set size \\(kbytes\\)'));
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  const exit = Number(field('Exit status'));
  const own = stderr.split(/\n\s*Command being timed:/)[0] ?? '';
  return { wall, cpu, peakRssMb: rss / 1024, code: Number.isFinite(exit) ? exit : code, stdout, stderr: own };
}

function countFiles(folder: string, ext: string): number {
  if (!existsSync(folder)) return 0;
  let n = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countFiles(join(folder, entry.name), ext);
    else if (entry.name.endsWith(ext)) n++;
  }
  return n;
}

/** Installs the pinned converter into the temporary folder and sets its write delay to 0. */
function installWetm(tmp: string): { script?: string; note: string } {
  const prefix = join(tmp, 'wetm');
  try {
    execFileSync('npm', ['install', '--prefix', prefix, `${WETM}@${WETM_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], { stdio: 'inherit' });
  } catch (error) {
    return { note: `could not install ${WETM}@${WETM_VERSION} from the registry (${(error as Error).message.split('\n')[0]})` };
  }
  const pkg = join(prefix, 'node_modules', WETM);
  const settings = join(pkg, 'src', 'settings.js');
  const text = readFileSync(settings, 'utf8');
  const patched = text.replace(/exports\.markdown_file_write_delay = \d+;/, 'exports.markdown_file_write_delay = 0;');
  if (patched === text) return { note: `${settings} has no markdown_file_write_delay setting to set to 0` };
  writeFileSync(settings, patched);
  return { script: join(pkg, 'index.js'), note: `${WETM}@${WETM_VERSION}, markdown_file_write_delay = 0 (src/settings.js), images off` };
}

interface Row {
  posts: number;
  bytes: number;
  tool: string;
  runs: Run[];
  outcome: string;
  ok: boolean;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

function best(runs: Run[]): Run {
  return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
}

function tableOf(rows: Row[]): string {
  const lines = [
    '| posts | export | tool | wall (s) | posts/s | MB/s | CPU (s) | peak RSS (MB) | result | unpress speed-up |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    const run = best(row.runs);
    const mb = row.bytes / 1e6;
    const walls = row.runs.map((r) => fmt(r.wall)).join(' / ');
    const unpress = rows.find((r) => r.posts === row.posts && r.tool === 'unpress');
    const ratio =
      row.tool !== 'unpress' && unpress?.ok && row.ok ? `${fmt(best(row.runs).wall / best(unpress.runs).wall, 2)}x` : row.tool === 'unpress' ? '' : 'n/a';
    lines.push(
      `| ${row.posts.toLocaleString('en')} | ${fmt(mb, 0)} MB | ${row.tool} | ${row.ok ? walls : `(${walls})`} | ${row.ok ? fmt(row.posts / run.wall, 0) : '–'} | ${row.ok ? fmt(mb / run.wall) : '–'} | ${run.cpu !== undefined ? fmt(run.cpu) : '?'} | ${run.peakRssMb !== undefined ? fmt(run.peakRssMb, 0) : '?'} | ${row.outcome} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}

function writeReport(table: string, notes: string[], profiles: string[], args: Args): void {
  const file = join(root, 'BENCHMARKS.md');
  const cpu = cpus();
  const section = [
    '<!-- bench:start (written by `npm run bench`; edit outside the markers) -->',
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: \`npm run bench -- ${args.sizes.join(' ')}${args.repeat > 1 ? ` --repeat ${args.repeat}` : ''}\`, ` +
      `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(totalmem() / 2 ** 30, 0)} GB RAM, Node ${process.version}.`,
    '',
    table,
    '',
    ...notes.map((n) => `- ${n}`),
    ...profiles.flatMap((p) => ['', p]),
    '<!-- bench:end -->',
  ].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
  const updated = current.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, section);
  writeFileSync(file, updated === current && !current.includes('bench:start') ? `${current}\n${section}\n` : updated);
  console.log(`\nwrote ${file}`);
}

/** One more run of unpress under the V8 profiler (slower: not timed), summarized by stage. */
async function profileRun(cli: string, file: string, tmp: string, posts: number): Promise<string> {
  const folder = join(tmp, `profile-${posts}`);
  const out = mkdtempSync(join(tmp, `out-profile-${posts}-`)); // removed with the rest at the end (see main)
  rmSync(folder, { recursive: true, force: true });
  const run = await measure(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${folder}`, cli, file, '--out', out, '--quiet'], tmp);
  if (run.code !== 0) return `Profile of ${posts.toLocaleString('en')} posts: the profiled run failed (exit ${run.code})`;
  const summary = renderSummary(summarizeProfiles(folder));
  rmSync(folder, { recursive: true, force: true });
  return `Where unpress's CPU time goes, ${posts.toLocaleString('en')} posts (one more run under \`node --cpu-prof\`, self time by stage; sampling slows it, so shares, not times, are the point):\n\n${summary}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    console.log('building dist/ (tsc -p tsconfig.build.json)...');
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    } catch {
      console.log('tsc reported errors; measuring what it emitted in dist/');
    }
  }
  const cli = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build`);
  const tmp = mkdtempSync(join(tmpdir(), 'unpress-bench-'));
  console.log(`working in ${tmp}`);
  const notes: string[] = [];
  const profiles: string[] = [];
  const rows: Row[] = [];
  const loadStart = loadavg()[0]!;
  // Every run writes into a new folder, and the folders are removed only at the end: removing
  // thousands of files makes ext4 slower to create the next ones for a while (it steps over
  // recently freed inodes), which would slow whichever run comes next.
  let runNumber = 0;
  const outFolder = (tool: string, posts: number): string => join(tmp, `out-${tool}-${posts}-${++runNumber}`);
  try {
    const wetm = args.wetm ? installWetm(tmp) : { note: `${WETM} not run (--no-wetm)` };
    notes.push(wetm.note);
    for (const posts of args.sizes) {
      const file = join(tmp, `export-${posts}.xml`);
      const started = Date.now();
      const bytes = writeSyntheticExport(file, posts, 1);
      console.log(`\n${posts} posts: ${fmt(bytes / 1e6)} MB export generated in ${fmt((Date.now() - started) / 1000)} s`);

      // The two tools take turns (unpress, then the other, repeat times): the machine's speed
      // drifts over minutes, and runs side by side see the same drift.
      const unpress = { runs: [] as Run[], outcome: '', ok: true };
      const other = { runs: [] as Run[], outcome: '', ok: true };
      for (let r = 0; r < args.repeat; r++) {
        const out = outFolder('unpress', posts);
        const run = await measure(process.execPath, [cli, file, '--out', out, '--quiet'], tmp);
        unpress.runs.push(run);
        const summary = run.stdout.trim().split('\n').pop() ?? '';
        const written = Number(/^(\d+) written/.exec(summary)?.[1] ?? -1);
        unpress.ok &&= run.code === 0 && written > 0;
        unpress.outcome = run.code === 0 ? `${written.toLocaleString('en')} written` : `exit ${run.code}: ${summary || run.stderr.trim().split('\n').pop()}`;
        console.log(`  unpress: ${fmt(run.wall, 2)} s wall, ${run.cpu !== undefined ? fmt(run.cpu) : '?'} s CPU, ${fmt(run.peakRssMb ?? 0, 0)} MB peak RSS, ${summary}`);

        if (wetm.script) {
          const out = outFolder('wetm', posts);
          const run = await measure(
            process.execPath,
            [wetm.script, '--wizard=false', `--input=${file}`, `--output=${out}`, '--save-attached-images=false', '--save-scraped-images=false', '--post-folders=false', '--include-other-types=true'],
            tmp,
          );
          other.runs.push(run);
          const files = countFiles(out, '.md');
          const halted = /Something went wrong/.test(run.stdout);
          const reason = /Cannot create a string longer|ERR_STRING_TOO_LONG|heap out of memory/i.exec(run.stderr + run.stdout)?.[0];
          other.ok &&= run.code === 0 && !halted && files > 0;
          other.outcome = halted || files === 0 ? `failed (exit ${run.code}${reason ? `, ${reason}` : ''}), ${files} files` : `${files.toLocaleString('en')} written`;
          console.log(`  ${WETM}: ${fmt(run.wall, 2)} s wall, ${run.cpu !== undefined ? fmt(run.cpu) : '?'} s CPU, ${fmt(run.peakRssMb ?? 0, 0)} MB peak RSS, ${other.outcome}`);
        }
      }
      rows.push({ posts, bytes, tool: 'unpress', runs: unpress.runs, outcome: unpress.outcome, ok: unpress.ok });
      if (wetm.script) rows.push({ posts, bytes, tool: `${WETM} ${WETM_VERSION}`, runs: other.runs, outcome: other.outcome, ok: other.ok });
      if (args.profile.includes(posts)) {
        const profile = await profileRun(cli, file, tmp, posts);
        console.log(`\n${profile}\n`);
        profiles.push(profile);
      }
      if (!args.keep) rmSync(file, { force: true });
    }
  } finally {
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
  }
  const loadEnd = loadavg()[0]!;
  notes.push(
    `wall times of ${args.repeat} run(s) each, the tools taking turns, the best first in posts/s and MB/s; CPU = user + system time of the child process (all its threads); peak RSS = its maximum resident set size`,
    `load average (1 min) ${fmt(loadStart, 2)} at the start, ${fmt(loadEnd, 2)} at the end: other work on the machine slows wall times`,
    `unpress writes posts and pages (drafts included) with front matter, manifest and taxonomies; ${WETM} writes published posts and, with --include-other-types, pages`,
  );
  const table = tableOf(rows);
  console.log(`\n${table}\n`);
  if (args.write) writeReport(table, notes, profiles, args);
  console.log(`(free memory now ${fmt(freemem() / 2 ** 30, 1)} GB; export folder ${args.keep ? `kept: ${tmp}` : 'removed'})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
