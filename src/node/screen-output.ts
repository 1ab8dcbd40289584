// The stream Ink draws on: it forwards to the real terminal only the rows
// that changed (see frame-diff.ts), on the alternate screen, so
// the learner's terminal and its scrollback are left as they were on exit.
import { Writable } from 'node:stream';
import { ENTER_ALTERNATE_SCREEN, FrameDiff, HIDE_CURSOR, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR } from './frame-diff.js';

export interface TerminalLike {
  write(text: string): unknown;
  columns?: number;
  rows?: number;
  isTTY?: boolean;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

export class ScreenOutput extends Writable {
  // The cursor is hidden from the start (below), so Ink hiding it again sends nothing.
  private readonly diff = new FrameDiff({ cursorHidden: true });
  private restored = false;
  private readonly onResize = () => {
    this.target.write(this.diff.invalidate());
    this.emit('resize');
  };

  constructor(private readonly target: TerminalLike) {
    super({ decodeStrings: false });
    target.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
    target.on('resize', this.onResize);
  }

  get columns(): number {
    return this.target.columns || 80;
  }

  get rows(): number {
    return this.target.rows || 24;
  }

  get isTTY(): boolean {
    return true;
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (!this.restored) {
      const out = this.diff.feed(String(chunk));
      if (out) this.target.write(out);
    }
    callback();
  }

  /**
   * Draws a frame Ink did not render (rows separated by newlines, SGR codes as Ink writes them): the first
   * home screen, before Ink has loaded. Ink's first frame is then compared with it, row by row and cell by
   * cell, so taking over writes only what differs.
   */
  show(frame: string): void {
    if (this.restored) return;
    const out = this.diff.show(frame);
    if (out) this.target.write(out);
  }

  /** Back to the learner's own screen, cursor visible. Safe to call twice. */
  restore(): void {
    if (this.restored) return;
    this.restored = true;
    this.target.off('resize', this.onResize);
    this.target.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  }
}
