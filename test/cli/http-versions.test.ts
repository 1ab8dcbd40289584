// `nettutor http versions` as the http CLI contract says: the JSON document,
// the waterfall fitted to the width (golden files), exit codes, and a usage
// error as one line naming what is wrong.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runHttp } from '../../src/cli/http.js';
import { type CliIO, UsageError, usageLine } from '../../src/cli/io.js';
import { expectGolden, expectNoStrayGoldens } from '../helpers/golden.js';

const goldenDir = fileURLToPath(new URL('./__golden__/http-versions/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));

async function versions(args: string[], opts: { tty?: boolean; columns?: number } = {}) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s), isTTY: opts.tty ?? false, columns: opts.columns },
    stderr: { write: (s: string) => (err += s) },
    stdin: { isTTY: false },
    env: {},
    cwd: '.',
  };
  try {
    const code = await runHttp(['versions', ...args], io);
    return { code, stdout: out, stderr: err };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: out, stderr: `${usageLine(error)}\n` };
    throw error;
  }
}

const GOLDENS: Array<[string, string[]]> = [
  ['defaults.unicode.txt', []],
  ['defaults.ascii.txt', ['--ascii-only']],
  ['slow-first.w120.txt', ['--slow', '1:1000', '--requests', '8', '--width', '120']],
  ['slow-first.w56.ascii.txt', ['--slow', '1:1000', '--requests', '8', '--width', '56', '--ascii-only']],
  ['eight-over-two.txt', ['--requests', '8', '--connections', '2', '--rtt', '60', '--server', '20', '--slow', '3:300']],
  ['defaults.json', ['--format', 'json']],
  ['one-request.json', ['--requests', '1', '--rtt', '40', '--server', '10', '--format', 'json']],
];

describe('nettutor http versions', () => {
  it.each(GOLDENS)('prints %s as its golden file', async (name, args) => {
    const r = await versions(args);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expectGolden(`${goldenDir}${name}`, r.stdout);
  });

  it('has no golden file that no test uses', () => {
    expectNoStrayGoldens(
      goldenDir,
      GOLDENS.map(([name]) => name),
    );
  });

  it('prints one JSON document with every mode, each with total, connections and requests', async () => {
    const r = await versions(['--format', 'json', '--requests', '3', '--slow', '1:500', '--slow', '3:0']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.modes)).toEqual(['2', '1.0', '1.1', '1.1-pipelined', '1.1-parallel']);
    for (const mode of Object.values(doc.modes) as Array<Record<string, unknown>>) {
      expect(Object.keys(mode)).toEqual(['total', 'connections', 'requests']);
      for (const q of mode.requests as Array<Record<string, unknown>>) {
        expect(Object.keys(q).slice(0, 4)).toEqual(['i', 'connection', 'sent', 'done']);
      }
    }
    // Worked out by hand: request 1 takes the server 500 ms and request 3 none; RTT 100, others 50.
    // Pipelined: RTT + RTT/2 + (500, 550, 550) + RTT/2.
    expect(doc.modes['1.1-pipelined'].requests.map((q: { done: number }) => q.done)).toEqual([700, 750, 750]);
    // HTTP/2: RTT + RTT + its own server time.
    expect(doc.modes['2'].requests.map((q: { done: number }) => q.done)).toEqual([700, 250, 200]);
    expect(doc.modes['2'].total).toBe(700);
    expect(doc.modes['1.0']).toMatchObject({ total: 1150, connections: 3 });
    expect(doc.settings.slow).toEqual([
      { i: 1, server: 500 },
      { i: 3, server: 0 },
    ]);
  });

  it('fits the waterfall to --width, to the terminal, or to 80 columns', async () => {
    const widest = async (args: string[], opts: { tty?: boolean; columns?: number } = {}) => {
      const r = await versions(args, opts);
      expect(r.code).toBe(0);
      return Math.max(...r.stdout.split('\n').map((l) => stringWidth(l)));
    };
    expect(await widest([])).toBe(80);
    expect(await widest(['--width', '56'])).toBe(56);
    expect(await widest(['--width', '200'])).toBe(200);
    expect(await widest([], { tty: true, columns: 100 })).toBe(100);
    expect(await widest([], { tty: true, columns: 30 })).toBe(56);
    expect(await widest([], { tty: true, columns: 300 })).toBe(200);
    expect(await widest(['--width', '70'], { tty: true, columns: 100 })).toBe(70);
  });

  it('draws one row per request per mode, each ending with when its response arrived', async () => {
    const r = await versions(['--requests', '4', '--width', '90']);
    const rows = r.stdout.split('\n').filter((l) => /^ \d c\d /.test(l));
    expect(rows).toHaveLength(4 * 5);
    expect(rows.map((l) => Number(l.trim().split(/\s+/).at(-1)))).toEqual([
      250, 500, 750, 1000, 250, 400, 550, 700, 250, 300, 350, 400, 250, 250, 250, 250, 250, 250, 250, 250,
    ]);
  });

  it('keeps to 7-bit characters with --ascii-only', async () => {
    for (const args of [[], ['--slow', '2:700', '--width', '56']]) {
      const r = await versions([...args, '--ascii-only']);
      expect(r.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });

  it('gives byte-identical output on every run', async () => {
    for (const format of ['ascii', 'json']) {
      const args = ['--format', format, '--slow', '2:333', '--rtt', '88'];
      expect((await versions(args)).stdout).toBe((await versions(args)).stdout);
    }
  });

  it.each([
    [['--rtt', '101'], '--rtt must be even (half of it is one way, in whole ms), not 101'],
    [['--rtt', 'fast'], "--rtt must be a whole number, not 'fast'"],
    [['--rtt', '0'], '--rtt 0 is out of range: 2 to 10000'],
    [['--requests', '0'], '--requests 0 is out of range: 1 to 50'],
    [['--requests', '51'], '--requests 51 is out of range: 1 to 50'],
    [['--requests', '2.5'], "--requests must be a whole number, not '2.5'"],
    [['--connections', '0'], '--connections 0 is out of range: 1 to 100'],
    [['--server', '-5'], "--server needs a value, found the option '-5' (write --server=-5 if that is the value)"],
    [['--server=-5'], "--server must be a whole number, not '-5'"],
    [['--slow', '3'], "--slow needs REQUEST:MS, such as 3:600 (request 3 takes the server 600 ms), not '3'"],
    [['--slow', 'a:600'], "--slow needs REQUEST:MS, such as 3:600 (request 3 takes the server 600 ms), not 'a:600'"],
    [['--slow', '9:600'], '--slow 9:600: there is no request 9 (requests are numbered 1 to 6)'],
    [['--slow', '0:600'], '--slow 0:600: there is no request 0 (requests are numbered 1 to 6)'],
    [['--slow', '2:70000'], '--slow 2:70000: 70000 ms is out of range: 0 to 60000'],
    [['--slow', '2:100', '--slow', '2:300'], '--slow names request 2 twice'],
    [['--format', 'text'], "--format must be ascii or json, not 'text'"],
    [['--width', '40'], '--width 40 is out of range: the waterfall needs 56 to 200 columns'],
    [['--width', 'wide'], "--width must be a whole number, not 'wide'"],
    [['--rrt', '100'], `unknown option '--rrt' (did you mean "--rtt"?)`],
    [['fast'], "unexpected argument 'fast'"],
  ])('refuses %j with one line saying what is wrong, and status 2', async (args, message) => {
    const r = await versions(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`nettutor: ${message}; try 'nettutor http versions --help'\n`);
  });

  it('runs from the built binary: help, output, and a usage error without a stack trace', () => {
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [bin, 'http', ...args], {
        encoding: 'utf8',
        env: { ...process.env, CI: '' },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const help = run(['versions', '--help']);
    expect(help.code).toBe(0);
    for (const word of [
      '--requests',
      '--rtt',
      '--server',
      '--slow I:MS',
      '--connections',
      '--format',
      '--width',
      '--ascii-only',
    ])
      expect(help.stdout).toContain(word);
    expect(run(['--help']).stdout).toMatch(/nettutor http versions +N requests over HTTP\/1\.0/);
    const json = run(['versions', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).modes['1.1'].total).toBe(1000);
    const bad = run(['versions', '--slow', '7:100']);
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "nettutor: --slow 7:100: there is no request 7 (requests are numbered 1 to 6); try 'nettutor http versions --help'\n",
    });
    expect(run(['verisons']).stderr).toBe(
      `nettutor: unknown http command 'verisons' (did you mean "versions"?) (commands: versions, multipart, forward, gateway); try 'nettutor http --help'\n`,
    );
  });

  it('prints what docs/http.md shows: the waterfall, the JSON, the mistakes', async () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/http.md', import.meta.url)), 'utf8');
    const block = (start: string) => {
      const at = doc.indexOf(start);
      return doc.slice(at, doc.indexOf('```', at)).trimEnd().split('\n');
    };
    // The waterfall's first rows, up to the "…" that stands for the rest.
    const [command, ...shown] = block('$ nettutor http versions --requests 3');
    const out = await versions(command!.split(' ').slice(4));
    expect(shown.at(-1)).toBe('…');
    expect(out.stdout.split('\n').slice(0, shown.length - 1)).toEqual(shown.slice(0, -1));
    // The JSON excerpt: the settings and HTTP/1.1's rows of --requests 2.
    const json = (await versions(['--requests', '2', '--format', 'json'])).stdout;
    for (const line of block('{\n  "settings"').filter((l) => l.includes('"i":') || l.includes('"settings"')))
      expect(json).toContain(line);
    // Each mistake, as the command says it.
    const mistakes = block('nettutor: --rtt must be even');
    const said = await Promise.all(
      [
        ['--rtt', '101'],
        ['--slow', '9:600'],
        ['--slow', '3'],
        ['--requests', '0'],
        ['--format', 'json', '--lang', 'fr'],
      ].map(async (a) => (await versions(a)).stderr.trimEnd()),
    );
    expect(mistakes).toEqual(said);
  });
});

describe('nettutor http versions --lang', () => {
  it('writes the settings, the modes and the legend in Chinese; the waterfall and the default are unchanged', async () => {
    const en = await versions(['--requests', '2', '--width', '60']);
    const zh = await versions(['--requests', '2', '--width', '60', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('2 个请求 · RTT 100 ms');
    expect(zh.stdout).toContain('HTTP/1.1 管线化 — 一个连接，请求一次全部发出，按顺序响应');
    expect(zh.stdout).toContain('░ TCP 握手（1 个 RTT）');
    // The rows of the waterfall are the same in both.
    const rows = (out: string) => out.split('\n').filter((l) => /^ \d c\d /.test(l));
    expect(rows(zh.stdout)).toEqual(rows(en.stdout));
    for (const line of zh.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    expect(await versions(['--lang', 'zh-CN', '--ascii-only', '--requests', '2'])).toEqual(
      await versions(['--ascii-only', '--requests', '2']),
    );
    expect(await versions(['--lang', 'fr'])).toMatchObject({ code: 2 });
  });
});
