// The whole app drawn through ScreenOutput into a terminal emulator: the
// screen must match what the app means to show, page after page.
import { EventEmitter } from 'node:events';
import xterm from '@xterm/headless';
import { render } from 'ink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tcpOf } from '../helpers/tcp-page.js';
import { FakeTtyIn } from '../helpers/fake-tty.js';
import { text } from '../../src/core/i18n/localize.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { getBuiltinScenario } from '../../src/core/scenario/builtins.js';
import { simulate } from '../../src/core/tcp/simulate.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { ScreenOutput } from '../../src/node/screen-output.js';
import { App } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';

const { Terminal } = xterm;

// The lesson the app opens (the first with prose before a simulation page), and the run that page plays.
const lesson = loadLessons({ builtinDir: 'lessons' }).lessons.find((l) => l.pages.findIndex((p) => tcpOf(p)) > 0)!;
const PAGES = lesson.pages.length;
const titleOf = (i: number) => text(lesson.pages[i]!.title!, 'en');
const SIM_PAGE = lesson.pages.findIndex((p) => tcpOf(p));
const EVENTS = simulate(getBuiltinScenario(tcpOf(lesson.pages[SIM_PAGE])!.scenario)!).events.length;

class EmulatedTerminal extends EventEmitter {
  term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  bytes = 0;
  columns = 80;
  rows = 24;
  isTTY = true;
  write(s: string) {
    this.bytes += Buffer.byteLength(s);
    this.term.write(s);
    return true;
  }
  async screen() {
    await new Promise<void>((r) => this.term.write('', r));
    const out: string[] = [];
    for (let i = 0; i < this.rows; i++) out.push(this.term.buffer.active.getLine(i)?.translateToString(true) ?? '');
    return out;
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function start() {
  const terminal = new EmulatedTerminal();
  const screen = new ScreenOutput(terminal);
  const stdin = new FakeTtyIn();
  const { lessons } = loadLessons({ builtinDir: 'lessons' });
  const initial = initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons,
    progress: emptyProgress(),
    seed: 3,
    startLesson: lesson.id,
  });
  const app = render(
    <App
      initial={initial}
      theme={makeTheme({ color: true, ascii: false })}
      locale="en"
      progressFile="/tmp/x"
      onSave={() => undefined}
    />,
    {
      stdout: screen as never,
      stdin: stdin as never,
      debug: false,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 1000,
    },
  );
  cleanups.push(() => {
    app.unmount();
    screen.restore();
  });
  const waitFor = async (text: string) => {
    let last: string[] = [];
    await vi.waitFor(
      async () => {
        last = await terminal.screen();
        if (!last.join('\n').includes(text)) throw new Error(`not on screen: ${text}\n${last.join('\n')}`);
      },
      { timeout: 3000, interval: 20 },
    );
    return last;
  };
  const press = async (key: string) => {
    stdin.press(key);
    await new Promise((r) => setTimeout(r, 20));
  };
  return { terminal, waitFor, press };
}

describe('the app on a terminal, through ScreenOutput', () => {
  it('shows each page exactly, with no rows left over from the one before', async () => {
    // From the page before the first simulation to the simulation: prose, then the player.
    expect(SIM_PAGE).toBeGreaterThan(0);
    const t = await start();
    let screen = await t.waitFor(`page 1/${PAGES}`);
    expect(screen[3]).toBe(titleOf(0));
    for (let i = 1; i < SIM_PAGE; i++) await t.press('n');
    screen = await t.waitFor(`page ${SIM_PAGE}/${PAGES}`);
    expect(screen[3]).toBe(titleOf(SIM_PAGE - 1));
    await t.press('n');
    screen = await t.waitFor(`page ${SIM_PAGE + 1}/${PAGES}`);
    expect(screen[2]).toMatch(/^─+$/);
    expect(screen[3]).toBe(titleOf(SIM_PAGE));
    expect(screen.join('\n')).not.toContain(titleOf(SIM_PAGE - 1));
    expect(screen[22]).toContain('Space play/pause');
    expect(screen[23]).toBe('');
  });

  it('sends few bytes for a step of the simulation', async () => {
    const t = await start();
    await t.waitFor(`page 1/${PAGES}`);
    for (let i = 0; i < SIM_PAGE; i++) await t.press('n');
    await t.waitFor(`event 0/${EVENTS}`);
    const before = t.terminal.bytes;
    await t.press('\u001B[C');
    await t.waitFor(`event 1/${EVENTS}`);
    const perKey = t.terminal.bytes - before;
    // A whole 80x24 screen is about 2 KB; a step changes a handful of rows.
    expect(perKey).toBeLessThan(900);
  });
});
