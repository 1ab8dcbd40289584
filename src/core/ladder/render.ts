// The ladder (time-sequence) diagram of a run: the client's lifeline on the
// left, the server's on the right, time flowing down. Each segment is an arrow
// that steps down from sender to receiver over its flight time, labelled with
// its flags and numbers; state changes, timers and errors are written beside
// the lifelines. This file says what of a TCP run is drawn and how segments
// are labelled; the drawing itself is the sequence layout's, with two lanes.
// Pure: events + width + charset → lines.
import { shortReason } from '../i18n/zh-words.js';
import {
  type Charset,
  MAX_SEQUENCE_WIDTH,
  MIN_SEQUENCE_WIDTH,
  type SequenceDiagram,
  type SequenceEvent,
  SequenceWidthError,
  layoutSequence,
} from '../sequence/layout.js';
import { textWidth } from '../sequence/text.js';
import { segmentLabel } from '../tcp/describe.js';
import {
  type Scenario,
  type SendEvent,
  type SimEvent,
  type SimResult,
  type TimerKind,
  flagLabel,
} from '../tcp/types.js';

export type { Charset } from '../sequence/layout.js';

export interface LadderOptions {
  width: number;
  charset: Charset;
  /** Draw the run only as far as this event index (the player unfolds it). */
  upTo?: number;
  /** The language of the notes beside the lifelines (timers, errors); state names stay as RFC 9293 writes them. */
  locale?: string;
}

export type Ladder = SequenceDiagram;

export const MIN_LADDER_WIDTH = MIN_SEQUENCE_WIDTH;
export const MAX_LADDER_WIDTH = MAX_SEQUENCE_WIDTH;

export class LadderWidthError extends SequenceWidthError {
  constructor(width: number) {
    super(width, MIN_LADDER_WIDTH);
    this.message = `a width of ${width} is too narrow: the ladder needs at least ${MIN_LADDER_WIDTH} columns`;
    this.name = 'LadderWidthError';
  }
}

/** State names and notes beside a lifeline are at most this wide ("SYN-RECEIVED"). */
const NOTE_WIDTH = 12;
/** A quiet stretch longer than this (and longer than a few flights) is drawn as a break. */
const BREAK_MS = 400;

/**
 * A segment's labels, longest first:
 * 1. `FIN,ACK seq=1101 ack=5001 len=100` (plus ` (re)` for a retransmission, when it fits);
 * 2. short field names: `FIN,ACK s=1101 a=5001 l=100`;
 * 3. flags, seq and length: `ACK s=1001 l=100` (data) or `FIN,ACK s=1101`;
 * 4. flags and seq; 5. flags only: `FIN,ACK`.
 */
function segmentLabelCandidates(send: SendEvent): string[] {
  const s = send.segment;
  const flags = flagLabel(s.flags);
  const re = send.retransmission ? ' (re)' : '';
  const full = segmentLabel(s);
  const short = `${flags} s=${s.seq}${s.ack === null ? '' : ` a=${s.ack}`}${s.len > 0 ? ` l=${s.len}` : ''}`;
  return [
    full + re,
    full,
    short + re,
    short,
    `${flags} s=${s.seq}${s.len > 0 ? ` l=${s.len}` : ''}`,
    `${flags} s=${s.seq}`,
    flags,
  ];
}

/** A segment's label, abbreviated only as far as needed to fit `room` columns (see `segmentLabelCandidates`). */
export function fitSegmentLabel(send: SendEvent, room: number): string {
  const candidates = segmentLabelCandidates(send);
  return candidates.find((c) => textWidth(c) <= room) ?? candidates[candidates.length - 1]!;
}

const LANE: Record<SimEvent['side'], number> = { client: 0, server: 1 };

/** A timer that fired, as a note beside its side's lifeline. */
const TIMER_NOTES: Record<TimerKind, string> = { retransmit: 'RTO', 'time-wait': '2MSL up', 'delayed-ack': 'del-ACK' };

/** The same in Chinese: what fired, and each error in at most five characters (two columns each). */
const TIMER_NOTES_ZH: Record<TimerKind, string> = {
  retransmit: 'RTO',
  'time-wait': '2MSL 到期',
  'delayed-ack': '延迟 ACK',
};

function noteFor(e: SimEvent, zh: boolean): string | undefined {
  switch (e.type) {
    case 'state':
      return e.to;
    case 'timer':
      return (zh ? TIMER_NOTES_ZH : TIMER_NOTES)[e.timer];
    case 'error':
      return zh ? `! ${shortReason(e.reason)}` : `! ${e.reason.replace('connection ', '')}`.slice(0, NOTE_WIDTH);
    default:
      return undefined;
  }
}

/** A run as the sequence layout's events: segments are messages, states, timers and errors notes. */
function sequenceEvent(e: SimEvent, zh: boolean): SequenceEvent {
  const note = noteFor(e, zh);
  if (note !== undefined) return { t: e.t, kind: 'note', lane: LANE[e.side], text: note };
  switch (e.type) {
    case 'send':
      return {
        t: e.t,
        kind: 'send',
        id: e.id,
        from: LANE[e.side],
        to: 1 - LANE[e.side],
        labels: segmentLabelCandidates(e),
      };
    case 'deliver':
      return { t: e.t, kind: 'arrive', id: e.id };
    case 'drop':
      return { t: e.t, kind: 'lose', id: e.id };
    default:
      return { t: e.t, kind: 'mark' };
  }
}

export function renderLadder(result: SimResult, scenario: Scenario, opts: LadderOptions): Ladder {
  const width = Math.min(opts.width, MAX_LADDER_WIDTH);
  if (!Number.isFinite(width) || width < MIN_LADDER_WIDTH) throw new LadderWidthError(opts.width);
  const lanes = [
    { name: 'client', sub: `:${scenario.client.port}` },
    { name: 'server', sub: `:${scenario.server.port}` },
  ];
  const zh = opts.locale?.startsWith('zh') ?? false;
  return layoutSequence(
    lanes,
    result.events.map((e) => sequenceEvent(e, zh)),
    {
      width,
      charset: opts.charset,
      upTo: opts.upTo,
      noteWidth: NOTE_WIDTH,
      breakAfterMs: Math.max(BREAK_MS, 4 * scenario.latencyMs),
    },
  );
}
