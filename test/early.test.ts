// The start bin/nettutor.js runs before anything else (src/early.ts): it draws
// the first home screen only for a start of the tutorial's home screen on a
// terminal, and leaves everything else — help, a subcommand, a mistake on the
// command line, --lesson, --lessons, no terminal, outlines it cannot use — to
// the CLI, having written nothing. What it drew it gives back on request, and
// a signal before the tutorial takes over gives the terminal back.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EarlyHost, startEarlyHome } from '../src/early.js';

const root = new URL('../', import.meta.url).pathname;
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;

class Terminal extends EventEmitter {
  readonly writes: string[] = [];
  constructor(
    readonly isTTY = true,
    public columns = 80,
    public rows = 24,
  ) {
    super();
  }
  write(s: string) {
    this.writes.push(s);
    return true;
  }
}

class Keys extends EventEmitter {
  raw = false;
  constructor(readonly isTTY = true) {
    super();
  }
  setRawMode(raw: boolean) {
    this.raw = raw;
  }
}

const signals: NodeJS.Signals[] = [];
function host(over: Partial<EarlyHost> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nettutor-start-'));
  const stdout = new Terminal();
  const stdin = new Keys();
  const h = {
    stdin,
    stdout,
    env: { LANG: 'en_US.UTF-8', HOME: dir, XDG_DATA_HOME: join(dir, 'data') },
    cwd: dir,
    outlinesFile: join(root, 'dist', 'lesson-outlines.json'),
    version,
    onSignal: (s: NodeJS.Signals) => signals.push(s),
    ...over,
  };
  return { ...h, dir, terminal: h.stdout as Terminal, keys: h.stdin as Keys };
}

const listeners = () => new Set(['SIGINT', 'SIGTERM', 'SIGHUP'].flatMap((s) => process.listeners(s as NodeJS.Signals)));
const before = listeners();
afterEach(() => {
  // No test leaves a handler of the start behind.
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const l of process.listeners(s)) if (!before.has(l)) process.off(s, l);
  }
  signals.length = 0;
});

describe('the start before the CLI loads', () => {
  it('draws the lesson list on a terminal, raw, on the alternate screen, and hands it over', () => {
    const h = host();
    const early = startEarlyHome([], h);
    expect(early).toBeDefined();
    const screen = h.terminal.writes.join('');
    expect(screen).toContain('\u001B[?1049h');
    expect(screen).toContain('The three-way handshake');
    expect(h.keys.raw).toBe(true);
    expect(early!.progressFile).toBe(join(h.dir, 'data', 'nettutor', 'progress.json'));
    expect(early!.progress.lessons).toEqual({});
    // Taken over: its signal handlers are gone (the tutorial's own take their place), and release does nothing.
    early!.adopt();
    expect(listeners()).toEqual(before);
    const written = h.terminal.writes.length;
    early!.release();
    expect(h.terminal.writes.length).toBe(written);
    expect(h.keys.raw).toBe(true);
  });

  const NOTHING: Array<[string, string[], (h: ReturnType<typeof host>) => Partial<EarlyHost>]> = [
    ['--help', ['--help'], () => ({})],
    ['-v', ['-v'], () => ({})],
    ['a subcommand', ['sim', 'handshake'], () => ({})],
    ['an unknown option', ['--colour'], () => ({})],
    ['a language nettutor does not have', ['--lang', 'fr'], () => ({})],
    ['--lesson (Ink draws the page)', ['--lesson', 'handshake'], () => ({})],
    ['--lessons (the CLI reads that folder first)', ['--lessons', '.'], () => ({})],
    ['--progress naming a folder (the CLI says so)', ['--progress', '.'], () => ({})],
    ['no terminal to read keys from', [], () => ({ stdin: new Keys(false) })],
    ['no terminal to draw on', [], () => ({ stdout: new Terminal(false) })],
    ['no outlines file', [], (h) => ({ outlinesFile: join(h.dir, 'none.json') })],
    ['outlines of another version', [], () => ({ version: '0.0.0-other' })],
  ];
  for (const [what, argv, over] of NOTHING) {
    it(`draws nothing and changes nothing for ${what}`, () => {
      const base = host();
      const h = { ...base, ...over(base) };
      expect(startEarlyHome(argv, h)).toBeUndefined();
      expect((h.stdout as Terminal).writes).toEqual([]);
      expect((h.stdin as Keys).raw).toBe(false);
      expect(listeners()).toEqual(before);
    });
  }

  it('says nothing of a command line that is not the tutorial’s, even with NETTUTOR_DEBUG (the CLI reads it)', () => {
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const h = host();
      const debug = { ...h, env: { ...h.env, NETTUTOR_DEBUG: '1' } };
      expect(startEarlyHome(['progress', '--export'], debug)).toBeUndefined();
      expect(startEarlyHome(['--colour'], debug)).toBeUndefined();
      expect(said).not.toHaveBeenCalled();
      // Something unexpected is said, with its stack, and nothing is drawn.
      const broken = { ...debug, stdout: Object.assign(new Terminal(), { columns: Number.NaN, on: undefined }) };
      expect(startEarlyHome([], broken as unknown as EarlyHost)).toBeUndefined();
      expect(said).toHaveBeenCalledWith(expect.stringContaining('nettutor: early start: TypeError'));
    } finally {
      said.mockRestore();
    }
  });

  it('gives the terminal back when the tutorial does not start (release), once', () => {
    const h = host();
    const early = startEarlyHome(['--lang', 'zh-CN'], h)!;
    expect(h.terminal.writes.join('')).toContain('三次握手');
    early.release();
    expect(h.terminal.writes.at(-1)).toBe('\u001B[?1049l\u001B[?25h');
    expect(h.keys.raw).toBe(false);
    expect(listeners()).toEqual(before);
    const written = h.terminal.writes.length;
    early.release();
    expect(h.terminal.writes.length).toBe(written);
    // A resize after that draws nothing.
    h.terminal.emit('resize');
    expect(h.terminal.writes.length).toBe(written);
  });

  it('gives the terminal back on a signal before the tutorial takes over', () => {
    const h = host();
    startEarlyHome([], h);
    const mine = [...process.listeners('SIGTERM')].filter((l) => !before.has(l));
    expect(mine).toHaveLength(1);
    (mine[0] as (s: NodeJS.Signals) => void)('SIGTERM');
    expect(signals).toEqual(['SIGTERM']);
    expect(h.terminal.writes.at(-1)).toBe('\u001B[?1049l\u001B[?25h');
    expect(h.keys.raw).toBe(false);
    expect(listeners()).toEqual(before);
  });

  it('reads the progress named by --progress, relative to the working folder', () => {
    const h = host();
    mkdirSync(join(h.dir, 'mine'));
    const early = startEarlyHome(['--progress', 'mine/p.json', '--ascii-only'], h)!;
    expect(early.progressFile).toBe(join(h.dir, 'mine', 'p.json'));
    // 7-bit characters only, as the option says.
    expect(h.terminal.writes.join('')).not.toMatch(/[^\u0000-\u007f]/);
    early.release();
  });
});
