// Every kind of query a lesson can ask of a run, and every selector field,
// against values worked out by hand from the TCP rules (RFC 9293), not read
// back from the engine. The runs use the simulator's defaults: client ISN
// 1000, server ISN 5000, 100 bytes of data (the facts sheet's worked example).
//
// client-close, by hand (SYN and FIN occupy one sequence number each):
//   client #1  SYN      seq=1000           server #1  SYN,ACK seq=5000 ack=1001
//   client #2  ACK      seq=1001 ack=5001  server #2  ACK     seq=5001 ack=1101 (100 bytes)
//   client #3  ACK      seq=1001 ack=5001 len=100
//   client #4  FIN,ACK  seq=1101 ack=5001  server #3  ACK     seq=5001 ack=1102 (the FIN)
//   client #5  ACK      seq=1102 ack=5002  server #4  FIN,ACK seq=5001 ack=1102
// lost-fin is the same with the client's FIN lost once and sent again (same seq).
import { describe, expect, it } from 'vitest';
import { runQuery } from '../../../../src/core/models/tcp/query.js';
import type { SimQuery } from '../../../../src/core/models/tcp/types.js';
import { getBuiltinScenario } from '../../../../src/core/scenario/builtins.js';
import { simulate } from '../../../../src/core/tcp/simulate.js';
import type { SimResult } from '../../../../src/core/tcp/types.js';

const runs = new Map<string, SimResult>();
function run(name: string): SimResult {
  let r = runs.get(name);
  if (!r) {
    const scenario = getBuiltinScenario(name);
    if (!scenario) throw new Error(`no built-in scenario ${name}`);
    r = simulate(scenario);
    runs.set(name, r);
  }
  return r;
}

const value = (scenario: string, query: SimQuery) => runQuery(run(scenario), query);

type Segment = { side?: 'client' | 'server'; nth?: number; flags?: string[] };
type Fields = { seq: string; ack: string | null; len: string; flags: string };

/** The four fields of the selected segment; `ack: null` when it has no ACK flag. */
function segment(scenario: string, selector: Segment): Fields {
  const field = (f: 'seq' | 'ack' | 'len' | 'flags') => {
    const r = value(scenario, { segment: selector, field: f });
    if ('value' in r) return r.value;
    if (f === 'ack' && r.error === 'that segment has no ACK flag, so no ack number') return null;
    throw new Error(r.error);
  };
  return { seq: field('seq')!, ack: field('ack'), len: field('len')!, flags: field('flags')! };
}

describe('segment queries', () => {
  it('select the nth segment of one side, in the order that side sends them', () => {
    const client: Fields[] = [
      { flags: 'SYN', seq: '1000', ack: null, len: '0' },
      { flags: 'ACK', seq: '1001', ack: '5001', len: '0' },
      { flags: 'ACK', seq: '1001', ack: '5001', len: '100' },
      { flags: 'FIN,ACK', seq: '1101', ack: '5001', len: '0' },
      { flags: 'ACK', seq: '1102', ack: '5002', len: '0' },
    ];
    const server: Fields[] = [
      { flags: 'SYN,ACK', seq: '5000', ack: '1001', len: '0' },
      { flags: 'ACK', seq: '5001', ack: '1101', len: '0' },
      { flags: 'ACK', seq: '5001', ack: '1102', len: '0' },
      { flags: 'FIN,ACK', seq: '5001', ack: '1102', len: '0' },
    ];
    expect(client.map((_, i) => segment('client-close', { side: 'client', nth: i + 1 }))).toEqual(client);
    expect(server.map((_, i) => segment('client-close', { side: 'server', nth: i + 1 }))).toEqual(server);
  });

  it('count both sides together when no side is given', () => {
    // Interleaved in time: SYN, SYN,ACK, ACK, data, ACK of data, FIN, ACK of FIN, FIN, last ACK.
    const seqs = ['1000', '5000', '1001', '1001', '5001', '1101', '5001', '5001', '1102'];
    expect(seqs.map((_, i) => segment('client-close', { nth: i + 1 }).seq)).toEqual(seqs);
  });

  it('take the first match when nth is left out', () => {
    expect(segment('client-close', {})).toEqual({ flags: 'SYN', seq: '1000', ack: null, len: '0' });
    expect(segment('client-close', { side: 'server' })).toEqual(segment('client-close', { side: 'server', nth: 1 }));
    expect(segment('client-close', { side: 'server' }).seq).toBe('5000');
  });

  it('keep only segments carrying every flag asked for, in any order', () => {
    // The first FIN is the client's; the server's FIN comes second.
    expect(segment('client-close', { flags: ['FIN'] })).toMatchObject({ seq: '1101', ack: '5001' });
    expect(segment('client-close', { flags: ['FIN'], nth: 2 })).toMatchObject({ seq: '5001', ack: '1102' });
    expect(segment('client-close', { side: 'server', flags: ['FIN'] })).toMatchObject({ seq: '5001', ack: '1102' });
    // The client's SYN has no ACK flag, so the first ACK-bearing segment is the server's SYN,ACK.
    expect(segment('client-close', { flags: ['ACK'] }).flags).toBe('SYN,ACK');
    expect(segment('client-close', { side: 'client', flags: ['ACK'] })).toMatchObject({ seq: '1001', ack: '5001' });
    // SYN alone matches the client's SYN; SYN and ACK together only the SYN,ACK.
    expect(segment('client-close', { flags: ['SYN'] }).seq).toBe('1000');
    expect(segment('client-close', { flags: ['SYN', 'ACK'] }).seq).toBe('5000');
    expect(segment('client-close', { flags: ['ACK', 'SYN'] }).seq).toBe('5000');
    expect(segment('client-close', { flags: ['FIN', 'ACK'], side: 'client', nth: 1 }).seq).toBe('1101');
  });

  it('count a retransmission as a segment of its own, with the same sequence number', () => {
    // lost-fin: the client's FIN (seq=1101) is lost and sent again; the server acknowledges it with 1102.
    expect(segment('lost-fin', { side: 'client', flags: ['FIN'], nth: 1 })).toMatchObject({ seq: '1101' });
    expect(segment('lost-fin', { side: 'client', flags: ['FIN'], nth: 2 })).toMatchObject({ seq: '1101' });
    expect(segment('lost-fin', { side: 'client', nth: 5 }).flags).toBe('FIN,ACK');
    expect(segment('lost-fin', { side: 'client', nth: 6 })).toEqual({
      flags: 'ACK',
      seq: '1102',
      ack: '5002',
      len: '0',
    });
    expect(segment('lost-fin', { side: 'server', nth: 3 })).toEqual({
      flags: 'ACK',
      seq: '5001',
      ack: '1102',
      len: '0',
    });
  });

  it('print flags the way captures do, control flag first', () => {
    expect(value('client-close', { segment: { side: 'client', nth: 4 }, field: 'flags' })).toEqual({
      value: 'FIN,ACK',
    });
    expect(value('connection-refused', { segment: { side: 'server' }, field: 'flags' })).toEqual({ value: 'RST,ACK' });
    expect(value('abort', { segment: { flags: ['RST'] }, field: 'flags' })).toEqual({ value: 'RST' });
  });

  it('say why there is no value: too few matching segments, or no ACK flag', () => {
    expect(value('handshake', { segment: { side: 'server', nth: 2 }, field: 'seq' })).toEqual({
      error: 'the run has 1 matching segment, not 2',
    });
    expect(value('handshake', { segment: { nth: 4 }, field: 'seq' })).toEqual({
      error: 'the run has 3 matching segments, not 4',
    });
    expect(value('handshake', { segment: { flags: ['FIN'] }, field: 'seq' })).toEqual({
      error: 'the run has 0 matching segments, not 1',
    });
    expect(value('handshake', { segment: { side: 'client', flags: ['SYN', 'ACK'] }, field: 'seq' })).toEqual({
      error: 'the run has 0 matching segments, not 1',
    });
    // An opening SYN and an abort's <SEQ=SND.NXT><CTL=RST> carry no ACK flag, so no ack number.
    const noAck = { error: 'that segment has no ACK flag, so no ack number' };
    expect(value('handshake', { segment: { side: 'client', nth: 1 }, field: 'ack' })).toEqual(noAck);
    expect(value('abort', { segment: { side: 'client', flags: ['RST'] }, field: 'ack' })).toEqual(noAck);
    expect(value('abort', { segment: { side: 'client', flags: ['RST'] }, field: 'seq' })).toEqual({ value: '1101' });
  });
});

describe('state queries', () => {
  it("give a side's nth state change, in RFC 9293 order", () => {
    // Active closer: FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT; passive closer: CLOSE-WAIT, LAST-ACK.
    const client = ['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED'];
    const server = ['LISTEN', 'SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED'];
    const nth = (side: 'client' | 'server', n: number) => value('client-close', { state: { side, nth: n } });
    expect(client.map((_, i) => nth('client', i + 1))).toEqual(client.map((to) => ({ value: to })));
    expect(server.map((_, i) => nth('server', i + 1))).toEqual(server.map((to) => ({ value: to })));
  });

  it('say how many changes there are when nth is past the last', () => {
    expect(value('client-close', { state: { side: 'client', nth: 7 } })).toEqual({
      error: 'the client changes state 6 times, not 7',
    });
    expect(value('handshake', { state: { side: 'server', nth: 4 } })).toEqual({
      error: 'the server changes state 3 times, not 4',
    });
    // Nothing listens in connection-refused: the server never changes state.
    expect(value('connection-refused', { state: { side: 'server', nth: 1 } })).toEqual({
      error: 'the server changes state 0 times, not 1',
    });
  });
});

describe('final queries', () => {
  it("give each side's state at the end of the run", () => {
    expect(value('handshake', { final: 'client' })).toEqual({ value: 'ESTABLISHED' });
    expect(value('handshake', { final: 'server' })).toEqual({ value: 'ESTABLISHED' });
    expect(value('client-close', { final: 'client' })).toEqual({ value: 'CLOSED' });
    // The server's application never closes: it stays in CLOSE-WAIT, the client in FIN-WAIT-2.
    expect(value('close-wait-leak', { final: 'client' })).toEqual({ value: 'FIN-WAIT-2' });
    expect(value('close-wait-leak', { final: 'server' })).toEqual({ value: 'CLOSE-WAIT' });
  });
});

describe('count queries', () => {
  it('count the segments of a side, or of both', () => {
    expect(value('handshake', { count: {} })).toEqual({ value: '3' });
    expect(value('client-close', { count: {} })).toEqual({ value: '9' });
    expect(value('client-close', { count: { side: 'client' } })).toEqual({ value: '5' });
    expect(value('client-close', { count: { side: 'server' } })).toEqual({ value: '4' });
    // One lost FIN: the client sends one segment more.
    expect(value('lost-fin', { count: { side: 'client' } })).toEqual({ value: '6' });
    expect(value('lost-fin', { count: { side: 'server' } })).toEqual({ value: '4' });
  });

  it('count only segments carrying every flag asked for', () => {
    expect(value('client-close', { count: { flags: ['ACK'] } })).toEqual({ value: '8' });
    expect(value('client-close', { count: { flags: ['SYN'] } })).toEqual({ value: '2' });
    expect(value('client-close', { count: { flags: ['SYN', 'ACK'] } })).toEqual({ value: '1' });
    expect(value('client-close', { count: { flags: ['FIN'] } })).toEqual({ value: '2' });
    expect(value('client-close', { count: { flags: ['RST'] } })).toEqual({ value: '0' });
    expect(value('client-close', { count: { side: 'client', flags: ['FIN'] } })).toEqual({ value: '1' });
    expect(value('lost-fin', { count: { side: 'client', flags: ['FIN'] } })).toEqual({ value: '2' });
    expect(value('lost-fin', { count: { side: 'server', flags: ['FIN', 'ACK'] } })).toEqual({ value: '1' });
    expect(value('client-close', { count: { side: 'server', flags: ['ACK'] } })).toEqual({ value: '4' });
  });
});
