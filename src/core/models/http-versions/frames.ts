// The HTTP/2 mode of a run as the frames that cross its one TCP connection
// (RFC 9113): after the handshake the client sends the connection preface
// and SETTINGS, then one HEADERS frame per request, on streams 1, 3, 5, …
// (END_STREAM: a GET has no body); the server sends its SETTINGS and
// acknowledges the client's; each response is a HEADERS frame and its body
// in DATA frames, the last with END_STREAM. Responses ready at the same
// moment share the connection frame by frame, so their frames interleave:
// multiplexing, drawn rather than told. A body is shown as two DATA frames.
import { displayWidth } from '../../layout/width.js';
import type { Charset } from './waterfall.js';
import { type VersionsResult, streamOf } from './timeline.js';

export interface Frame {
  /** When it leaves its sender (ms from the first SYN); it arrives half a round trip later. */
  t: number;
  from: 'client' | 'server';
  type: 'SETTINGS' | 'HEADERS' | 'DATA';
  stream: number;
  flags: Array<'END_STREAM' | 'ACK'>;
  /** The request it belongs to (1-based); none for stream 0. */
  request?: number;
}

/** Every frame of the HTTP/2 mode, in the order they leave. */
export function http2Frames(result: VersionsResult): Frame[] {
  const { rtt } = result.settings;
  const half = rtt / 2;
  const timings = result.modes['2'].requests;
  const frames: Frame[] = [{ t: rtt, from: 'client', type: 'SETTINGS', stream: 0, flags: [] }];
  for (const r of timings) {
    frames.push({
      t: r.sent,
      from: 'client',
      type: 'HEADERS',
      stream: streamOf(r.i),
      flags: ['END_STREAM'],
      request: r.i,
    });
  }
  // The server's connection is up when the client's ACK arrives, with the preface: it sends its SETTINGS then.
  frames.push(
    { t: rtt + half, from: 'server', type: 'SETTINGS', stream: 0, flags: [] },
    { t: rtt + half, from: 'server', type: 'SETTINGS', stream: 0, flags: ['ACK'] },
    { t: 2 * rtt, from: 'client', type: 'SETTINGS', stream: 0, flags: ['ACK'] },
  );
  // Responses, grouped by the moment they leave; within a group, one frame of each stream in turn.
  const byTime = new Map<number, number[]>();
  for (const r of timings) byTime.set(r.server.end, [...(byTime.get(r.server.end) ?? []), r.i]);
  for (const [t, requests] of byTime) {
    const rounds: Array<Pick<Frame, 'type' | 'flags'>> = [
      { type: 'HEADERS', flags: [] },
      { type: 'DATA', flags: [] },
      { type: 'DATA', flags: ['END_STREAM'] },
    ];
    for (const round of rounds) {
      for (const i of requests)
        frames.push({ t, from: 'server', ...round, flags: [...round.flags], stream: streamOf(i), request: i });
    }
  }
  // In the order they leave; at one moment the client's frames first, then the server's, each in the order made.
  return frames
    .map((f, k) => ({ f, k }))
    .sort((a, b) => a.f.t - b.f.t || a.k - b.k)
    .map(({ f }) => f);
}

/** A frame in words: `HEADERS s3 END_STREAM`, `SETTINGS ACK`. */
export function frameLabel(f: Frame): string {
  return [f.type, ...(f.stream > 0 ? [`s${f.stream}`] : []), ...f.flags].join(' ');
}

export interface FrameRows {
  /** The column names: time, sender, frame, and the streams' lanes when they fit. */
  header: string;
  rows: Array<{ frame: Frame; text: string }>;
}

/**
 * The frames as rows: when each leaves, who sends it, what it is; and, when they fit in `width`, a lane per
 * stream (0, 1, 3, 5, …) with the frame's mark in its stream's lane, so the interleaving shows.
 */
export function frameRows(
  result: VersionsResult,
  width: number,
  charset: Charset,
  words: { from: string; frame: string },
): FrameRows {
  const frames = http2Frames(result);
  const timeWidth = Math.max(4, String(Math.max(...frames.map((f) => f.t))).length);
  const arrow = charset === 'ascii' ? '->' : '→';
  const who = (f: Frame) => (f.from === 'client' ? `C${arrow}S` : `S${arrow}C`);
  const whoWidth = Math.max(2 + arrow.length, displayWidth(words.from));
  const labelWidth = Math.max(displayWidth(words.frame), ...frames.map((f) => frameLabel(f).length));
  const streams = [0, ...result.modes['2'].requests.map((r) => streamOf(r.i))];
  const laneWidth = Math.max(...streams.map((s) => String(s).length)) + 1;
  const base = timeWidth + 2 + whoWidth + 2 + labelWidth;
  const lanes = base + 1 + laneWidth * streams.length <= width;
  const mark = (f: Frame) => (f.type === 'SETTINGS' ? 'S' : f.type === 'HEADERS' ? 'H' : 'D');
  const laneText = (f: Frame) =>
    streams.map((s) => (s === f.stream ? mark(f) : charset === 'ascii' ? '.' : '·').padStart(laneWidth)).join('');
  const rows = frames.map((f) => {
    const text = `${String(f.t).padStart(timeWidth)}  ${who(f).padEnd(whoWidth)}  ${frameLabel(f).padEnd(labelWidth)}`;
    return { frame: f, text: lanes ? `${text} ${laneText(f)}` : text.replace(/\s+$/, '') };
  });
  const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - displayWidth(text)));
  const names = `${'ms'.padStart(timeWidth)}  ${pad(words.from, whoWidth)}  ${pad(words.frame, labelWidth)}`;
  const header = lanes ? `${names} ${streams.map((s) => String(s).padStart(laneWidth)).join('')}` : names.trimEnd();
  return { header, rows };
}
