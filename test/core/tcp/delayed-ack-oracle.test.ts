// Oracle cases for delayed ACK: scenario files (./oracle/) run through the built CLI,
// `nettutor sim <file> --format json`, against event lists written by hand from the
// rules of the sim contract (shared spec sim-cli.md) — not from the engine's output.
// Every file uses latencyMs 20 and ackDelayMs 100, and opens the connection the
// same way: the server listens at 0, the client connects at 10.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/nettutor.js', import.meta.url));
const oracleDir = fileURLToPath(new URL('./oracle/', import.meta.url));

function simJson(file: string): unknown {
  const r = spawnSync(process.execPath, [bin, 'sim', file, '--format', 'json'], {
    cwd: oracleDir,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

type Flags = string[];
const seg = (flags: Flags, seq: number, ack: number | null, len = 0) => ({ flags, seq, ack, len });
const send = (t: number, side: string, id: number, segment: ReturnType<typeof seg>) => ({
  t,
  type: 'send',
  side,
  id,
  segment,
});
const deliver = (t: number, side: string, id: number) => ({ t, type: 'deliver', side, id });
const state = (t: number, side: string, from: string, to: string) => ({ t, type: 'state', side, from, to });
const call = (t: number, side: string, name: string) => ({ t, type: 'call', side, call: name });
const timer = (t: number, side: string, kind: string) => ({ t, type: 'timer', side, timer: kind });

/** The handshake at 20 ms a flight: SYN and SYN,ACK are acknowledged at once, delayed ACK or not. */
const HANDSHAKE = [
  call(0, 'server', 'listen'),
  state(0, 'server', 'CLOSED', 'LISTEN'),
  call(10, 'client', 'connect'),
  state(10, 'client', 'CLOSED', 'SYN-SENT'),
  send(10, 'client', 1, seg(['SYN'], 1000, null)),
  deliver(30, 'server', 1),
  state(30, 'server', 'LISTEN', 'SYN-RECEIVED'),
  send(30, 'server', 2, seg(['SYN', 'ACK'], 5000, 1001)),
  deliver(50, 'client', 2),
  state(50, 'client', 'SYN-SENT', 'ESTABLISHED'),
  send(50, 'client', 3, seg(['ACK'], 1001, 5001)),
  deliver(70, 'server', 3),
  state(70, 'server', 'SYN-RECEIVED', 'ESTABLISHED'),
];

describe('delayed ACK: hand-checked runs of scenario files through `nettutor sim --format json`', () => {
  it('a lone data segment: the ACK goes alone when the timer fires, ackDelayMs after the arrival', () => {
    expect(simJson('lone-data.json')).toEqual({
      scenario: 'lone-data',
      events: [
        ...HANDSHAKE,
        { t: 100, type: 'call', side: 'client', call: 'send', bytes: 100 },
        send(100, 'client', 4, seg(['ACK'], 1001, 5001, 100)),
        deliver(120, 'server', 4),
        // Nothing of the server's own carries the ACK: at 120 + 100 the timer sends it alone.
        timer(220, 'server', 'delayed-ack'),
        send(220, 'server', 5, seg(['ACK'], 5001, 1101)),
        deliver(240, 'client', 5),
      ],
      final: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
    });
  });

  it('two data segments: the second, arriving while an ACK is pending, is acknowledged at once', () => {
    expect(simJson('two-data-segments.json')).toEqual({
      scenario: 'two-data-segments',
      events: [
        ...HANDSHAKE,
        { t: 100, type: 'call', side: 'client', call: 'send', bytes: 1500 },
        // 1500 bytes with the default MSS of 1000: two segments.
        send(100, 'client', 4, seg(['ACK'], 1001, 5001, 1000)),
        send(100, 'client', 5, seg(['ACK'], 2001, 5001, 500)),
        deliver(120, 'server', 4),
        deliver(120, 'server', 5),
        send(120, 'server', 6, seg(['ACK'], 5001, 2501)),
        deliver(140, 'client', 6),
        // The timer set at 120 finds nothing pending at 220: no timer event.
      ],
      final: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
    });
  });

  it('out of order: acknowledged at once; the retransmission that fills the gap is in order and waits', () => {
    expect(simJson('out-of-order.json')).toEqual({
      scenario: 'out-of-order',
      events: [
        ...HANDSHAKE,
        { t: 100, type: 'call', side: 'client', call: 'send', bytes: 2000 },
        send(100, 'client', 4, seg(['ACK'], 1001, 5001, 1000)),
        send(100, 'client', 5, seg(['ACK'], 2001, 5001, 1000)),
        // The client's third segment (1001–2000) is dropped.
        { t: 120, type: 'drop', side: 'server', id: 4 },
        deliver(120, 'server', 5),
        // 2001–3000 is out of order: held, and a duplicate ACK goes at once.
        send(120, 'server', 6, seg(['ACK'], 5001, 1001)),
        deliver(140, 'client', 6),
        // The client's RTO (200 ms, set at 100) resends the oldest unacknowledged segment.
        timer(300, 'client', 'retransmit'),
        { ...send(300, 'client', 7, seg(['ACK'], 1001, 5001, 1000)), retransmission: true },
        // In order: it fills the gap, and its ACK (of everything, 3001) waits for the timer.
        deliver(320, 'server', 7),
        timer(420, 'server', 'delayed-ack'),
        send(420, 'server', 8, seg(['ACK'], 5001, 3001)),
        deliver(440, 'client', 8),
      ],
      final: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
    });
  });

  it('the three-segment close: the server closes within ackDelayMs, so its ACK rides on its FIN', () => {
    expect(simJson('three-segment-close.json')).toEqual({
      scenario: 'three-segment-close',
      events: [
        ...HANDSHAKE,
        call(100, 'client', 'close'),
        state(100, 'client', 'ESTABLISHED', 'FIN-WAIT-1'),
        send(100, 'client', 4, seg(['ACK', 'FIN'], 1001, 5001)),
        // A FIN in ESTABLISHED: no ACK yet, the server enters CLOSE-WAIT.
        deliver(120, 'server', 4),
        state(120, 'server', 'ESTABLISHED', 'CLOSE-WAIT'),
        call(130, 'server', 'close'),
        state(130, 'server', 'CLOSE-WAIT', 'LAST-ACK'),
        send(130, 'server', 5, seg(['ACK', 'FIN'], 5001, 1002)),
        // A FIN in FIN-WAIT-1 that acknowledges the client's FIN: ACK at once, straight to TIME-WAIT.
        deliver(150, 'client', 5),
        send(150, 'client', 6, seg(['ACK'], 1002, 5002)),
        state(150, 'client', 'FIN-WAIT-1', 'TIME-WAIT'),
        deliver(170, 'server', 6),
        state(170, 'server', 'LAST-ACK', 'CLOSED'),
        // 2·MSL = 200 ms after 150; the server's delayed-ack timer (220) had nothing left to send.
        timer(350, 'client', 'time-wait'),
        state(350, 'client', 'TIME-WAIT', 'CLOSED'),
      ],
      final: { client: 'CLOSED', server: 'CLOSED' },
    });
  });

  it('a FIN in ESTABLISHED waits for the timer; a FIN in FIN-WAIT-2 is acknowledged at once', () => {
    expect(simJson('fin-wait-2.json')).toEqual({
      scenario: 'fin-wait-2',
      events: [
        ...HANDSHAKE,
        call(100, 'server', 'close'),
        state(100, 'server', 'ESTABLISHED', 'FIN-WAIT-1'),
        send(100, 'server', 4, seg(['ACK', 'FIN'], 5001, 1001)),
        deliver(120, 'client', 4),
        state(120, 'client', 'ESTABLISHED', 'CLOSE-WAIT'),
        // The client's application does not close within 100 ms: the ACK goes alone.
        timer(220, 'client', 'delayed-ack'),
        send(220, 'client', 5, seg(['ACK'], 1001, 5002)),
        deliver(240, 'server', 5),
        state(240, 'server', 'FIN-WAIT-1', 'FIN-WAIT-2'),
        call(300, 'client', 'close'),
        state(300, 'client', 'CLOSE-WAIT', 'LAST-ACK'),
        send(300, 'client', 6, seg(['ACK', 'FIN'], 1001, 5002)),
        deliver(320, 'server', 6),
        send(320, 'server', 7, seg(['ACK'], 5002, 1002)),
        state(320, 'server', 'FIN-WAIT-2', 'TIME-WAIT'),
        deliver(340, 'client', 7),
        state(340, 'client', 'LAST-ACK', 'CLOSED'),
        timer(520, 'server', 'time-wait'),
        state(520, 'server', 'TIME-WAIT', 'CLOSED'),
      ],
      final: { client: 'CLOSED', server: 'CLOSED' },
    });
  });
});

describe('the delayed-ACK example of docs/scenarios.md', () => {
  it('does what the text under it says', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/scenarios.md', import.meta.url)), 'utf8');
    const section = doc.slice(doc.indexOf('## Delayed ACK'), doc.indexOf('## Mistakes in a file'));
    const example = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-doc-'));
    writeFileSync(join(dir, 'request-response.json'), example);
    const run = simJson(join(dir, 'request-response.json')) as {
      events: Array<{ t: number; type: string; side: string; segment?: ReturnType<typeof seg> }>;
    };
    const sends = run.events.filter((e) => e.type === 'send' && e.t >= 200);
    expect(sends.map((e) => [e.t, e.side, e.segment])).toEqual([
      [200, 'client', seg(['ACK'], 1001, 5001, 100)],
      // "the server's 300 bytes carry the acknowledgment of the client's 100 (ack=1101)"
      [300, 'server', seg(['ACK'], 5001, 1101, 300)],
      // "its ACK of the 300 bytes goes alone at 550 ms, when its timer fires"
      [550, 'client', seg(['ACK'], 1101, 5301)],
    ]);
    expect(section).toContain('(`ack=1101`)');
    expect(section).toContain('goes alone at 550 ms');
  });
});
