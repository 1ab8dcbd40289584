// Property tests over random scenarios: whatever the application does and
// whatever the network does to segments, the engine stays a correct TCP.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/core/scenario/validate.js';
import { MAX_EVENTS, simulate } from '../../../src/core/tcp/simulate.js';
import {
  APP_CALLS,
  type Scenario,
  type Segment,
  type Side,
  type SimEvent,
  type SimResult,
  type TcpState,
} from '../../../src/core/tcp/types.js';

/** facts.md §3 rows 1–37 (plus row 38: any state may time out to CLOSED). */
const LEGAL = new Set([
  'CLOSED>LISTEN',
  'CLOSED>SYN-SENT',
  'LISTEN>SYN-RECEIVED',
  'LISTEN>SYN-SENT',
  'SYN-SENT>ESTABLISHED',
  'SYN-SENT>SYN-RECEIVED',
  'SYN-RECEIVED>ESTABLISHED',
  'SYN-RECEIVED>LISTEN',
  'SYN-RECEIVED>FIN-WAIT-1',
  'SYN-RECEIVED>CLOSE-WAIT',
  'ESTABLISHED>FIN-WAIT-1',
  'ESTABLISHED>CLOSE-WAIT',
  'FIN-WAIT-1>FIN-WAIT-2',
  'FIN-WAIT-1>CLOSING',
  'FIN-WAIT-1>TIME-WAIT',
  'FIN-WAIT-2>TIME-WAIT',
  'CLOSE-WAIT>LAST-ACK',
  'CLOSING>TIME-WAIT',
]);

function legal(from: TcpState, to: TcpState, s: Scenario): boolean {
  if (to === 'CLOSED') return from !== 'CLOSED';
  if (LEGAL.has(`${from}>${to}`)) return true;
  // The two-way what-if: a SYN alone opens the connection.
  return s.options.handshake === 'two-way' && from === 'LISTEN' && to === 'ESTABLISHED';
}

const side = fc.constantFrom<Side>('client', 'server');
const action = fc.record({
  at: fc.integer({ min: 0, max: 3000 }),
  side,
  call: fc.constantFrom(...APP_CALLS),
  bytes: fc.integer({ min: 1, max: 4000 }),
});
const fault = fc.record({
  side,
  nth: fc.integer({ min: 1, max: 12 }),
  fault: fc.oneof(fc.constantFrom('drop', 'duplicate'), fc.record({ delayMs: fc.integer({ min: 0, max: 3000 }) })),
});

/** A random scenario's file contents (every field but ackDelayMs), and its ackDelayMs. */
const inputArb = fc
  .record({
    latencyMs: fc.integer({ min: 0, max: 200 }),
    rtoMs: fc.integer({ min: 50, max: 500 }),
    mslMs: fc.integer({ min: 0, max: 1000 }),
    maxRetries: fc.integer({ min: 0, max: 6 }),
    mss: fc.integer({ min: 1, max: 1500 }),
    // Half the runs without delayed ACK, half with a delay shorter or longer than the flight time.
    ackDelayMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
    clientIsn: fc.integer({ min: 0, max: 2 ** 31 }),
    serverIsn: fc.integer({ min: 0, max: 2 ** 31 }),
    handshake: fc.constantFrom('three-way', 'two-way'),
    timeWait: fc.boolean(),
    opener: fc.constantFrom('normal', 'simultaneous', 'none'),
    actions: fc.array(action, { maxLength: 12 }),
    faults: fc.array(fault, { maxLength: 6 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    loss: fc.constantFrom(0, 0, 0.1, 0.3),
  })
  .map((r) => {
    const opening =
      r.opener === 'normal'
        ? [
            { at: 0, side: 'server', call: 'listen' },
            { at: 5, side: 'client', call: 'connect' },
          ]
        : r.opener === 'simultaneous'
          ? [
              { at: 5, side: 'client', call: 'connect' },
              { at: 5, side: 'server', call: 'connect' },
            ]
          : [];
    const input: Record<string, unknown> = {
      name: 'random',
      latencyMs: r.latencyMs,
      rtoMs: r.rtoMs,
      mslMs: r.mslMs,
      maxRetries: r.maxRetries,
      mss: r.mss,
      client: { isn: r.clientIsn, port: 50000 },
      server: { isn: r.serverIsn, port: 80 },
      options: { handshake: r.handshake, timeWait: r.timeWait },
      actions: [
        ...opening,
        ...r.actions.map((a) => (a.call === 'send' ? a : { at: a.at, side: a.side, call: a.call })),
      ],
      faults: r.faults,
      seed: r.seed,
      loss: r.loss,
    };
    return { input, ackDelayMs: r.ackDelayMs };
  });

function parsed(input: Record<string, unknown>): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

/** Random scenarios, with delayed ACK in about half of them. */
const scenarioArb = inputArb.map(({ input, ackDelayMs }) => parsed({ ...input, ackDelayMs }));

const RUNS = 300;

describe('engine properties over random scenarios', () => {
  it('never throws, always ends, and keeps events in time order', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        expect(r.events.length).toBeLessThan(MAX_EVENTS);
        for (let i = 1; i < r.events.length; i++) expect(r.events[i]!.t).toBeGreaterThanOrEqual(r.events[i - 1]!.t);
      }),
      { numRuns: RUNS },
    );
  });

  it('makes only legal RFC 9293 transitions, each from the state the side was in', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        const now: Record<Side, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
        for (const e of r.events) {
          if (e.type !== 'state') continue;
          expect(e.from).toBe(now[e.side]);
          if (!legal(e.from, e.to, s)) throw new Error(`illegal ${e.side} ${e.from} → ${e.to} at ${e.t}`);
          now[e.side] = e.to;
        }
        expect(r.final).toEqual(now);
      }),
      { numRuns: RUNS },
    );
  });

  it('never acknowledges a byte the peer has not sent', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        // Highest sequence number each side has used so far (end of its last segment), unwrapped.
        const sentEnd: Record<Side, number | null> = { client: null, server: null };
        for (const e of r.events) {
          if (e.type !== 'send') continue;
          const seg = e.segment;
          expect(seg.ack === null).toBe(!seg.flags.includes('ACK'));
          const peer: Side = e.side === 'client' ? 'server' : 'client';
          if (seg.ack !== null && !seg.flags.includes('RST')) {
            const limit = sentEnd[peer];
            expect(limit).not.toBeNull();
            expect(seg.ack).toBeLessThanOrEqual(limit!);
          }
          const end = seg.seq + seg.len + (seg.flags.includes('SYN') ? 1 : 0) + (seg.flags.includes('FIN') ? 1 : 0);
          if (!seg.flags.includes('RST')) sentEnd[e.side] = Math.max(sentEnd[e.side] ?? 0, end);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same scenario gives the same run', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(simulate(s)).toEqual(simulate(structuredClone(s)));
      }),
      { numRuns: 100 },
    );
  });

  it('puts flags in the order SYN, ACK, FIN, RST and never answers a RST with a RST', () => {
    const order = ['SYN', 'ACK', 'FIN', 'RST'];
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        const segments = new Map<number, string[]>();
        r.events.forEach((e, i) => {
          if (e.type === 'send') {
            const idx = e.segment.flags.map((f) => order.indexOf(f));
            expect([...idx].sort((a, b) => a - b)).toEqual(idx);
            segments.set(e.id, e.segment.flags);
          }
          if (e.type === 'deliver' && segments.get(e.id)?.includes('RST')) {
            // What a delivery causes follows it, up to the next delivery, loss, timer or call.
            for (const x of r.events.slice(i + 1)) {
              if (x.type === 'deliver' || x.type === 'drop' || x.type === 'timer' || x.type === 'call') break;
              if (x.type === 'send') expect(x.segment.flags).not.toContain('RST');
            }
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('copes with sequence numbers that wrap around 2^32', () => {
    const s = parseScenario({
      name: 'wrap',
      client: { isn: 4294967290, port: 50000 },
      server: { isn: 4294967295, port: 80 },
      actions: [
        { at: 0, side: 'server', call: 'listen' },
        { at: 5, side: 'client', call: 'connect' },
        { at: 200, side: 'client', call: 'send', bytes: 100 },
        { at: 500, side: 'client', call: 'close' },
        { at: 700, side: 'server', call: 'close' },
      ],
    });
    if (!s.ok) throw new Error('invalid');
    const r = simulate(s.scenario);
    expect(r.final).toEqual({ client: 'CLOSED', server: 'CLOSED' });
    const data = r.events.find((e) => e.type === 'send' && e.segment.len > 0);
    expect(data).toMatchObject({ segment: { seq: 4294967291 } });
    const ack = r.events.find((e) => e.type === 'send' && e.side === 'server' && e.segment.ack === 95);
    expect(ack).toBeDefined();
  });
});

/** States in which a side answers every segment with data or FIN that reaches it. */
const ACKING: ReadonlySet<TcpState> = new Set([
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
]);
/** States in which in-order data may wait for a delayed ACK. */
const TAKES_DATA: ReadonlySet<TcpState> = new Set(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2']);

type Delivery = { index: number; t: number; side: Side; state: TcpState; segment: Segment };

/** Each delivery of a segment with data or FIN (not RST), with the state its receiver was in. */
function deliveriesOf(r: SimResult): Delivery[] {
  const segments = new Map<number, Segment>();
  const now: Record<Side, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
  const out: Delivery[] = [];
  r.events.forEach((e, index) => {
    if (e.type === 'send') segments.set(e.id, e.segment);
    if (e.type === 'state') now[e.side] = e.to;
    if (e.type !== 'deliver') return;
    const segment = segments.get(e.id)!;
    const f = segment.flags;
    if (!f.includes('RST') && (segment.len > 0 || f.includes('FIN'))) {
      out.push({ index, t: e.t, side: e.side, state: now[e.side], segment });
    }
  });
  return out;
}

/** The side sends a segment, or loses its connection (CLOSED, or back to LISTEN). */
const answers = (e: SimEvent, side: Side) =>
  e.side === side && (e.type === 'send' || (e.type === 'state' && (e.to === 'CLOSED' || e.to === 'LISTEN')));
/** What happens at one instant because of one cause ends at the next delivery, loss, timer or call. */
const isCause = (e: SimEvent) => e.type === 'deliver' || e.type === 'drop' || e.type === 'timer' || e.type === 'call';

const DELAY_RUNS = 200;

describe('delayed ACK over random scenarios (with and without ackDelayMs)', () => {
  it('never acknowledges more than the side has received', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        const segments = new Map<number, Segment>();
        // The end (seq + length) of the furthest segment each side has received. No run here wraps 2^32.
        const received: Record<Side, number> = { client: -1, server: -1 };
        for (const e of r.events) {
          if (e.type === 'deliver') {
            const g = segments.get(e.id)!;
            const end = g.seq + g.len + (g.flags.includes('SYN') ? 1 : 0) + (g.flags.includes('FIN') ? 1 : 0);
            received[e.side] = Math.max(received[e.side], end);
          }
          if (e.type !== 'send') continue;
          segments.set(e.id, e.segment);
          if (e.segment.ack !== null) expect(e.segment.ack).toBeLessThanOrEqual(received[e.side]);
        }
      }),
      { numRuns: DELAY_RUNS },
    );
  });

  it('answers every data segment and FIN within ackDelayMs of its arrival (at once without delayed ACK)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        for (const d of deliveriesOf(r)) {
          const mustAnswer = ACKING.has(d.state) || (d.state === 'TIME-WAIT' && d.segment.flags.includes('FIN'));
          if (!mustAnswer) continue;
          const after = r.events.slice(d.index + 1);
          const answer = after.findIndex((e) => answers(e, d.side));
          const where = `${d.side} in ${d.state}, delivery at ${d.t} (event ${d.index})`;
          if (answer < 0) throw new Error(`no answer: ${where}`);
          if (s.ackDelayMs === 0) {
            // No other cause comes between the arrival and its ACK.
            expect(after.slice(0, answer).some(isCause), where).toBe(false);
          } else {
            expect(after[answer]!.t - d.t, where).toBeLessThanOrEqual(s.ackDelayMs);
          }
        }
      }),
      { numRuns: DELAY_RUNS },
    );
  });

  it('acknowledges a second data segment at once when the first is still unacknowledged', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        const data = deliveriesOf(r).filter((d) => d.segment.len > 0 && TAKES_DATA.has(d.state));
        for (const [first, second] of data.slice(1).map((d, i) => [data[i]!, d] as const)) {
          if (first.side !== second.side) continue;
          // Was the first still waiting for its ACK when the second arrived? (No segment of the side's since.)
          const between = r.events.slice(first.index + 1, second.index);
          const pending = !between.some((e) => e.side === first.side && (e.type === 'send' || e.type === 'state'));
          if (!pending) continue;
          const after = r.events.slice(second.index + 1);
          const next = after.findIndex(isCause);
          const now = next < 0 ? after : after.slice(0, next);
          expect(
            now.some((e) => answers(e, second.side)),
            `${second.side}: data at ${first.t} and ${second.t}`,
          ).toBe(true);
        }
      }),
      { numRuns: DELAY_RUNS },
    );
  });

  it('fires the delayed-ack timer only to send a pure ACK, ackDelayMs after a data segment or FIN arrived', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = simulate(s);
        const arrivals = deliveriesOf(r);
        r.events.forEach((e, i) => {
          if (e.type !== 'timer' || e.timer !== 'delayed-ack') return;
          expect(s.ackDelayMs).toBeGreaterThan(0);
          expect(r.events[i + 1]).toMatchObject({ type: 'send', side: e.side, t: e.t, segment: { flags: ['ACK'] } });
          expect(arrivals.some((d) => d.side === e.side && d.t === e.t - s.ackDelayMs)).toBe(true);
        });
      }),
      { numRuns: DELAY_RUNS },
    );
  });

  it('runs exactly as before with ackDelayMs 0: the same run as without the field', () => {
    fc.assert(
      fc.property(inputArb, ({ input }) => {
        expect(simulate(parsed({ ...input, ackDelayMs: 0 }))).toEqual(simulate(parsed(input)));
      }),
      { numRuns: 100 },
    );
  });
});
