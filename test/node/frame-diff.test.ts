// The frame differ, checked against a real terminal emulator: whatever Ink
// writes, the screen must show exactly Ink's frame, with few bytes.
import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { FrameDiff } from '../../src/node/frame-diff.js';

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
  it('keeps wide characters whole when only part of a line changes', async () => {
    const diff = new FrameDiff();
    const a = ['三次握手 state: LISTEN'];
    const b = ['三次握手 state: SYN-RECEIVED'];
    const out = [diff.feed(inkWrite([], a)), diff.feed(inkWrite(a, b))];
    expect(out[1]!.startsWith('\u001B[1;17H')).toBe(true);
    expect((await screenAfter(out))[0]).toBe('三次握手 state: SYN-RECEIVED');
  });

  it('matches the frame after random edits of random lines', async () => {
    const words = ['SYN', 'ACK', '握手', 'FIN', ' ', '──', '►', 'x'];
    const colours = ['', '\u001B[32m', '\u001B[1m', '\u001B[7m'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const line = () => Array.from({ length: rand(6) }, () => `${colours[rand(4)]}${words[rand(8)]}\u001B[0m`).join('');
    const diff = new FrameDiff();
    const out: string[] = [];
    let prev: string[] = [];
    for (let step = 0; step < 40; step++) {
      const next = Array.from({ length: 1 + rand(8) }, (_, i) => (rand(3) === 0 ? line() : (prev[i] ?? line())));
      out.push(diff.feed(inkWrite(prev, next)));
      prev = next;
    }
    const strip = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');
    const screen = await screenAfter(out, 60, 10);
    expect(screen.slice(0, prev.length)).toEqual(prev.map(strip).map((s) => s.replace(/\s+$/, '')));
  });

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
    // Only the changed stretch of row 6 (1-based) is written, from the first changed column.
    expect(out).toBe('\u001B[6;5H\u001B[0m5 changed\u001B[K');
    expect(out).not.toContain('row 6');
    expect(diff.feed(inkWrite(b, b))).toBe('');
  });

  it('keeps colours and resets them at the end of each row', async () => {
    const diff = new FrameDiff();
    const out = diff.feed(inkWrite([], ['\u001B[32mok\u001B[39m plain']));
    expect(out).toBe('\u001B[1;1H\u001B[32mok\u001B[39m plain\u001B[0m');
    expect((await screenAfter([out]))[0]).toBe('ok plain');
    // Changing only the colour of a word rewrites that word.
    const recoloured = diff.feed(inkWrite(['\u001B[32mok\u001B[39m plain'], ['\u001B[31mok\u001B[39m plain']));
    expect(recoloured).toBe('\u001B[1;1H\u001B[0;31mok\u001B[0m');
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

  it('passes cursor visibility through when it changes, and drops synchronized-output markers', () => {
    const diff = new FrameDiff();
    expect(diff.feed('\u001B[?25l')).toBe('\u001B[?25l');
    expect(diff.feed('\u001B[?25l')).toBe('');
    expect(diff.feed('\u001B[?25h')).toBe('\u001B[?25h');
    expect(new FrameDiff({ cursorHidden: true }).feed('\u001B[?25l')).toBe('');
    expect(diff.feed('\u001B[?2026h\u001B[?2026l')).toBe('');
  });

  it('updates the terminal once a synchronized frame is whole, however many writes it takes', async () => {
    const diff = new FrameDiff();
    const f = ['one', 'two'];
    const parts = ['\u001B[?2026h', '\u001B[?25l', inkWrite([], f), '\u001B[?2026l'].map((c) => diff.feed(c));
    expect(parts.slice(0, 3)).toEqual(['', '\u001B[?25l', '']);
    expect((await screenAfter(parts)).slice(0, 2)).toEqual(f);
  });

  it('takes over from a frame it did not draw (show) by writing only what differs: nothing when it is the same', async () => {
    const diff = new FrameDiff({ cursorHidden: true });
    // The same cells as Ink's, written with other codes (one code per attribute instead of Ink's order).
    const early = diff.show('\u001B[1m\u001B[36m› one\u001B[39m\u001B[22m\n  two\n\n\u001B[2mthree\u001B[22m');
    const ink = ['\u001B[36m\u001B[1m› one\u001B[22m\u001B[39m', '  two', '', '\u001B[2mthree\u001B[22m'];
    // Ink's first frame: the markers and the cursor in writes of their own, which change no row.
    const takeover = ['\u001B[?2026h', '\u001B[?25l', inkWrite([], ink), '\u001B[?2026l'].map((c) => diff.feed(c));
    expect(takeover.join('')).toBe('');
    // The next frame changes one row: only that row's changed stretch is sent.
    const next = ['\u001B[36m\u001B[1m› one\u001B[22m\u001B[39m', '  TWO', '', '\u001B[2mthree\u001B[22m'];
    const step = diff.feed(inkWrite(ink, next));
    expect(step).toBe('\u001B[2;3H\u001B[0mTWO');
    expect((await screenAfter([early, ...takeover, step])).slice(0, 4)).toEqual(['› one', '  TWO', '', 'three']);
  });
});
