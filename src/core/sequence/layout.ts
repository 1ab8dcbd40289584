// The sequence-diagram layout: any number of lanes (lifelines) side by side,
// their names at the top, time (ms) in the left margin and flowing down.
// Each message is an arrow that steps down from its sender's lane to its
// receiver's over its flight time, labelled; an arrow that skips lanes is
// drawn over them. A lost message ends half way with a cross. Notes (states,
// timers, errors) are written beside a lane; a long quiet stretch is drawn as
// a break with its length. Pure: lanes + events + width + charset → lines.
//
// The TCP ladder (src/core/ladder) is this layout with two lanes. See
// docs/sequence-layout.md for what goes in and what comes out.
import { type Row, blankRow, put, rowText } from './grid.js';
import { type Charset, fitText, textWidth } from './text.js';

export type { Charset } from './text.js';

export interface SequenceLane {
  /** The name above the lifeline, centred on it; candidates longest first. */
  name: string | readonly string[];
  /** A second, shorter header beside the top of the lifeline, e.g. a port (`:8080`). */
  sub?: string | readonly string[];
}

export type MessageId = number | string;

export type SequenceEvent =
  /** A message leaves lane `from` for lane `to`; `labels` are its candidate labels, longest first. */
  | { t: number; kind: 'send'; id: MessageId; from: number; to: number; labels: readonly string[] }
  /** The message `id` arrives at its receiver (a duplicate may arrive twice). */
  | { t: number; kind: 'arrive'; id: MessageId }
  /** The message `id` is lost on the way: its arrow ends half way with a cross. */
  | { t: number; kind: 'lose'; id: MessageId }
  /** A note beside lane `lane` (a state, a timer, an error); candidates longest first. */
  | { t: number; kind: 'note'; lane: number; text: string | readonly string[] }
  /** Something that happens at `t` and gets a row but draws nothing (an application call). */
  | { t: number; kind: 'mark' };

export interface SequenceOptions {
  /** Columns, from MIN_SEQUENCE_WIDTH; wider than MAX_SEQUENCE_WIDTH is drawn at that width. */
  width: number;
  charset: Charset;
  /** Draw only as far as this event index (a player unfolds a run); rows do not move. */
  upTo?: number;
  /** A quiet stretch longer than this, with nothing in flight, is drawn as a break (default 400). */
  breakAfterMs?: number;
  /**
   * Columns for notes left of the first lane and right of the last (default 12, as
   * `SYN-RECEIVED`); fewer when the lanes would otherwise come closer than 7 columns.
   */
  noteWidth?: number;
}

export interface SequenceDiagram {
  lines: string[];
  /** For each event, the row it is drawn on (rows 0 and 1 are the header). */
  eventRows: number[];
  /** The width the diagram was laid out for. */
  width: number;
}

export const MIN_SEQUENCE_WIDTH = 56;
export const MAX_SEQUENCE_WIDTH = 200;
/** Lanes are at least this many columns apart, so a label between neighbours has a column. */
const MIN_LANE_GAP = 7;
/** A message and its reverse share a row only when each label keeps this many columns. */
const MIN_SHARED_ROOM = 4;
const DEFAULT_NOTE_WIDTH = 12;
/** Notes beside the outer lanes get at least this many columns. */
const MIN_NOTE_WIDTH = 6;
const DEFAULT_BREAK_MS = 400;
/** The header: names, then the tops of the lifelines with their sub-labels. */
const HEADER_ROWS = 2;

export class SequenceWidthError extends Error {
  constructor(
    readonly width: number,
    readonly minimum: number,
  ) {
    super(`a width of ${width} is too narrow: the diagram needs at least ${minimum} columns`);
    this.name = 'SequenceWidthError';
  }
}

interface Glyphs {
  life: string;
  top: string;
  dash: string;
  right: string;
  left: string;
  lost: string;
  gap: string;
}

const GLYPHS: Record<Charset, Glyphs> = {
  unicode: { life: '│', top: '┬', dash: '─', right: '►', left: '◄', lost: '✕', gap: '┊' },
  ascii: { life: '|', top: '+', dash: '-', right: '>', left: '<', lost: 'x', gap: ':' },
};

interface Message {
  send: number;
  from: number;
  to: number;
  /** The columns strictly between the two lifelines, and their distance. */
  inner0: number;
  inner1: number;
  span: number;
  /** The distance to the first lane the arrow passes over (its label stays short of it), else `span`. */
  hop: number;
  /** How far along the arrow a loss is marked: half way, or just short of a lane that is there. */
  lostAt: number;
  /** How far along the arrow it passes over each lane between its ends. */
  crossings: number[];
  rightward: boolean;
  /** Arrivals (a duplicate arrives twice) and losses, by event index. */
  ends: Array<{ index: number; lost: boolean }>;
}

/** Half an arrow's room for its label, when a message and its reverse leave on one row. */
const sharedRoom = (m: Message) => Math.floor(m.span / 2) - 3;

/**
 * Two messages sent at one time need rows of their own when their arrows
 * overlap, unless one is the other reversed: then they share a row, their
 * labels at either end (each in half the room, between neighbouring lanes,
 * when that half is wide enough).
 */
function clash(a: Message, b: Message): boolean {
  if (a.from === b.to && a.to === b.from) return a.hop === a.span && sharedRoom(a) < MIN_SHARED_ROOM;
  return a.inner0 <= b.inner1 && b.inner0 <= a.inner1;
}

/** The column `k` steps along a message's arrow. */
function along(m: Message, k: number): number {
  return m.rightward ? m.inner0 + k : m.inner1 - k;
}

function checkEvents(lanes: number, events: readonly SequenceEvent[]): void {
  const lane = (n: number, what: string) => {
    if (!Number.isInteger(n) || n < 0 || n >= lanes)
      throw new RangeError(`${what} ${n} is not a lane (0 to ${lanes - 1})`);
  };
  events.forEach((e, i) => {
    if (!Number.isFinite(e.t)) throw new RangeError(`event ${i} has no finite time`);
    if (e.kind === 'send') {
      lane(e.from, `event ${i}: from`);
      lane(e.to, `event ${i}: to`);
      if (e.from === e.to) throw new RangeError(`event ${i}: a message goes from one lane to another`);
    } else if (e.kind === 'note') lane(e.lane, `event ${i}: lane`);
  });
}

/** Lays out a sequence diagram of `events` between `lanes` (at least two) in `opts.width` columns. */
export function layoutSequence(
  lanes: readonly SequenceLane[],
  events: readonly SequenceEvent[],
  opts: SequenceOptions,
): SequenceDiagram {
  if (lanes.length < 2) throw new RangeError('a sequence diagram needs at least two lanes');
  checkEvents(lanes.length, events);
  const width = Math.floor(Math.min(opts.width, MAX_SEQUENCE_WIDTH));
  if (!Number.isFinite(width) || width < MIN_SEQUENCE_WIDTH)
    throw new SequenceWidthError(opts.width, MIN_SEQUENCE_WIDTH);
  const { charset } = opts;
  const g = GLYPHS[charset];
  const upTo = opts.upTo === undefined ? events.length - 1 : Math.min(opts.upTo, events.length - 1);
  const breakAfterMs = opts.breakAfterMs ?? DEFAULT_BREAK_MS;

  // Geometry: the time margin, room for notes left of the first lane and
  // right of the last, and the lanes evenly spread between. When the lanes
  // would come too close, the room for those notes shrinks first.
  const maxT = events.reduce((m, e) => Math.max(m, e.t), 0);
  const timeWidth = Math.max(4, String(maxT).length) + 1;
  const n = lanes.length;
  const lanesWidth = (n - 1) * MIN_LANE_GAP;
  const noteWidth = Math.min(
    Math.max(MIN_NOTE_WIDTH, Math.floor(opts.noteWidth ?? DEFAULT_NOTE_WIDTH)),
    Math.floor((width - timeWidth - 3 - lanesWidth) / 2),
  );
  if (noteWidth < MIN_NOTE_WIDTH) {
    const minimum = Math.max(MIN_SEQUENCE_WIDTH, timeWidth + 3 + lanesWidth + 2 * MIN_NOTE_WIDTH);
    throw new SequenceWidthError(opts.width, minimum);
  }
  const first = timeWidth + noteWidth + 1;
  const last = width - noteWidth - 2;
  const cols = lanes.map((_, k) => first + Math.round((k * (last - first)) / (n - 1)));
  const isInner = (lane: number) => lane > 0 && lane < n - 1;

  // Times, in order, with what happens then.
  const byTime = new Map<number, number[]>();
  events.forEach((e, i) => {
    const list = byTime.get(e.t) ?? [];
    list.push(i);
    byTime.set(e.t, list);
  });
  const times = [...byTime.keys()].sort((a, b) => a - b);

  // Each message: its send, its arrivals or loss, and the columns its arrow spans.
  const messages = new Map<MessageId, Message>();
  events.forEach((e, i) => {
    if (e.kind === 'send') {
      const a = cols[e.from]!;
      const b = cols[e.to]!;
      const rightward = b > a;
      const inner0 = Math.min(a, b) + 1;
      const inner1 = Math.max(a, b) - 1;
      const span = inner1 - inner0;
      const passed = cols[e.from + (rightward ? 1 : -1)]!;
      const m: Message = {
        send: i,
        from: e.from,
        to: e.to,
        inner0,
        inner1,
        span,
        hop: Math.abs(passed - a) - 2,
        lostAt: 0,
        crossings: [],
        rightward,
        ends: [],
      };
      for (let k = 0; k <= span; k++) if (cols.includes(along(m, k))) m.crossings.push(k);
      const half = Math.round(0.5 * span);
      m.lostAt = m.crossings.includes(half) ? half - 1 : half;
      messages.set(e.id, m);
    } else if (e.kind === 'arrive' || e.kind === 'lose') {
      messages.get(e.id)?.ends.push({ index: i, lost: e.kind === 'lose' });
    }
  });
  const messageOf = (i: number) => messages.get((events[i] as { id: MessageId }).id);
  const inFlightAfter = (t: number) => {
    for (const m of messages.values()) {
      if (events[m.send]!.t <= t && m.ends.some((end) => events[end.index]!.t > t)) return true;
    }
    return false;
  };

  // Rows. Each time gets a first row, where its time is written and messages
  // arrive; notes of the outer lanes go down from there. Notes of an inner
  // lane sit right of it, from the first row too unless an arrowhead or a
  // cross lands there (then from the next). Messages leave on the rows after
  // those, so a label never meets an arrowhead or a note of the same time;
  // two whose arrows overlap leave on different rows. After each time, a row
  // of air, or a break after a long quiet stretch.
  const rows: Row[] = Array.from({ length: HEADER_ROWS }, () => blankRow(width));
  const eventRows: number[] = new Array(events.length).fill(0);
  const noteRows: Array<{ row: number; lane: number; index: number }> = [];
  const sendRows = new Map<Message, number>();
  const rowSends = new Map<number, Message[]>();
  times.forEach((t, ti) => {
    const indices = byTime.get(t)!;
    const base = rows.length;
    // Where notes of each inner lane start: after any arrowhead or cross beside it.
    const innerStart = new Array<number>(n).fill(0);
    for (const i of indices) {
      const e = events[i]!;
      if (e.kind !== 'arrive' && e.kind !== 'lose') continue;
      const m = messageOf(i);
      if (!m) continue;
      const tip = along(m, e.kind === 'lose' ? m.lostAt : m.span);
      for (let k = 1; k < n - 1; k++) if (tip > cols[k]! && tip < cols[k + 1]!) innerStart[k] = 1;
    }
    const notesUsed = new Array<number>(n).fill(0);
    let sendStart = 1;
    for (const i of indices) {
      const e = events[i]!;
      if (e.kind !== 'note') continue;
      const offset = isInner(e.lane) ? innerStart[e.lane]! : 0;
      const row = base + offset + notesUsed[e.lane]!;
      noteRows.push({ row, lane: e.lane, index: i });
      eventRows[i] = row;
      notesUsed[e.lane]! += 1;
      if (isInner(e.lane)) sendStart = Math.max(sendStart, offset + notesUsed[e.lane]!);
    }
    const slots: Message[][] = [];
    for (const i of indices) {
      const e = events[i]!;
      if (e.kind === 'note') continue;
      if (e.kind !== 'send') {
        eventRows[i] = base;
        continue;
      }
      const m = messages.get(e.id)!;
      let slot = 0;
      while (slots[slot]?.some((other) => clash(other, m))) slot += 1;
      (slots[slot] ??= []).push(m);
      const row = base + sendStart + slot;
      eventRows[i] = row;
      sendRows.set(m, row);
      const onRow = rowSends.get(row) ?? [];
      onRow.push(m);
      rowSends.set(row, onRow);
    }
    const height = Math.max(...notesUsed, sendStart + slots.length);
    for (let k = 0; k < height; k++) rows.push(blankRow(width));
    rows[base]!.time = t;
    const next = times[ti + 1];
    if (next === undefined) return;
    const quiet = next - t;
    if (quiet > breakAfterMs && !inFlightAfter(t)) {
      rows.push({ ...blankRow(width), breakMs: quiet });
    } else if (slots.length === 0) {
      // A time that sends nothing still gets a row of air, so arrows arriving later keep their slant.
      rows.push(blankRow(width));
    }
  });

  // Which rows to draw: everything up to the rows of the last event shown.
  let lastRow = HEADER_ROWS - 1;
  for (let i = 0; i <= upTo; i++) lastRow = Math.max(lastRow, eventRows[i]!);
  const visibleRows = upTo < 0 ? HEADER_ROWS : Math.min(rows.length, lastRow + 1);

  // Lifelines, and the header: names centred over them, sub-labels beside their tops.
  for (let r = HEADER_ROWS; r < rows.length; r++) {
    const row = rows[r]!;
    const life = row.breakMs !== undefined ? g.gap : g.life;
    for (const col of cols) row.cells[col] = life;
  }
  put(rows[0]!, 0, 'ms'.padStart(timeWidth - 1));
  lanes.forEach((lane, k) => {
    const col = cols[k]!;
    // A name may reach to one column short of its neighbours' halves.
    const leftGap = k === 0 ? 2 * (col - timeWidth) : col - cols[k - 1]!;
    const rightGap = k === n - 1 ? 2 * (width - col) + 1 : cols[k + 1]! - col;
    const name = fitText(lane.name, Math.min(leftGap, rightGap) - 1, charset);
    const w = textWidth(name);
    put(rows[0]!, Math.max(0, Math.min(width - w, col - Math.floor(w / 2))), name);
    rows[1]!.cells[col] = g.top;
    if (lane.sub === undefined) return;
    if (k === 0) {
      const sub = fitText(lane.sub, col - 1 - timeWidth, charset);
      put(rows[1]!, col - textWidth(sub) - 1, sub);
    } else {
      put(rows[1]!, col + 2, fitText(lane.sub, (k === n - 1 ? width : cols[k + 1]! - 1) - col - 2, charset));
    }
  });

  // Arrows: steps from the sender's lifeline to the receiver's, over any lane between.
  const labels: Array<{ row: number; col: number; text: string }> = [];
  for (const m of messages.values()) {
    if (m.send > upTo) continue;
    const send = events[m.send] as Extract<SequenceEvent, { kind: 'send' }>;
    const from = sendRows.get(m)!;
    const { inner0, inner1, span, rightward } = m;
    // A message and its reverse between neighbouring lanes, leaving on one row,
    // share it: each label gets half. A label stays short of any lane it passes.
    const shared =
      m.hop === span && rowSends.get(from)!.some((other) => other !== m && other.from === m.to && other.to === m.from);
    const room = shared ? sharedRoom(m) : m.hop - 4;
    const padded = ` ${fitText(send.labels, room, charset)} `;
    labels.push({ row: from, col: rightward ? inner0 + 1 : inner1 - textWidth(padded), text: padded });
    for (const end of m.ends) {
      const to = Math.max(eventRows[end.index]!, from);
      const shownTo = end.index <= upTo ? to : Math.min(to - 1, visibleRows - 1);
      const reach = end.lost ? 0.5 : 1;
      const last = end.lost ? m.lostAt : span;
      const steps = to - from + 1;
      // After a row that was carried over a lane, where the next one starts.
      let carried = 0;
      for (let r = from; r <= shownTo; r++) {
        const f0 = ((r - from) / steps) * reach;
        const f1 = ((r - from + 1) / steps) * reach;
        let a = Math.max(Math.round(f0 * span), carried);
        let b = Math.max(a, Math.round(f1 * span) - (r === to ? 0 : 1));
        carried = 0;
        if (r === to && end.lost) {
          b = last;
          a = Math.min(a, b);
        } else if (r < to) {
          // A row never stops at or just before a lane it passes over (the next
          // would seem to leave from that lane): it is carried one column past it.
          for (const p of m.crossings) {
            if ((b === p - 1 || b === p) && p + 1 < last) {
              b = p + 1;
              carried = b + 1;
            }
          }
        }
        const cells = rows[r]!.cells;
        for (let k = a; k <= b; k++) {
          const col = along(m, k);
          const cell = cells[col];
          if (cell === ' ' || cell === g.dash || cell === g.life) cells[col] = g.dash;
        }
        if (r === to && end.index <= upTo) {
          cells[along(m, b)] = end.lost ? g.lost : rightward ? g.right : g.left;
        }
      }
    }
  }
  for (const label of labels) put(rows[label.row]!, label.col, label.text);

  // Notes beside the lifelines: left of the first lane, right of the others.
  for (const note of noteRows) {
    if (note.index > upTo) continue;
    const e = events[note.index] as Extract<SequenceEvent, { kind: 'note' }>;
    const row = rows[note.row]!;
    const col = cols[note.lane]!;
    if (note.lane === 0) {
      const text = fitText(e.text, noteWidth, charset);
      put(row, col - 1 - textWidth(text), text);
    } else if (note.lane === n - 1) {
      put(row, col + 2, fitText(e.text, noteWidth, charset));
    } else {
      // Inside the diagram, a note is set off from arrows passing by with a blank each side.
      put(row, col + 1, ` ${fitText(e.text, cols[note.lane + 1]! - col - 3, charset)} `);
    }
  }

  // Times in the left margin; breaks say how long the quiet stretch was.
  for (let r = HEADER_ROWS; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.time !== undefined) put(row, 0, String(row.time).padStart(timeWidth - 1));
    if (row.breakMs !== undefined) {
      const text = `+${row.breakMs}`;
      put(row, Math.max(0, timeWidth - 1 - text.length), text);
    }
  }

  return { lines: rows.slice(0, visibleRows).map(rowText), eventRows, width };
}
