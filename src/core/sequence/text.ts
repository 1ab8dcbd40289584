// Text for a diagram's cells: what a label, note or name may contain once
// drawn, how wide it is, and how it is shortened to the room it has. Widths
// are display columns (core/layout/width.ts), so a CJK name takes two per character.
import { displayWidth, graphemes } from '../layout/width.js';

export type Charset = 'unicode' | 'ascii';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
const NON_ASCII = /[^\x20-\x7e]/;

/** What marks a label shortened past its shortest form. */
const ELLIPSIS: Record<Charset, string> = { unicode: '…', ascii: '~' };

/** A drawable piece of text: one grapheme and the columns it takes (at least 1). */
export interface Cluster {
  text: string;
  width: number;
}

/**
 * The text as it can be drawn in a cell grid: a control character (a tab, a
 * line break) becomes `?`, and so does anything outside 7-bit ASCII in the
 * `ascii` charset; graphemes that take no column are left out.
 */
export function cleanText(text: string, charset: Charset): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  for (const segment of graphemes(text)) {
    if (CONTROL.test(segment) || (charset === 'ascii' && NON_ASCII.test(segment))) out += '?';
    else if (displayWidth(segment) > 0) out += segment;
  }
  return out;
}

/** The display width of text that `cleanText` has passed. */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const c of clusters(text)) width += c.width;
  return width;
}

/** Clean text split into graphemes, each with its width. */
export function clusters(text: string): Cluster[] {
  if (PRINTABLE_ASCII.test(text)) return Array.from(text, (ch) => ({ text: ch, width: 1 }));
  return graphemes(text).map((segment) => ({
    text: segment,
    width: Math.max(1, displayWidth(segment)),
  }));
}

/**
 * The longest candidate (they come longest first) that fits `room` columns.
 * When none does, the last (shortest) one is cut to the room and ends with an
 * ellipsis (`…`, `~` in 7-bit), so a shortened label always shows it was
 * shortened; with no room at all, nothing is drawn.
 */
export function fitText(candidates: string | readonly string[], room: number, charset: Charset): string {
  const list = typeof candidates === 'string' ? [candidates] : candidates;
  let last = '';
  for (const candidate of list) {
    last = cleanText(candidate, charset);
    if (textWidth(last) <= room) return last;
  }
  return cutText(last, room, charset);
}

/** `text` if it fits `room` columns, else as much as fits before an ellipsis. */
function cutText(text: string, room: number, charset: Charset): string {
  if (textWidth(text) <= room) return text;
  if (room <= 0) return '';
  const ellipsis = ELLIPSIS[charset];
  let out = '';
  let used = 0;
  for (const c of clusters(text)) {
    if (used + c.width > room - 1) break;
    out += c.text;
    used += c.width;
  }
  return out + ellipsis;
}
