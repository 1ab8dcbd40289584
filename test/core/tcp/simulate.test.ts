import { describe, expect, it } from 'vitest';
import { getBuiltinScenario } from '../../../src/core/scenario/builtins.js';
import { parseScenario } from '../../../src/core/scenario/validate.js';
import { simulate } from '../../../src/core/tcp/simulate.js';
import { type Scenario, type SimEvent, type SimResult, flagLabel } from '../../../src/core/tcp/types.js';

const builtin = (name: string) => {
  const s = getBuiltinScenario(name);
  if (!s) throw new Error(`no built-in ${name}`);
  return simulate(s);
};

function scenario(input: Record<string, unknown>): Scenario {
  const r = parseScenario({ name: 't', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

type Send = Extract<SimEvent, { type: 'send' }>;
const sends = (r: SimResult, side?: 'client' | 'server') =>
  r.events.filter((e): e is Send => e.type === 'send' && (!side || e.side === side));
const states = (r: SimResult, side: 'client' | 'server') =>
  r.events.filter((e) => e.type === 'state' && e.side === side).map((e) => (e.type === 'state' ? e.to : ''));
const errors = (r: SimResult, side: 'client' | 'server') =>
  r.events.filter((e) => e.type === 'error' && e.side === side).map((e) => (e.type === 'error' ? e.reason : ''));

describe('the handshake', () => {
  it('produces exactly the events of the contract example', () => {
    expect(builtin('handshake')).toEqual({
      scenario: 'handshake',
      events: [
        { t: 0, type: 'call', side: 'server', call: 'listen' },
        { t: 0, type: 'state', side: 'server', from: 'CLOSED', to: 'LISTEN' },
        { t: 10, type: 'call', side: 'client', call: 'connect' },
        { t: 10, type: 'state', side: 'client', from: 'CLOSED', to: 'SYN-SENT' },
        { t: 10, type: 'send', side: 'client', id: 1, segment: { flags: ['SYN'], seq: 1000, ack: null, len: 0 } },
        { t: 60, type: 'deliver', side: 'server', id: 1 },
        { t: 60, type: 'state', side: 'server', from: 'LISTEN', to: 'SYN-RECEIVED' },
        {
          t: 60,
          type: 'send',
          side: 'server',
          id: 2,
          segment: { flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, len: 0 },
        },
        { t: 110, type: 'deliver', side: 'client', id: 2 },
        { t: 110, type: 'state', side: 'client', from: 'SYN-SENT', to: 'ESTABLISHED' },
        { t: 110, type: 'send', side: 'client', id: 3, segment: { flags: ['ACK'], seq: 1001, ack: 5001, len: 0 } },
        { t: 160, type: 'deliver', side: 'server', id: 3 },
        { t: 160, type: 'state', side: 'server', from: 'SYN-RECEIVED', to: 'ESTABLISHED' },
      ],
      final: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
    });
  });

  it('matches the worked example of the facts sheet, segment by segment', () => {
    const r = builtin('client-close');
    const table = sends(r).map((s) => [
      s.side,
      flagLabel(s.segment.flags),
      s.segment.seq,
      s.segment.ack,
      s.segment.len,
    ]);
    expect(table).toEqual([
      ['client', 'SYN', 1000, null, 0],
      ['server', 'SYN,ACK', 5000, 1001, 0],
      ['client', 'ACK', 1001, 5001, 0],
      ['client', 'ACK', 1001, 5001, 100],
      ['server', 'ACK', 5001, 1101, 0],
      ['client', 'FIN,ACK', 1101, 5001, 0],
      ['server', 'ACK', 5001, 1102, 0],
      ['server', 'FIN,ACK', 5001, 1102, 0],
      ['client', 'ACK', 1102, 5002, 0],
    ]);
    expect(states(r, 'client')).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    expect(states(r, 'server')).toEqual(['LISTEN', 'SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
  });
});

describe('teardown and TIME-WAIT', () => {
  it('keeps the active closer in TIME-WAIT for exactly 2·MSL', () => {
    const r = builtin('client-close');
    const enter = r.events.find((e) => e.type === 'state' && e.to === 'TIME-WAIT')!;
    const leave = r.events.find((e) => e.type === 'state' && e.from === 'TIME-WAIT')!;
    expect(leave.t - enter.t).toBe(2 * 1000);
    const timer = r.events.find((e) => e.type === 'timer');
    expect(timer).toMatchObject({ side: 'client', timer: 'time-wait', t: leave.t });
  });

  it('puts the server in TIME-WAIT when the server closes first', () => {
    const r = builtin('server-close');
    expect(states(r, 'server')).toContain('TIME-WAIT');
    expect(states(r, 'client')).toContain('CLOSE-WAIT');
    expect(states(r, 'client')).not.toContain('TIME-WAIT');
  });

  it('re-acknowledges a retransmitted FIN in TIME-WAIT and restarts the timer without a state event', () => {
    const r = builtin('lost-final-ack');
    const acks = sends(r, 'client').filter((s) => s.segment.ack === 5002);
    expect(acks).toHaveLength(2);
    const restart = acks[1]!.t;
    const leave = r.events.find((e) => e.type === 'state' && e.from === 'TIME-WAIT')!;
    expect(leave.t - restart).toBe(2000);
    expect(states(r, 'client').filter((s) => s === 'TIME-WAIT')).toHaveLength(1);
    expect(r.final).toEqual({ client: 'CLOSED', server: 'CLOSED' });
    expect(errors(r, 'server')).toEqual([]);
  });

  it('acknowledges an old segment that arrives in TIME-WAIT; the closed peer answers RST, which ends TIME-WAIT early', () => {
    // The server's data is held up 600 ms; its retransmission (RTO 300) gets through, the connection closes, and
    // the old copy arrives at 850, when the client has been in TIME-WAIT since 750.
    const r = simulate(
      scenario({
        latencyMs: 50,
        mslMs: 1000,
        rtoMs: 300,
        client: { isn: 1000, port: 50000 },
        server: { isn: 5000, port: 80 },
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 10, side: 'client', call: 'connect' },
          { at: 200, side: 'server', call: 'send', bytes: 100 },
          { at: 600, side: 'client', call: 'close' },
          { at: 700, side: 'server', call: 'close' },
        ],
        faults: [{ side: 'server', nth: 2, fault: { delayMs: 600 } }],
      }),
    );
    const enter = r.events.find((e) => e.type === 'state' && e.side === 'client' && e.to === 'TIME-WAIT')!;
    expect(enter.t).toBe(750);
    // By hand: the client's ACK after the old copy says what it has: seq = 1002 (after its FIN), ack = 5000 + 1 + 100
    // + 1 = 5102 (the server's SYN, its 100 bytes and its FIN).
    const late = sends(r, 'client').filter((s) => s.t === 850);
    expect(late.map((s) => s.segment)).toEqual([{ flags: ['ACK'], seq: 1002, ack: 5102, len: 0 }]);
    // The server, CLOSED since 800, answers that ACK with <SEQ=SEG.ACK><CTL=RST> (seq 5102) at 900; an RST whose
    // seq is exactly RCV.NXT ends TIME-WAIT at 950, long before its 2·MSL: RFC 1337's "TIME-WAIT assassination",
    // which RFC 9293 leaves in place (Linux too, unless net.ipv4.tcp_rfc1337 = 1).
    expect(
      sends(r, 'server')
        .filter((s) => s.t === 900)
        .map((s) => s.segment),
    ).toEqual([{ flags: ['RST'], seq: 5102, ack: null, len: 0 }]);
    const leave = r.events.find((e) => e.type === 'state' && e.from === 'TIME-WAIT')!;
    expect(leave).toMatchObject({ t: 950, to: 'CLOSED' });
    expect(r.final).toEqual({ client: 'CLOSED', server: 'CLOSED' });
  });

  it('holds a close made in SYN-RECEIVED behind the data queued there until ESTABLISHED (RFC 9293 §3.10.4)', () => {
    // The server's SYN,ACK goes at 60 ms; the application sends 100 bytes at 70 and closes at 80, before the ACK
    // that completes the handshake arrives at 160 (the SYN,ACK's 50 ms there, the ACK's 50 ms back).
    const r = simulate(
      scenario({
        latencyMs: 50,
        client: { isn: 1000, port: 50000 },
        server: { isn: 5000, port: 80 },
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 10, side: 'client', call: 'connect' },
          { at: 70, side: 'server', call: 'send', bytes: 100 },
          { at: 80, side: 'server', call: 'close' },
        ],
      }),
    );
    // By hand: nothing leaves the server between its SYN,ACK (60) and the handshake's ACK (160); then its 100 bytes
    // (seq 5001) and its FIN (seq 5101), in that order, and the server goes ESTABLISHED, then FIN-WAIT-1.
    const server = sends(r, 'server');
    expect(server.filter((s) => s.t > 60 && s.t < 160)).toEqual([]);
    expect(server.filter((s) => s.t === 160).map((s) => s.segment)).toEqual([
      { flags: ['ACK'], seq: 5001, ack: 1001, len: 100 },
      { flags: ['ACK', 'FIN'], seq: 5101, ack: 1001, len: 0 },
    ]);
    const at160 = r.events.filter((e) => e.type === 'state' && e.side === 'server' && e.t === 160);
    expect(at160.map((e) => (e.type === 'state' ? `${e.from}>${e.to}` : ''))).toEqual([
      'SYN-RECEIVED>ESTABLISHED',
      'ESTABLISHED>FIN-WAIT-1',
    ]);
    expect(errors(r, 'server')).toEqual([]);
  });

  it('closes in SYN-RECEIVED with nothing queued by sending its FIN at once', () => {
    const r = simulate(
      scenario({
        latencyMs: 50,
        client: { isn: 1000, port: 50000 },
        server: { isn: 5000, port: 80 },
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 10, side: 'client', call: 'connect' },
          { at: 80, side: 'server', call: 'close' },
        ],
      }),
    );
    expect(
      sends(r, 'server')
        .filter((s) => s.t === 80)
        .map((s) => s.segment),
    ).toEqual([{ flags: ['ACK', 'FIN'], seq: 5001, ack: 1001, len: 0 }]);
    expect(states(r, 'server').slice(0, 3)).toEqual(['LISTEN', 'SYN-RECEIVED', 'FIN-WAIT-1']);
  });

  it('without TIME-WAIT, the retransmitted FIN draws a RST and the peer reports a reset', () => {
    const r = builtin('no-time-wait');
    const rst = sends(r, 'client').find((s) => s.segment.flags.includes('RST'))!;
    expect(rst.segment).toEqual({ flags: ['RST'], seq: 1102, ack: null, len: 0 });
    expect(errors(r, 'server')).toEqual(['connection reset']);
    expect(states(r, 'client')).not.toContain('TIME-WAIT');
  });

  it('goes FIN-WAIT-1 → CLOSING → TIME-WAIT on both sides in a simultaneous close', () => {
    const r = builtin('simultaneous-close');
    for (const side of ['client', 'server'] as const) {
      expect(states(r, side).slice(-4)).toEqual(['FIN-WAIT-1', 'CLOSING', 'TIME-WAIT', 'CLOSED']);
    }
  });

  it('goes from FIN-WAIT-1 straight to TIME-WAIT when the FIN also acknowledges ours', () => {
    const r = simulate(
      scenario({
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 10, side: 'client', call: 'connect' },
          { at: 500, side: 'client', call: 'close' },
          { at: 600, side: 'server', call: 'close' },
        ],
        // The server's pure ACK of the FIN is lost, so its FIN,ACK is the first to acknowledge the client's FIN.
        faults: [{ side: 'server', nth: 2, fault: 'drop' }],
      }),
    );
    expect(states(r, 'client')).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'TIME-WAIT', 'CLOSED']);
  });

  it('holds the data after a lost segment until the retransmission fills the gap (head-of-line)', () => {
    const r = builtin('head-of-line');
    // Worked out by hand: the server's data starts at 5001 (ISN 5000 + SYN); 1000 bytes a segment.
    expect(sends(r, 'server').map((s) => [s.t, s.segment.seq, s.segment.len, s.retransmission ?? false])).toEqual([
      [60, 5000, 0, false],
      [250, 5001, 0, false],
      [300, 5001, 1000, false],
      [300, 6001, 1000, false],
      [300, 7001, 1000, false],
      [300, 8001, 1000, false],
      [600, 5001, 1000, true],
    ]);
    expect(r.events.find((e) => e.type === 'drop')).toMatchObject({ t: 350, side: 'client', id: 6 });
    // Segments 7-9 arrive out of order: held, and each answered with the first byte still missing. The
    // retransmission fills the gap and one ACK covers all 4000 bytes.
    expect(
      sends(r, 'client')
        .slice(-4)
        .map((s) => [s.t, s.segment.ack]),
    ).toEqual([
      [350, 5001],
      [350, 5001],
      [350, 5001],
      [650, 9001],
    ]);
    expect(r.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
  });

  it('closes in three segments when the ACK of the FIN rides on the peer’s FIN (three-segment-close)', () => {
    const r = builtin('three-segment-close');
    const firstFin = sends(r).findIndex((s) => s.segment.flags.includes('FIN'));
    const teardown = sends(r)
      .slice(firstFin)
      .map((s) => [s.side, flagLabel(s.segment.flags), s.segment.seq, s.segment.ack]);
    expect(teardown).toEqual([
      ['client', 'FIN,ACK', 1101, 5001],
      ['server', 'FIN,ACK', 5001, 1102],
      ['client', 'ACK', 1102, 5002],
    ]);
    expect(states(r, 'client')).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'TIME-WAIT', 'CLOSED']);
    // The data's ACK had nothing to ride on: it went alone when the server's delayed-ACK timer fired.
    expect(r.events.filter((e) => e.type === 'timer').map((e) => [e.t, e.side, e.type === 'timer' && e.timer])).toEqual(
      [
        [450, 'server', 'delayed-ack'],
        [2650, 'client', 'time-wait'],
      ],
    );
  });

  it('leaves CLOSE-WAIT only when the application closes', () => {
    expect(builtin('close-wait-leak').final).toEqual({ client: 'FIN-WAIT-2', server: 'CLOSE-WAIT' });
  });
});

describe('resets and errors', () => {
  it('refuses a connection with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>', () => {
    const r = builtin('connection-refused');
    expect(sends(r, 'server')[0]!.segment).toEqual({ flags: ['ACK', 'RST'], seq: 0, ack: 1001, len: 0 });
    expect(errors(r, 'client')).toEqual(['connection refused']);
    expect(states(r, 'client')).toEqual(['SYN-SENT', 'CLOSED']);
  });

  it('aborts with <SEQ=SND.NXT><CTL=RST> and the peer reports a reset', () => {
    const r = builtin('abort');
    const rst = sends(r, 'client').at(-1)!;
    expect(rst.segment).toEqual({ flags: ['RST'], seq: 1101, ack: null, len: 0 });
    expect(errors(r, 'server')).toEqual(['connection reset']);
    expect(r.final).toEqual({ client: 'CLOSED', server: 'CLOSED' });
  });

  it('never answers a RST, and ignores one in LISTEN', () => {
    const r = simulate(
      scenario({
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 0, side: 'client', call: 'connect' },
          { at: 1, side: 'client', call: 'abort' },
        ],
        faults: [{ side: 'client', nth: 1, fault: { delayMs: 100 } }],
      }),
    );
    // The client aborted in SYN-SENT (no RST); the late SYN opens SYN-RECEIVED; the client answers RST; the server returns to LISTEN.
    expect(sends(r, 'server').filter((s) => s.segment.flags.includes('RST'))).toEqual([]);
    expect(r.final.server).toBe('LISTEN');
  });

  it('turns calls that make no sense into socket-style errors and goes on', () => {
    const r = simulate(
      scenario({
        actions: [
          { at: 0, side: 'server', call: 'send', bytes: 10 },
          { at: 0, side: 'server', call: 'listen' },
          { at: 1, side: 'server', call: 'send', bytes: 10 },
          { at: 2, side: 'client', call: 'connect' },
          { at: 3, side: 'client', call: 'connect' },
          { at: 4, side: 'client', call: 'close' },
          { at: 5, side: 'client', call: 'close' },
        ],
      }),
    );
    const errs = r.events
      .filter((e) => e.type === 'error')
      .map((e) => (e.type === 'error' ? [e.side, e.call, e.reason] : []));
    expect(errs).toEqual([
      ['server', 'send', 'not connected'],
      ['server', 'send', 'not connected'],
      ['client', 'connect', 'connection already in progress'],
      ['client', 'close', 'not connected'],
    ]);
  });

  it('gives up after maxRetries retransmissions with "connection timed out"', () => {
    const r = simulate(
      scenario({
        maxRetries: 3,
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 0, side: 'client', call: 'connect' },
        ],
        loss: 1,
      }),
    );
    const syns = sends(r, 'client');
    expect(syns).toHaveLength(4);
    expect(syns.map((s) => s.t)).toEqual([0, 300, 900, 2100]);
    expect(syns.slice(1).every((s) => s.retransmission && s.segment.seq === 1000)).toBe(true);
    expect(errors(r, 'client')).toEqual(['connection timed out']);
    expect(r.final.client).toBe('CLOSED');
  });
});

describe('retransmission and the network', () => {
  it('retransmits a lost SYN after the RTO with the same sequence number', () => {
    const r = builtin('lost-syn');
    const syns = sends(r, 'client').filter((s) => s.segment.flags.includes('SYN'));
    expect(syns.map((s) => [s.t, s.segment.seq, s.retransmission ?? false])).toEqual([
      [10, 1000, false],
      [310, 1000, true],
    ]);
    expect(r.events.find((e) => e.type === 'drop')).toMatchObject({ side: 'server', id: 1, t: 60 });
  });

  it('answers a repeated SYN in SYN-RECEIVED with one SYN,ACK, restarting its timer', () => {
    const r = builtin('lost-syn-ack');
    const synacks = sends(r, 'server').filter((s) => s.segment.flags.includes('SYN'));
    expect(synacks.map((s) => s.t)).toEqual([60, 360]);
    expect(r.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
  });

  it('completes the handshake with the first data segment when the third segment is lost', () => {
    const r = builtin('lost-handshake-ack');
    const established = r.events.find((e) => e.type === 'state' && e.side === 'server' && e.to === 'ESTABLISHED')!;
    expect(established.t).toBe(250);
    expect(sends(r, 'server').filter((s) => s.retransmission)).toEqual([]);
  });

  it('delivers a duplicate 1 ms later and re-acknowledges the old copy', () => {
    const r = builtin('duplicate-segment');
    const delivers = r.events.filter((e) => e.type === 'deliver' && e.id === 4);
    expect(delivers.map((e) => e.t)).toEqual([250, 251]);
    const acks = sends(r, 'server').filter((s) => s.segment.ack === 1101);
    expect(acks).toHaveLength(2);
  });

  it('splits data by the MSS and acknowledges each segment', () => {
    const r = builtin('data-transfer');
    const data = sends(r, 'client').filter((s) => s.segment.len > 0);
    expect(data.map((s) => [s.segment.seq, s.segment.len])).toEqual([
      [1001, 1000],
      [2001, 500],
    ]);
    expect(
      sends(r, 'server')
        .filter((s) => s.segment.len === 0 && s.segment.ack !== null)
        .map((s) => s.segment.ack),
    ).toContain(2501);
  });

  it('holds out-of-order data until the gap is filled, then acknowledges it all', () => {
    const r = simulate(
      scenario({
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 10, side: 'client', call: 'connect' },
          { at: 200, side: 'client', call: 'send', bytes: 2000 },
        ],
        faults: [{ side: 'client', nth: 3, fault: 'drop' }],
      }),
    );
    const acks = sends(r, 'server')
      .filter((s) => !s.segment.flags.includes('SYN'))
      .map((s) => s.segment.ack);
    expect(acks).toEqual([1001, 3001]);
  });

  it("uses ISN + 100000 for a side's next connection", () => {
    const r = builtin('old-duplicate-syn');
    const synacks = sends(r, 'server').filter((s) => s.segment.flags.includes('SYN'));
    expect(synacks[0]!.segment.seq).toBe(5000);
    expect(synacks.at(-1)!.segment.seq).toBe(105000);
  });

  it('applies random loss from the seed, the same way every time', () => {
    const s = scenario({
      actions: [
        { at: 0, side: 'server', call: 'listen' },
        { at: 10, side: 'client', call: 'connect' },
        { at: 200, side: 'client', call: 'send', bytes: 20000 },
      ],
      loss: 0.3,
      seed: 42,
      maxRetries: 10,
    });
    const a = simulate(s);
    expect(simulate(s)).toEqual(a);
    expect(a.events.some((e) => e.type === 'drop')).toBe(true);
    expect(simulate({ ...s, seed: 43 })).not.toEqual(a);
  });
});

describe('the what-ifs and simultaneous open', () => {
  it('opens simultaneously through SYN-RECEIVED on both sides: the RFC’s four segments, and a pure ACK each', () => {
    const r = builtin('simultaneous-open');
    for (const side of ['client', 'server'] as const) {
      expect(states(r, side)).toEqual(['SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED']);
    }
    // RFC 9293 Figure 7: two SYNs and two SYN,ACKs. Each side then acknowledges the SYN,ACK it got (as Linux does).
    expect(sends(r).map((s) => [s.side, flagLabel(s.segment.flags)])).toEqual([
      ['client', 'SYN'],
      ['server', 'SYN'],
      ['server', 'SYN,ACK'],
      ['client', 'SYN,ACK'],
      ['client', 'ACK'],
      ['server', 'ACK'],
    ]);
    expect(getBuiltinScenario('simultaneous-open')!.description).toMatch(/four segments.*six/);
  });

  it('delays the old SYN less than the MSL, and has it arrive once the client has no connection', () => {
    const s = getBuiltinScenario('old-duplicate-syn')!;
    const r = simulate(s);
    const sent = r.events.find((e) => e.type === 'send' && e.id === 1)!;
    const late = r.events.filter((e) => e.type === 'deliver' && e.id === 1);
    expect(late).toHaveLength(1);
    expect(late[0]!.t - sent.t).toBeLessThanOrEqual(s.mslMs);
    // By then the client has aborted its connection (no TIME-WAIT) and the server listens again.
    const before = r.events.slice(0, r.events.indexOf(late[0]!));
    expect(states({ ...r, events: before }, 'client').at(-1)).toBe('CLOSED');
    expect(states({ ...r, events: before }, 'client')).not.toContain('TIME-WAIT');
    expect(states({ ...r, events: before }, 'server').at(-1)).toBe('LISTEN');
  });

  it('with three steps, an old duplicate SYN leaves the server in LISTEN', () => {
    const r = builtin('old-duplicate-syn');
    expect(r.final).toEqual({ client: 'CLOSED', server: 'LISTEN' });
    expect(states(r, 'server').slice(-3)).toEqual(['LISTEN', 'SYN-RECEIVED', 'LISTEN']);
  });

  it('with two steps, the same old SYN leaves the server ESTABLISHED on a dead connection', () => {
    const r = builtin('old-duplicate-syn-two-way');
    expect(r.final).toEqual({ client: 'CLOSED', server: 'ESTABLISHED' });
    expect(states(r, 'server')).not.toContain('SYN-RECEIVED');
  });
});

describe('delayed ACK (ackDelayMs)', () => {
  const OPEN = [
    { at: 0, side: 'server', call: 'listen' },
    { at: 10, side: 'client', call: 'connect' },
  ];
  const delayed = (input: Record<string, unknown>) => simulate(scenario({ ackDelayMs: 200, ...input }));
  const timers = (r: SimResult) =>
    r.events.filter((e) => e.type === 'timer' && e.timer === 'delayed-ack').map((e) => [e.t, e.side]);
  const table = (r: SimResult, side?: 'client' | 'server') =>
    sends(r, side).map((s) => [s.t, flagLabel(s.segment.flags), s.segment.seq, s.segment.ack, s.segment.len]);

  it('is 0 by default, and 0 acknowledges every segment at once', () => {
    const actions = [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 100 }];
    expect(scenario({ actions }).ackDelayMs).toBe(0);
    const r = simulate(scenario({ actions, ackDelayMs: 0 }));
    expect(r).toEqual(simulate(scenario({ actions })));
    expect(table(r, 'server').slice(1)).toEqual([[250, 'ACK', 5001, 1101, 0]]);
    expect(timers(r)).toEqual([]);
  });

  it('acknowledges SYN and SYN,ACK at once: the handshake is unchanged', () => {
    const r = delayed({ actions: OPEN });
    expect(r.events).toEqual(builtin('handshake').events);
  });

  it('sends a lone data segment’s ACK when the timer fires, ackDelayMs after the arrival', () => {
    const r = delayed({ actions: [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 100 }] });
    expect(table(r, 'server').slice(1)).toEqual([[450, 'ACK', 5001, 1101, 0]]);
    expect(timers(r)).toEqual([[450, 'server']]);
    // The timer event comes right before the ACK it sends.
    const i = r.events.findIndex((e) => e.type === 'timer');
    expect(r.events[i + 1]).toMatchObject({ type: 'send', side: 'server', t: 450 });
  });

  it('acknowledges a second data segment at once while an ACK is pending', () => {
    const r = delayed({ actions: [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 1500 }] });
    expect(table(r, 'server').slice(1)).toEqual([[250, 'ACK', 5001, 2501, 0]]);
    expect(timers(r)).toEqual([]);
  });

  it('lets the ACK ride on the data the side sends within ackDelayMs', () => {
    const r = delayed({
      actions: [
        ...OPEN,
        { at: 200, side: 'client', call: 'send', bytes: 100 },
        { at: 300, side: 'server', call: 'send', bytes: 300 },
      ],
    });
    // The server's response carries the ACK of the request; the client's ACK of the response goes alone later.
    expect(table(r).slice(3)).toEqual([
      [200, 'ACK', 1001, 5001, 100],
      [300, 'ACK', 5001, 1101, 300],
      [550, 'ACK', 1101, 5301, 0],
    ]);
    expect(timers(r)).toEqual([[550, 'client']]);
  });

  it('lets the ACK of a FIN in ESTABLISHED ride on the side’s own FIN: the three-segment close', () => {
    const r = delayed({
      actions: [...OPEN, { at: 500, side: 'client', call: 'close' }, { at: 600, side: 'server', call: 'close' }],
    });
    expect(table(r).slice(3)).toEqual([
      [500, 'FIN,ACK', 1001, 5001, 0],
      [600, 'FIN,ACK', 5001, 1002, 0],
      [650, 'ACK', 1002, 5002, 0],
    ]);
    expect(states(r, 'client')).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'TIME-WAIT', 'CLOSED']);
    expect(states(r, 'server')).toEqual(['LISTEN', 'SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    expect(timers(r)).toEqual([]);
  });

  it('acknowledges a FIN in FIN-WAIT-2 at once (and one in ESTABLISHED after the timer)', () => {
    const r = delayed({
      actions: [...OPEN, { at: 500, side: 'server', call: 'close' }, { at: 1000, side: 'client', call: 'close' }],
    });
    expect(table(r).slice(3)).toEqual([
      [500, 'FIN,ACK', 5001, 1001, 0],
      [750, 'ACK', 1001, 5002, 0],
      [1000, 'FIN,ACK', 1001, 5002, 0],
      [1050, 'ACK', 5002, 1002, 0],
    ]);
    expect(timers(r)).toEqual([[750, 'client']]);
    expect(states(r, 'server')).toContain('FIN-WAIT-2');
  });

  it('acknowledges a FIN in FIN-WAIT-1 at once: simultaneous close', () => {
    const r = delayed({
      actions: [...OPEN, { at: 500, side: 'client', call: 'close' }, { at: 500, side: 'server', call: 'close' }],
    });
    expect(table(r).slice(3)).toEqual([
      [500, 'FIN,ACK', 1001, 5001, 0],
      [500, 'FIN,ACK', 5001, 1001, 0],
      [550, 'ACK', 5002, 1002, 0],
      [550, 'ACK', 1002, 5002, 0],
    ]);
    expect(timers(r)).toEqual([]);
  });

  it('keeps a FIN that arrives while an ACK is pending waiting with it, then acknowledges both', () => {
    const r = delayed({
      actions: [
        ...OPEN,
        { at: 200, side: 'client', call: 'send', bytes: 100 },
        { at: 250, side: 'client', call: 'close' },
      ],
    });
    // Data at 250, FIN at 300: one ACK, when the timer set by the data fires.
    expect(table(r, 'server').slice(1)).toEqual([[450, 'ACK', 5001, 1102, 0]]);
    expect(timers(r)).toEqual([[450, 'server']]);
  });

  it('acknowledges out-of-order data at once; the segment that fills the gap is in order again', () => {
    const r = delayed({
      actions: [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 2000 }],
      faults: [{ side: 'client', nth: 3, fault: 'drop' }],
    });
    // 1001–2000 is lost; 2001–3000 arrives at 250, out of order: a duplicate ACK at once. The retransmission
    // (at 500, RTO 300) arrives at 550 in order and fills the gap: its ACK waits for the timer.
    expect(table(r, 'server').slice(1)).toEqual([
      [250, 'ACK', 5001, 1001, 0],
      [750, 'ACK', 5001, 3001, 0],
    ]);
    expect(timers(r)).toEqual([[750, 'server']]);
  });

  it('re-acknowledges a duplicate at once', () => {
    const r = delayed({
      actions: [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 100 }],
      faults: [{ side: 'client', nth: 3, fault: 'duplicate' }],
    });
    // The copy arrives at 251, while the ACK of the original is pending: it is old, so it is acknowledged at once.
    expect(table(r, 'server').slice(1)).toEqual([[251, 'ACK', 5001, 1101, 0]]);
    expect(timers(r)).toEqual([]);
  });

  it('fires no timer when the side aborts before it: a pending ACK is forgotten with the connection', () => {
    const r = delayed({
      actions: [
        ...OPEN,
        { at: 200, side: 'client', call: 'send', bytes: 100 },
        { at: 300, side: 'server', call: 'abort' },
      ],
    });
    expect(table(r, 'server').slice(1)).toEqual([[300, 'RST', 5001, null, 0]]);
    expect(timers(r)).toEqual([]);
  });
});

describe('data sent before the connection is open', () => {
  it('is queued in SYN-RECEIVED and sent once the ACK of the SYN,ACK arrives', () => {
    const r = simulate(
      scenario({
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 10, side: 'client', call: 'connect' },
          // The server's application writes while the handshake is under way (SYN-RECEIVED from 60 to 160).
          { at: 70, side: 'server', call: 'send', bytes: 100 },
        ],
      }),
    );
    expect(sends(r, 'server').map((s) => [s.t, flagLabel(s.segment.flags), s.segment.seq, s.segment.len])).toEqual([
      [60, 'SYN,ACK', 5000, 0],
      [160, 'ACK', 5001, 100],
    ]);
    expect(sends(r, 'client').at(-1)!.segment).toEqual({ flags: ['ACK'], seq: 1001, ack: 5101, len: 0 });
  });

  it('is queued in SYN-SENT and sent right after the ACK that completes the handshake', () => {
    const r = simulate(
      scenario({
        actions: [
          { at: 0, side: 'server', call: 'listen' },
          { at: 10, side: 'client', call: 'connect' },
          { at: 20, side: 'client', call: 'send', bytes: 100 },
        ],
      }),
    );
    expect(sends(r, 'client').map((s) => [s.t, flagLabel(s.segment.flags), s.segment.seq, s.segment.len])).toEqual([
      [10, 'SYN', 1000, 0],
      [110, 'ACK', 1001, 0],
      [110, 'ACK', 1001, 100],
    ]);
  });
});
