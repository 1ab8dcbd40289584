// A deterministic discrete-event simulation of two TCP endpoints and the
// network between them, following RFC 9293 §3.10 (event processing) as the
// sim CLI contract fixes it. Pure: the same scenario gives the same run.
import { createRandom } from '../random.js';
import type {
  AppCall,
  Fault,
  Flag,
  Scenario,
  Segment,
  Side,
  SimEvent,
  SimResult,
  TcpState,
  TimerKind,
} from './types.js';
import { otherSide } from './types.js';

/** A safety net: no scenario the schema accepts comes near it, but a run must always end. */
export const MAX_EVENTS = 5_000_000;

/** No flow control: the window is wide enough never to limit sending. */
const RECEIVE_WINDOW = 1 << 30;

/** Each connection a side had before adds this to its ISN. */
const ISN_STEP = 100_000;

interface Unacked {
  seq: number;
  len: number;
  syn: boolean;
  fin: boolean;
}

interface Endpoint {
  side: Side;
  state: TcpState;
  /** Number of times this side chose an ISS (connections it had). */
  incarnations: number;
  iss: number;
  irs: number;
  sndUna: number;
  sndNxt: number;
  rcvNxt: number;
  /** The SYN-RECEIVED state was entered from LISTEN (an RST then returns there). */
  passive: boolean;
  /** Bytes the application handed over that are not sent yet. */
  queued: number;
  /** The application closed: a FIN follows the queued data. */
  closing: boolean;
  finSeq: number | null;
  /** Segments sent and not yet acknowledged, oldest first. */
  unacked: Outstanding;
  /** Out-of-order data and FINs held until the gap before them fills, by sequence number. */
  held: Map<number, { len: number; fin: boolean }>;
  rto: number;
  retries: number;
  /** Generation of the live timers: a fired timer whose generation is old is ignored. */
  retransmitTimer: number | null;
  timeWaitTimer: number | null;
  /** Set while an acknowledgment waits (delayed ACK): the token of the timer that will send it alone. */
  delayedAckTimer: number | null;
  /** Segments this side has sent, retransmissions included (faults count them). */
  sent: number;
}

type QueueItem =
  | { kind: 'arrive'; t: number; order: number; to: Side; id: number; segment: Segment }
  | { kind: 'drop'; t: number; order: number; to: Side; id: number }
  | { kind: 'timer'; t: number; order: number; side: Side; timer: TimerKind; token: number }
  | { kind: 'call'; t: number; order: number; index: number };

const PHASE = { arrive: 0, drop: 0, timer: 1, call: 2 } as const;

/** A binary min-heap on (t, phase, order). */
class Queue {
  private items: QueueItem[] = [];

  get size(): number {
    return this.items.length;
  }

  private less(a: QueueItem, b: QueueItem): boolean {
    if (a.t !== b.t) return a.t < b.t;
    const pa = PHASE[a.kind];
    const pb = PHASE[b.kind];
    if (pa !== pb) return pa < pb;
    return a.order < b.order;
  }

  push(item: QueueItem): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): QueueItem | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Unacknowledged segments, oldest first: appended at the end, acknowledged from the front. */
class Outstanding {
  private items: Unacked[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(u: Unacked): void {
    this.items.push(u);
  }

  first(): Unacked | undefined {
    return this.items[this.head];
  }

  dropWhile(acked: (u: Unacked) => boolean): void {
    while (this.head < this.items.length && acked(this.items[this.head]!)) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

function newEndpoint(side: Side): Endpoint {
  return {
    side,
    state: 'CLOSED',
    incarnations: 0,
    iss: 0,
    irs: 0,
    sndUna: 0,
    sndNxt: 0,
    rcvNxt: 0,
    passive: false,
    queued: 0,
    closing: false,
    finSeq: null,
    unacked: new Outstanding(),
    held: new Map(),
    rto: 0,
    retries: 0,
    retransmitTimer: null,
    timeWaitTimer: null,
    delayedAckTimer: null,
    sent: 0,
  };
}

/** Segments are numbered modulo 2^32, like TCP's. */
const wrap = (n: number) => ((n % 4294967296) + 4294967296) % 4294967296;
/** a < b in sequence space. */
const before = (a: number, b: number) => {
  const d = wrap(b - a);
  return d !== 0 && d < 2147483648;
};
const atOrBefore = (a: number, b: number) => a === b || before(a, b);

export function simulate(scenario: Scenario): SimResult {
  const events: SimEvent[] = [];
  const queue = new Queue();
  const ends: Record<Side, Endpoint> = { client: newEndpoint('client'), server: newEndpoint('server') };
  const random = createRandom(scenario.seed);
  const faultsBySide: Record<Side, Map<number, Fault[]>> = { client: new Map(), server: new Map() };
  for (const f of scenario.faults) {
    const list = faultsBySide[f.side].get(f.nth) ?? [];
    list.push(f);
    faultsBySide[f.side].set(f.nth, list);
  }
  let order = 0;
  let nextId = 1;
  let timerToken = 0;
  let now = 0;

  scenario.actions.forEach((a, index) => {
    queue.push({ kind: 'call', t: a.at, order: index, index });
  });

  const emit = (e: SimEvent) => {
    events.push(e);
  };

  const setState = (ep: Endpoint, to: TcpState) => {
    if (ep.state === to) return;
    emit({ t: now, type: 'state', side: ep.side, from: ep.state, to });
    ep.state = to;
  };

  const error = (ep: Endpoint, reason: string, call: AppCall | null) => {
    emit({ t: now, type: 'error', side: ep.side, reason, call });
  };

  const transmit = (ep: Endpoint, segment: Segment, retransmission = false) => {
    const id = nextId++;
    ep.sent += 1;
    // Any segment that acknowledges everything received carries a pending (delayed) ACK with it.
    if (segment.ack === ep.rcvNxt) ep.delayedAckTimer = null;
    emit(
      retransmission
        ? { t: now, type: 'send', side: ep.side, id, segment, retransmission: true }
        : { t: now, type: 'send', side: ep.side, id, segment },
    );
    const to = otherSide(ep.side);
    const faults = faultsBySide[ep.side].get(ep.sent) ?? [];
    const lost = faults.some((f) => f.fault === 'drop') || (scenario.loss > 0 && random() < scenario.loss);
    const delay = faults.reduce((d, f) => d + (typeof f.fault === 'object' ? f.fault.delayMs : 0), 0);
    const at = now + scenario.latencyMs + delay;
    if (lost) {
      queue.push({ kind: 'drop', t: at, order: order++, to, id });
      return;
    }
    queue.push({ kind: 'arrive', t: at, order: order++, to, id, segment });
    if (faults.some((f) => f.fault === 'duplicate')) {
      queue.push({ kind: 'arrive', t: at + 1, order: order++, to, id, segment });
    }
  };

  const segment = (flags: Flag[], seq: number, ack: number | null, len = 0): Segment => ({
    flags,
    seq: wrap(seq),
    ack: ack === null ? null : wrap(ack),
    len,
  });

  const startRetransmitTimer = (ep: Endpoint) => {
    const token = ++timerToken;
    ep.retransmitTimer = token;
    queue.push({ kind: 'timer', t: now + ep.rto, order: order++, side: ep.side, timer: 'retransmit', token });
  };

  const stopRetransmitTimer = (ep: Endpoint) => {
    ep.retransmitTimer = null;
  };

  const startTimeWait = (ep: Endpoint) => {
    stopRetransmitTimer(ep);
    const token = ++timerToken;
    ep.timeWaitTimer = token;
    queue.push({
      kind: 'timer',
      t: now + 2 * scenario.mslMs,
      order: order++,
      side: ep.side,
      timer: 'time-wait',
      token,
    });
  };

  /** Drops the connection's state: the side is CLOSED (or back in LISTEN). */
  const reset = (ep: Endpoint, to: TcpState) => {
    setState(ep, to);
    ep.queued = 0;
    ep.closing = false;
    ep.finSeq = null;
    ep.unacked.clear();
    ep.held.clear();
    ep.retries = 0;
    ep.retransmitTimer = null;
    ep.timeWaitTimer = null;
    ep.delayedAckTimer = null;
  };

  const chooseIss = (ep: Endpoint) => {
    ep.iss = wrap(scenario[ep.side].isn + ISN_STEP * ep.incarnations);
    ep.incarnations += 1;
    ep.sndUna = ep.iss;
    ep.sndNxt = wrap(ep.iss + 1);
    ep.rto = scenario.rtoMs;
    ep.retries = 0;
    ep.unacked.clear();
    ep.unacked.push({ seq: ep.iss, len: 0, syn: true, fin: false });
  };

  const ackNow = (ep: Endpoint) => transmit(ep, segment(['ACK'], ep.sndNxt, ep.rcvNxt));

  /**
   * Delayed ACK (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2): in-order data, or a FIN in ESTABLISHED, just
   * arrived. The first such arrival starts the side's delayed-ack timer; the ACK rides on the next segment
   * the side sends, or goes alone when the timer fires. A second data segment arriving while an ACK is
   * pending is acknowledged at once (an ACK at least every second segment); a FIN alone waits with it.
   */
  const ackLater = (ep: Endpoint, data: boolean) => {
    if (ep.delayedAckTimer !== null) {
      if (data) ackNow(ep);
      return;
    }
    const token = ++timerToken;
    ep.delayedAckTimer = token;
    queue.push({
      kind: 'timer',
      t: now + scenario.ackDelayMs,
      order: order++,
      side: ep.side,
      timer: 'delayed-ack',
      token,
    });
  };

  /** Sends what the application queued, then the FIN once everything before it is out. */
  const flush = (ep: Endpoint) => {
    const canSend =
      ep.state === 'ESTABLISHED' ||
      ep.state === 'CLOSE-WAIT' ||
      ep.state === 'FIN-WAIT-1' ||
      ep.state === 'LAST-ACK' ||
      (ep.state === 'SYN-RECEIVED' && ep.closing && ep.queued === 0);
    if (!canSend) return;
    const hadOutstanding = ep.unacked.length > 0;
    while (ep.queued > 0 && ep.state !== 'SYN-RECEIVED') {
      const len = Math.min(scenario.mss, ep.queued);
      ep.unacked.push({ seq: ep.sndNxt, len, syn: false, fin: false });
      transmit(ep, segment(['ACK'], ep.sndNxt, ep.rcvNxt, len));
      ep.sndNxt = wrap(ep.sndNxt + len);
      ep.queued -= len;
    }
    if (ep.closing && ep.finSeq === null && ep.queued === 0) {
      ep.finSeq = ep.sndNxt;
      ep.unacked.push({ seq: ep.sndNxt, len: 0, syn: false, fin: true });
      transmit(ep, segment(['ACK', 'FIN'], ep.sndNxt, ep.rcvNxt));
      ep.sndNxt = wrap(ep.sndNxt + 1);
    }
    if (!hadOutstanding && ep.unacked.length > 0) startRetransmitTimer(ep);
  };

  /** The segment (re)built from an unacknowledged entry, with the current ack. */
  const rebuild = (ep: Endpoint, u: Unacked): Segment => {
    if (u.syn) {
      return ep.state === 'SYN-SENT' ? segment(['SYN'], u.seq, null) : segment(['SYN', 'ACK'], u.seq, ep.rcvNxt);
    }
    if (u.fin) return segment(['ACK', 'FIN'], u.seq, ep.rcvNxt);
    return segment(['ACK'], u.seq, ep.rcvNxt, u.len);
  };

  /** Processes an acceptable acknowledgment number: what it covers is done. */
  const acknowledge = (ep: Endpoint, ack: number) => {
    if (!before(ep.sndUna, ack) || before(ep.sndNxt, ack)) return;
    ep.sndUna = ack;
    ep.unacked.dropWhile((u) => !before(ack, wrap(u.seq + u.len + (u.syn ? 1 : 0) + (u.fin ? 1 : 0))));
    ep.retries = 0;
    ep.rto = scenario.rtoMs;
    if (ep.unacked.length === 0) stopRetransmitTimer(ep);
    else startRetransmitTimer(ep);
  };

  const finAcked = (ep: Endpoint) => ep.finSeq !== null && !before(ep.sndUna, wrap(ep.finSeq + 1));

  const enterTimeWait = (ep: Endpoint) => {
    if (!scenario.options.timeWait) {
      // The what-if: the active closer forgets the connection at once.
      reset(ep, 'CLOSED');
      return;
    }
    setState(ep, 'TIME-WAIT');
    ep.unacked.clear();
    startTimeWait(ep);
  };

  /** RFC 9293 §3.10.7.1: the answer of a side with no connection to a segment. */
  const answerWithoutConnection = (ep: Endpoint, seg: Segment) => {
    if (seg.flags.includes('RST')) return;
    if (seg.ack !== null) {
      transmit(ep, segment(['RST'], seg.ack, null));
    } else {
      const segLen = seg.len + (seg.flags.includes('SYN') ? 1 : 0) + (seg.flags.includes('FIN') ? 1 : 0);
      transmit(ep, segment(['ACK', 'RST'], 0, seg.seq + segLen));
    }
  };

  /**
   * Takes in-order data and FIN, holding what comes early. Says whether the segment brought new data in
   * order (it began at RCV.NXT once what was received before is trimmed off) and whether a FIN was taken;
   * a segment held for later brings neither yet.
   */
  const receiveText = (ep: Endpoint, seg: Segment): { data: boolean; gotFin: boolean } => {
    const fin = seg.flags.includes('FIN');
    let seq = seg.seq;
    let len = seg.len;
    if (before(seq, ep.rcvNxt)) {
      // Part of it was received before: keep only what is new.
      const skip = wrap(ep.rcvNxt - seq);
      if (skip > len) return { data: false, gotFin: false };
      seq = ep.rcvNxt;
      len -= skip;
    }
    if (seq !== ep.rcvNxt) {
      if (!ep.held.has(seq)) ep.held.set(seq, { len, fin });
      return { data: false, gotFin: false };
    }
    ep.rcvNxt = wrap(ep.rcvNxt + len);
    let gotFin = false;
    if (fin) {
      ep.rcvNxt = wrap(ep.rcvNxt + 1);
      gotFin = true;
    }
    // Anything held that now follows on is taken too.
    while (!gotFin) {
      const h = ep.held.get(ep.rcvNxt);
      if (!h) break;
      ep.held.delete(ep.rcvNxt);
      ep.rcvNxt = wrap(ep.rcvNxt + h.len);
      if (h.fin) {
        ep.rcvNxt = wrap(ep.rcvNxt + 1);
        gotFin = true;
      }
    }
    return { data: len > 0, gotFin };
  };

  const onFin = (ep: Endpoint) => {
    switch (ep.state) {
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        setState(ep, 'CLOSE-WAIT');
        break;
      case 'FIN-WAIT-1':
        if (finAcked(ep)) enterTimeWait(ep);
        else setState(ep, 'CLOSING');
        break;
      case 'FIN-WAIT-2':
        enterTimeWait(ep);
        break;
      default:
        break;
    }
  };

  const arrive = (ep: Endpoint, seg: Segment) => {
    const has = (f: Flag) => seg.flags.includes(f);
    const segLen = seg.len + (has('SYN') ? 1 : 0) + (has('FIN') ? 1 : 0);
    switch (ep.state) {
      case 'CLOSED':
        answerWithoutConnection(ep, seg);
        return;
      case 'LISTEN': {
        if (has('RST')) return;
        if (has('ACK')) {
          transmit(ep, segment(['RST'], seg.ack ?? 0, null));
          return;
        }
        if (!has('SYN')) return;
        chooseIss(ep);
        ep.irs = seg.seq;
        ep.rcvNxt = wrap(seg.seq + 1);
        ep.passive = true;
        if (scenario.options.handshake === 'two-way') {
          // The what-if: a SYN is enough; the SYN,ACK is never waited for.
          ep.unacked.clear();
          ep.sndUna = ep.sndNxt;
          setState(ep, 'ESTABLISHED');
          transmit(ep, segment(['SYN', 'ACK'], ep.iss, ep.rcvNxt));
          flush(ep);
          return;
        }
        setState(ep, 'SYN-RECEIVED');
        transmit(ep, segment(['SYN', 'ACK'], ep.iss, ep.rcvNxt));
        startRetransmitTimer(ep);
        return;
      }
      case 'SYN-SENT': {
        const ackOk = seg.ack !== null && before(ep.iss, seg.ack) && atOrBefore(seg.ack, ep.sndNxt);
        if (has('ACK') && !ackOk) {
          if (!has('RST')) transmit(ep, segment(['RST'], seg.ack ?? 0, null));
          return;
        }
        if (has('RST')) {
          if (ackOk) {
            reset(ep, 'CLOSED');
            error(ep, 'connection refused', null);
          }
          return;
        }
        if (!has('SYN')) return;
        ep.irs = seg.seq;
        ep.rcvNxt = wrap(seg.seq + 1);
        if (ackOk) {
          acknowledge(ep, seg.ack!);
          setState(ep, 'ESTABLISHED');
          ackNow(ep);
          flush(ep);
        } else {
          // Simultaneous open: both sides sent SYN.
          ep.passive = false;
          setState(ep, 'SYN-RECEIVED');
          transmit(ep, segment(['SYN', 'ACK'], ep.iss, ep.rcvNxt));
          startRetransmitTimer(ep);
        }
        return;
      }
      default:
        break;
    }

    // Synchronized states and SYN-RECEIVED (RFC 9293 §3.10.7.4).
    if (ep.state === 'TIME-WAIT') {
      if (has('RST')) {
        if (seg.seq === ep.rcvNxt) reset(ep, 'CLOSED');
        return;
      }
      if (has('FIN')) {
        // A retransmitted FIN: our last ACK was lost. Acknowledge it again and wait 2·MSL anew.
        ackNow(ep);
        startTimeWait(ep);
        return;
      }
      // Anything else is out of the window (the peer has sent everything): acknowledged, as for any segment
      // that is not acceptable (RFC 9293 §3.10.7.4, first check), and dropped; the timer runs on.
      ackNow(ep);
      return;
    }

    if (ep.state === 'SYN-RECEIVED' && has('SYN') && seg.seq === ep.irs) {
      if (has('ACK') && seg.ack !== null && before(ep.sndUna, seg.ack) && atOrBefore(seg.ack, ep.sndNxt)) {
        // Simultaneous open: the peer's SYN,ACK acknowledges our SYN.
        acknowledge(ep, seg.ack);
        setState(ep, 'ESTABLISHED');
        ackNow(ep);
        flush(ep);
        return;
      }
      if (!has('ACK')) {
        // The peer sent its SYN again (our SYN,ACK may be lost): send the SYN,ACK again, as Linux
        // does, and start the timer afresh so the same SYN,ACK does not go out twice.
        transmit(ep, segment(['SYN', 'ACK'], ep.iss, ep.rcvNxt), true);
        startRetransmitTimer(ep);
        return;
      }
    }

    // First: is the segment in the receive window?
    const windowEnd = wrap(ep.rcvNxt + RECEIVE_WINDOW);
    const acceptable =
      segLen === 0
        ? atOrBefore(ep.rcvNxt, seg.seq) && before(seg.seq, windowEnd)
        : before(ep.rcvNxt, wrap(seg.seq + segLen)) && before(seg.seq, windowEnd);
    if (!acceptable) {
      // An old duplicate (or a segment from outside the window): re-acknowledge, unless it is an RST.
      if (!has('RST')) ackNow(ep);
      return;
    }

    // Second: RST.
    if (has('RST')) {
      if (ep.state === 'SYN-RECEIVED' && ep.passive) {
        reset(ep, 'LISTEN');
        return;
      }
      const wasSynReceived = ep.state === 'SYN-RECEIVED';
      reset(ep, 'CLOSED');
      error(ep, wasSynReceived ? 'connection refused' : 'connection reset', null);
      return;
    }

    // Fourth: a SYN in a synchronized state gets a challenge ACK (RFC 5961).
    if (has('SYN')) {
      ackNow(ep);
      return;
    }

    // Fifth: ACK.
    if (!has('ACK') || seg.ack === null) return;
    let opened = false;
    if (ep.state === 'SYN-RECEIVED') {
      if (before(ep.sndUna, seg.ack) && atOrBefore(seg.ack, ep.sndNxt)) {
        acknowledge(ep, seg.ack);
        setState(ep, 'ESTABLISHED');
        opened = true;
      } else {
        transmit(ep, segment(['RST'], seg.ack, null));
        return;
      }
    } else if (before(ep.sndNxt, seg.ack)) {
      // Acknowledges something not yet sent.
      ackNow(ep);
      return;
    } else {
      acknowledge(ep, seg.ack);
    }

    const finOnThisSegment = has('FIN');
    switch (ep.state) {
      case 'FIN-WAIT-1':
        // A FIN that also acknowledges ours goes straight to TIME-WAIT (the eighth step below).
        if (finAcked(ep) && !finOnThisSegment) setState(ep, 'FIN-WAIT-2');
        break;
      case 'CLOSING':
        if (finAcked(ep)) {
          enterTimeWait(ep);
          return;
        }
        break;
      case 'LAST-ACK':
        if (finAcked(ep)) {
          reset(ep, 'CLOSED');
          return;
        }
        break;
      default:
        break;
    }

    // Seventh and eighth: data and FIN.
    if (seg.len > 0 || finOnThisSegment) {
      const takesText = ep.state === 'ESTABLISHED' || ep.state === 'FIN-WAIT-1' || ep.state === 'FIN-WAIT-2';
      if (!takesText) {
        // CLOSE-WAIT, CLOSING, LAST-ACK: the peer already sent its FIN; this is a repeat.
        ackNow(ep);
        return;
      }
      const taken = receiveText(ep, seg);
      // Delayed ACK applies to in-order data, and to a FIN that arrives in ESTABLISHED; out-of-order
      // segments, and a FIN in FIN-WAIT-1 or FIN-WAIT-2, are acknowledged at once.
      const delay = scenario.ackDelayMs > 0 && (taken.gotFin ? ep.state === 'ESTABLISHED' : taken.data);
      if (delay) ackLater(ep, taken.data);
      else ackNow(ep);
      if (taken.gotFin) onFin(ep);
    }
    // Data the application handed over during the handshake goes now (carrying any ACK just delayed).
    if (opened) {
      // A close that waited for ESTABLISHED (queued behind data in SYN-RECEIVED) happens now.
      if (ep.closing && ep.state === 'ESTABLISHED') setState(ep, 'FIN-WAIT-1');
      else if (ep.closing && ep.state === 'CLOSE-WAIT') setState(ep, 'LAST-ACK');
      flush(ep);
    }
  };

  const call = (ep: Endpoint, index: number) => {
    const action = scenario.actions[index]!;
    emit(
      action.call === 'send'
        ? { t: now, type: 'call', side: ep.side, call: 'send', bytes: action.bytes }
        : { t: now, type: 'call', side: ep.side, call: action.call },
    );
    const s = ep.state;
    switch (action.call) {
      case 'listen':
        if (s === 'CLOSED') setState(ep, 'LISTEN');
        else error(ep, s === 'LISTEN' ? 'already listening' : 'already connected', 'listen');
        return;
      case 'connect':
        if (s === 'CLOSED') {
          chooseIss(ep);
          ep.passive = false;
          setState(ep, 'SYN-SENT');
          transmit(ep, segment(['SYN'], ep.iss, null));
          startRetransmitTimer(ep);
        } else if (s === 'TIME-WAIT') error(ep, 'address already in use', 'connect');
        else if (s === 'LISTEN') error(ep, 'the socket is listening', 'connect');
        else if (s === 'SYN-SENT' || s === 'SYN-RECEIVED') error(ep, 'connection already in progress', 'connect');
        else error(ep, 'already connected', 'connect');
        return;
      case 'send':
        if (s === 'CLOSED' || s === 'LISTEN') error(ep, 'not connected', 'send');
        else if (ep.closing || s === 'TIME-WAIT') error(ep, 'cannot send after close', 'send');
        else {
          ep.queued += action.bytes ?? 0;
          flush(ep);
        }
        return;
      case 'close':
        switch (s) {
          case 'CLOSED':
            error(ep, 'not connected', 'close');
            return;
          case 'LISTEN':
          case 'SYN-SENT':
            reset(ep, 'CLOSED');
            return;
          case 'SYN-RECEIVED':
            ep.closing = true;
            // With data queued, the close waits for ESTABLISHED, where the data goes first and the FIN after it
            // (RFC 9293 §3.10.4); with none, the FIN goes now.
            if (ep.queued > 0) return;
            setState(ep, 'FIN-WAIT-1');
            flush(ep);
            return;
          case 'ESTABLISHED':
            ep.closing = true;
            setState(ep, 'FIN-WAIT-1');
            flush(ep);
            return;
          case 'CLOSE-WAIT':
            ep.closing = true;
            setState(ep, 'LAST-ACK');
            flush(ep);
            return;
          default:
            error(ep, 'connection closing', 'close');
            return;
        }
      case 'abort':
        switch (s) {
          case 'CLOSED':
            error(ep, 'not connected', 'abort');
            return;
          case 'SYN-RECEIVED':
          case 'ESTABLISHED':
          case 'FIN-WAIT-1':
          case 'FIN-WAIT-2':
          case 'CLOSE-WAIT': {
            const seq = ep.sndNxt;
            reset(ep, 'CLOSED');
            transmit(ep, segment(['RST'], seq, null));
            return;
          }
          default:
            reset(ep, 'CLOSED');
            return;
        }
    }
  };

  const fire = (ep: Endpoint, timer: TimerKind, token: number) => {
    if (timer === 'delayed-ack') {
      // No segment carried the pending ACK in time: it goes alone.
      if (ep.delayedAckTimer !== token) return;
      emit({ t: now, type: 'timer', side: ep.side, timer });
      ackNow(ep);
      return;
    }
    if (timer === 'time-wait') {
      if (ep.timeWaitTimer !== token || ep.state !== 'TIME-WAIT') return;
      emit({ t: now, type: 'timer', side: ep.side, timer });
      reset(ep, 'CLOSED');
      return;
    }
    if (ep.retransmitTimer !== token || ep.unacked.length === 0) return;
    emit({ t: now, type: 'timer', side: ep.side, timer });
    if (ep.retries >= scenario.maxRetries) {
      reset(ep, 'CLOSED');
      error(ep, 'connection timed out', null);
      return;
    }
    ep.retries += 1;
    ep.rto *= 2;
    transmit(ep, rebuild(ep, ep.unacked.first()!), true);
    startRetransmitTimer(ep);
  };

  for (let item = queue.pop(); item; item = queue.pop()) {
    now = item.t;
    switch (item.kind) {
      case 'call': {
        const a = scenario.actions[item.index]!;
        call(ends[a.side], item.index);
        break;
      }
      case 'arrive':
        emit({ t: now, type: 'deliver', side: item.to, id: item.id });
        arrive(ends[item.to], item.segment);
        break;
      case 'drop':
        emit({ t: now, type: 'drop', side: item.to, id: item.id });
        break;
      case 'timer':
        fire(ends[item.side], item.timer, item.token);
        break;
    }
    if (events.length > MAX_EVENTS) {
      emit({
        t: now,
        type: 'error',
        side: 'client',
        reason: `the simulation stopped after ${MAX_EVENTS} events`,
        call: null,
      });
      break;
    }
  }

  return { scenario: scenario.name, events, final: { client: ends.client.state, server: ends.server.state } };
}
