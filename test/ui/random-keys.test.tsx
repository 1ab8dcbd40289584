// No key may crash the app: random key sequences over every screen of the
// shipped lessons, the frame always fitting the terminal.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { App } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';
import { frameChecker } from '../helpers/frames.js';
import { KEYS, renderTui } from '../helpers/render.js';

afterEach(() => cleanup());

// 'q' and Ctrl+C are left out: they end the session, which other tests cover.
const POOL = [
  ...Object.values(KEYS).filter((k) => k !== KEYS.ctrlC),
  'n',
  'p',
  'h',
  'r',
  'd',
  'u',
  'w',
  'c',
  'y',
  'g',
  'G',
  '+',
  '-',
  'j',
  'k',
  'l',
  '1',
  '2',
  'x',
  '?',
  '!',
  ' ',
  '\u001B[1;5A',
  '€',
  '好',
];

const COLUMNS = 80;
const ROWS = 24;

describe('random keys', () => {
  for (const seed of [1, 2, 3]) {
    it(`never crash or overflow the screen (seed ${seed})`, async () => {
      const { lessons } = loadLessons({ builtinDir: 'lessons' });
      const initial = initialTutorState({ now: '2026-01-01T00:00:00.000Z', lessons, progress: emptyProgress(), seed });
      const ui = await renderTui(
        <App
          initial={initial}
          theme={makeTheme({ color: false, ascii: seed === 2 })}
          locale={seed === 3 ? 'zh-CN' : 'en'}
          progressFile="/x"
          onSave={() => undefined}
        />,
        { columns: COLUMNS, rows: ROWS },
      );
      // Every frame from the current one on (those before are drawn at the test library's default size).
      const frames = frameChecker(ui.frames, COLUMNS, ROWS, ui.frames.length - 1);
      let s = seed;
      const next = (n: number) => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return s % n;
      };
      const sent: string[] = [];
      for (let i = 0; i < 150; i++) {
        const key = POOL[next(POOL.length)]!;
        sent.push(JSON.stringify(key));
        ui.stdin.write(key);
        await new Promise((r) => setImmediate(r));
        frames.check(`after the keys ${sent.join(' ')}`);
      }
      expect(frames.check('at the end').slice(0, 3)).toEqual([]);
      // Still answering: Esc leads back to the lesson list from any screen (typing, help, a question…).
      await ui.press(KEYS.escape, KEYS.escape, KEYS.escape);
      // In the session's language: the status bar is in Chinese with zh-CN.
      expect(await ui.waitForFrame(/Enter (open|打开)/)).toMatch(/\? (help|帮助) [·|] q (quit|退出)\s*$/);
      expect(frames.check('back on the lesson list').slice(0, 3)).toEqual([]);
    });
  }
});
