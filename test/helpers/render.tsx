// Renders an Ink tree with fake streams (ink-testing-library), with a settable
// terminal size, one key per write, and waiting helpers that poll instead of
// sleeping for fixed times.
import { render as inkRender } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  tab: '\t',
  backspace: '\u007F',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  ctrlC: '\u0003',
  home: '\u001B[H',
  end: '\u001B[F',
} as const;

const tick = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

export async function renderTui(tree: ReactElement, size: { columns?: number; rows?: number } = {}) {
  const result = inkRender(tree);
  const { stdout, stdin } = result;
  const setSize = (columns: number, rows: number) => {
    Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
    Object.defineProperty(stdout, 'isTTY', { value: true, configurable: true });
  };
  setSize(size.columns ?? 80, size.rows ?? 24);
  stdout.emit('resize');
  // Let the first frame at the real size replace the one drawn at the library's default width.
  await tick();
  await tick();
  return {
    ...result,
    frame: () => result.lastFrame() ?? '',
    async press(...keys: string[]) {
      for (const key of keys) {
        stdin.write(key);
        await tick();
        // A lone Escape is held briefly in case it starts a sequence.
        if (key === KEYS.escape) await new Promise((r) => setTimeout(r, 30));
      }
      await tick();
    },
    async type(text: string) {
      for (const ch of text) {
        stdin.write(ch);
        await tick();
      }
    },
    async resize(columns: number, rows: number) {
      setSize(columns, rows);
      stdout.emit('resize');
      await tick();
    },
    async waitForFrame(test: string | RegExp | ((frame: string) => boolean), timeout = 3000) {
      const ok = (f: string) =>
        typeof test === 'string' ? f.includes(test) : test instanceof RegExp ? test.test(f) : test(f);
      await vi.waitFor(
        () => {
          const f = result.lastFrame() ?? '';
          if (!ok(f)) throw new Error(`frame did not match ${String(test)}:\n${f}`);
        },
        { timeout, interval: 10 },
      );
      return result.lastFrame() ?? '';
    },
  };
}
