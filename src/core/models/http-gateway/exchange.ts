// The gateway model: a client asks a gateway (a reverse proxy), which asks an
// upstream (origin) server. What happens upstream — a CONDITION — decides the
// status code the client gets and who generates it: the origin, whose answer
// the gateway passes on, or the gateway itself, speaking about its upstream
// (RFC 9110 §15; the table is the http CLI contract's). The exchange is told
// as hops with their times, notes (the gateway's timeout, what the upstream
// does), the response's status, reason phrase and the fields that matter.
// Pure: a condition and its timing in, the exchange out.
import type { LocalText } from '../../i18n/localize.js';
import { GATEWAY_TEXT as T } from './phrases.js';

export const CONDITIONS = [
  'ok',
  'needs-login',
  'forbidden',
  'crashes',
  'refused',
  'garbage',
  'slow',
  'overloaded',
  'no-healthy-upstream',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export function isCondition(v: unknown): v is Condition {
  return typeof v === 'string' && (CONDITIONS as readonly string[]).includes(v);
}

/** The lanes, left to right. */
export const PARTIES = ['client', 'gateway', 'upstream'] as const;
export type Party = (typeof PARTIES)[number];

/** Who generated the response the client gets. */
export const PRODUCERS = ['origin', 'gateway'] as const;
export type Producer = (typeof PRODUCERS)[number];

/**
 * Reason phrases of the codes the model and its lessons name, as RFC 9110 §15 writes them (429: RFC 6585
 * §4). A reason phrase is only a hint for people: clients act on the code (RFC 9112 §4).
 */
export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', // §15.3.1
  400: 'Bad Request', // §15.5.1
  401: 'Unauthorized', // §15.5.2
  403: 'Forbidden', // §15.5.4
  404: 'Not Found', // §15.5.5
  405: 'Method Not Allowed', // §15.5.6
  407: 'Proxy Authentication Required', // §15.5.8
  408: 'Request Timeout', // §15.5.9
  429: 'Too Many Requests', // RFC 6585 §4
  500: 'Internal Server Error', // §15.6.1
  501: 'Not Implemented', // §15.6.2
  502: 'Bad Gateway', // §15.6.3
  503: 'Service Unavailable', // §15.6.4
  504: 'Gateway Timeout', // §15.6.5
};

/** `504 Gateway Timeout`. */
export const statusLine = (status: number): string => `${status} ${REASONS[status] ?? ''}`.trim();

/** Each condition's outcome: the contract's table. */
export const OUTCOMES: Readonly<Record<Condition, { status: number; generatedBy: Producer }>> = {
  ok: { status: 200, generatedBy: 'origin' },
  'needs-login': { status: 401, generatedBy: 'origin' },
  forbidden: { status: 403, generatedBy: 'origin' },
  crashes: { status: 500, generatedBy: 'origin' },
  refused: { status: 502, generatedBy: 'gateway' },
  garbage: { status: 502, generatedBy: 'gateway' },
  slow: { status: 504, generatedBy: 'gateway' },
  overloaded: { status: 503, generatedBy: 'origin' },
  'no-healthy-upstream': { status: 503, generatedBy: 'gateway' },
};

/** The times of an exchange, in ms (and Retry-After's seconds). */
export interface Timing {
  /** One way between the client and the gateway. */
  clientMs: number;
  /** One way between the gateway and the upstream. */
  upstreamMs: number;
  /** How long the upstream works on a request before it answers. */
  workMs: number;
  /** How long the gateway waits for the upstream's response, from sending it the request. */
  timeoutMs: number;
  /** The seconds an overloaded origin's `Retry-After` asks the client to wait. */
  retryAfterS: number;
}

export const TIMING_FIELDS = ['clientMs', 'upstreamMs', 'workMs', 'timeoutMs', 'retryAfterS'] as const;

export const DEFAULT_TIMING: Readonly<Timing> = {
  clientMs: 20,
  upstreamMs: 5,
  workMs: 40,
  timeoutMs: 1000,
  retryAfterS: 120,
};

/** The request the client sends, in every exchange. */
export const REQUEST = 'GET /account HTTP/1.1';
/** The upstream's port, where nothing listens when the connection is refused. */
export const UPSTREAM_PORT = 8080;

export interface Hop {
  /** 1, 2, … in the order the hops leave. */
  id: number;
  from: Party;
  to: Party;
  /** What travels, in full. */
  what: LocalText;
  /** Shorter forms for a narrow diagram, longest first (the full form comes first). */
  labels: LocalText[];
  sent: number;
  arrived: number;
}

export interface Note {
  at: number;
  party: Party;
  /** Longest first. */
  text: LocalText[];
}

/** One thing that happens, in the order the exchange runs: what a player steps through. */
export type Step =
  | { t: number; kind: 'send'; hop: Hop }
  | { t: number; kind: 'arrive'; hop: Hop }
  | { t: number; kind: 'note'; note: Note };

export interface Exchange {
  condition: Condition;
  timing: Timing;
  status: number;
  reason: string;
  generatedBy: Producer;
  /** The fields of the response that the code calls for (WWW-Authenticate on 401, Retry-After on 503). */
  headers: Record<string, string>;
  hops: Hop[];
  notes: Note[];
  steps: Step[];
  /** When the response reaches the client. */
  respondedAt: number;
  /** Why this code, from this party, in one sentence. */
  why: LocalText;
}

/** A timing that contradicts its condition: every condition but `slow` answers within the timeout. */
export class TimingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimingError';
  }
}

/** The WWW-Authenticate challenge of the 401 (RFC 9110 §11.6.1: at least one challenge). */
export const CHALLENGE = 'Basic realm="account"';

function checkTiming(t: Timing): void {
  for (const field of TIMING_FIELDS) {
    const v = t[field];
    if (!Number.isInteger(v) || v < 0) throw new TimingError(`${field} must be a whole number ≥ 0, not ${v}`);
  }
  if (t.timeoutMs < 1) throw new TimingError('timeoutMs must be at least 1');
}

/** The exchange for a condition: its hops and notes in time, the status, who generated it, and why. */
export function exchangeFor(condition: Condition, timing: Partial<Timing> = {}): Exchange {
  const t: Timing = { ...DEFAULT_TIMING, ...timing };
  checkTiming(t);
  const { clientMs: c, upstreamMs: u, workMs: w, timeoutMs: timeout } = t;
  const { status, generatedBy } = OUTCOMES[condition];
  const hops: Hop[] = [];
  const notes: Note[] = [];
  // Made in the order they are caused; sorted by time at the end, ties kept in that order.
  const steps: Step[] = [];
  const hop = (from: Party, to: Party, sent: number, flight: number, what: LocalText, labels: LocalText[] = []) => {
    const h: Hop = { id: hops.length + 1, from, to, what, labels: [what, ...labels], sent, arrived: sent + flight };
    hops.push(h);
    steps.push({ t: h.sent, kind: 'send', hop: h }, { t: h.arrived, kind: 'arrive', hop: h });
    return h;
  };
  const note = (at: number, party: Party, text: LocalText[]) => {
    const n: Note = { at, party, text };
    notes.push(n);
    steps.push({ t: at, kind: 'note', note: n });
  };
  const response = (s: number) => {
    const line = statusLine(s);
    const field = s === 401 ? 'WWW-Authenticate' : condition === 'overloaded' ? 'Retry-After' : undefined;
    return {
      what: field ? `${line} + ${field}` : line,
      labels: field ? [line, `${s} + ${field}`, String(s)] : [String(s)],
    };
  };

  const request = hop('client', 'gateway', 0, c, REQUEST, ['GET /account', 'GET']);
  const atGateway = request.arrived;
  /** The request goes on upstream; the upstream answers `after` ms after it arrives. */
  const forward = () => hop('gateway', 'upstream', atGateway, u, REQUEST, ['GET /account', 'GET']);
  /** The gateway sends the client the response it has at `at`. */
  const reply = (at: number, s: number) => {
    const r = response(s);
    return hop('gateway', 'client', at, c, r.what, r.labels);
  };
  const originAnswers = (after: number, what: LocalText[]) => {
    const sent = forward();
    const answeredAt = sent.arrived + after;
    if (answeredAt + u - sent.sent >= timeout) {
      throw new TimingError(
        `the upstream's answer would reach the gateway ${answeredAt + u - sent.sent} ms after the request left it, not within its ${timeout} ms timeout: that is the condition "slow"`,
      );
    }
    if (what.length > 0) note(answeredAt, 'upstream', what);
    const r = response(status);
    const back = hop('upstream', 'gateway', answeredAt, u, r.what, r.labels);
    reply(back.arrived, status);
  };

  switch (condition) {
    case 'ok':
      originAnswers(w, []);
      break;
    case 'needs-login':
      originAnswers(w, T.noteNoCredentials());
      break;
    case 'forbidden':
      originAnswers(w, T.noteNotAllowed());
      break;
    case 'crashes':
      originAnswers(w, T.noteException());
      break;
    case 'overloaded':
      // It sheds the request at once rather than work on it.
      originAnswers(0, T.noteOverloaded());
      break;
    case 'refused': {
      const syn = hop('gateway', 'upstream', atGateway, u, T.connect(UPSTREAM_PORT), ['SYN']);
      note(syn.arrived, 'upstream', T.noteNoListener(UPSTREAM_PORT));
      const rst = hop('upstream', 'gateway', syn.arrived, u, 'RST,ACK', ['RST']);
      note(rst.arrived, 'gateway', T.noteRefused());
      reply(rst.arrived, status);
      break;
    }
    case 'garbage': {
      const sent = forward();
      const answeredAt = sent.arrived + w;
      if (answeredAt + u - sent.sent >= timeout) {
        throw new TimingError(`the upstream's reply would come after the gateway's ${timeout} ms timeout`);
      }
      const back = hop('upstream', 'gateway', answeredAt, u, T.cutOff(), T.cutOffShort());
      note(back.arrived, 'gateway', T.noteInvalid());
      reply(back.arrived, status);
      break;
    }
    case 'slow': {
      const sent = forward();
      note(sent.arrived, 'upstream', T.noteWorking());
      const givesUp = sent.sent + timeout;
      note(givesUp, 'gateway', T.noteTimeout(timeout));
      reply(givesUp, status);
      break;
    }
    case 'no-healthy-upstream':
      // Its health checks found the upstream down before the request came.
      note(0, 'upstream', T.noteDown());
      note(atGateway, 'gateway', T.noteNoHealthy());
      reply(atGateway, status);
      break;
  }

  const headers: Record<string, string> =
    status === 401
      ? { 'WWW-Authenticate': CHALLENGE }
      : condition === 'overloaded'
        ? { 'Retry-After': String(t.retryAfterS) }
        : {};
  const last = hops[hops.length - 1]!;
  return {
    condition,
    timing: t,
    status,
    reason: REASONS[status]!,
    generatedBy,
    headers,
    hops,
    notes,
    // A stable sort: what happens at one time stays in the order it was caused.
    steps: steps.sort((a, b) => a.t - b.t),
    respondedAt: last.arrived,
    why: T.why(condition, t),
  };
}

/** The index of the step where the client's response leaves the gateway. */
export function replyStep(exchange: Exchange): number {
  const last = exchange.hops[exchange.hops.length - 1]!;
  return exchange.steps.findIndex((s) => s.kind === 'send' && s.hop === last);
}

/**
 * The index of the step where the response the client will get is first sent: by the upstream when the
 * origin generates it, else by the gateway. A question stops just before it, so the code is not on screen.
 */
export function responseStep(exchange: Exchange): number {
  const first = exchange.generatedBy === 'origin' ? exchange.hops.find((h) => h.from === 'upstream') : undefined;
  const hop = first ?? exchange.hops[exchange.hops.length - 1]!;
  return exchange.steps.findIndex((s) => s.kind === 'send' && s.hop === hop);
}

/** What the condition is, in a few words. */
export function conditionText(condition: Condition): LocalText {
  return T.condition(condition);
}
