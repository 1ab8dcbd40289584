// The built-in scenarios, in teaching order. Each is plain scenario data, run
// through the same validation as an instructor's file.
import type { LocalText } from '../i18n/localize.js';
import { ownEntry } from '../own.js';
import type { Scenario } from '../tcp/types.js';
import { ZH } from './builtins.zh-CN.js';
import { parseScenario } from './validate.js';

const LISTEN = { at: 0, side: 'server', call: 'listen' };
const CONNECT = { at: 10, side: 'client', call: 'connect' };
const OPEN = [LISTEN, CONNECT];

/** Connection, 100 bytes from the client, the client closes at 500 and the server at 700. */
const CLIENT_CLOSE = [
  ...OPEN,
  { at: 200, side: 'client', call: 'send', bytes: 100 },
  { at: 500, side: 'client', call: 'close' },
  { at: 700, side: 'server', call: 'close' },
];

/**
 * The client's first SYN spends 950 ms in the network, within the MSL (1 s), and arrives after the
 * connection it opened is over and the server listens again. The client aborts that connection, so it
 * has no TIME-WAIT and answers the SYN,ACK with RST (its 6th segment, lost; the 7th gets through).
 */
const OLD_DUPLICATE_SYN = {
  actions: [
    LISTEN,
    CONNECT,
    { at: 500, side: 'client', call: 'send', bytes: 100 },
    { at: 700, side: 'client', call: 'abort' },
    { at: 800, side: 'server', call: 'listen' },
  ],
  faults: [
    { side: 'client', nth: 1, fault: { delayMs: 900 } },
    { side: 'client', nth: 6, fault: 'drop' },
  ],
};

const DEFINITIONS: Array<Record<string, unknown>> = [
  {
    name: 'handshake',
    title: 'The three-way handshake',
    description:
      'The server listens, the client connects. Watch three segments: SYN with the client ISN, SYN,ACK with the server ISN and ack = client ISN + 1, and ACK with ack = server ISN + 1. The client is ESTABLISHED when the SYN,ACK arrives, the server one trip later, when the ACK arrives.',
    whatIf: 'two-way',
    actions: OPEN,
  },
  {
    name: 'data-transfer',
    title: 'Data both ways',
    description:
      'After the handshake the client sends 1500 bytes (two segments: the MSS is 1000) and the server answers with 300. Each segment carries ACK; data advances seq by its length, and the receiver acknowledges each segment at once with ack = seq + len.',
    actions: [
      ...OPEN,
      { at: 200, side: 'client', call: 'send', bytes: 1500 },
      { at: 400, side: 'server', call: 'send', bytes: 300 },
    ],
  },
  {
    name: 'client-close',
    title: 'Teardown: the client closes first',
    description:
      'The client closes first: FIN,ACK, then FIN-WAIT-1 and FIN-WAIT-2 while the server, in CLOSE-WAIT, may still send. When the server closes it sends its own FIN and waits in LAST-ACK. The client acknowledges it and stays in TIME-WAIT for 2·MSL: the active closer, whichever side that is, collects the TIME-WAIT. The scale is shrunk: MSL is 1 s here, so TIME-WAIT lasts 2 s; RFC 9293 takes MSL = 2 min (4 min of TIME-WAIT), and Linux holds TIME-WAIT 60 s.',
    whatIf: 'no-time-wait',
    actions: CLIENT_CLOSE,
  },
  {
    name: 'three-segment-close',
    title: 'Teardown in three segments: the ACK rides on the FIN',
    description:
      'Most captures of a teardown show three segments, not four. With delayed ACK (200 ms here) a side waits before acknowledging, in case a segment of its own can carry the ACK: the ACK of the client’s data goes alone when the timer fires (del-ACK). The server’s application closes 50 ms after the client’s FIN arrives, before that ACK has gone, so it rides on the server’s FIN: FIN,ACK with ack = the client’s FIN + 1. The client goes from FIN-WAIT-1 straight to TIME-WAIT, with no FIN-WAIT-2.',
    whatIf: 'no-time-wait',
    ackDelayMs: 200,
    actions: [
      ...OPEN,
      { at: 200, side: 'client', call: 'send', bytes: 100 },
      { at: 500, side: 'client', call: 'close' },
      { at: 600, side: 'server', call: 'close' },
    ],
  },
  {
    name: 'server-close',
    title: 'Teardown: the server closes first',
    description:
      'Here the server closes first, as an HTTP/1.0 server or one ending an idle keep-alive connection does. Now the server passes FIN-WAIT-1, FIN-WAIT-2 and TIME-WAIT (2 s here, with MSL 1 s; Linux holds it 60 s, so a busy server that closes first collects many), and the client sits in CLOSE-WAIT until its application closes.',
    whatIf: 'no-time-wait',
    actions: [
      ...OPEN,
      { at: 200, side: 'client', call: 'send', bytes: 100 },
      { at: 500, side: 'server', call: 'close' },
      { at: 700, side: 'client', call: 'close' },
    ],
  },
  {
    name: 'close-wait-leak',
    title: 'CLOSE-WAIT that never ends',
    description:
      'The client closes, but the server application never calls close: the server stays in CLOSE-WAIT, the client in FIN-WAIT-2 (this engine has no FIN-WAIT-2 timer; Linux ends an orphaned FIN-WAIT-2 after tcp_fin_timeout, 60 s). No TCP timer ends CLOSE-WAIT: only the application closing (or exiting) does. Many sockets in CLOSE-WAIT point to a program that does not close its connections.',
    whatIf: 'no-time-wait',
    actions: [
      ...OPEN,
      { at: 200, side: 'client', call: 'send', bytes: 100 },
      { at: 500, side: 'client', call: 'close' },
    ],
  },
  {
    name: 'connection-refused',
    title: 'Nobody listens: connection refused',
    description:
      'The client connects to a port where no server listens. The server side has no connection, so it answers the SYN with RST,ACK (seq 0, ack = the SYN seq + 1). The RST acknowledges the SYN, so the client accepts it, goes back to CLOSED and reports "connection refused".',
    actions: [CONNECT],
  },
  {
    name: 'lost-syn',
    title: 'The SYN is lost',
    description:
      'The network drops the client’s first SYN. Nothing comes back, so after the retransmission timeout (RTO, 300 ms here) the client sends the SYN again, with the same sequence number. The handshake then completes as usual, one RTO late.',
    whatIf: 'two-way',
    actions: OPEN,
    faults: [{ side: 'client', nth: 1, fault: 'drop' }],
  },
  {
    name: 'lost-syn-ack',
    title: 'The SYN,ACK is lost',
    description:
      'The server’s SYN,ACK is dropped. Both sides have a timer running: the client retransmits its SYN, and the server, in SYN-RECEIVED, answers the repeated SYN with its SYN,ACK again (as Linux does) and restarts its own retransmission timer.',
    whatIf: 'two-way',
    actions: OPEN,
    faults: [{ side: 'server', nth: 1, fault: 'drop' }],
  },
  {
    name: 'lost-handshake-ack',
    title: 'The third segment is lost',
    description:
      'The client’s final handshake ACK is dropped: the client is ESTABLISHED, the server still in SYN-RECEIVED. The client’s first data segment also carries ACK with the same ack number, so it completes the handshake for the server before the server’s timer would resend its SYN,ACK.',
    whatIf: 'two-way',
    actions: [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 100 }],
    faults: [{ side: 'client', nth: 2, fault: 'drop' }],
  },
  {
    name: 'lost-fin',
    title: 'The first FIN is lost',
    description:
      'The client’s FIN is dropped, so the server never learns that the client closed. The client, in FIN-WAIT-1, retransmits the FIN after the RTO; the teardown then goes on as usual. A FIN is retransmitted like data because it occupies a sequence number.',
    whatIf: 'no-time-wait',
    actions: [...CLIENT_CLOSE.slice(0, -1), { at: 1200, side: 'server', call: 'close' }],
    faults: [{ side: 'client', nth: 4, fault: 'drop' }],
  },
  {
    name: 'lost-final-ack',
    title: 'The last ACK is lost: TIME-WAIT saves the day',
    description:
      'The client’s last ACK is dropped. The server, in LAST-ACK, retransmits its FIN. The client is still in TIME-WAIT (2·MSL: 2 s here, with MSL 1 s; Linux: 60 s), so it acknowledges the FIN again and restarts its 2·MSL timer, and the server closes cleanly. Press w to see what would happen without TIME-WAIT.',
    whatIf: 'no-time-wait',
    actions: CLIENT_CLOSE,
    faults: [{ side: 'client', nth: 5, fault: 'drop' }],
  },
  {
    name: 'no-time-wait',
    title: 'Without TIME-WAIT: the peer gets RST',
    description:
      'The same lost ACK, in a what-if where the active closer skips TIME-WAIT and forgets the connection at once. The server, in LAST-ACK, retransmits its FIN; it now reaches a side with no connection, which answers RST (seq = the FIN’s ack number). The server’s close ends with that RST instead of the ACK it waited for: in LAST-ACK a RST just closes the connection (RFC 9293 §3.10.7.4), so the close ends as an abort rather than cleanly, marked ! reset in the ladder. This is purpose 1 of TIME-WAIT: the side that closed first stays to acknowledge a retransmitted FIN.',
    actions: CLIENT_CLOSE,
    faults: [{ side: 'client', nth: 5, fault: 'drop' }],
    options: { timeWait: false },
  },
  {
    name: 'simultaneous-open',
    title: 'Simultaneous open',
    description:
      'Both sides connect at the same moment and their SYNs cross. Each goes SYN-SENT → SYN-RECEIVED on the other SYN, answers SYN,ACK, and becomes ESTABLISHED on the other SYN,ACK, with no LISTEN. RFC 9293 draws it with four segments: two SYNs and two SYN,ACKs. Here you see six: when the other SYN,ACK arrives, each side also answers it with a pure ACK, as Linux does. Rare, but RFC 9293 requires TCP to handle it.',
    actions: [
      { at: 10, side: 'client', call: 'connect' },
      { at: 10, side: 'server', call: 'connect' },
    ],
  },
  {
    name: 'simultaneous-close',
    title: 'Simultaneous close',
    description:
      'Both applications close at the same moment and the FINs cross. Each side goes FIN-WAIT-1 → CLOSING on the other FIN, then TIME-WAIT when its own FIN is acknowledged: both sides wait 2·MSL (2 s here, with MSL 1 s; Linux: 60 s).',
    whatIf: 'no-time-wait',
    actions: [
      ...OPEN,
      { at: 200, side: 'client', call: 'send', bytes: 100 },
      { at: 500, side: 'client', call: 'close' },
      { at: 500, side: 'server', call: 'close' },
    ],
  },
  {
    name: 'abort',
    title: 'Abort: RST instead of FIN',
    description:
      'The client aborts instead of closing: it sends RST (seq = its next sequence number) and forgets the connection at once, without TIME-WAIT. The server accepts the RST and reports "connection reset". An abort discards data that was not delivered; an orderly close with FIN does not.',
    actions: [
      ...OPEN,
      { at: 200, side: 'client', call: 'send', bytes: 100 },
      { at: 500, side: 'client', call: 'abort' },
    ],
  },
  {
    name: 'duplicate-segment',
    title: 'A duplicated segment',
    description:
      'The network delivers the client’s data segment twice. The second copy is old by the time it arrives (its bytes were already received), so the server does not take the data again: it just acknowledges once more with the same ack number.',
    actions: [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 100 }],
    faults: [{ side: 'client', nth: 3, fault: 'duplicate' }],
  },
  {
    name: 'old-duplicate-syn',
    title: 'An old duplicate SYN (three-way handshake)',
    description:
      'The client’s first SYN is held up and arrives 950 ms late, within the MSL (1 s here; RFC 9293: 2 min). Meanwhile the connection opens with a second SYN, carries data and is aborted (RST: no TIME-WAIT); the server listens again. The old SYN arrives: the server answers SYN,ACK; the client has no such connection and answers RST (twice: the first is lost); the server returns to LISTEN. No stale connection is left.',
    whatIf: 'two-way',
    ...OLD_DUPLICATE_SYN,
  },
  {
    name: 'old-duplicate-syn-two-way',
    title: 'An old duplicate SYN with a two-way handshake',
    description:
      'The same late SYN in a what-if where a SYN alone opens a connection. The server goes straight from LISTEN to ESTABLISHED and never waits for its SYN,ACK to be acknowledged, so when the client’s RST is lost it stays ESTABLISHED on a connection nobody uses, holding resources, and could hand stale data to its application.',
    ...OLD_DUPLICATE_SYN,
    options: { handshake: 'two-way' },
  },
  {
    name: 'head-of-line',
    title: 'Head-of-line blocking: a lost segment holds up the rest',
    description:
      'The server answers with 4000 bytes in four segments (over HTTP/2 they might carry four streams). The first is lost. The next three arrive, but TCP delivers bytes only in order: it holds them, and every ACK still says ack=5001. When the RTO (300 ms here) resends the lost one, the gap fills and one ACK covers all: ack=9001. Real stacks often resend on three duplicate ACKs (fast retransmit); the held data waits either way.',
    actions: [
      ...OPEN,
      { at: 200, side: 'client', call: 'send', bytes: 100 },
      { at: 300, side: 'server', call: 'send', bytes: 4000 },
    ],
    faults: [{ side: 'server', nth: 3, fault: 'drop' }],
  },
];

export const BUILTIN_SCENARIOS: readonly Scenario[] = DEFINITIONS.map((d) => {
  const result = parseScenario(d);
  if (!result.ok) throw new Error(`built-in scenario ${String(d.name)}: ${JSON.stringify(result.problems)}`);
  return result.scenario;
});

const BY_NAME = new Map(BUILTIN_SCENARIOS.map((s) => [s.name, s]));

export function getBuiltinScenario(name: string): Scenario | undefined {
  return BY_NAME.get(name);
}

/** A scenario by the name a lesson uses: one of the lesson's own files first, then a built-in. */
export function findScenario(name: string, files?: Readonly<Record<string, Scenario>>): Scenario | undefined {
  return ownEntry(files, name) ?? getBuiltinScenario(name);
}

/**
 * A scenario's title and description in every language it has them in: a built-in's translation (see
 * builtins.zh-CN.ts), or a file's own `translations`; else as written.
 */
export function scenarioTexts(scenario: Pick<Scenario, 'name' | 'title' | 'description' | 'translations'>): {
  title: LocalText;
  description?: LocalText;
} {
  // Only a built-in scenario, unchanged in its texts, has the built-in translation: a file of the same name does not.
  const builtin = BY_NAME.get(scenario.name);
  const zh = builtin && builtin.title === scenario.title ? ZH[scenario.name] : undefined;
  const others: Record<string, { title?: string; description?: string }> = {
    ...(zh ? { 'zh-CN': zh } : {}),
    ...scenario.translations,
  };
  const local = (en: string, field: 'title' | 'description'): LocalText => {
    const out: Record<string, string> = { en };
    for (const [locale, t] of Object.entries(others)) if (t[field]) out[locale] = t[field];
    return Object.keys(out).length === 1 ? en : (out as LocalText);
  };
  return {
    title: local(scenario.title, 'title'),
    ...(scenario.description ? { description: local(scenario.description, 'description') } : {}),
  };
}
