// The SSH channel as Ink's terminal: newlines, size, resizes, a client that
// stops reading, and input handed on at a bounded rate.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ChannelTerminal, InputPump, MAX_COLUMNS, MAX_ROWS, SessionInput } from '../../src/serve/channel-io.js';

class FakeChannel extends EventEmitter {
  written: string[] = [];
  writableLength = 0;
  accept = true;
  write(s: string) {
    this.written.push(s);
    if (!this.accept) this.writableLength += s.length;
    return this.accept;
  }
}

describe('ChannelTerminal', () => {
  /** The microtasks of this turn run: what the terminal wrote in it is sent. */
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('turns every newline into CR LF (there is no pty line discipline on the server side)', async () => {
    const ch = new FakeChannel();
    const t = new ChannelTerminal(ch, { cols: 90, rows: 30 });
    t.write('one\ntwo\r\nthree\n');
    await turn();
    expect(ch.written.join('')).toBe('one\r\ntwo\r\nthree\r\n');
    expect([t.columns, t.rows, t.isTTY]).toEqual([90, 30, true]);
  });

  it('takes its size from the pty and window changes, within sane bounds, and says so with resize', () => {
    const t = new ChannelTerminal(new FakeChannel(), { cols: 0, rows: Number.NaN });
    expect([t.columns, t.rows]).toEqual([80, 24]);
    const resized = vi.fn();
    t.on('resize', resized);
    t.resize(100_000, 4_000_000_000);
    expect([t.columns, t.rows]).toEqual([MAX_COLUMNS, MAX_ROWS]);
    t.resize(MAX_COLUMNS, MAX_ROWS);
    expect(resized).toHaveBeenCalledTimes(1);
  });

  it('sends what one turn of the event loop wrote as one write: a frame is one SSH packet', async () => {
    const ch = new FakeChannel();
    const t = new ChannelTerminal(ch, {});
    t.write('\u001b[?25l');
    t.write('row 1\n');
    t.write('row 2');
    expect(ch.written).toEqual([]);
    await turn();
    expect(ch.written).toEqual(['\u001b[?25lrow 1\r\nrow 2']);
    t.write('next');
    await turn();
    expect(ch.written).toEqual(['\u001b[?25lrow 1\r\nrow 2', 'next']);
  });

  it('drops frames while a client is not reading, and redraws everything once it drains', async () => {
    const ch = new FakeChannel();
    const t = new ChannelTerminal(ch, { cols: 80, rows: 24 }, 10);
    ch.accept = false;
    t.write('x'.repeat(20));
    await turn();
    t.write('lost');
    await turn();
    expect(t.dropped).toBe(1);
    expect(ch.written).toHaveLength(1);
    const redraw = vi.fn();
    t.on('resize', redraw);
    ch.accept = true;
    ch.emit('drain');
    expect(redraw).toHaveBeenCalledTimes(1);
    t.write('back');
    await turn();
    expect(ch.written.at(-1)).toBe('back');
  });

  it('sends what is waiting when the session ends, and nothing when the channel is gone', async () => {
    const ended = new FakeChannel();
    const t = new ChannelTerminal(ended, {});
    t.write('restored');
    t.close();
    expect(ended.written).toEqual(['restored']);
    const gone = new FakeChannel();
    const u = new ChannelTerminal(gone, {});
    u.write('never sent');
    u.close({ discard: true });
    await turn();
    expect(gone.written).toEqual([]);
  });

  it('writes nothing once closed', () => {
    const ch = new FakeChannel();
    const t = new ChannelTerminal(ch, {});
    t.close();
    t.write('late');
    expect(ch.written).toEqual([]);
  });
});

describe('SessionInput', () => {
  it('is a TTY to Ink, and gives back what its key handlers throw', () => {
    const input = new SessionInput();
    expect(input.isTTY).toBe(true);
    expect(() => {
      input.setRawMode();
      input.ref();
      input.unref();
    }).not.toThrow();
    input.on('readable', () => {
      if (input.read() === 'boom') throw new Error('handler failed');
    });
    expect(() => input.push('boom')).toThrow('handler failed');
  });
});

describe('InputPump', () => {
  it('hands typing on at once, whole characters only', () => {
    const got: string[] = [];
    const pump = new InputPump((t) => got.push(t));
    const euro = Buffer.from('€');
    pump.feed(euro.subarray(0, 1));
    pump.feed(euro.subarray(1));
    pump.feed(Buffer.from('q'));
    expect(got).toEqual(['€', 'q']);
  });

  it('serves a flood a bounded slice per turn, never cuts an escape sequence, and drops what it cannot keep', async () => {
    const got: string[] = [];
    const pump = new InputPump((t) => got.push(t), { maxPending: 100, perTurn: 10, pauseMs: 1 });
    pump.feed(`abcdefgh\u001b[Bxyz${'j'.repeat(200)}`);
    expect(pump.dropped).toBe(8 + 3 + 3 + 200 - 100);
    expect(got).toEqual([]);
    await vi.waitFor(() => expect(got.join('').length).toBe(100), { timeout: 2000, interval: 5 });
    expect(got[0]).toBe('abcdefgh');
    expect(got[1]!.startsWith('\u001b[B')).toBe(true);
    expect(Math.max(...got.map((g) => g.length))).toBeLessThanOrEqual(10);
    pump.stop();
  });
});
