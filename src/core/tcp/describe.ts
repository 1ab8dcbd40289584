// Events told in words: `sim --format text`, the player's screen-reader mode
// and the player's detail pane all use these sentences. Each is a LocalText
// from the phrase book below, so it can be read in the learner's language.
import { joinTexts, phraseBook } from '../i18n/phrases.js';
import { type LocalText, text } from '../i18n/localize.js';
import { ZH } from './describe.zh-CN.js';
import { type SendEvent, type SimResult, type TimerKind, flagLabel } from './types.js';

export function segmentLabel(s: SendEvent['segment']): string {
  return `${flagLabel(s.flags)} seq=${s.seq}${s.ack === null ? '' : ` ack=${s.ack}`}${s.len > 0 ? ` len=${s.len}` : ''}`;
}

const EN = {
  at: (t: number) => `${t} ms: `,
  call: (side: string, call: string, bytes?: number) =>
    `the ${side} application calls ${call}()${call === 'send' && bytes ? ` with ${bytes} bytes` : ''}`,
  state: (side: string, from: string, to: string) => `the ${side} goes from ${from} to ${to}`,
  send: (side: string, again: boolean, label: string, id: number, enters?: string) =>
    `the ${side} sends${again ? ' again' : ''} ${label} (segment ${id})${enters ? ` and enters ${enters}` : ''}`,
  deliver: (side: string, id: number, label?: string) =>
    `the ${side} receives segment ${id}${label ? ` (${label})` : ''}`,
  drop: (side: string, id: number, label?: string) =>
    `segment ${id}${label ? ` (${label})` : ''} is lost on its way to the ${side}`,
  retransmitTimer: (side: string) => `the ${side}'s retransmission timer expires`,
  timeWaitTimer: (side: string) => `the ${side}'s TIME-WAIT timer (2·MSL) expires`,
  delayedAckTimer: (side: string) =>
    `the ${side}'s delayed-ACK timer expires: no segment of its own carried the acknowledgment in time, so it goes alone`,
  error: (side: string, reason: string, call: string | null) =>
    `the ${side} reports an error: ${reason}${call ? ` (answering ${call}())` : ''}`,
  final: (client: string, server: string) => `Final states: client ${client}, server ${server}.`,
  retransmission: (flags: string, seq: number) =>
    `A retransmission: the same ${flags} with seq=${seq}, sent again because no acknowledgment came back in time.`,
  rstAck: (peer: string) =>
    `RST,ACK from a side with no connection: seq=0 and ack = the offending segment's seq + its length (a SYN counts as 1), so the ${peer} will accept it.`,
  rstAbort: (side: string, peer: string) =>
    `RST: the ${side} aborts the connection; seq = its next sequence number. The ${peer} drops the connection at once.`,
  rstNoConnection: (side: string) =>
    `RST: the ${side} has no connection matching the segment it just received; seq = that segment's ack number.`,
  syn: (side: string, seq: number) =>
    `Opens a connection: the SYN carries the ${side}'s initial sequence number (${seq}) and occupies one sequence number.`,
  synAck: (side: string, peer: string, seq: number, ack: number | null) =>
    `Acknowledges the ${peer}'s SYN (ack = its seq + 1 = ${ack}) and carries the ${side}'s own initial sequence number (${seq}).`,
  fin: (side: string, seq: number) =>
    `FIN: the ${side} has no more data to send. It occupies one sequence number (${seq}), so its acknowledgment will be ${seq + 1}.`,
  finCarriesAck: (side: string, peer: string, seq: number, ack: number | null) =>
    `FIN: the ${side} has no more data to send (it occupies sequence number ${seq}). Its ACK also acknowledges the ${peer}'s FIN for the first time (ack = ${ack}): that acknowledgment was delayed and rides on this FIN, so the teardown takes three segments instead of four.`,
  data: (peer: string, len: number, seq: number) =>
    `${len} bytes of data from seq=${seq}; the ${peer} will acknowledge them with ack = ${seq + len}.`,
  handshakeAck: (peer: string, ack: number | null) =>
    `Completes the handshake: acknowledges the ${peer}'s SYN (ack = ${ack}). A pure ACK occupies no sequence number.`,
  finAck: (peer: string, ack: number | null) => `Acknowledges the ${peer}'s FIN: ack = its seq + 1 = ${ack}.`,
  delayedAck: (side: string, ack: number | null) =>
    `A delayed acknowledgment: the ${side} waited for a segment of its own to carry it, none came in time, so it goes alone. It acknowledges everything before ${ack} and occupies no sequence number.`,
  pureAck: (side: string, ack: number | null) =>
    `A pure acknowledgment: the ${side} has received everything before ${ack}. It occupies no sequence number.`,
};

/** The phrases in every language they are written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const EVENT_PHRASES = book;

const TIMER_PHRASES = {
  retransmit: 'retransmitTimer',
  'time-wait': 'timeWaitTimer',
  'delayed-ack': 'delayedAckTimer',
} as const satisfies Record<TimerKind, keyof typeof EN>;

function sendOf(result: SimResult, id: number): SendEvent | undefined {
  return result.events.find((e): e is SendEvent => e.type === 'send' && e.id === id);
}

/** A state change right before a send by the same side at the same time reads as one sentence with it. */
function mergedState(result: SimResult, index: number) {
  const e = result.events[index];
  const prev = result.events[index - 1];
  if (e?.type === 'send' && prev?.type === 'state' && prev.side === e.side && prev.t === e.t) return prev;
  return undefined;
}

function isMergedIntoNext(result: SimResult, index: number): boolean {
  return mergedState(result, index + 1) !== undefined;
}

function sentence(result: SimResult, index: number): LocalText {
  const e = result.events[index]!;
  switch (e.type) {
    case 'call':
      return say('call', e.side, e.call, e.bytes);
    case 'state':
      return say('state', e.side, e.from, e.to);
    case 'send':
      return say(
        'send',
        e.side,
        e.retransmission === true,
        segmentLabel(e.segment),
        e.id,
        mergedState(result, index)?.to,
      );
    case 'deliver': {
      const s = sendOf(result, e.id);
      return say('deliver', e.side, e.id, s && segmentLabel(s.segment));
    }
    case 'drop': {
      const s = sendOf(result, e.id);
      return say('drop', e.side, e.id, s && segmentLabel(s.segment));
    }
    case 'timer':
      return say(TIMER_PHRASES[e.timer], e.side);
    case 'error':
      return say('error', e.side, e.reason, e.call);
  }
}

/** One event as a sentence, with its time: "60 ms: the server sends SYN,ACK …". */
export function describeEvent(result: SimResult, index: number): LocalText {
  const e = result.events[index];
  if (!e) return '';
  return joinTexts([say('at', e.t), sentence(result, index)]);
}

/** The lines of `nettutor sim --format text`: one sentence per event, in `locale`. */
export function formatText(result: SimResult, locale = 'en'): string[] {
  const lines: string[] = [];
  result.events.forEach((_, i) => {
    if (!isMergedIntoNext(result, i)) lines.push(text(describeEvent(result, i), locale));
  });
  lines.push(text(finalStates(result), locale));
  return lines;
}

/** One sentence on what a segment means, in the learner's terms. */
export function explainSegment(result: SimResult, sendIndex: number): LocalText {
  const e = result.events[sendIndex];
  if (e?.type !== 'send') return '';
  const s = e.segment;
  const peer = e.side === 'client' ? 'server' : 'client';
  const has = (f: string) => s.flags.includes(f as never);
  const earlier = result.events.slice(0, sendIndex);
  const peerSends = earlier.filter((x): x is SendEvent => x.type === 'send' && x.side === peer);
  if (e.retransmission) return say('retransmission', flagLabel(s.flags), s.seq);
  if (has('RST')) {
    if (s.ack !== null) return say('rstAck', peer);
    const aborted = earlier.some((x) => x.type === 'call' && x.side === e.side && x.call === 'abort' && x.t === e.t);
    return aborted ? say('rstAbort', e.side, peer) : say('rstNoConnection', e.side);
  }
  if (has('SYN') && !has('ACK')) return say('syn', e.side, s.seq);
  if (has('SYN') && has('ACK')) return say('synAck', e.side, peer, s.seq, s.ack);
  if (has('FIN')) {
    // The first acknowledgment of the peer's FIN, riding on this side's own FIN (a delayed ACK).
    const acksPeerFin = peerSends.some(
      (p) => p.segment.flags.includes('FIN') && (p.segment.seq + p.segment.len + 1) % 2 ** 32 === s.ack,
    );
    const ownSends = earlier.filter((x): x is SendEvent => x.type === 'send' && x.side === e.side);
    if (acksPeerFin && !ownSends.some((x) => x.segment.ack === s.ack)) {
      return say('finCarriesAck', e.side, peer, s.seq, s.ack);
    }
    return say('fin', e.side, s.seq);
  }
  if (s.len > 0) return say('data', peer, s.len, s.seq);
  const previous = result.events[sendIndex - 1];
  if (previous?.type === 'timer' && previous.timer === 'delayed-ack' && previous.side === e.side) {
    return say('delayedAck', e.side, s.ack);
  }
  const lastPeer = peerSends.at(-1);
  if (lastPeer?.segment.flags.includes('SYN') && lastPeer.segment.flags.includes('ACK')) {
    return say('handshakeAck', peer, s.ack);
  }
  if (lastPeer?.segment.flags.includes('FIN')) return say('finAck', peer, s.ack);
  return say('pureAck', e.side, s.ack);
}

/** Both sides' states when nothing is left to happen, in a sentence. */
export function finalStates(result: SimResult): LocalText {
  return say('final', result.final.client, result.final.server);
}
