// An SSH channel as the terminal Ink draws on and reads from (see the design
// notes, "Driving Ink from a custom Duplex"). The channel is a plain stream:
// no line discipline, no TTY. So:
// - output: `\n` becomes `\r\n` (a local pty's ONLCR; without it every row
//   starts where the previous one ended), the size is the client's pty size,
//   and a window-change is a 'resize';
// - input: what Ink expects of a TTY stdin (isTTY, setRawMode, ref/unref),
//   fed one piece at a time through `push`, so an exception thrown by a key's
//   handler comes back to the caller, which ends only that session;
// - a learner flooding input is served a bounded slice per turn of the event
//   loop, and what cannot be kept is dropped, so the others never wait for it.
import { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { TerminalLike } from '../node/screen-output.js';

/** The part of an ssh2 channel the terminal uses. */
export interface ChannelLike {
  write(data: string): boolean;
  readonly writableLength?: number;
  on(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
}

/** Window sizes a client may ask for are kept within these (a hostile 100000x100000 would cost memory). */
export const MAX_COLUMNS = 500;
export const MAX_ROWS = 200;

function clampSize(value: unknown, max: number, fallback: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) return fallback;
  return Math.min(max, Math.floor(n));
}

/**
 * The learner's terminal, seen from the server: what ScreenOutput writes to.
 * What is written in one turn of the event loop (a frame comes as several
 * writes: the cursor hidden, the changed rows…) leaves as one write to the
 * channel, so as one SSH packet: each packet costs an encryption and a system
 * call, and with Nagle off it is also sent on its own.
 * When the client stops reading (a frozen terminal, a stalled link) and more
 * than `maxBuffered` bytes wait, frames are dropped rather than queued; once
 * the channel drains, the whole screen is drawn again.
 */
export class ChannelTerminal extends EventEmitter implements TerminalLike {
  readonly isTTY = true;
  columns: number;
  rows: number;
  /** Frames dropped while the client was not reading (a test and the dashboard can see it). */
  dropped = 0;
  private closed = false;
  private stalled = false;
  /** Written in this turn of the event loop, not yet sent. */
  private pending = '';

  constructor(
    private readonly channel: ChannelLike,
    size: { cols?: number; rows?: number },
    private readonly maxBuffered = 256 * 1024,
  ) {
    super();
    this.columns = clampSize(size.cols, MAX_COLUMNS, 80);
    this.rows = clampSize(size.rows, MAX_ROWS, 24);
    channel.on('drain', this.onDrain);
  }

  write(text: string): boolean {
    if (this.closed) return false;
    if (this.stalled) {
      this.dropped++;
      return false;
    }
    if (this.pending === '') queueMicrotask(this.flush);
    this.pending += text;
    return true;
  }

  /** Sends what this turn wrote, as one write. */
  private readonly flush = () => {
    const text = this.pending;
    this.pending = '';
    if (this.closed || text === '') return;
    const ok = this.channel.write(text.replace(/\r?\n/g, '\r\n'));
    if (!ok && (this.channel.writableLength ?? 0) > this.maxBuffered) this.stalled = true;
  };

  /** A window-change from the client. */
  resize(cols: unknown, rows: unknown): void {
    const columns = clampSize(cols, MAX_COLUMNS, this.columns);
    const r = clampSize(rows, MAX_ROWS, this.rows);
    if (columns === this.columns && r === this.rows) return;
    this.columns = columns;
    this.rows = r;
    this.emit('resize');
  }

  /**
   * Nothing more is written: the session ended (what this turn wrote is sent first), or the channel closed
   * (`discard`: there is nowhere to send it).
   */
  close(options: { discard?: boolean } = {}): void {
    if (this.closed) return;
    if (!options.discard) {
      try {
        this.flush();
      } catch {
        // The channel is gone: nothing can reach the learner now.
      }
    }
    this.closed = true;
    this.channel.off('drain', this.onDrain);
  }

  private readonly onDrain = () => {
    if (!this.stalled || this.closed) return;
    this.stalled = false;
    // ScreenOutput answers a resize by forgetting what the screen shows: the next frame is drawn whole.
    this.emit('resize');
  };
}

/** What Ink reads keys from: a TTY-like stdin fed by `push`. */
export class SessionInput extends EventEmitter {
  readonly isTTY = true;
  private readonly queue: string[] = [];
  setEncoding(): this {
    return this;
  }
  setRawMode(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  read(): string | null {
    return this.queue.shift() ?? null;
  }
  /** Hands `text` to Ink at once; whatever Ink's key handlers throw is thrown here. */
  push(text: string): void {
    this.queue.push(text);
    this.emit('readable');
  }
}

export interface InputLimits {
  /** Characters waiting at most; more are dropped (default 4096). */
  maxPending: number;
  /** Characters handed on per turn (default 256). */
  perTurn: number;
  /** Pause between turns while a backlog remains, in ms (default 10). */
  pauseMs: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxPending: 4096, perTurn: 256, pauseMs: 10 };

/**
 * Bytes from the channel → text for the app, at a bounded rate. Typing (a few
 * characters at a time) goes straight through; a backlog is handed on
 * `perTurn` characters at a time with a pause between, never cutting an
 * escape sequence or a character in two, and whatever exceeds `maxPending` is
 * dropped, as a full type-ahead buffer would.
 */
export class InputPump {
  /** Characters dropped so far. */
  dropped = 0;
  private pending = '';
  private readonly decoder = new StringDecoder('utf8');
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private stopped = false;

  constructor(
    private readonly deliver: (text: string) => void,
    private readonly limits: InputLimits = DEFAULT_INPUT_LIMITS,
  ) {}

  feed(data: Buffer | string): void {
    if (this.stopped) return;
    const text = typeof data === 'string' ? data : this.decoder.write(data);
    if (text === '') return;
    const room = this.limits.maxPending - this.pending.length;
    if (text.length > room) this.dropped += text.length - Math.max(0, room);
    this.pending += text.slice(0, Math.max(0, room));
    if (this.timer) return;
    if (this.pending.length <= this.limits.perTurn) this.turn();
    else this.timer = setImmediate(this.run);
  }

  stop(): void {
    this.stopped = true;
    this.pending = '';
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = undefined;
  }

  private readonly run = () => {
    this.timer = undefined;
    if (!this.stopped) this.turn();
  };

  private turn(): void {
    let cut = Math.min(this.pending.length, this.limits.perTurn);
    if (cut < this.pending.length) {
      // Not inside an escape sequence (Ink would take its start for a lone Esc) nor a surrogate pair.
      const esc = this.pending.lastIndexOf('\u001b', cut - 1);
      if (esc > 0 && cut - esc < 16) cut = esc;
      const code = this.pending.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut--;
    }
    const piece = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    if (this.pending !== '') this.timer = setTimeout(this.run, this.limits.pauseMs);
    this.deliver(piece);
  }
}
