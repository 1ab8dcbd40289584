// Turns Ink's output into the smallest screen update: Ink (in its standard
// mode) erases its whole live frame and writes it again on every change. This
// keeps a copy of the frame Ink means to show, and emits only the rows that
// differ from what the terminal already shows, each at an absolute position on
// the alternate screen. Over SSH that is a few dozen bytes per key instead of
// the whole screen, and it cannot drift: no row depends on where the cursor
// was left by the previous frame.
//
// Pure: strings in, strings out.

const ESC = '\u001B';
const CSI = `${ESC}[`;

export const ENTER_ALTERNATE_SCREEN = `${CSI}?1049h${CSI}H${CSI}2J`;
export const LEAVE_ALTERNATE_SCREEN = `${CSI}?1049l`;
export const HIDE_CURSOR = `${CSI}?25l`;
export const SHOW_CURSOR = `${CSI}?25h`;

// CSI sequences (parameters, intermediates, final byte), other two-byte escapes, or a run of text.
const TOKEN = /\u001B\[([0-?]*)([ -/]*)([@-~])|\u001B[@-Z\\-_]|[^\u001B]+|\u001B/g;

export class FrameDiff {
  /** The frame as Ink means it, one string per row (SGR codes kept). */
  private lines: string[] = [];
  private row = 0;
  /** What the terminal shows now, row by row. */
  private shown: string[] = [];

  /** Forget what the terminal shows (after a resize or a clear): the next update redraws everything. */
  invalidate(): string {
    this.shown = [];
    return `${CSI}H${CSI}2J`;
  }

  /** Feeds one write of Ink's; returns what to send to the terminal. */
  feed(chunk: string): string {
    let passthrough = '';
    for (const match of chunk.matchAll(TOKEN)) {
      const token = match[0];
      if (match[3] !== undefined) {
        const params = match[1] ?? '';
        const final = match[3];
        const n = params === '' ? 1 : Number.parseInt(params, 10) || 1;
        if (final === 'm') this.write(token);
        else if (final === 'A') this.row = Math.max(0, this.row - n);
        else if (final === 'B' || final === 'E') this.row += n;
        else if (final === 'F') this.row = Math.max(0, this.row - n);
        else if (final === 'K' && params === '2') this.lines[this.row] = '';
        else if (final === 'J' && (params === '2' || params === '3')) {
          this.lines = [];
          this.row = 0;
        } else if (final === 'H') this.row = 0;
        else if (params === '?25' && (final === 'h' || final === 'l')) passthrough += token;
        // Everything else (cursor columns, synchronized-output markers, erase to end of line) has no
        // effect on the frame's content, or is redone by our own update.
      } else if (token.startsWith(ESC)) {
        // A lone or two-byte escape: not part of a frame.
      } else {
        const parts = token.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) this.row += 1;
          if (part !== '') this.write(part.replaceAll('\r', ''));
        });
      }
    }
    return passthrough + this.update();
  }

  private write(text: string): void {
    while (this.lines.length <= this.row) this.lines.push('');
    this.lines[this.row] += text;
  }

  /** Rows that changed, each written at its absolute position and cleared to the end of the line. */
  private update(): string {
    // Ink ends a frame with a newline; a trailing empty row is not part of the picture.
    const next = [...this.lines];
    while (next.length > 0 && next[next.length - 1] === '') next.pop();
    let out = '';
    const rows = Math.max(next.length, this.shown.length);
    for (let r = 0; r < rows; r++) {
      const line = next[r] ?? '';
      if (line === (this.shown[r] ?? '')) continue;
      out += `${CSI}${r + 1};1H${line}${CSI}0m${CSI}K`;
    }
    this.shown = next;
    return out;
  }
}
