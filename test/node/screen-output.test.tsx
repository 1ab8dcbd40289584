// The whole app drawn through ScreenOutput into a terminal emulator: the
// screen must match what the app means to show, page after page.
import { EventEmitter } from 'node:events';
import xterm from '@xterm/headless';
import { render } from 'ink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { ScreenOutput } from '../../src/node/screen-output.js';
import { App } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';

const { Terminal } = xterm;

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  press(key: string) {
    this.data = key;
    this.emit('readable');
  }
}

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
  const stdin = new FakeStdin();
  const { lessons } = loadLessons({ builtinDir: 'lessons' });
  const initial = initialTutorState({ lessons, progress: emptyProgress(), seed: 3, startLesson: 'watch-a-handshake' });
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
    const t = await start();
    let screen = await t.waitFor('page 1/6');
    expect(screen[3]).toBe('Three segments, two sequence numbers');
    await t.press('n');
    screen = await t.waitFor('page 2/6');
    expect(screen[2]).toMatch(/^─+$/);
    expect(screen[3]).toBe('The handshake, step by step');
    expect(screen.join('\n')).not.toContain('Three segments');
    expect(screen[22]).toContain('Space play/pause');
    expect(screen[23]).toBe('');
  });

  it('sends few bytes for a step of the simulation', async () => {
    const t = await start();
    await t.waitFor('page 1/6');
    await t.press('n');
    await t.waitFor('event 0/13');
    const before = t.terminal.bytes;
    await t.press('\u001B[C');
    await t.waitFor('event 1/13');
    const perKey = t.terminal.bytes - before;
    // A whole 80x24 screen is about 2 KB; a step changes a handful of rows.
    expect(perKey).toBeLessThan(900);
  });
});
