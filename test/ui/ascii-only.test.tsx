// --ascii-only writes not one byte outside 7-bit ASCII: the whole app, as
// the CLI starts it (renderApp drawing through ScreenOutput), walked through
// every screen of the shipped lessons, with every byte that reaches the
// terminal recorded. A terminal emulator reads the screen back, so each step
// waits for what it expects to see instead of sleeping.
import { EventEmitter } from 'node:events';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyProgress } from '../../src/core/progress/merge.js';
import type { Progress } from '../../src/core/progress/types.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { text } from '../../src/core/i18n/localize.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { ScreenOutput } from '../../src/node/screen-output.js';
import { renderApp } from '../../src/ui/render-app.js';
import { FakeTtyIn } from '../helpers/fake-tty.js';
import { KEYS } from '../helpers/render.js';
import { tcpOf } from '../helpers/tcp-page.js';

const { Terminal } = xterm;

/** A terminal that keeps every byte written to it, and an emulator to read the screen back. */
class RecordingTerminal extends EventEmitter {
  readonly bytes: Buffer[] = [];
  isTTY = true;
  term: InstanceType<typeof Terminal>;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
    this.term = new Terminal({ cols: columns, rows, allowProposedApi: true });
  }
  write(s: string) {
    this.bytes.push(Buffer.from(s, 'utf8'));
    this.term.write(s);
    return true;
  }
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.term.resize(columns, rows);
    this.emit('resize');
  }
  async screen(): Promise<string[]> {
    await new Promise<void>((r) => this.term.write('', r));
    const out: string[] = [];
    for (let i = 0; i < this.rows; i++) out.push(this.term.buffer.active.getLine(i)?.translateToString(true) ?? '');
    return out;
  }
  /** The first byte at or above 0x80, with what surrounds it, or undefined. */
  firstNonAscii(): string | undefined {
    const all = Buffer.concat(this.bytes);
    const at = all.findIndex((b) => b >= 0x80);
    if (at < 0) return undefined;
    return `byte 0x${all[at]!.toString(16)} at ${at}: ${JSON.stringify(all.subarray(Math.max(0, at - 60), at + 20).toString('latin1'))}`;
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const lessons = loadLessons({ builtinDir: 'lessons' }).lessons;
// The second lesson, walked through below: where its pages are, by id, and what they are called.
const second = lessons[1]!;
const pageOf = (id: string) => second.pages.findIndex((p) => p.id === id) + 1;
const titleOf = (n: number) => text(second.pages[n - 1]!.title!, 'en');
const of = (n: number) => `page ${n}/${second.pages.length}`;
/** Page numbers of the second lesson: its first player, the first exercise after it, the next player, the page after that. */
const WATCH = second.pages.findIndex((p) => tcpOf(p)) + 1;
const AFTER_WATCH = WATCH + 1;
const NEXT_WATCH = second.pages.findIndex((p, i) => i >= AFTER_WATCH && tcpOf(p)) + 1;
/** From a page to a later one with → (which steps the player instead, so no player may lie between). */
const rightsTo = (from: number, to: number) => Array.from({ length: to - from }, () => KEYS.right);

async function start(opts: {
  locale?: string;
  columns?: number;
  rows?: number;
  notices?: string[];
  onSave?: (p: Progress) => string | undefined;
}) {
  const terminal = new RecordingTerminal(opts.columns ?? 80, opts.rows ?? 24);
  const screen = new ScreenOutput(terminal);
  const stdin = new FakeTtyIn();
  const app = renderApp({
    initial: initialTutorState({
      now: '2026-01-01T00:00:00.000Z',
      lessons,
      progress: emptyProgress(),
      seed: 5,
      notices: opts.notices,
    }),
    locale: opts.locale ?? 'en',
    color: true,
    ascii: true,
    progressFile: '/tmp/nettutor-ascii-test.json',
    stdin: stdin as never,
    stdout: screen as never,
    stderr: screen as never,
    onSave: opts.onSave ?? (() => undefined),
  });
  cleanups.push(() => {
    app.unmount();
    screen.restore();
  });
  const see = async (test: string | ((screen: string) => boolean), timeout = 4000) => {
    let last = '';
    await vi.waitFor(
      async () => {
        const rows = await terminal.screen();
        last = rows.join('\n');
        const ok = typeof test === 'string' ? last.includes(test) : test(last);
        if (!ok) throw new Error(`not on screen: ${String(test)}\n${last}`);
        // The live frame is never taller than rows-1 and never wider than the terminal.
        expect(rows.at(-1)).toBe('');
        for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(terminal.columns);
      },
      { timeout, interval: 15 },
    );
    return last;
  };
  /** Presses keys one by one, then waits for the screen to show `then`. */
  const step = async (keys: string[], then: string | ((screen: string) => boolean)) => {
    for (const key of keys) {
      stdin.press(key);
      await new Promise((r) => setImmediate(r));
      if (key === KEYS.escape) await new Promise((r) => setTimeout(r, 5));
    }
    return see(then);
  };
  const typed = (text: string) => Array.from(text);
  return { terminal, see, step, typed };
}

const corrupt =
  'Your progress file could not be used (it is not valid JSON); it was moved to /home/léa/数据/.local/share/nettutor/progress.json.corrupt-2026-11-24T10-20-30-123Z and you start afresh.';

describe('--ascii-only', () => {
  it('writes only 7-bit bytes on every screen of the shipped lessons', async () => {
    let failSaves = false;
    const t = await start({
      notices: [corrupt, '1 lesson file has problems and was skipped: run `nettutor lessons check` (first: …)'],
      onSave: () => (failSaves ? 'EACCES: permission denied, open “/home/léa/progress.json”' : undefined),
    });
    // Home, its notices (a path outside ASCII shows as ?), the help and the notices screen.
    let s = await t.see('Enter open');
    expect(s).toContain('/home/l?a/??/');
    await t.step(['?'], 'Keys -- On the lesson list');
    await t.step([KEYS.escape], 'Enter open');
    await t.step(['!'], 'Esc/! close the notices');
    await t.step([KEYS.escape], 'Enter open');

    // Lesson 1: prose, a fenced ladder, and each kind of exercise before and after answering.
    await t.step([KEYS.enter], 'page 1/6');
    await t.step(['n'], 'Reading a ladder diagram');
    await t.step([KEYS.pageDown], (x) => x.includes('more above') || x.includes('ack=1001'));
    await t.step(['p'], 'Welcome');
    await t.step(['p'], 'This is the first page -- n goes to the next one.');
    await t.step(['n', 'n'], 'One right answer');
    await t.step(['h'], 'Hint 1/2');
    await t.step([KEYS.enter], 'Not quite.');
    await t.step(['?'], 'Keys -- After an answer');
    await t.step([KEYS.escape, 'r'], (x) => !x.includes('Not quite.'));
    await t.step([KEYS.down, KEYS.enter], 'Correct.');
    await t.step(['n'], 'Several right answers');
    await t.step([KEYS.enter], 'Mark at least one option with Space');
    await t.step([KEYS.space, KEYS.down, KEYS.down, KEYS.space], '[*] CLOSE-WAIT');
    await t.step([KEYS.enter], '[no] Not quite.');
    await t.step(['h', 'h', 'h'], 'Show the solution?');
    await t.step(['y'], 'Solution:');
    await t.step(['r', KEYS.space, KEYS.enter, KEYS.pageUp], 'right, not chosen');
    await t.step(['n'], 'Put things in order');
    await t.step([KEYS.space, KEYS.down], 'cancel move');
    await t.step(['?'], 'Keys -- Moving an item');
    await t.step([KEYS.escape, KEYS.escape], (x) => !x.includes('cancel move'));
    await t.step([KEYS.enter], 'The first item out of place');
    await t.step(['n'], 'Type the answer');
    await t.step([KEYS.enter], 'Type an answer first');
    await t.step(t.typed('x€好'), 'Your answer: x??');
    await t.step([KEYS.enter], 'Not quite.');
    await t.step(['r'], 'Your answer:');
    await t.step([KEYS.right], 'This is the last page -- Esc returns to the lessons.');
    await t.step([KEYS.escape, KEYS.escape], 'Enter open');

    // Lesson 2: the player paused and playing, a predict question, the learner's changes, compare.
    await t.step([KEYS.down, KEYS.enter], titleOf(1));
    await t.step(rightsTo(1, WATCH - 1), titleOf(WATCH - 1));
    await t.step(['n'], 'paused');
    await t.step(['+', '+'], 'speed x4');
    await t.step([KEYS.space], (x) => x.includes('playing') || x.includes('? What'));
    await t.step([], '? What acknowledgment number');
    await t.step(['?'], 'Keys -- Answering a prediction');
    await t.step([KEYS.escape], '? What acknowledgment number');
    await t.step([KEYS.down, KEYS.enter], (x) => x.includes('Right:') || x.includes("The model's answer"));
    await t.step([KEYS.right], (x) => !x.includes('? What acknowledgment'));
    await t.step(['d'], 'is now lost');
    await t.step(['u'], 'now arrives twice');
    await t.step(['w'], 'what-if');
    await t.step(['c'], (x) => x.includes('first difference') || x.includes('no difference yet'));
    t.terminal.resize(120, 30);
    await t.see('without your change');
    t.terminal.resize(80, 24);
    await t.see((x) => x.includes('without your change') && !x.includes(' | with it'));
    await t.step(['c', 'r'], 'restarted');
    await t.step(['-'], 'speed x2');
    await t.step([KEYS.end], (x) => x.includes('Enter answer') || /event (\d+)\/\1\b/.test(x));
    await t.step(['?'], 'Keys --');
    await t.step([KEYS.escape], (x) => !x.includes('Keys --'));

    // A failed save (its message names a path outside ASCII) and the single choice after the player.
    failSaves = true;
    await t.step([KEYS.escape, KEYS.enter], of(WATCH));
    await t.step(['n'], of(AFTER_WATCH));
    expect(second.pages[AFTER_WATCH - 1]!.exercise?.type).toBe('single');
    await t.step([KEYS.enter], '! progress not saved: EACCES');
    await t.step(['!'], 'Esc/! close the notices');
    s = await t.step([KEYS.escape], '! progress not saved');
    expect(s).toContain('/home/l?a/progress.json');

    // The simulation with a lost SYN, and its typed answer.
    expect(second.pages[NEXT_WATCH - 1]!.id).toBe('watch-lost-syn');
    await t.step(rightsTo(AFTER_WATCH, NEXT_WATCH), titleOf(NEXT_WATCH));
    await t.step([KEYS.end], (x) => x.includes('? What sequence number'));
    await t.step(['n'], (x) => x.includes('? What sequence number'));
    await t.step([KEYS.enter, 'n'], of(pageOf('retransmit-seq')));

    // Too small, and back.
    t.terminal.resize(50, 12);
    await t.see('Make the terminal at least 60x16');
    t.terminal.resize(80, 24);
    await t.see(of(pageOf('retransmit-seq')));

    expect(t.terminal.firstNonAscii()).toBeUndefined();
  });

  it('shows the lessons in English with --lang zh-CN, says so once, and writes only 7-bit bytes', async () => {
    const t = await start({ locale: 'zh-CN', columns: 60, rows: 20 });
    const home = await t.see('Enter open');
    expect(home).toContain('! --ascii-only: the lessons are shown in English');
    expect(home).toContain('How nettutor works');
    await t.step([KEYS.enter], 'Welcome');
    await t.step(['n'], 'Reading a ladder diagram');
    await t.step(['n', KEYS.enter], 'Not quite.');
    await t.step([KEYS.escape, KEYS.down, KEYS.enter], titleOf(1));
    await t.step([...rightsTo(1, WATCH), KEYS.end], '? What acknowledgment number');
    expect(t.terminal.firstNonAscii()).toBeUndefined();
  });
});
