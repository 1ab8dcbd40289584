// One request's way from the client through one or two proxies to the server,
// and the response's way back, as steps a learner walks through: each step a
// message on a sequence diagram (lanes client, proxies, server), the header
// block that message carries with what changed on the way marked, and a
// sentence with the rule. The request's changes come from `forward`; the
// response is a small fixed one, with the end that the proxies' mode gives it:
// kept open, closed, or hung (RFC 9112 §9.3, Appendix C.2.2).
import type { LocalText as Local } from '../../i18n/localize.js';
import { SENTENCES, joinTexts, phraseBook } from '../../i18n/phrases.js';
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
  sentence: Local;
  /** The same in full, for the screen that shows everything (`i`). */
  detail: Local;
}

/** How the client's connection to the first proxy ends up once the response is back. */
export type ClientConnection = 'kept' | 'closed' | 'hung';

/**
 * An event of the diagram as the journey keeps it: a note's texts and a message's labels in every language
 * (see `journeyEvents`, which gives the layout the reader's).
 */
type SendId = Extract<SequenceEvent, { kind: 'send' }>['id'];

export type JourneyEvent =
  | Exclude<SequenceEvent, { kind: 'send' } | { kind: 'note' }>
  | { t: number; kind: 'send'; id: SendId; from: number; to: number; labels: readonly Local[] }
  | { t: number; kind: 'note'; lane: number; text: readonly Local[] };

/** The layout's events for a journey's, each text in the reader's language (`tr`). */
export function journeyEvents(events: readonly JourneyEvent[], tr: (t: Local) => string): SequenceEvent[] {
  return events.map((e): SequenceEvent => {
    if (e.kind === 'send') return { ...e, labels: e.labels.map(tr) };
    if (e.kind === 'note') return { ...e, text: e.text.map(tr) };
    return e;
  });
}

export interface Journey {
  lanes: SequenceLane[];
  events: JourneyEvent[];
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

const ZH: Partial<typeof EN> = {
  ready: '客户端写好发给代理的请求：请求目标是完整的 URL（absolute-form，RFC 9112 §3.2.2）。按 → 发送。',
  atProxy: (who) => `请求已经到达${who}。它会转发什么？按 → 查看。`,
  serverAnswers: '服务器应答。响应沿着请求来的路返回。',
  responseVia: (who) =>
    `响应经过${who}，它也在响应的 Via 上加上自己：代理转发的每一个消息都带 Via（RFC 9110 §7.6.3）。`,
  keptOpen:
    '客户端到代理的连接为它的下一个请求保持打开：HTTP/1.1 的连接是持久连接，除非某一方发送 Connection: close（RFC 9112 §9.3）。每一跳各自决定。',
  closedOld:
    '代理在响应之后关闭它与客户端的连接：代理不得与 HTTP/1.0 客户端保持持久连接（RFC 9112 §9.3）。客户端的下一个请求要用新的连接。',
  closedAsked: '客户端要求 Connection: close，所以代理在响应之后关闭连接。',
  oldServerKeeps:
    '服务器收到一个带 Connection: keep-alive 的 HTTP/1.0 请求，于是它以 keep-alive 应答，并保持它到代理的连接打开（RFC 9112 附录 C.2.2）。',
  oldServerCloses: '服务器收到一个没有 keep-alive 的 HTTP/1.0 请求，于是它应答后关闭连接。',
  oldServerIgnores:
    '服务器不认识 Proxy-Connection：它看到的是一个普通的 HTTP/1.0 请求，应答后关闭连接。没有 keep-alive，但也不会挂起：这正是浏览器向代理发送 Proxy-Connection 的原因（RFC 9112 附录 C.2.2）。',
  oldProxyWaits: (who) =>
    `响应原样经过${who}，连同 Connection: keep-alive。HTTP/1.0 代理把连接关闭当作响应的结束，所以它在等服务器关闭连接。`,
  oldProxyCloses: (who) =>
    `响应经过${who}，它看到连接关闭，也关闭自己的连接。客户端的下一个请求会用新的连接，并得到应答。`,
  hang: '客户端以为它的连接保持着活动，于是在这条连接上发出下一个请求。代理仍在等服务器关闭连接：这个请求永远得不到应答，直到超时（RFC 9112 附录 C.2.2）。',
  answersItself: (who, method) =>
    `请求到达${who}时 Max-Forwards 为 0，所以它自己应答这个 ${method}；请求不再继续往前走（RFC 9110 §7.6.2）。`,
  theProxy: '代理',
  noteOpen: '保持打开',
  noteOpenShort: '打开',
  noteCloses: '关闭',
  noteWaits: '等待关闭',
  noteWaitsShort: '等待',
  noteNoAnswer: '没有应答',
  noteNoAnswerShort: '挂起',
  noteItself: '自己应答',
  noteItselfShort: '应答',
  nextRequest: 'GET（下一个请求）',
};

/** What the walk through the chain says, in every language it is written in (see core/i18n/phrases). */
const { book, say, sayWith } = phraseBook(EN, { 'zh-CN': ZH });
export const JOURNEY_PHRASES = book;

/** How a sentence names proxy `i`: "the proxy" when it is the only one, else its name (the same in every language). */
export function proxyWho(names: readonly string[], i: number): Local {
  return names.length === 1 ? say('theProxy') : names[i]!;
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
  const events: JourneyEvent[] = [];
  const steps: Step[] = [];
  let t = 0;
  let id = 0;
  /** A message from lane `from` to `to`: sent now, arriving one hop later; returns the arrival's event index. */
  const message = (from: number, to: number, labels: Local[]) => {
    id += 1;
    events.push({ t, kind: 'send', id, from, to, labels });
    t += HOP_MS;
    events.push({ t, kind: 'arrive', id });
    return events.length - 1;
  };
  const note = (lane: number, text: Local[]) => {
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
    sentence: sayWith('atProxy', proxyWho(names, 0)),
    detail: sayWith('atProxy', proxyWho(names, 0)),
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
      note(lane, [say('noteItself'), say('noteItselfShort')]);
      const response = proxyAnswer(current);
      steps.push({
        upTo: message(lane, 0, ['200 OK']),
        block: { from: lane, to: 0, kind: 'response', line: { text: 'HTTP/1.1 200 OK' }, fields: kept(response) },
        sentence: sayWith('answersItself', proxyWho(names, i), current.method),
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
    if (mode === 'http10') note(server, hang ? [say('noteOpen'), say('noteOpenShort')] : [say('noteCloses')]);
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
        note(lane, hang ? [say('noteWaits'), say('noteWaitsShort')] : [say('noteCloses')]);
      }
      const last = lane === 1;
      const sentence =
        mode === 'rfc'
          ? last
            ? joinTexts(
                [
                  sayWith('responseVia', who),
                  client === 'kept'
                    ? say('keptOpen')
                    : request.version === '1.0'
                      ? say('closedOld')
                      : say('closedAsked'),
                ],
                SENTENCES,
              )
            : sayWith('responseVia', who)
          : sayWith(hang ? 'oldProxyWaits' : 'oldProxyCloses', who);
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
      const next = message(0, 1, [say('nextRequest'), 'GET']);
      const upTo = note(0, [say('noteNoAnswer'), say('noteNoAnswerShort')]);
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
