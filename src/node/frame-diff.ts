// Turns Ink's output into the smallest screen update: Ink (in its standard
// mode) erases its whole live frame and writes it again on every change. This
// keeps a copy of the frame Ink means to show, and emits only the rows that
// differ from what the terminal already shows, each at an absolute position on
// the alternate screen. Over SSH that is a few dozen bytes per key instead of
// the whole screen, and it cannot drift: no row depends on where the cursor
// was left by the previous frame.
//
// Pure (strings in, strings out), but it speaks the terminal's protocol, so it
// lives beside the stream that uses it rather than in src/core.
import { displayWidth, graphemes } from '../core/layout/width.js';

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
  /** Whether the terminal's cursor is hidden: Ink hiding it again is not passed on. */
  private cursorHidden: boolean;
  /** The frame changed since the terminal was last updated. */
  private dirty = false;
  /** Inside a synchronized update (CSI ?2026h … l): the terminal is updated at its end, once. */
  private synchronized = false;

  constructor({ cursorHidden = false }: { cursorHidden?: boolean } = {}) {
    this.cursorHidden = cursorHidden;
  }

  /** Forget what the terminal shows (after a resize or a clear): the next update redraws everything. */
  invalidate(): string {
    this.shown = [];
    this.dirty = true;
    return `${CSI}H${CSI}2J`;
  }

  /**
   * Puts a whole frame on the terminal that Ink did not draw (the first home screen, drawn before Ink has
   * loaded): its rows as Ink writes them, separated by newlines. Returns what to send. The terminal then
   * shows it, and Ink's own first frame is compared with it as with any frame on screen; Ink's idea of
   * the frame (empty, at the top) is left as it was.
   */
  show(frame: string): string {
    const lines = this.lines;
    const row = this.row;
    this.lines = [];
    this.row = 0;
    const out = this.feed(frame);
    this.lines = lines;
    this.row = row;
    return out;
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
        else if (final === 'K' && params === '2') {
          this.lines[this.row] = '';
          this.dirty = true;
        } else if (final === 'J' && (params === '2' || params === '3')) {
          this.lines = [];
          this.row = 0;
          this.dirty = true;
        } else if (final === 'H') this.row = 0;
        else if (params === '?25' && (final === 'h' || final === 'l')) {
          if (this.cursorHidden !== (final === 'l')) passthrough += token;
          this.cursorHidden = final === 'l';
        } else if (params === '?2026' && (final === 'h' || final === 'l')) this.synchronized = final === 'h';
        // Everything else (cursor columns, erase to end of line) has no effect on the frame's content, or is
        // redone by our own update.
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
    // Ink writes a frame inside a synchronized update, in several writes (the markers, the cursor, the rows):
    // the terminal gets the rows that changed once the frame is whole. A write that changed no row (a
    // marker, the cursor) changes nothing on the terminal either, so a frame on screen that Ink did not draw
    // (show) stays there until Ink draws its own.
    if (!this.dirty || this.synchronized) return passthrough;
    return passthrough + this.update();
  }

  private write(text: string): void {
    while (this.lines.length <= this.row) this.lines.push('');
    this.lines[this.row] += text;
    this.dirty = true;
  }

  /** Rows that changed: only the changed stretch of each, at its absolute position. */
  private update(): string {
    // Ink ends a frame with a newline; a trailing empty row is not part of the picture.
    const next = [...this.lines];
    while (next.length > 0 && next[next.length - 1] === '') next.pop();
    this.dirty = false;
    let out = '';
    const rows = Math.max(next.length, this.shown.length);
    for (let r = 0; r < rows; r++) {
      const line = next[r] ?? '';
      const old = this.shown[r] ?? '';
      if (line === old) continue;
      // A row that was blank is simply written; only rows that change are compared cell by cell.
      out += old === '' ? `${CSI}${r + 1};1H${line}${CSI}0m` : rowUpdate(r, cellsOf(old), cellsOf(line));
    }
    this.shown = next;
    return out;
  }
}

interface Cell {
  ch: string;
  /** The SGR codes in effect, canonical (so equal styles compare equal). */
  style: string;
}

interface Style {
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
  strike: boolean;
  fg: string;
  bg: string;
}

const PLAIN: Style = {
  bold: false,
  dim: false,
  italic: false,
  underline: false,
  inverse: false,
  strike: false,
  fg: '',
  bg: '',
};

function applySgr(style: Style, params: string): Style {
  const s = { ...style };
  const codes = params === '' ? [0] : params.split(';').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) Object.assign(s, PLAIN);
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 22) s.bold = s.dim = false;
    else if (c === 3) s.italic = true;
    else if (c === 23) s.italic = false;
    else if (c === 4) s.underline = true;
    else if (c === 24) s.underline = false;
    else if (c === 7) s.inverse = true;
    else if (c === 27) s.inverse = false;
    else if (c === 9) s.strike = true;
    else if (c === 29) s.strike = false;
    else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) s.fg = String(c);
    else if (c === 39) s.fg = '';
    else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) s.bg = String(c);
    else if (c === 49) s.bg = '';
    else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
      c === 38 ? (s.fg = `${c};5;${codes[i + 2]}`) : (s.bg = `${c};5;${codes[i + 2]}`);
      i += 2;
    } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
      const v = `${c};2;${codes[i + 2]};${codes[i + 3]};${codes[i + 4]}`;
      if (c === 38) s.fg = v;
      else s.bg = v;
      i += 4;
    }
  }
  return s;
}

function sgrOf(s: Style): string {
  const codes: string[] = ['0'];
  if (s.bold) codes.push('1');
  if (s.dim) codes.push('2');
  if (s.italic) codes.push('3');
  if (s.underline) codes.push('4');
  if (s.inverse) codes.push('7');
  if (s.strike) codes.push('9');
  if (s.fg) codes.push(s.fg);
  if (s.bg) codes.push(s.bg);
  return `${CSI}${codes.join(';')}m`;
}

const SGR = /\u001B\[([0-9;]*)m/y;

/** A line as screen cells; a wide character takes two (the second is empty). */
function cellsOf(line: string): Cell[] {
  const cells: Cell[] = [];
  let style = PLAIN;
  let key = sgrOf(style);
  let i = 0;
  while (i < line.length) {
    SGR.lastIndex = i;
    const m = SGR.exec(line);
    if (m) {
      style = applySgr(style, m[1] ?? '');
      key = sgrOf(style);
      i = SGR.lastIndex;
      continue;
    }
    const next = line.indexOf(ESC, i);
    const text = line.slice(i, next < 0 ? line.length : next);
    for (const g of graphemes(text)) {
      cells.push({ ch: g, style: key });
      if (displayWidth(g) === 2) cells.push({ ch: '', style: key });
    }
    i = next < 0 ? line.length : next;
    if (next >= 0 && !line.startsWith(`${ESC}[`, next)) i += 1;
  }
  return cells;
}

const same = (a: Cell | undefined, b: Cell | undefined) =>
  a !== undefined && b !== undefined && a.ch === b.ch && a.style === b.style;

function rowUpdate(row: number, old: Cell[], next: Cell[]): string {
  let start = 0;
  while (start < next.length && same(old[start], next[start])) start++;
  // Never start on the second half of a wide character.
  while (start > 0 && next[start]?.ch === '') start--;
  let end = next.length;
  if (next.length === old.length) {
    while (end > start && same(old[end - 1], next[end - 1])) end--;
    while (end < next.length && next[end]?.ch === '') end++;
  }
  // The same cells written another way (Ink's codes against the first frame's): nothing to send.
  if (start === next.length && next.length === old.length) return '';
  let out = `${CSI}${row + 1};${start + 1}H`;
  let style: string | undefined;
  for (let c = start; c < end; c++) {
    const cell = next[c]!;
    if (cell.ch === '') continue;
    if (cell.style !== style) {
      out += cell.style;
      style = cell.style;
    }
    out += cell.ch;
  }
  if (style !== undefined && style !== `${CSI}0m`) out += `${CSI}0m`;
  if (next.length < old.length) out += `${CSI}K`;
  return out;
}
