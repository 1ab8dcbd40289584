// The first home screen drawn before Ink has loaded, and Ink taking over from
// it, through the tutorial's real start on a terminal emulator
// (@xterm/headless) — drawn by the start bin/nettutor.js runs first
// (src/early.ts, from the lessons' outlines), or by startTutor itself when
// that start drew nothing (--lessons, say): the early frame must be, cell by
// cell and attribute by attribute, the screen Ink alone draws; taking over must write nothing when
// nothing changed; keys typed before, during and after the takeover must each
// be handled once, in order; a resize before the takeover is honoured.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import chalk from 'chalk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTutor } from '../../src/cli/tutor.js';
import { type EarlyHome, startEarlyHome } from '../../src/early.js';
import type { TutorOptions } from '../../src/cli/tutor-options.js';
import { text } from '../../src/core/i18n/localize.js';
import { readCompiledLessons } from '../../src/node/builtin-lessons.js';

const { Terminal } = xterm;
const root = fileURLToPath(new URL('../..', import.meta.url));
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const env = {
  builtinLessonsDir: join(root, 'lessons'),
  compiledLessonsFile: join(root, 'dist', 'lessons.json'),
  version,
};
const compiled = readCompiledLessons(env.compiledLessonsFile, env.builtinLessonsDir, version);
if (!compiled.ok) throw new Error(`dist/lessons.json: ${compiled.reason} (the test setup builds it)`);
const lessons = compiled.loaded.lessons;
// Loaded once, so that a test's gate alone decides when Ink arrives.
const ui = await import('../../src/ui/render-app.js');

/** The learner's terminal: an emulator, and every write kept. */
class Tty extends EventEmitter {
  readonly writes: string[] = [];
  readonly isTTY = true;
  readonly term: InstanceType<typeof Terminal>;
  constructor(
    public columns = 80,
    public rows = 24,
  ) {
    super();
    this.term = new Terminal({ cols: columns, rows, allowProposedApi: true });
  }
  write(s: string) {
    this.writes.push(String(s));
    this.term.write(String(s));
    return true;
  }
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.term.resize(columns, rows);
    this.emit('resize');
  }
  /**
   * Every cell of the screen, row by row: the characters (an empty cell is `·`, distinct from a written space),
   * then each run of cells with the same width, colours and attributes.
   */
  async cells(): Promise<string[]> {
    await new Promise<void>((r) => this.term.write('', r));
    const buffer = this.term.buffer.active;
    const cell = buffer.getNullCell();
    const rows: string[] = [];
    for (let y = 0; y < this.rows; y++) {
      const line = buffer.getLine(y);
      let chars = '';
      const runs: string[] = [];
      let last = '';
      for (let x = 0; x < this.columns; x++) {
        line?.getCell(x, cell);
        chars += cell.getChars() === '' ? (cell.getWidth() === 0 ? '' : '·') : cell.getChars();
        const look = [
          `w${cell.getWidth()}`,
          `fg${cell.getFgColorMode()}:${cell.getFgColor()}`,
          `bg${cell.getBgColorMode()}:${cell.getBgColor()}`,
          cell.isBold() ? 'bold' : '',
          cell.isDim() ? 'dim' : '',
          cell.isItalic() ? 'italic' : '',
          cell.isUnderline() ? 'underline' : '',
          cell.isInverse() ? 'inverse' : '',
          cell.isStrikethrough() ? 'strike' : '',
        ]
          .filter(Boolean)
          .join(',');
        if (look !== last) runs.push(`${x}:${look}`);
        last = look;
      }
      rows.push(`${chars} | ${runs.join(' ')}`);
    }
    return rows;
  }
  async text(): Promise<string[]> {
    await new Promise<void>((r) => this.term.write('', r));
    const out: string[] = [];
    for (let y = 0; y < this.rows; y++) out.push(this.term.buffer.active.getLine(y)?.translateToString(true) ?? '');
    return out;
  }
}

/**
 * The keyboard as the terminal's input queue: keys pressed wait there until read, and one read takes all of
 * them at once, as a read of a terminal does.
 */
class Keyboard extends EventEmitter {
  readonly isTTY = true;
  raw = false;
  private pending = '';
  constructor() {
    super();
    this.on('newListener', (event) => {
      if (event === 'readable') setImmediate(() => this.pending && this.emit('readable'));
    });
  }
  setRawMode(raw: boolean) {
    this.raw = raw;
    return this;
  }
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read = () => {
    if (!this.pending) return null;
    const all = this.pending;
    this.pending = '';
    return all;
  };
  press(keys: string) {
    this.pending += keys;
    if (this.reading) setImmediate(() => this.pending && this.emit('readable'));
  }
  /** Ink reads the keyboard. */
  get reading() {
    return this.listenerCount('readable') > 0;
  }
}

/** Who draws the early frame: the start bin/nettutor.js runs first (src/early.ts), or startTutor itself. */
type Via = 'start' | 'tutor';
const VIAS: Via[] = ['start', 'tutor'];
const outlinesFile = join(root, 'dist', 'lesson-outlines.json');

/** The command line of these options, as a learner types it. */
function argvOf(o: TutorOptions): string[] {
  return [
    ...(o.lesson ? ['--lesson', o.lesson] : []),
    ...(o.lang ? ['--lang', o.lang] : []),
    ...(o.asciiOnly ? ['--ascii-only'] : []),
    ...(o.noColor ? ['--no-color'] : []),
    ...(o.lessons ? ['--lessons', o.lessons] : []),
    ...(o.progress ? ['--progress', o.progress] : []),
  ];
}

const DOWN = '\u001B[B';
const UP = '\u001B[A';

interface Run {
  tty: Tty;
  keyboard: Keyboard;
  /** Lets Ink load (the UI chunk "arrives"). */
  open: () => void;
  done: Promise<number>;
}

const running: Run[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    r.open();
    r.keyboard.press('\u0003');
    await r.done.catch(() => {});
  }
});

function start(
  options: Partial<TutorOptions> = {},
  {
    columns = 80,
    rows = 24,
    earlyFrame = true,
    progress = '',
    dir = mkdtempSync(join(tmpdir(), 'nettutor-early-')),
    environment = {} as Record<string, string>,
    via = 'start' as Via,
  } = {},
): Run {
  const progressFile = join(dir, 'progress.json');
  if (progress) writeFileSync(progressFile, progress);
  const tty = new Tty(columns, rows);
  const keyboard = new Keyboard();
  const all = { asciiOnly: false, noColor: false, progress: progressFile, ...options };
  const io = {
    stdout: tty,
    stderr: { write: () => true },
    stdin: keyboard,
    env: { LANG: 'en_US.UTF-8', ...environment },
    cwd: dir,
  };
  let drawn: EarlyHome | undefined;
  if (via === 'start' && earlyFrame) {
    drawn = startEarlyHome(argvOf(all), { ...io, outlinesFile, version });
    // The start draws the list whenever the tutorial does (not with --lesson, which Ink draws).
    expect(drawn !== undefined).toBe(!all.lesson);
  }
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const done = startTutor(all, io, env, {
    earlyFrame,
    early: drawn,
    loadUi: async () => {
      await gate;
      return ui;
    },
    // The V8 flags would hold for every later test in this process; the end-to-end tests start with them.
    holdMemory: () => {},
  });
  const run = { tty, keyboard, open, done };
  running.push(run);
  return run;
}

/** The screen Ink alone draws for the same start: the reference. */
async function inkAlone(options: Partial<TutorOptions>, size: Parameters<typeof start>[1] = {}): Promise<Run> {
  const run = start(options, { ...size, earlyFrame: false });
  run.open();
  await vi.waitFor(() => expect(run.keyboard.reading).toBe(true), { timeout: 5000, interval: 5 });
  return run;
}

/** Starts with Ink held back, and waits for the early frame (drawn, with the terminal raw, in one go). */
async function earlyRun(options: Partial<TutorOptions>, size: Parameters<typeof start>[1] = {}): Promise<Run> {
  const run = start(options, size);
  await vi.waitFor(() => expect(run.keyboard.raw).toBe(true), { timeout: 5000, interval: 5 });
  // On the learner's screen before anything else happens (a resize, say), as a terminal shows what it is sent.
  await new Promise<void>((r) => run.tty.term.write('', r));
  return run;
}

/** Lets Ink load and waits until it reads the keyboard (its first frame is drawn by then); returns what it wrote. */
async function takeOver(run: Run): Promise<string> {
  const before = run.tty.writes.length;
  run.open();
  await vi.waitFor(() => expect(run.keyboard.reading).toBe(true), { timeout: 5000, interval: 5 });
  return run.tty.writes.slice(before).join('');
}

const level = chalk.level;
afterEach(() => {
  chalk.level = level;
});

// A lesson part done, so that the list shows a status and a score.
const someProgress = (() => {
  const lesson = lessons.find((l) => l.pages.some((p) => p.exercise))!;
  const page = lesson.pages.find((p) => p.exercise)!;
  return JSON.stringify({
    version: 1,
    lessons: {
      [lesson.id]: {
        seen: [lesson.pages[0]!.id],
        updatedAt: '2026-11-30T10:00:00.000Z',
        exercises: {
          [page.exercise!.id]: {
            solved: true,
            attempts: 2,
            hintsUsed: 1,
            solutionShown: false,
            score: 0.65,
            updatedAt: '2026-11-30T10:00:00.000Z',
          },
        },
      },
    },
  });
})();

const CASES: Array<{
  name: string;
  options?: Partial<TutorOptions>;
  size?: { columns: number; rows: number };
  chalkLevel: 0 | 1 | 3;
  environment?: Record<string, string>;
  progress?: string;
  /** Text the screen must show, besides being Ink's. */
  shows?: string[];
}> = [
  // The list, the course's score under it, and L (the language) among the keys.
  { name: 'colours, 80x24', chalkLevel: 1, shows: ['TIME-WAIT', 'Overall', 'L '] },
  // The list cut to fit, with the row that says how many lessons are below.
  { name: 'truecolor terminal, 60x20', chalkLevel: 3, size: { columns: 60, rows: 20 }, shows: ['more below'] },
  { name: 'NO_COLOR (no styles at all)', chalkLevel: 0, environment: { NO_COLOR: '1' } },
  { name: '--no-color with bold and dim kept', chalkLevel: 1, options: { noColor: true } },
  { name: '--lang zh-CN', chalkLevel: 1, options: { lang: 'zh-CN' } },
  {
    name: 'LANG=zh_CN.UTF-8, 120x40',
    chalkLevel: 1,
    environment: { LANG: 'zh_CN.UTF-8' },
    size: { columns: 120, rows: 40 },
  },
  { name: '--ascii-only --lang zh-CN (a notice)', chalkLevel: 1, options: { asciiOnly: true, lang: 'zh-CN' } },
  { name: 'progress: a status and a score', chalkLevel: 1, progress: someProgress },
  {
    name: 'progress from a newer nettutor (a notice)',
    chalkLevel: 1,
    progress: JSON.stringify({ version: 99, lessons: {} }),
  },
  {
    name: 'Chinese chosen with L last time (kept with the progress)',
    chalkLevel: 1,
    progress: JSON.stringify({
      version: 1,
      lessons: {},
      language: { locale: 'zh-CN', at: '2026-11-30T10:00:00.000Z' },
    }),
    shows: ['选择一课'],
  },
  { name: 'too small: 50x14', chalkLevel: 1, size: { columns: 50, rows: 14 } },
  { name: 'too small: 80x10', chalkLevel: 1, size: { columns: 80, rows: 10 } },
  { name: 'too small, in Chinese', chalkLevel: 1, size: { columns: 50, rows: 14 }, options: { lang: 'zh-CN' } },
];

for (const via of VIAS) {
  describe(`the home screen before Ink has loaded, drawn by ${via === 'start' ? 'the start (src/early.ts)' : 'startTutor'}`, () => {
    /** Starts with Ink held back, the early frame drawn by `via`. */
    const early = (options: Partial<TutorOptions>, size: Parameters<typeof start>[1] = {}) =>
      earlyRun(options, { ...size, via });
    for (const c of CASES) {
      it(`is the screen Ink draws, and taking over writes nothing (${c.name})`, async () => {
        chalk.level = c.chalkLevel;
        // One folder for both runs: a notice may name the progress file.
        const dir = mkdtempSync(join(tmpdir(), 'nettutor-early-'));
        const size = { ...c.size, environment: c.environment, progress: c.progress, dir };
        const reference = await inkAlone(c.options ?? {}, size);
        const want = await reference.tty.cells();
        // The reference shows something (not two blank screens compared), and what the case is about.
        const screen = (await reference.tty.text()).join('\n');
        expect(screen.trim()).not.toBe('');
        for (const shown of c.shows ?? []) expect(screen).toContain(shown);

        const run = await early(c.options ?? {}, size);
        expect(run.keyboard.reading).toBe(false);
        expect(await run.tty.cells()).toEqual(want);
        expect(await takeOver(run)).toBe('');
        expect(await run.tty.cells()).toEqual(want);
      });
    }

    it('keeps keys typed before, during and after the takeover, each once and in order', async () => {
      chalk.level = 1;
      const run = await early({});
      run.keyboard.press(DOWN); // before Ink has loaded: waits in the input queue
      run.open();
      run.keyboard.press(DOWN); // while Ink starts
      await vi.waitFor(() => expect(run.keyboard.reading).toBe(true), { timeout: 5000, interval: 5 });
      run.keyboard.press(UP); // after
      // Down, down, up: the second lesson. A key lost or doubled, or two out of order, ends elsewhere.
      const second = text(lessons[1]!.title, 'en');
      await vi.waitFor(
        async () => {
          const pointed = (await run.tty.text()).filter((l) => l.startsWith('›'));
          expect(pointed).toEqual([expect.stringContaining(second)]);
        },
        { timeout: 3000, interval: 10 },
      );
      // And the screen is the one Ink alone shows after one Down.
      const reference = await inkAlone({});
      reference.keyboard.press(DOWN);
      await vi.waitFor(async () => expect(await reference.tty.cells()).toEqual(await run.tty.cells()), {
        timeout: 3000,
        interval: 10,
      });
    });

    it('keeps keys that arrive in one read with the escape sequences split by nothing', async () => {
      const run = await early({});
      run.keyboard.press(`${DOWN}${DOWN}${DOWN}${UP}`);
      await takeOver(run);
      const third = text(lessons[2]!.title, 'en');
      await vi.waitFor(
        async () =>
          expect((await run.tty.text()).filter((l) => l.startsWith('›'))).toEqual([expect.stringContaining(third)]),
        { timeout: 3000, interval: 10 },
      );
    });

    it('quits on q typed before Ink has loaded, once Ink is there (exit 0), and on Ctrl+C with 130', async () => {
      const quit = await early({});
      quit.keyboard.press('q');
      quit.open();
      expect(await quit.done).toBe(0);
      const interrupted = await early({});
      interrupted.keyboard.press('\u0003');
      interrupted.open();
      expect(await interrupted.done).toBe(130);
    });

    it('redraws at the new size on a resize before the takeover, and Ink then has nothing to change', async () => {
      chalk.level = 1;
      const reference = await inkAlone({}, { columns: 70, rows: 20 });
      const want = await reference.tty.cells();
      const run = await early({}, { columns: 80, rows: 24 });
      run.tty.resize(70, 20);
      expect(await run.tty.cells()).toEqual(want);
      expect(await takeOver(run)).toBe('');
      expect(await run.tty.cells()).toEqual(want);
      // Smaller than the app needs, then big enough again, still before Ink: the message, then the list.
      const again = await early({}, { columns: 80, rows: 24 });
      again.tty.resize(50, 12);
      expect((await again.tty.text()).join('\n')).toContain('Make the terminal at least 60×16');
      again.tty.resize(70, 20);
      expect(await again.tty.cells()).toEqual(want);
      expect(await takeOver(again)).toBe('');
    });
  });
}

describe('the home screen before Ink has loaded', () => {
  it('draws nothing before Ink when a lesson page is asked for (--lesson): Ink draws the page', async () => {
    const run = start({ lesson: lessons[0]!.id });
    await new Promise((r) => setTimeout(r, 50));
    // Only the switch to the alternate screen, with the cursor hidden; the terminal is left to Ink.
    expect(run.tty.writes.join('')).toBe('\u001B[?1049h\u001B[H\u001B[2J\u001B[?25l');
    expect(run.keyboard.raw).toBe(false);
    await takeOver(run);
    expect((await run.tty.text()).join('\n')).toContain(text(lessons[0]!.title, 'en'));
  });
});
