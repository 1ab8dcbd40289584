// The frame differ, checked against a real terminal emulator: whatever Ink
// writes, the screen must show exactly Ink's frame, with few bytes.
import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { FrameDiff } from '../../../src/core/terminal/frame-diff.js';

const { Terminal } = xterm;

/** What Ink's standard renderer writes: erase the previous frame, write the new one. */
function inkWrite(previous: string[], next: string[]): string {
  const count = previous.length === 0 ? 0 : previous.length + 1;
  let erase = '';
  for (let i = 0; i < count; i++) erase += `\u001B[2K${i < count - 1 ? '\u001B[1A' : ''}`;
  if (count > 0) erase += '\u001B[G';
  return `${erase}${next.join('\n')}\n`;
}

async function screenAfter(chunks: string[], cols = 40, rows = 10) {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  for (const c of chunks) await new Promise<void>((r) => term.write(c, r));
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(term.buffer.active.getLine(i)?.translateToString(true) ?? '');
  return lines;
}

describe('FrameDiff', () => {
  it('shows exactly the latest frame after a series of updates', async () => {
    const frames = [
      ['title', 'one', 'two', 'three', 'status'],
      ['title', 'one', 'TWO', 'three', 'status'],
      ['title', 'a much longer line here', 'x', 'status'],
      ['new title', '', 'y', 'z', 'w', 'status'],
    ];
    const diff = new FrameDiff();
    const out: string[] = [];
    let prev: string[] = [];
    for (const f of frames) {
      out.push(diff.feed(inkWrite(prev, f)));
      prev = f;
    }
    const screen = await screenAfter(out);
    expect(screen.slice(0, 6)).toEqual(frames[3]);
    expect(screen.slice(6).every((l) => l === '')).toBe(true);
  });

  it('writes only the rows that changed', () => {
    const diff = new FrameDiff();
    const a = ['title', ...Array.from({ length: 20 }, (_, i) => `row ${i} ${'x'.repeat(50)}`), 'status'];
    diff.feed(inkWrite([], a));
    const b = [...a];
    b[5] = 'row 5 changed';
    const out = diff.feed(inkWrite(a, b));
    expect(out).toContain('row 5 changed');
    expect(out).not.toContain('row 6');
    expect(out.length).toBeLessThan(40);
    expect(diff.feed(inkWrite(b, b))).toBe('');
  });

  it('keeps colours and resets them at the end of each row', async () => {
    const diff = new FrameDiff();
    const out = diff.feed(inkWrite([], ['\u001B[32mok\u001B[39m plain']));
    expect(out).toContain('\u001B[32mok\u001B[39m plain\u001B[0m\u001B[K');
    expect((await screenAfter([out]))[0]).toBe('ok plain');
  });

  it('redraws everything after a resize or a clear', async () => {
    const diff = new FrameDiff();
    const f = ['one', 'two'];
    const first = diff.feed(inkWrite([], f));
    const again = diff.invalidate() + diff.feed(inkWrite(f, f));
    expect(again).toContain('one');
    expect((await screenAfter([first, again])).slice(0, 2)).toEqual(f);
    const cleared = diff.feed('\u001B[2J\u001B[3J\u001B[H' + 'fresh\n');
    expect((await screenAfter([first, cleared])).slice(0, 2)).toEqual(['fresh', '']);
  });

  it('passes cursor visibility through and drops synchronized-output markers', () => {
    const diff = new FrameDiff();
    expect(diff.feed('\u001B[?25l')).toBe('\u001B[?25l');
    expect(diff.feed('\u001B[?2026h\u001B[?2026l')).toBe('');
  });
});
