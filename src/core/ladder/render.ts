// The ladder (time-sequence) diagram of a run: the client's lifeline on the
// left, the server's on the right, time flowing down. Each segment is an arrow
// that steps down from sender to receiver over its flight time, labelled with
// its flags and numbers; state changes, timers and errors are written beside
// the lifelines. Pure: events + width + charset → lines.
import stringWidth from 'string-width';
import { segmentLabel } from '../tcp/describe.js';
import { type Scenario, type SimEvent, type SimResult, type Side, flagLabel, type SendEvent } from '../tcp/types.js';

export type Charset = 'unicode' | 'ascii';

export interface LadderOptions {
  width: number;
  charset: Charset;
  /** Draw the run only as far as this event index (the player unfolds it). */
  upTo?: number;
}

export interface Ladder {
  lines: string[];
  /** For each event, the row it is drawn on. */
  eventRows: number[];
  width: number;
}

export const MIN_LADDER_WIDTH = 56;
export const MAX_LADDER_WIDTH = 200;

export class LadderWidthError extends Error {
  constructor(readonly width: number) {
    super(`a width of ${width} is too narrow: the ladder needs at least ${MIN_LADDER_WIDTH} columns`);
    this.name = 'LadderWidthError';
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

/** State names and notes beside a lifeline are at most this wide ("SYN-RECEIVED"). */
const NOTE_WIDTH = 12;
/** A quiet stretch longer than this (and longer than a few flights) is drawn as a break. */
const BREAK_MS = 400;

/**
 * A segment's label, abbreviated only as far as needed to fit `room` columns:
 * 1. `FIN,ACK seq=1101 ack=5001 len=100` (plus ` (re)` for a retransmission, when it fits);
 * 2. short field names: `FIN,ACK s=1101 a=5001 l=100`;
 * 3. flags, seq and length: `ACK s=1001 l=100` (data) or `FIN,ACK s=1101`;
 * 4. flags and seq; 5. flags only: `FIN,ACK`.
 */
export function fitSegmentLabel(send: SendEvent, room: number): string {
  const s = send.segment;
  const flags = flagLabel(s.flags);
  const re = send.retransmission ? ' (re)' : '';
  const full = segmentLabel(s);
  const short = `${flags} s=${s.seq}${s.ack === null ? '' : ` a=${s.ack}`}${s.len > 0 ? ` l=${s.len}` : ''}`;
  const candidates = [
    full + re,
    full,
    short + re,
    short,
    `${flags} s=${s.seq}${s.len > 0 ? ` l=${s.len}` : ''}`,
    `${flags} s=${s.seq}`,
    flags,
  ];
  return candidates.find((c) => stringWidth(c) <= room) ?? flags;
}

interface Row {
  cells: string[];
  time?: number;
  isBreak?: boolean;
  breakMs?: number;
}

function put(row: Row, col: number, text: string): void {
  let c = col;
  for (const ch of text) {
    if (c >= 0 && c < row.cells.length) row.cells[c] = ch;
    c += 1;
  }
}

function noteFor(e: SimEvent): string | undefined {
  switch (e.type) {
    case 'state':
      return e.to;
    case 'timer':
      return e.timer === 'retransmit' ? 'RTO' : '2MSL up';
    case 'error':
      return `! ${e.reason.replace('connection ', '')}`.slice(0, NOTE_WIDTH);
    default:
      return undefined;
  }
}

export function renderLadder(result: SimResult, scenario: Scenario, opts: LadderOptions): Ladder {
  const width = Math.min(opts.width, MAX_LADDER_WIDTH);
  if (!Number.isFinite(width) || width < MIN_LADDER_WIDTH) throw new LadderWidthError(opts.width);
  const g = GLYPHS[opts.charset];
  const events = result.events;
  const upTo = opts.upTo === undefined ? events.length - 1 : Math.min(opts.upTo, events.length - 1);

  const maxT = events.reduce((m, e) => Math.max(m, e.t), 0);
  const timeWidth = Math.max(4, String(maxT).length) + 1;
  const L = timeWidth + NOTE_WIDTH + 1;
  const R = width - NOTE_WIDTH - 2;
  const blank = () => ({ cells: Array.from({ length: width }, () => ' ') }) as Row;

  // Times, in order, with what each side does then.
  const byTime = new Map<number, number[]>();
  events.forEach((e, i) => {
    const list = byTime.get(e.t) ?? [];
    list.push(i);
    byTime.set(e.t, list);
  });
  const times = [...byTime.keys()].sort((a, b) => a - b);

  // Flight of each segment: send index, arrivals (a duplicate arrives twice) or loss.
  const flights = new Map<number, { send: number; ends: Array<{ index: number; lost: boolean }> }>();
  events.forEach((e, i) => {
    if (e.type === 'send') flights.set(e.id, { send: i, ends: [] });
    else if (e.type === 'deliver' || e.type === 'drop')
      flights.get(e.id)?.ends.push({ index: i, lost: e.type === 'drop' });
  });
  const inFlightAfter = (t: number) => {
    for (const f of flights.values()) {
      const sent = events[f.send]!.t;
      if (sent <= t && f.ends.some((end) => events[end.index]!.t > t)) return true;
    }
    return false;
  };

  // Rows: each time gets as many rows as its busiest side needs, then a spacer
  // (or a break marker after a long quiet stretch).
  const rows: Row[] = [blank(), blank()];
  const eventRows: number[] = new Array(events.length).fill(0);
  const noteRows: Array<{ row: number; side: Side; text: string; index: number }> = [];
  const sendRows = new Map<number, number>();
  times.forEach((t, ti) => {
    const indices = byTime.get(t)!;
    const base = rows.length;
    const used: Record<Side, number> = { client: 0, server: 0 };
    const sendsUsed: Record<Side, number> = { client: 0, server: 0 };
    for (const i of indices) {
      const e = events[i]!;
      const note = noteFor(e);
      if (note) {
        noteRows.push({ row: base + used[e.side], side: e.side, text: note, index: i });
        eventRows[i] = base + used[e.side];
        used[e.side] += 1;
      } else if (e.type === 'send') {
        // A segment leaves on the row after its time's row, so its label never
        // meets the head of a segment arriving at the same moment.
        eventRows[i] = base + 1 + sendsUsed[e.side];
        sendRows.set(e.id, base + 1 + sendsUsed[e.side]);
        sendsUsed[e.side] += 1;
      } else {
        eventRows[i] = base;
      }
    }
    const height = Math.max(1, used.client, used.server, 1 + Math.max(sendsUsed.client, sendsUsed.server));
    for (let k = 0; k < height; k++) rows.push(blank());
    rows[base]!.time = t;
    const next = times[ti + 1];
    if (next === undefined) return;
    const quiet = next - t;
    const sent = sendsUsed.client + sendsUsed.server > 0;
    if (quiet > BREAK_MS && quiet > 4 * scenario.latencyMs && !inFlightAfter(t)) {
      rows.push({ ...blank(), isBreak: true, breakMs: quiet });
    } else if (!sent) {
      // A time that sends nothing still gets a row of air, so arrows arriving later keep their slant.
      rows.push(blank());
    }
  });

  // Which rows to draw: everything up to the rows of the last event shown.
  let lastRow = 1;
  for (let i = 0; i <= upTo; i++) lastRow = Math.max(lastRow, eventRows[i]!);
  const visibleRows = upTo < 0 ? 2 : Math.min(rows.length, lastRow + 1);

  // Lifelines and the header.
  rows.forEach((row, r) => {
    if (r < 2) return;
    const life = row.isBreak ? g.gap : g.life;
    put(row, L, life);
    put(row, R, life);
  });
  const center = (text: string, col: number) =>
    Math.max(0, Math.min(width - stringWidth(text), col - Math.floor(stringWidth(text) / 2)));
  put(rows[0]!, 0, 'ms'.padStart(timeWidth - 1));
  put(rows[0]!, center('client', L), 'client');
  put(rows[0]!, center('server', R), 'server');
  const cport = `:${scenario.client.port}`;
  const sport = `:${scenario.server.port}`;
  put(rows[1]!, L - stringWidth(cport) - 1, cport);
  put(rows[1]!, L, g.top);
  put(rows[1]!, R, g.top);
  put(rows[1]!, R + 2, sport);

  // Arrows: steps from the sender's lifeline to the receiver's.
  const inner0 = L + 1;
  const inner1 = R - 1;
  const span = inner1 - inner0;
  const labels: Array<{ row: number; col: number; text: string }> = [];
  for (const [id, flight] of flights) {
    const sendIndex = flight.send;
    if (sendIndex > upTo) continue;
    const send = events[sendIndex] as SendEvent;
    const from = sendRows.get(id)!;
    const rightward = send.side === 'client';
    // Two segments leaving both sides on one row share it: each label gets half.
    const shared = [...flights.values()].some(
      (other) =>
        other !== flight &&
        sendRows.get((events[other.send] as SendEvent).id) === from &&
        events[other.send]!.side !== send.side,
    );
    const labelRoom = shared ? Math.floor(span / 2) - 3 : span - 4;
    const text = fitSegmentLabel(send, labelRoom);
    const padded = ` ${text} `;
    labels.push({ row: from, col: rightward ? inner0 + 1 : inner1 - stringWidth(padded), text: padded });
    const ends = flight.ends.length > 0 ? flight.ends : [];
    for (const end of ends) {
      const to = Math.max(eventRows[end.index]!, from);
      const shownTo = end.index <= upTo ? to : Math.min(to - 1, visibleRows - 1);
      const reach = end.lost ? 0.5 : 1;
      const steps = to - from + 1;
      for (let r = from; r <= shownTo; r++) {
        const f0 = ((r - from) / steps) * reach;
        const f1 = ((r - from + 1) / steps) * reach;
        const a = Math.round(f0 * span);
        const b = Math.max(a, Math.round(f1 * span) - (r === to ? 0 : 1));
        const row = rows[r]!;
        for (let k = a; k <= b; k++) {
          const col = rightward ? inner0 + k : inner1 - k;
          if (row.cells[col] === ' ' || row.cells[col] === g.dash) row.cells[col] = g.dash;
        }
        if (r === to && end.index <= upTo) {
          const tip = rightward ? inner0 + b : inner1 - b;
          row.cells[tip] = end.lost ? g.lost : rightward ? g.right : g.left;
        }
      }
    }
  }
  for (const label of labels) {
    const row = rows[label.row]!;
    put(row, label.col, label.text);
  }

  // Notes beside the lifelines: states, timers, errors.
  for (const note of noteRows) {
    if (note.index > upTo) continue;
    const row = rows[note.row]!;
    const text = note.text;
    if (note.side === 'client') put(row, L - 1 - stringWidth(text), text);
    else put(row, R + 2, text);
  }

  // Times in the left margin; breaks say how long the quiet stretch was.
  for (let r = 2; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.time !== undefined) put(row, 0, String(row.time).padStart(timeWidth - 1));
    if (row.isBreak) {
      const text = `+${row.breakMs}`;
      put(row, Math.max(0, timeWidth - 1 - text.length), text);
    }
  }

  const lines = rows.slice(0, visibleRows).map((row) => row.cells.join('').replace(/\s+$/, ''));
  return { lines, eventRows, width };
}
