// `npm run bench:serve`: a workshop on loopback. The built `nettutor serve`
// runs as its own process; N learners (ssh2 clients in this process, N=100 by
// default) connect at once, each waiting for its first frame, pressing keys
// (each timed until the server's answer arrives), resizing and quitting.
// Reported: p50/p95 time to first frame (connect → home screen) and per key,
// the server's RSS per session (with everyone connected after use, and what
// is left after they quit, round after round), and failures.
//
//   BENCH_LEARNERS=100  BENCH_ROUNDS=3  BENCH_KEYS=8  BENCH_THINK_MS=300  npm run bench:serve
//   BENCH_SERVE_ARGS="--workers 0"   more options for `nettutor serve` (here: draw in its own thread)
//
// Figures go to .bench/serve.json. Loopback only; every wait is bounded.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ssh2 from 'ssh2';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.BENCH_LEARNERS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEYS = Number(process.env.BENCH_KEYS ?? 8);
/** Mean pause between a learner's keys, as a person reading the screen presses them (from 0.5x to 1.5x of it). */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 300);
const PASSPHRASE = 'bench passphrase';
const MARKER = 'Enter open';
const TIMEOUT = 30_000;
const SERVE_ARGS = (process.env.BENCH_SERVE_ARGS ?? '').split(' ').filter((a) => a !== '');

const work = mkdtempSync(join(tmpdir(), 'nettutor-bench-serve-'));
writeFileSync(join(work, 'passphrase'), `${PASSPHRASE}\n`);
const env = { ...process.env };
delete env.CI;

const server = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : []),
    join(root, 'bin/nettutor.js'),
    'serve',
    '--port',
    '0',
    '--state-dir',
    join(work, 'state'),
    '--passphrase-file',
    join(work, 'passphrase'),
    '--max-learners',
    String(N + 10),
    '--idle',
    '0',
    '--max-session',
    '0',
    ...SERVE_ARGS,
  ],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
let serverOut = '';
server.stdout.on('data', (d) => {
  serverOut += d;
});
server.stderr.on('data', (d) => {
  serverOut += d;
});
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`the server did not start:\n${serverOut}`)), 15_000);
  const check = () => {
    const m = /Listening on 127\.0\.0\.1:(\d+)/.exec(serverOut);
    if (m) {
      clearTimeout(timer);
      resolve(Number(m[1]));
    } else setTimeout(check, 20);
  };
  check();
});

const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;
/** CPU seconds the server has used (user + system). */
const serverCpu = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** One learner: connect, first frame, keys, resize; then waits at `barrier` before quitting. */
function learner(i, barrier) {
  return new Promise((resolve) => {
    const result = { first: undefined, keys: [], ok: false, error: undefined };
    const client = new ssh2.Client();
    const deadline = setTimeout(() => finish('timed out'), TIMEOUT);
    let raw = '';
    let waiter;
    const waitData = (test) =>
      new Promise((r) => {
        waiter = { test, r };
        if (test()) {
          waiter = undefined;
          r();
        }
      });
    function finish(error) {
      clearTimeout(deadline);
      result.error = error;
      result.ok = !error;
      client.end();
      resolve(result);
    }
    client.on('error', (e) => finish(e.message));
    const t0 = performance.now();
    client.on('ready', () => {
      client.shell({ cols: 80, rows: 24, term: 'xterm-256color' }, async (err, ch) => {
        if (err) return finish(err.message);
        let chunks = 0;
        let exit;
        ch.on('data', (d) => {
          if (result.first === undefined) raw += d;
          chunks++;
          if (waiter?.test()) {
            const w = waiter;
            waiter = undefined;
            w.r();
          }
        });
        ch.on('exit', (code) => {
          exit = code;
        });
        // Colours and cursor moves come between the words of a row: look for the marker in the text alone.
        await waitData(() => raw.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').includes(MARKER));
        raw = '';
        result.first = performance.now() - t0;
        for (let k = 0; k < KEYS; k++) {
          const before = chunks;
          const t = performance.now();
          ch.write(k % 2 === 0 ? '\u001b[B' : '\u001b[A');
          await waitData(() => chunks > before);
          result.keys.push(performance.now() - t);
          await sleep(THINK_MS * (0.5 + Math.random()));
        }
        const before = chunks;
        ch.setWindow(30, 100, 0, 0);
        await waitData(() => chunks > before);
        await barrier.arrive();
        await barrier.released;
        ch.on('close', () => finish(exit === 0 ? undefined : `exit status ${exit}`));
        ch.write('q');
      });
    });
    client.connect({
      host: '127.0.0.1',
      port,
      username: `learner${i}`,
      password: PASSPHRASE,
      readyTimeout: TIMEOUT,
      hostVerifier: () => true,
    });
  });
}

/** Everyone waits here after using the app; the RSS with everyone connected is read before they are let go. */
function makeBarrier(n, onFull) {
  let count = 0;
  let release;
  const released = new Promise((r) => {
    release = r;
  });
  return {
    released,
    async arrive() {
      if (++count === n) {
        await onFull();
        release();
      }
    },
    release: () => release(),
  };
}

const summary = {
  date: new Date().toISOString(),
  node: process.version,
  learners: N,
  keysEach: KEYS,
  thinkMs: THINK_MS,
  serveArgs: SERVE_ARGS,
  rounds: [],
};
try {
  // Warm-up: one learner, so the first round does not measure the JIT compiling the UI.
  await learner(
    'warmup',
    makeBarrier(1, async () => {}),
  );
  await sleep(500);
  const baseline = rss();
  summary.baselineRssMb = baseline;
  console.log(
    `nettutor serve on 127.0.0.1:${port}, ${N} learners at once, ${KEYS} keys each (about ${THINK_MS} ms apart), ${ROUNDS} rounds`,
  );
  console.log(`server RSS after warm-up: ${baseline.toFixed(1)} MB (Node ${process.version})`);
  const drawn = /Learners' screens are drawn [^\n]*/.exec(serverOut)?.[0];
  if (drawn) console.log(drawn);
  summary.drawn = drawn;
  for (let round = 1; round <= ROUNDS; round++) {
    let live = 0;
    const cpu0 = serverCpu();
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    const barrier = makeBarrier(N, async () => {
      await sleep(200);
      live = rss();
    });
    // Whoever fails never reaches the barrier: let the others go after a bounded wait.
    const guard = setTimeout(() => barrier.release(), TIMEOUT);
    const results = await Promise.all(Array.from({ length: N }, (_, i) => learner(`${round}-${i}`, barrier)));
    clearTimeout(guard);
    const wall = (performance.now() - t0) / 1000;
    const cpu = serverCpu() - cpu0;
    const own = process.cpuUsage(own0);
    await sleep(1500);
    const after = rss();
    const firsts = results.filter((r) => r.first !== undefined).map((r) => r.first);
    const keys = results.flatMap((r) => r.keys);
    const failures = results.filter((r) => !r.ok);
    const r = {
      round,
      failures: failures.length,
      failureReasons: [...new Set(failures.map((f) => f.error))],
      firstFrameMs: { p50: pct(firsts, 50), p95: pct(firsts, 95), max: Math.max(...firsts) },
      keyMs: { p50: pct(keys, 50), p95: pct(keys, 95), max: Math.max(...keys) },
      rssLiveMb: live,
      rssPerLiveSessionMb: (live - baseline) / N,
      rssAfterMb: after,
      rssLeftPerSessionMb: (after - baseline) / N,
      seconds: wall,
      serverCpuSeconds: cpu,
      clientsCpuSeconds: (own.user + own.system) / 1e6,
    };
    summary.rounds.push(r);
    const f = (x) => x.toFixed(0).padStart(5);
    console.log(
      `round ${round}: failures ${r.failures}${r.failureReasons.length ? ` (${r.failureReasons.join('; ')})` : ''}; ` +
        `first frame p50 ${f(r.firstFrameMs.p50)} ms p95 ${f(r.firstFrameMs.p95)} ms; ` +
        `key p50 ${f(r.keyMs.p50)} ms p95 ${f(r.keyMs.p95)} ms; ` +
        `RSS ${live.toFixed(0)} MB with all connected (${r.rssPerLiveSessionMb.toFixed(2)} MB/session), ` +
        `${after.toFixed(0)} MB after they quit (${r.rssLeftPerSessionMb.toFixed(2)} MB/session left); ` +
        `${wall.toFixed(1)} s, server CPU ${cpu.toFixed(1)} s, clients' CPU ${r.clientsCpuSeconds.toFixed(1)} s`,
    );
  }
} finally {
  server.kill('SIGTERM');
}
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', 'serve.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log('figures written to .bench/serve.json');
