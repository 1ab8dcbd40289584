// The timings of `nettutor http versions` against the contract's formulas
// (shared spec http-cli.md), written out again here from its text, for any
// N, RTT (even), server times, slow requests and K.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MODES,
  type VersionSettings,
  firstDone,
  runVersions,
  versionsJson,
} from '../../../../src/core/models/http-versions/timeline.js';

/** Settings as the command allows them: N ≥ 1, an even RTT of at least 2 ms, server times ≥ 0, slow requests among 1..N, K ≥ 1. */
const settingsArb = fc
  .record({
    requests: fc.integer({ min: 1, max: 14 }),
    halfRtt: fc.integer({ min: 1, max: 300 }),
    server: fc.integer({ min: 0, max: 400 }),
    slow: fc.array(fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 0, max: 2000 })), { maxLength: 4 }),
    connections: fc.integer({ min: 1, max: 16 }),
  })
  .map(
    ({ requests, halfRtt, server, slow, connections }): VersionSettings => ({
      requests,
      rtt: 2 * halfRtt,
      server,
      slow: Object.fromEntries(slow.filter(([i]) => i <= requests)),
      connections,
    }),
  );

/** Request i's server time (1-based): its slow time if it has one, else --server. */
const st = (s: VersionSettings, i: number) => (i in s.slow ? s.slow[i]! : s.server);
const sum = (s: VersionSettings, from: number, to: number) => {
  let total = 0;
  for (let j = from; j <= to; j++) total += st(s, j);
  return total;
};
const range = (n: number) => Array.from({ length: n }, (_, k) => k + 1);

/** The contract, mode by mode: request i's connection, sent and done. */
const FORMULAS = {
  // "a new TCP connection per request, one after another. Request i: handshake (1 RTT), then request and
  // response (1 RTT + its server time)."
  '1.0': (s: VersionSettings, i: number) => ({
    connection: i,
    sent: (i - 1) * 2 * s.rtt + sum(s, 1, i - 1) + s.rtt,
    done: i * 2 * s.rtt + sum(s, 1, i),
  }),
  // "one persistent connection; requests one after another on it: one handshake, then for each request 1 RTT +
  // its server time."
  '1.1': (s: VersionSettings, i: number) => ({
    connection: 1,
    sent: s.rtt + (i - 1) * s.rtt + sum(s, 1, i - 1),
    done: s.rtt + i * s.rtt + sum(s, 1, i),
  }),
  // "after the handshake all requests are sent at once; … response i arrives at RTT + RTT/2 + (sum of server
  // times of requests 1..i) + RTT/2."
  '1.1-pipelined': (s: VersionSettings, i: number) => ({
    connection: 1,
    sent: s.rtt,
    done: s.rtt + s.rtt / 2 + sum(s, 1, i) + s.rtt / 2,
  }),
  // "after the handshake all requests go out at once as streams 1, 3, 5, …; … response i arrives at RTT + RTT +
  // its server time."
  '2': (s: VersionSettings, i: number) => ({ connection: 1, sent: s.rtt, done: s.rtt + s.rtt + st(s, i) }),
} as const;

/**
 * "K persistent connections, opened when first needed; each request goes, in order, to the connection that is
 * free first (the lowest-numbered among ties; an unopened connection is free at 0 but pays its handshake)."
 */
function parallelByHand(s: VersionSettings) {
  const conns: Array<{ freeAt: number; open: boolean }> = range(s.connections).map(() => ({ freeAt: 0, open: false }));
  return range(s.requests).map((i) => {
    const order = conns.map((c, k) => ({ ...c, k })).sort((a, b) => a.freeAt - b.freeAt || a.k - b.k);
    const pick = order[0]!;
    const sent = pick.open ? pick.freeAt : pick.freeAt + s.rtt;
    const done = sent + s.rtt + st(s, i);
    conns[pick.k] = { freeAt: done, open: true };
    return { connection: pick.k + 1, sent, done };
  });
}

const runs = { numRuns: 200 };

describe('http versions: the timings follow the contract', () => {
  for (const mode of ['1.0', '1.1', '1.1-pipelined', '2'] as const) {
    it(`${mode}: every request's connection, sent and done`, () => {
      fc.assert(
        fc.property(settingsArb, (s) => {
          const t = runVersions(s).modes[mode];
          expect(t.requests.map(({ i, connection, sent, done }) => ({ i, connection, sent, done }))).toEqual(
            range(s.requests).map((i) => ({ i, ...FORMULAS[mode](s, i) })),
          );
        }),
        runs,
      );
    });
  }

  it("1.1-parallel: each request on the connection free first, as worked out from the contract's words", () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const t = runVersions(s).modes['1.1-parallel'];
        expect(t.requests.map(({ connection, sent, done }) => ({ connection, sent, done }))).toEqual(parallelByHand(s));
      }),
      runs,
    );
  });

  it('total is the last done; connections counts the connections used', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const r = runVersions(s);
        for (const mode of MODES) {
          const t = r.modes[mode];
          expect(t.total).toBe(Math.max(...t.requests.map((q) => q.done)));
          expect(t.connections).toBe(new Set(t.requests.map((q) => q.connection)).size);
        }
        expect(r.modes['1.0'].connections).toBe(s.requests);
        expect(r.modes['1.1'].connections).toBe(1);
        expect(r.modes['1.1-pipelined'].connections).toBe(1);
        expect(r.modes['2'].connections).toBe(1);
        expect(r.modes['1.1-parallel'].connections).toBe(Math.min(s.connections, s.requests));
      }),
      runs,
    );
  });

  it('draws each handshake as an interval of one RTT ending when its first request is sent', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        for (const mode of MODES) {
          const t = runVersions(s).modes[mode];
          const opened = t.requests.filter((q) => q.handshake);
          // One handshake per connection, on the request that opened it.
          expect(opened.map((q) => q.connection)).toEqual([...new Set(t.requests.map((q) => q.connection))]);
          for (const q of opened) {
            expect(q.handshake!.end - q.handshake!.start).toBe(s.rtt);
            expect(q.handshake!.end).toBe(q.sent);
          }
        }
      }),
      runs,
    );
  });

  it('puts the server between half a round trip out and half a round trip back', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        for (const mode of MODES) {
          for (const q of runVersions(s).modes[mode].requests) {
            expect(q.server.end - q.server.start).toBe(st(s, q.i));
            expect(q.done - q.server.end).toBe(s.rtt / 2);
            expect(q.server.start).toBeGreaterThanOrEqual(q.sent + s.rtt / 2);
            // Only a pipelined request waits at the server, behind the ones before it.
            if (mode !== '1.1-pipelined') expect(q.server.start).toBe(q.sent + s.rtt / 2);
          }
        }
      }),
      runs,
    );
  });

  it('never runs two requests at once on one connection, except pipelined and HTTP/2', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        for (const mode of ['1.0', '1.1', '1.1-parallel'] as const) {
          const t = runVersions(s).modes[mode];
          const last = new Map<number, number>();
          for (const q of t.requests) {
            const before = last.get(q.connection);
            if (before !== undefined) expect(q.sent).toBe(before);
            last.set(q.connection, q.done);
          }
        }
      }),
      runs,
    );
  });
});

describe('http versions: edge cases', () => {
  const base: VersionSettings = { requests: 6, rtt: 100, server: 50, slow: {}, connections: 6 };

  it('one request: every mode takes a handshake, a round trip and the server time', () => {
    fc.assert(
      fc.property(settingsArb, (s0) => {
        const s = { ...s0, requests: 1, slow: {} };
        const r = runVersions(s);
        for (const mode of MODES) expect(r.modes[mode].total).toBe(2 * s.rtt + s.server);
      }),
      runs,
    );
  });

  it('K = 1 is HTTP/1.1 on one connection', () => {
    fc.assert(
      fc.property(settingsArb, (s0) => {
        const r = runVersions({ ...s0, connections: 1 });
        expect(r.modes['1.1-parallel'].requests).toEqual(r.modes['1.1'].requests);
        expect(r.modes['1.1-parallel'].total).toBe(r.modes['1.1'].total);
      }),
      runs,
    );
  });

  it('K ≥ N: a connection each, and every request done when HTTP/2 has it', () => {
    fc.assert(
      fc.property(settingsArb, fc.integer({ min: 0, max: 5 }), (s0, extra) => {
        const s = { ...s0, connections: s0.requests + extra };
        const r = runVersions(s);
        expect(r.modes['1.1-parallel'].requests.map((q) => q.connection)).toEqual(range(s.requests));
        expect(r.modes['1.1-parallel'].requests.map((q) => q.done)).toEqual(r.modes['2'].requests.map((q) => q.done));
      }),
      runs,
    );
  });

  it('equal server times: the totals in closed form', () => {
    fc.assert(
      fc.property(settingsArb, (s0) => {
        const s = { ...s0, slow: {} };
        const { requests: n, rtt, server } = s;
        const r = runVersions(s);
        expect(r.modes['1.0'].total).toBe(n * (2 * rtt + server));
        expect(r.modes['1.1'].total).toBe(rtt + n * (rtt + server));
        expect(r.modes['1.1-pipelined'].total).toBe(2 * rtt + n * server);
        expect(r.modes['2'].total).toBe(2 * rtt + server);
        // K connections take ceil(N / K) rounds of RTT + server time, after one handshake.
        expect(r.modes['1.1-parallel'].total).toBe(rtt + Math.ceil(n / s.connections) * (rtt + server));
      }),
      runs,
    );
  });

  it('the defaults: 6 requests, RTT 100, server 50, K 6', () => {
    const r = runVersions(base);
    expect(Object.fromEntries(MODES.map((m) => [m, r.modes[m].total]))).toEqual({
      '1.0': 1500,
      '1.1': 1000,
      '1.1-pipelined': 500,
      '1.1-parallel': 250,
      '2': 250,
    });
    expect(firstDone(r)).toEqual(['1.1-parallel', '2']);
  });

  it('a slow first request holds up every pipelined response, and no HTTP/2 stream', () => {
    const r = runVersions({ ...base, slow: { 1: 1000 } });
    expect(r.modes['1.1-pipelined'].requests.map((q) => q.done)).toEqual([1200, 1250, 1300, 1350, 1400, 1450]);
    expect(r.modes['1.1-pipelined'].requests[1]!.serverWait).toEqual({ start: 150, end: 1150 });
    expect(r.modes['2'].requests.map((q) => q.done)).toEqual([1200, 250, 250, 250, 250, 250]);
    expect(firstDone(r, ['1.1-pipelined', '2'])).toEqual(['2']);
  });

  it('8 requests over 6 connections: the 7th and 8th wait for the first free ones', () => {
    const r = runVersions({ ...base, requests: 8, slow: { 2: 500 } });
    const p = r.modes['1.1-parallel'];
    expect(p.requests.map((q) => [q.connection, q.sent, q.done])).toEqual([
      [1, 100, 250],
      [2, 100, 700],
      [3, 100, 250],
      [4, 100, 250],
      [5, 100, 250],
      [6, 100, 250],
      [1, 250, 400],
      [3, 250, 400],
    ]);
    expect(p.connections).toBe(6);
  });

  it("writes the contract's JSON: modes, each with total, connections and requests (i, connection, sent, done)", () => {
    const json = versionsJson(runVersions({ ...base, requests: 2, slow: { 2: 80 } }));
    expect(Object.keys(json.modes).sort()).toEqual([...MODES].sort());
    expect(json.modes['1.1']).toEqual({
      total: 430,
      connections: 1,
      requests: [
        {
          i: 1,
          connection: 1,
          sent: 100,
          done: 250,
          handshake: { start: 0, end: 100 },
          server: { start: 150, end: 200 },
        },
        { i: 2, connection: 1, sent: 250, done: 430, handshake: null, server: { start: 300, end: 380 } },
      ],
    });
    expect(json.settings).toEqual({
      requests: 2,
      rtt: 100,
      server: 50,
      slow: [{ i: 2, server: 80 }],
      connections: 6,
    });
  });
});
