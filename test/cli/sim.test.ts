import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { UsageError, usageLine } from '../../src/cli/io.js';
import { runSim } from '../../src/cli/sim.js';
import { BUILTIN_SCENARIOS } from '../../src/core/scenario/builtins.js';

function io(opts: { tty?: boolean; columns?: number; cwd?: string } = {}) {
  let out = '';
  let err = '';
  const value: CliIO = {
    stdout: { write: (s: string) => (out += s), isTTY: opts.tty ?? false, columns: opts.columns },
    stderr: { write: (s: string) => (err += s) },
    stdin: { isTTY: false },
    env: {},
    cwd: opts.cwd ?? tmpdir(),
  };
  return { io: value, out: () => out, err: () => err };
}

async function sim(args: string[], opts: Parameters<typeof io>[0] = {}) {
  const x = io(opts);
  try {
    const code = await runSim(args, x.io);
    return { code, stdout: x.out(), stderr: x.err() };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: x.out(), stderr: usageLine(error) };
    throw error;
  }
}

function file(contents: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nettutor-sim-'));
  writeFileSync(join(dir, 'my-scenario.json'), contents);
  return dir;
}

describe('nettutor sim', () => {
  it('lists the built-in scenarios, one per line, name then title', async () => {
    const r = await sim(['--list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/ {2,}/))).toEqual(BUILTIN_SCENARIOS.map((s) => [s.name, s.title]));
    expect(lines[0]).toMatch(/^handshake\s+The three-way handshake$/);
    // The names are padded to one column, so the titles line up.
    expect(new Set(lines.map((l) => l.search(/ {2}\S/) + 2)).size).toBe(1);
    // The scenarios the README names.
    for (const name of ['lost-final-ack', 'no-time-wait', 'old-duplicate-syn-two-way', 'close-wait-leak']) {
      expect(r.stdout).toMatch(new RegExp(`^${name} `, 'm'));
    }
  });

  it('prints one JSON document with the contract example for the handshake', async () => {
    const r = await sim(['handshake', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenario).toBe('handshake');
    expect(doc.events).toHaveLength(13);
    expect(doc.events[7]).toEqual({
      t: 60,
      type: 'send',
      side: 'server',
      id: 2,
      segment: { flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, len: 0 },
    });
    expect(doc.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
  });

  it('prints one sentence per event in the text format', async () => {
    const r = await sim(['handshake', '--format', 'text']);
    expect(r.stdout).toContain('60 ms: the server sends SYN,ACK seq=5000 ack=1001 (segment 2) and enters SYN-RECEIVED');
  });

  it('tells the story first in the text format: the title, then what to watch, wrapped to the width', async () => {
    const s = BUILTIN_SCENARIOS.find((x) => x.name === 'three-segment-close')!;
    for (const [args, opts, width] of [
      [[], {}, 80],
      [['--width', '60'], {}, 60],
      [[], { tty: true, columns: 100 }, 100],
    ] as const) {
      const r = await sim(['three-segment-close', '--format', 'text', ...args], opts);
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines.slice(0, 2)).toEqual([s.title, '']);
      const story = lines.slice(2, lines.indexOf('', 2));
      expect(story.length).toBeGreaterThan(1);
      expect(story.join(' ')).toBe(s.description);
      for (const line of story) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      // Then the sentences, one per event, from the first.
      expect(lines[2 + story.length + 1]).toBe('0 ms: the server application calls listen()');
      // The final states, then (TIME-WAIT having appeared) the run's scale.
      expect(lines.at(-3)).toBe('Final states: client CLOSED, server CLOSED.');
      expect(lines.at(-2)).toMatch(/^Scale: MSL is 1 s here/);
    }
  });

  it('wraps a description by display width: a wide character takes two columns', async () => {
    const description = '服务器在收到客户端的结束报文段后很快也关闭了连接，'.repeat(8);
    const dir = file(JSON.stringify({ title: '三段挥手', description, actions: [] }));
    const r = await sim(['my-scenario.json', '--format', 'text', '--width', '56'], { cwd: dir });
    const story = r.stdout.split('\n').slice(2, -3);
    expect(story.join('')).toBe(description);
    for (const line of story) expect(stringWidth(line)).toBeLessThanOrEqual(56);
    expect(Math.max(...story.map((l) => stringWidth(l)))).toBeGreaterThan(50);
    // A file without a description: the title, then the sentences.
    const bare = file(JSON.stringify({ actions: [] }));
    expect((await sim(['my-scenario.json', '--format', 'text'], { cwd: bare })).stdout).toBe(
      'my-scenario\n\nFinal states: client CLOSED, server CLOSED.\n',
    );
  });

  it('lists each scenario with what to watch, wrapped to the width, with --list --long', async () => {
    for (const [args, opts, width] of [
      [[], {}, 80],
      [['--width', '56'], {}, 56],
      [[], { tty: true, columns: 120 }, 120],
    ] as const) {
      const r = await sim(['--list', '--long', ...args], opts);
      expect(r.code).toBe(0);
      const blocks = r.stdout.trimEnd().split('\n\n');
      expect(blocks).toHaveLength(BUILTIN_SCENARIOS.length);
      blocks.forEach((block, i) => {
        const s = BUILTIN_SCENARIOS[i]!;
        const [head, ...story] = block.split('\n');
        expect(head).toBe(`${s.name}  ${s.title}`);
        expect(story.every((l) => l.startsWith('    ') && stringWidth(l) <= width)).toBe(true);
        expect(story.map((l) => l.trim()).join(' ')).toBe(s.description);
      });
    }
    expect(await sim(['--long'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--long goes with --list'),
    });
  });

  it('keeps to 7-bit characters with --ascii-only in the text format and the long list too', async () => {
    for (const args of [['client-close', '--format', 'text'], ['--list', '--long'], ['--list']]) {
      const r = await sim([...args, '--ascii-only']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    }
    // Typographic characters are folded, not lost: 2·MSL becomes 2.MSL.
    expect((await sim(['client-close', '--format', 'text', '--ascii-only'])).stdout).toContain(
      "the client's TIME-WAIT timer (2.MSL) expires",
    );
  });

  it('writes the sentences in the language --lang names (English where not yet translated), and refuses others', async () => {
    const en = await sim(['handshake', '--format', 'text']);
    // LANG does not change what scripts read: only --lang does.
    const withLang = await sim(['handshake', '--format', 'text', '--lang', 'zh-CN']);
    expect(withLang.code).toBe(0);
    expect(withLang.stdout.split('\n').length).toBe(en.stdout.split('\n').length);
    expect(await sim(['handshake', '--format', 'text', '--lang', 'fr'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--lang fr is not available (languages: en, zh-CN)'),
    });
  });

  it('with --lang zh-CN writes the ladder in Chinese around its technical tokens; the default is unchanged', async () => {
    const en = await sim(['connection-refused', '--width', '60']);
    const zh = await sim(['connection-refused', '--width', '60', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    const [title, , ...rest] = zh.stdout.split('\n');
    expect(title).toBe('没有人监听：连接被拒绝');
    // The same picture, its notes in Chinese: a refused connection, and the final states in a sentence.
    expect(rest.join('\n')).toContain('! 被拒绝');
    expect(zh.stdout).toContain('最终状态：客户端 CLOSED，服务器 CLOSED。');
    expect(en.stdout).toContain('! refused');
    expect(en.stdout).toContain('final: client CLOSED, server CLOSED');
    expect(zh.stdout.split('\n').length).toBe(en.stdout.split('\n').length);
    for (const line of zh.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    // The scale, where TIME-WAIT appears, is Chinese too.
    expect((await sim(['client-close', '--lang', 'zh-CN'])).stdout).toContain('时间比例：这里 MSL 为 1 s');
  });

  it('with --lang zh-CN lists the scenarios by their Chinese titles', async () => {
    const list = (await sim(['--list', '--lang', 'zh-CN'])).stdout;
    expect(list).toMatch(/^handshake +三次握手$/m);
    expect((await sim(['--list', '--long', '--lang', 'zh-CN', '--width', '60'])).stdout).toContain('    服务器监听');
    expect((await sim(['--list'])).stdout).toMatch(/^handshake +The three-way handshake$/m);
  });

  it('with --ascii-only writes English whatever --lang says: Chinese is not 7-bit', async () => {
    for (const args of [['handshake', '--format', 'text'], ['connection-refused'], ['--list', '--long']]) {
      const r = await sim([...args, '--lang', 'zh-CN', '--ascii-only']);
      expect(r.stdout).toBe((await sim([...args, '--ascii-only'])).stdout);
      expect(r.stdout).not.toMatch(/[^\x00-\x7f]/);
    }
  });

  it('gives byte-identical output on every run', async () => {
    for (const format of ['ascii', 'json', 'text']) {
      const a = await sim(['lost-final-ack', '--format', format]);
      const b = await sim(['lost-final-ack', '--format', format]);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('fits the ladder to --width, to the terminal, or to 80 columns', async () => {
    // The ladder uses the whole width: its widest line is exactly as wide as asked.
    const widest = async (args: string[], opts: Parameters<typeof io>[0] = {}) => {
      const r = await sim(['handshake', ...args], opts);
      expect(r.code).toBe(0);
      return Math.max(...r.stdout.split('\n').map((l) => stringWidth(l)));
    };
    expect(await widest(['--width', '120'])).toBe(120);
    expect(await widest(['--width', '56'])).toBe(56);
    expect(await widest([])).toBe(80);
    expect(await widest([], { tty: true, columns: 64 })).toBe(64);
    // A terminal's width is kept within 56 to 200; --width wins over it.
    expect(await widest([], { tty: true, columns: 30 })).toBe(56);
    expect(await widest([], { tty: true, columns: 300 })).toBe(200);
    expect(await widest(['--width', '100'], { tty: true, columns: 64 })).toBe(100);
  });

  it('states the scale after the ladder and after the sentences when TIME-WAIT appears, and only then', async () => {
    const ladder = await sim(['client-close', '--width', '60']);
    const lines = ladder.stdout.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('final: '));
    // After the ladder and its final states, wrapped to the ladder's width.
    expect(lines.slice(at + 1).join(' ')).toBe(
      'Scale: MSL is 1 s here, so TIME-WAIT lasts 2 × MSL = 2 s. RFC 9293 takes MSL = 2 min (TIME-WAIT 4 min); Linux keeps TIME-WAIT for 60 s.',
    );
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    const sentences = await sim(['client-close', '--format', 'text']);
    expect(sentences.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^Scale: MSL is 1 s here.*Linux keeps TIME-WAIT for 60 s\.$/,
    );
    expect((await sim(['client-close', '--ascii-only'])).stdout).toContain('TIME-WAIT lasts 2 x MSL = 2 s');
    for (const format of ['ascii', 'text']) {
      expect((await sim(['handshake', '--format', format])).stdout).not.toContain('Scale:');
    }
    expect((await sim(['client-close', '--format', 'json'])).stdout).not.toContain('Scale:');
  });

  it('uses only 7-bit characters with --ascii-only', async () => {
    const r = await sim(['client-close', '--ascii-only']);
    expect(r.stdout).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('rejects bad usage with status 2 and a hint', async () => {
    expect(await sim(['handshake', '--width', '40'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('56 to 200'),
    });
    expect(await sim(['handshake', '--width', 'wide'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('whole number'),
    });
    expect(await sim(['handshake', '--format', 'xml'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ascii, text or json'),
    });
    expect(await sim(['handshake', '--colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown option '--colour'"),
    });
    expect(await sim([])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs a scenario') });
    expect(await sim(['handshak'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('did you mean "handshake"'),
    });
  });

  it('runs a scenario file, named after the file when it has no name', async () => {
    const dir = file(JSON.stringify({ actions: [{ at: 0, side: 'client', call: 'connect' }] }));
    const r = await sim(['my-scenario.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scenario).toBe('my-scenario');
  });

  it('names the file, the field and what was expected for an invalid scenario', async () => {
    const dir = file(
      JSON.stringify({
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 5, side: 'cleint', call: 'conect' },
        ],
        loss: 2,
      }),
    );
    const r = await sim(['my-scenario.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'nettutor sim: my-scenario.json: actions[1].side: expected "client" or "server", found "cleint"',
    );
    expect(r.stderr).toContain(
      'actions[1].call: expected one of listen, connect, send, close, abort; found "conect" (did you mean "connect"?)',
    );
    expect(r.stderr).toContain('loss: expected a number from 0 to 1, found 2');
    expect(r.stderr).not.toContain('    at ');
  });

  it('checks ackDelayMs: a number of ms from 0 to 3,600,000, with the usual file: field: message', async () => {
    const problems = async (value: unknown, key = 'ackDelayMs') => {
      const dir = file(JSON.stringify({ [key]: value, actions: [] }));
      const r = await sim(['my-scenario.json'], { cwd: dir });
      expect(r.code).toBe(2);
      return r.stderr;
    };
    expect(await problems(-1)).toBe(
      'nettutor sim: my-scenario.json: ackDelayMs: expected a number from 0 to 3600000, found -1\n',
    );
    expect(await problems(3_600_001)).toContain('ackDelayMs: expected a number from 0 to 3600000, found 3600001');
    expect(await problems('200')).toContain('ackDelayMs: expected a number from 0 to 3600000, found "200"');
    expect(await problems(200, 'ackDelay')).toContain('ackDelay: unknown field (did you mean "ackDelayMs"?)');
    for (const ok of [0, 40, 3_600_000]) {
      const dir = file(JSON.stringify({ ackDelayMs: ok, actions: [] }));
      expect((await sim(['my-scenario.json', '--format', 'json'], { cwd: dir })).code).toBe(0);
    }
  });

  it('reports invalid JSON with its line and column', async () => {
    const dir = file('{\n  "actions": [\n    { "at": 0, }\n  ]\n}\n');
    const r = await sim(['my-scenario.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/my-scenario\.json: invalid JSON: \w+ at line 3, column \d+/);
  });

  it('says so when a scenario file does not exist, or is a folder', async () => {
    const r = await sim(['missing/scenario.json']);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    const dir = file('{}');
    expect(await sim(['.'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('. is a folder, not a scenario file'),
    });
  });
});
