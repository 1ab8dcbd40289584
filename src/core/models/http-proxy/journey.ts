// One request's way from the client through one or two proxies to the server,
// and the response's way back, as steps a learner walks through: each step a
// message on a sequence diagram (lanes client, proxies, server), the header
// block that message carries with what changed on the way marked, and a
// sentence with the rule. The request's changes come from `forward`; the
// response is a small fixed one, with the end that the proxies' mode gives it:
// kept open, closed, or hung (RFC 9112 §9.3, Appendix C.2.2).
import type { LocalText } from '../../i18n/localize.js';
import { joinTexts, phraseBook } from '../../i18n/phrases.js';
import type { SequenceEvent, SequenceLane } from '../../sequence/layout.js';
import { type ForwardResult, type LineChange, type ProxyMode, asksKeepAlive, forward } from './forward.js';
import { type HttpRequest, listMembers, readChunked, requestLine, sameName } from './message.js';

/** A header block as one hop carries it, with what the sender changed marked on each line. */
export interface Block {
  /** Lane indexes: who sends it, who receives it. */
  from: number;
  to: number;
  kind: 'request' | 'response';
  /** The client's next request on the same connection (after the response). */
  next?: boolean;
  line: { text: string; was?: string };
  fields: LineChange[];
  /** The body's size in bytes, and whether it is framed chunked, when there is one. */
  body?: { bytes: number; chunked: boolean; was?: 'chunked' };
}

export interface Step {
  /** The diagram is drawn up to this event (-1: lanes only). */
  upTo: number;
  block: Block;
  /** The rule behind what the block shows, short enough for the screen. */
  sentence: LocalText;
  /** The same in full, for the screen that shows everything (`i`). */
  detail: LocalText;
}

/** How the client's connection to the first proxy ends up once the response is back. */
export type ClientConnection = 'kept' | 'closed' | 'hung';

export interface Journey {
  lanes: SequenceLane[];
  events: SequenceEvent[];
  steps: Step[];
  /** The step where the request has reached the first proxy: a question is asked before the run leaves it. */
  askAt: number;
  /** What each proxy did with the request, in order (one fewer than the proxies when one answered itself). */
  results: ForwardResult[];
  /** The request as the server receives it; null when a proxy answered it itself. */
  atServer: HttpRequest | null;
  /** Which proxy answered itself (Max-Forwards 0), if one did: its lane. */
  answeredBy?: number;
  outcome: 'ok' | 'hang';
  client: ClientConnection;
}

const HOP_MS = 10;

const EN = {
  ready:
    'The client writes its request for a proxy: the target is the whole URL (absolute-form, RFC 9112 §3.2.2). → sends it.',
  atProxy: (who: string) => `The request has reached ${who}. What will it send on? → shows it.`,
  serverAnswers: 'The server answers. The response goes back the way the request came.',
  responseVia: (who: string) =>
    `The response passes ${who}, which adds itself to Via on it too: Via goes on every message a proxy forwards (RFC 9110 §7.6.3).`,
  keptOpen:
    "The client's connection to the proxy stays open for its next request: HTTP/1.1 is persistent unless a side says Connection: close (RFC 9112 §9.3). Each hop decides for itself.",
  closedOld:
    'The proxy closes its connection to the client after the response: a proxy must not keep a persistent connection with an HTTP/1.0 client (RFC 9112 §9.3). Its next request goes on a new connection.',
  closedAsked: 'The client asked for Connection: close, so the proxy closes its connection after the response.',
  oldServerKeeps:
    'The server got an HTTP/1.0 request with Connection: keep-alive, so it answers with keep-alive and keeps its connection to the proxy open (RFC 9112 Appendix C.2.2).',
  oldServerCloses: 'The server got an HTTP/1.0 request without keep-alive, so it answers and closes the connection.',
  oldServerIgnores:
    'The server does not know Proxy-Connection: it sees a plain HTTP/1.0 request, answers, and closes the connection. No keep-alive, but no hang either: that is why browsers sent Proxy-Connection to their proxy (RFC 9112 Appendix C.2.2).',
  oldProxyWaits: (who: string) =>
    `The response passes ${who} unchanged, Connection: keep-alive and all. An HTTP/1.0 proxy takes the close as the end of a response, so it waits for the server to close.`,
  oldProxyCloses: (who: string) =>
    `The response passes ${who}, which sees the close and closes its own connection too. The client's next request will go on a new connection, and be answered.`,
  hang: 'The client believes its connection is kept alive and sends its next request on it. The proxy is still waiting for the server to close: this request is never answered, until a timeout (RFC 9112 Appendix C.2.2).',
  answersItself: (who: string, method: string) =>
    `Max-Forwards is 0 when the request reaches ${who}, so it answers the ${method} itself; the request goes no further (RFC 9110 §7.6.2).`,
  theProxy: 'the proxy',
  noteOpen: 'keeps it open',
  noteOpenShort: 'open',
  noteCloses: 'closes',
  noteWaits: 'waits for close',
  noteWaitsShort: 'waits',
  noteNoAnswer: 'no answer',
  noteNoAnswerShort: 'hangs',
  noteItself: 'answers itself',
  noteItselfShort: 'answers',
  nextRequest: 'GET (next request)',
};

/** What the walk through the chain says, in every language it is written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN);
export const JOURNEY_PHRASES = book;

const en = (t: LocalText) => (typeof t === 'string' ? t : t.en);

/** How a sentence names proxy `i`: "the proxy" when it is the only one, else its name. */
export function proxyWho(names: readonly string[], i: number): string {
  return names.length === 1 ? en(say('theProxy')) : names[i]!;
}

/** The proxies' names in Via and on their lanes: `proxy`, or `proxy1` and `proxy2`. */
export function proxyNames(count: number): string[] {
  return count === 1 ? ['proxy'] : Array.from({ length: count }, (_, i) => `proxy${i + 1}`);
}

const kept = (fields: { name: string; value: string }[]): LineChange[] =>
  fields.map((f) => ({ mark: 'keep', name: f.name, value: f.value }));

function bodyOf(request: HttpRequest): Block['body'] {
  if (request.body === '') return undefined;
  const chunked = request.fields.some((f) => sameName(f.name, 'Transfer-Encoding'));
  if (!chunked) return { bytes: request.body.length, chunked: false };
  const read = readChunked(request.body, 1);
  return { bytes: read.ok ? read.content.length : request.body.length, chunked: true };
}

/** Whether the client's connection to the first proxy stays open after the response, in rfc mode. */
function rfcClientConnection(request: HttpRequest): ClientConnection {
  if (request.version === '1.0') return 'closed';
  return listMembers(request.fields, 'Connection').some((o) => sameName(o, 'close')) ? 'closed' : 'kept';
}

/** Walks `request` through proxies named `names`, all in `mode`, to the server and back. */
export function journey(request: HttpRequest, mode: ProxyMode, names: readonly string[]): Journey {
  const lanes: SequenceLane[] = [{ name: 'client' }, ...names.map((n) => ({ name: n })), { name: 'server' }];
  const server = lanes.length - 1;
  const events: SequenceEvent[] = [];
  const steps: Step[] = [];
  let t = 0;
  let id = 0;
  /** A message from lane `from` to `to`: sent now, arriving one hop later; returns the arrival's event index. */
  const message = (from: number, to: number, labels: string[]) => {
    id += 1;
    events.push({ t, kind: 'send', id, from, to, labels });
    t += HOP_MS;
    events.push({ t, kind: 'arrive', id });
    return events.length - 1;
  };
  const note = (lane: number, text: string[]) => {
    events.push({ t, kind: 'note', lane, text });
    return events.length - 1;
  };
  const labels = (r: HttpRequest) => [requestLine(r), `${r.method} ${r.target}`, r.method];

  steps.push({
    upTo: -1,
    block: {
      from: 0,
      to: 1,
      kind: 'request',
      line: { text: requestLine(request) },
      fields: kept(request.fields),
      body: bodyOf(request),
    },
    sentence: say('ready'),
    detail: say('ready'),
  });
  steps.push({
    upTo: message(0, 1, labels(request)),
    block: {
      from: 0,
      to: 1,
      kind: 'request',
      line: { text: requestLine(request) },
      fields: kept(request.fields),
      body: bodyOf(request),
    },
    sentence: say('atProxy', proxyWho(names, 0)),
    detail: say('atProxy', proxyWho(names, 0)),
  });
  const askAt = 1;

  const results: ForwardResult[] = [];
  let current: HttpRequest | null = request;
  let answeredBy: number | undefined;
  for (let i = 0; i < names.length && current; i++) {
    const lane = i + 1;
    const result = forward(current, { mode, proxyName: names[i]! });
    results.push(result);
    if (!result.forwarded) {
      answeredBy = lane;
      note(lane, [en(say('noteItself')), en(say('noteItselfShort'))]);
      const response = proxyAnswer(current);
      steps.push({
        upTo: message(lane, 0, ['200 OK']),
        block: { from: lane, to: 0, kind: 'response', line: { text: 'HTTP/1.1 200 OK' }, fields: kept(response) },
        sentence: say('answersItself', proxyWho(names, i), current.method),
        detail: result.why,
      });
      current = null;
      break;
    }
    const forwarded = result.forwarded;
    const before = bodyOf(current);
    const after = bodyOf(forwarded);
    steps.push({
      upTo: message(lane, lane + 1, labels(forwarded)),
      block: {
        from: lane,
        to: lane + 1,
        kind: 'request',
        line: result.line,
        fields: result.fields,
        ...(after ? { body: before?.chunked && !after.chunked ? { ...after, was: 'chunked' as const } : after } : {}),
      },
      sentence: result.brief,
      detail: result.why,
    });
    current = forwarded;
  }
  const atServer = current;
  const hang = mode === 'http10' && asksKeepAlive(request.fields);
  const client: ClientConnection = hang ? 'hung' : mode === 'http10' ? 'closed' : rfcClientConnection(request);

  if (atServer) {
    // The response, back the way the request came.
    const responseFields =
      mode === 'rfc'
        ? [
            { name: 'Content-Type', value: 'text/html' },
            { name: 'Content-Length', value: '1024' },
          ]
        : hang
          ? [
              { name: 'Content-Type', value: 'text/html' },
              { name: 'Connection', value: 'keep-alive' },
              { name: 'Keep-Alive', value: 'timeout=5' },
            ]
          : [
              { name: 'Content-Type', value: 'text/html' },
              { name: 'Connection', value: 'close' },
            ];
    if (mode === 'http10')
      note(server, hang ? [en(say('noteOpen')), en(say('noteOpenShort'))] : [en(say('noteCloses'))]);
    const ignored = listMembers(atServer.fields, 'Proxy-Connection').some((o) => sameName(o, 'keep-alive'));
    const answered =
      mode === 'rfc'
        ? say('serverAnswers')
        : hang
          ? say('oldServerKeeps')
          : ignored
            ? say('oldServerIgnores')
            : say('oldServerCloses');
    steps.push({
      upTo: message(server, server - 1, ['200 OK']),
      block: {
        from: server,
        to: server - 1,
        kind: 'response',
        line: { text: 'HTTP/1.1 200 OK' },
        fields: kept(responseFields),
      },
      sentence: answered,
      detail: answered,
    });
    let fields: LineChange[] = kept(responseFields);
    for (let lane = server - 1; lane >= 1; lane--) {
      const name = names[lane - 1]!;
      const who = proxyWho(names, lane - 1);
      if (mode === 'rfc') {
        const entry = `1.1 ${name}`;
        const via = fields.find((f) => f.name === 'Via');
        fields = via
          ? fields.map((f) =>
              f === via ? { ...f, mark: 'change', value: `${f.value}, ${entry}`, was: f.value, reason: 'via' } : f,
            )
          : [...fields, { mark: 'add', name: 'Via', value: entry, reason: 'via' }];
      } else {
        note(lane, hang ? [en(say('noteWaits')), en(say('noteWaitsShort'))] : [en(say('noteCloses'))]);
      }
      const last = lane === 1;
      const sentence =
        mode === 'rfc'
          ? last
            ? joinTexts(
                [
                  say('responseVia', who),
                  client === 'kept'
                    ? say('keptOpen')
                    : request.version === '1.0'
                      ? say('closedOld')
                      : say('closedAsked'),
                ],
                ' ',
              )
            : say('responseVia', who)
          : say(hang ? 'oldProxyWaits' : 'oldProxyCloses', who);
      steps.push({
        upTo: message(lane, lane - 1, ['200 OK']),
        block: { from: lane, to: lane - 1, kind: 'response', line: { text: 'HTTP/1.1 200 OK' }, fields },
        sentence,
        detail: sentence,
      });
      // What was marked is now just carried: the next hop marks only its own change.
      fields = fields.map((f) => ({ mark: 'keep', name: f.name, value: f.value }));
    }
    if (hang) {
      const next = message(0, 1, [en(say('nextRequest')), 'GET']);
      const upTo = note(0, [en(say('noteNoAnswer')), en(say('noteNoAnswerShort'))]);
      steps.push({
        upTo: Math.max(next, upTo),
        block: {
          from: 0,
          to: 1,
          kind: 'request',
          next: true,
          line: { text: requestLine(request) },
          fields: kept(request.fields),
        },
        sentence: say('hang'),
        detail: say('hang'),
      });
    }
  }
  return {
    lanes,
    events,
    steps,
    askAt,
    results,
    atServer,
    ...(answeredBy === undefined ? {} : { answeredBy }),
    outcome: hang ? 'hang' : 'ok',
    client,
  };
}

/** What a proxy answers to a TRACE or OPTIONS that Max-Forwards stops at it (RFC 9110 §9.3.7, §9.3.8). */
function proxyAnswer(request: HttpRequest): { name: string; value: string }[] {
  return request.method === 'TRACE'
    ? [{ name: 'Content-Type', value: 'message/http' }]
    : [
        { name: 'Allow', value: 'GET, HEAD, OPTIONS, TRACE' },
        { name: 'Content-Length', value: '0' },
      ];
}
