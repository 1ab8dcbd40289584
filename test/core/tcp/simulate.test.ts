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
  it('opens simultaneously through SYN-RECEIVED on both sides with four segments', () => {
    const r = builtin('simultaneous-open');
    for (const side of ['client', 'server'] as const) {
      expect(states(r, side)).toEqual(['SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED']);
    }
    const handshake = sends(r).filter((s) => s.segment.flags.includes('SYN'));
    expect(handshake).toHaveLength(4);
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
