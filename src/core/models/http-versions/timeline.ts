// The HTTP versions model: N requests for resources of one origin, fetched
// over HTTP/1.0, HTTP/1.1 (one persistent connection), HTTP/1.1 pipelined,
// HTTP/1.1 over K parallel connections and HTTP/2, and when each request is
// sent and its response has arrived. The rules are the http CLI contract's
// (`nettutor http versions`): no bandwidth limit, no TLS, no loss; a
// handshake costs one round trip; times are whole milliseconds from the
// first SYN. Everything here is plain data, for the command, the lesson's
// waterfall and the questions it asks.

export const MODES = ['1.0', '1.1', '1.1-pipelined', '1.1-parallel', '2'] as const;
export type VersionMode = (typeof MODES)[number];

export interface VersionSettings {
  /** How many requests (N ≥ 1). */
  requests: number;
  /** Round-trip time in ms: even, so half of it is a whole number. */
  rtt: number;
  /** The server's time to produce a response, in ms. */
  server: number;
  /** Requests that take the server another time: request number (1-based) → ms. */
  slow: Readonly<Record<number, number>>;
  /** Parallel connections of `1.1-parallel` (K ≥ 1). */
  connections: number;
}

export const DEFAULT_SETTINGS: VersionSettings = { requests: 6, rtt: 100, server: 50, slow: {}, connections: 6 };

/** A stretch of time, from `start` to `end` ms. */
export interface Interval {
  start: number;
  end: number;
}

export interface RequestTiming {
  /** 1-based request number. */
  i: number;
  /** 1-based connection number within its mode. */
  connection: number;
  /** When the request leaves the client. */
  sent: number;
  /** When its response has fully arrived. */
  done: number;
  /** The handshake that opened the request's connection, on the request that opened it; otherwise null. */
  handshake: Interval | null;
  /** When the server works on it (from when it starts on the request to when the response leaves). */
  server: Interval;
  /** Arrived at the server, waiting for it to get to this request (a pipelined request behind earlier ones). */
  serverWait: Interval | null;
}

export interface ModeTimeline {
  mode: VersionMode;
  /** The last response's arrival. */
  total: number;
  /** How many TCP connections the mode opens. */
  connections: number;
  requests: RequestTiming[];
}

export interface VersionsResult {
  settings: VersionSettings;
  modes: Record<VersionMode, ModeTimeline>;
}

/** The server time of request `i` (1-based). */
export function serverTime(s: VersionSettings, i: number): number {
  return s.slow[i] ?? s.server;
}

/** A request sent at `sent` on an open connection: half a round trip out, the server, half a round trip back. */
function exchange(s: VersionSettings, i: number, connection: number, sent: number, handshake: Interval | null) {
  const half = s.rtt / 2;
  const start = sent + half;
  const end = start + serverTime(s, i);
  return { i, connection, sent, done: end + half, handshake, server: { start, end }, serverWait: null };
}

function timeline(mode: VersionMode, requests: RequestTiming[]): ModeTimeline {
  return {
    mode,
    total: Math.max(0, ...requests.map((r) => r.done)),
    connections: new Set(requests.map((r) => r.connection)).size,
    requests,
  };
}

/** HTTP/1.0: a new connection per request, one after another. */
function http10(s: VersionSettings): ModeTimeline {
  const out: RequestTiming[] = [];
  let free = 0;
  for (let i = 1; i <= s.requests; i++) {
    const handshake = { start: free, end: free + s.rtt };
    const r = exchange(s, i, i, handshake.end, handshake);
    out.push(r);
    free = r.done;
  }
  return timeline('1.0', out);
}

/** HTTP/1.1: one persistent connection, one request at a time. */
function http11(s: VersionSettings): ModeTimeline {
  const out: RequestTiming[] = [];
  let free = s.rtt;
  for (let i = 1; i <= s.requests; i++) {
    const r = exchange(s, i, 1, free, i === 1 ? { start: 0, end: s.rtt } : null);
    out.push(r);
    free = r.done;
  }
  return timeline('1.1', out);
}

/** HTTP/1.1 pipelined: all requests at once; the server takes them one by one and answers in order. */
function pipelined(s: VersionSettings): ModeTimeline {
  const out: RequestTiming[] = [];
  const half = s.rtt / 2;
  const arrives = s.rtt + half;
  let busy = arrives;
  for (let i = 1; i <= s.requests; i++) {
    const start = busy;
    const end = start + serverTime(s, i);
    out.push({
      i,
      connection: 1,
      sent: s.rtt,
      done: end + half,
      handshake: i === 1 ? { start: 0, end: s.rtt } : null,
      server: { start, end },
      serverWait: start > arrives ? { start: arrives, end: start } : null,
    });
    busy = end;
  }
  return timeline('1.1-pipelined', out);
}

/**
 * HTTP/1.1 over K persistent connections: each request, in order, goes to the connection that is free first,
 * the lowest-numbered among ties. A connection not yet opened is free at 0, and pays its handshake.
 */
function parallel(s: VersionSettings): ModeTimeline {
  const out: RequestTiming[] = [];
  const free = Array.from({ length: Math.max(1, s.connections) }, () => 0);
  const opened = free.map(() => false);
  for (let i = 1; i <= s.requests; i++) {
    let c = 0;
    for (let j = 1; j < free.length; j++) if (free[j]! < free[c]!) c = j;
    let handshake: Interval | null = null;
    let sent = free[c]!;
    if (!opened[c]) {
      handshake = { start: free[c]!, end: free[c]! + s.rtt };
      sent = handshake.end;
      opened[c] = true;
    }
    const r = exchange(s, i, c + 1, sent, handshake);
    out.push(r);
    free[c] = r.done;
  }
  return timeline('1.1-parallel', out);
}

/** HTTP/2: one connection; all requests go out at once as streams, and the server works on them together. */
function http2(s: VersionSettings): ModeTimeline {
  const out: RequestTiming[] = [];
  for (let i = 1; i <= s.requests; i++) {
    out.push(exchange(s, i, 1, s.rtt, i === 1 ? { start: 0, end: s.rtt } : null));
  }
  return timeline('2', out);
}

const RUN: Record<VersionMode, (s: VersionSettings) => ModeTimeline> = {
  '1.0': http10,
  '1.1': http11,
  '1.1-pipelined': pipelined,
  '1.1-parallel': parallel,
  '2': http2,
};

/** Every mode's timeline for these settings. */
export function runVersions(settings: VersionSettings): VersionsResult {
  const modes = Object.fromEntries(MODES.map((m) => [m, RUN[m](settings)])) as Record<VersionMode, ModeTimeline>;
  return { settings, modes };
}

/** The HTTP/2 stream that carries request `i`: client-initiated streams are odd, 1, 3, 5, … (RFC 9113 §5.1.1). */
export const streamOf = (i: number): number => 2 * i - 1;

/** The modes that finish first (more than one on a tie), among `modes`. */
export function firstDone(result: VersionsResult, modes: readonly VersionMode[] = MODES): VersionMode[] {
  const best = Math.min(...modes.map((m) => result.modes[m].total));
  return modes.filter((m) => result.modes[m].total === best);
}

/** The contract's JSON: `{ "modes": { "<mode>": { "total", "connections", "requests": [ … ] } } }`, and the settings. */
export function versionsJson(result: VersionsResult) {
  const s = result.settings;
  return {
    settings: {
      requests: s.requests,
      rtt: s.rtt,
      server: s.server,
      slow: Object.entries(s.slow)
        .map(([i, ms]) => ({ i: Number(i), server: ms }))
        .sort((a, b) => a.i - b.i),
      connections: s.connections,
    },
    modes: Object.fromEntries(
      MODES.map((m) => {
        const t = result.modes[m];
        return [
          m,
          {
            total: t.total,
            connections: t.connections,
            requests: t.requests.map((r) => ({
              i: r.i,
              connection: r.connection,
              sent: r.sent,
              done: r.done,
              handshake: r.handshake,
              server: r.server,
            })),
          },
        ];
      }),
    ),
  };
}
