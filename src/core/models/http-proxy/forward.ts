// What a forward proxy sends on to the origin server, field by field: the
// contract of `nettutor http forward` (the project's http CLI spec), pure.
//
// `rfc`, a conforming HTTP/1.1 proxy (RFC 9110 §7.6, RFC 9112 §3.2): the
// target becomes origin-form and the version the proxy's own; Host comes from
// the target's authority; Connection, every field it names and the
// connection-specific fields are removed (and Proxy-Authorization, which was
// for this proxy); a chunked body is sent with Content-Length; Max-Forwards is
// counted down on TRACE and OPTIONS; Via gets this proxy. Everything else goes
// on unchanged, in order.
//
// `http10`, an old HTTP/1.0 proxy that knows nothing of Connection: every
// field goes on unchanged, and a forwarded `Connection: keep-alive` hangs the
// client's next request (RFC 9112 Appendix C.2.2).
import type { LocalText } from '../../i18n/localize.js';
import { SENTENCES, joinTexts, phraseBook } from '../../i18n/phrases.js';
import {
  type HttpField,
  type HttpRequest,
  type HttpVersion,
  listMembers,
  readChunked,
  requestLine,
  sameName,
} from './message.js';

export const PROXY_MODES = ['rfc', 'http10'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

export interface ForwardOptions {
  mode: ProxyMode;
  /** How the proxy names itself in Via (`--proxy`). */
  proxyName: string;
}

/** What happened to one line of the header block on the way through. */
export type Mark = 'keep' | 'remove' | 'add' | 'change';

/** Why a field was removed, added or changed: the rule behind it. */
export type Reason =
  | 'connection'
  | 'named'
  | 'connection-specific'
  | 'proxy-authorization'
  | 'framing'
  | 'host'
  | 'max-forwards'
  | 'via';

export interface LineChange {
  mark: Mark;
  /** As received (removed, kept, changed) or as added. */
  name: string;
  /** As forwarded; as received for a removed field. */
  value: string;
  /** A changed field's value as received. */
  was?: string;
  reason?: Reason;
}

export interface ForwardResult {
  /** The request sent on, or null when the proxy answers itself (Max-Forwards 0). */
  forwarded: HttpRequest | null;
  /** The request line sent on (or, not forwarded, the one received), and the received one when it differs. */
  line: { text: string; was?: string };
  /** The header block in the order it is read: received fields with what happened to each, added ones in place. */
  fields: LineChange[];
  /** Names as received, one per removed field line, in order. */
  removed: string[];
  added: string[];
  /** Fields forwarded with a value other than the one received (Host, Max-Forwards, Via). */
  changed: string[];
  outcome: 'ok' | 'hang';
  why: LocalText;
  /** The rules behind the marks alone, shorter than `why` (what a screen with little room says). */
  brief: LocalText;
}

/** Connection-specific fields a proxy removes even when Connection does not name them (RFC 9110 §7.6.1). */
export const CONNECTION_SPECIFIC = ['Proxy-Connection', 'Keep-Alive', 'TE', 'Upgrade', 'Transfer-Encoding'] as const;

/** Methods on which Max-Forwards counts hops (RFC 9110 §7.6.2). */
export const MAX_FORWARDS_METHODS = ['TRACE', 'OPTIONS'] as const;

/** The parts of an absolute-form target (RFC 9112 §3.2.2), or undefined for any other form. */
export function absoluteForm(target: string): { scheme: string; authority: string; originForm: string } | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?$/.exec(target);
  if (!m) return undefined;
  const authority = m[2]!.replace(/^[^@]*@/, '');
  return { scheme: m[1]!.toLowerCase(), authority, originForm: `${m[3] || '/'}${m[4] ?? ''}` };
}

/** Why this target cannot be forwarded as a request, or undefined when it can (checked before forwarding). */
export function targetProblem(request: HttpRequest): string | undefined {
  const { method, target } = request;
  if (method === 'CONNECT') {
    return 'CONNECT asks the proxy for a tunnel (RFC 9110 §9.3.6): it is not forwarded as a request';
  }
  if (target === '*') return method === 'OPTIONS' ? undefined : `the target * is only for OPTIONS, not ${method}`;
  if (target.startsWith('/')) {
    if (target.includes('#')) return 'a request target has no fragment (#...)';
    if (!request.fields.some((f) => sameName(f.name, 'Host'))) {
      return 'the target is a path and there is no Host: a proxy cannot tell which server to forward it to (RFC 9112 §3.2)';
    }
    return undefined;
  }
  const abs = absoluteForm(target);
  if (!abs) {
    return target.includes('#')
      ? 'a request target has no fragment (#...)'
      : `the target ${JSON.stringify(target)} is neither a path (/...) nor a URL (http://host/...)`;
  }
  if (abs.scheme !== 'http' && abs.scheme !== 'https') {
    return `the target's scheme is ${abs.scheme}: a proxy forwards http and https URLs here`;
  }
  if (abs.authority === '') return 'the target URL has no host';
  if (request.version === '1.1' && !request.fields.some((f) => sameName(f.name, 'Host'))) {
    return 'an HTTP/1.1 request without Host: a client must send Host in every HTTP/1.1 request (RFC 9112 §3.2)';
  }
  return undefined;
}

/** A name a proxy can give itself in Via: a pseudonym (a token) or host[:port], nothing that needs quoting. */
export const PROXY_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:[\]]+$/;

const EN = {
  targetOriginForm: (target: string) =>
    `The target became origin-form, ${target}: the server is asked for the path alone (RFC 9112 §3.2.1).`,
  ownVersion: 'It sends HTTP/1.1, its own version, though it received HTTP/1.0 (RFC 9110 §2.5).',
  hostFromTarget: (authority: string) =>
    `Host is ${authority}, the authority of the target URL; a received Host is ignored (RFC 9112 §3.2.2).`,
  hostAdded: (authority: string) => `It added Host: ${authority}, from the target URL (RFC 9112 §3.2.2).`,
  removedConnection: 'It removed Connection: its options were for the hop from the client (RFC 9110 §7.6.1).',
  removedNamed: (names: readonly string[]) =>
    `It removed Connection and the fields it names, ${listNames(names)} (RFC 9110 §7.6.1).`,
  removedSpecific: (names: readonly string[]) =>
    `It removed ${listNames(names)}: connection-specific fields go even when Connection does not name them (RFC 9110 §7.6.1).`,
  removedProxyAuthorization:
    'It removed Proxy-Authorization: those credentials were for this proxy (RFC 9110 §11.7.2).',
  dechunked: (bytes: number) =>
    `It decoded the chunked body and sends its ${bytes} bytes with Content-Length: Transfer-Encoding frames one hop only (RFC 9112 §7.1).`,
  trailersDropped: (names: readonly string[]) => `It dropped the trailer fields ${listNames(names)}.`,
  maxForwards: (from: string, to: string) => `Max-Forwards went from ${from} to ${to} (RFC 9110 §7.6.2).`,
  maxForwardsZero: (method: string) =>
    `Max-Forwards is 0: the proxy answers the ${method} itself and forwards nothing (RFC 9110 §7.6.2).`,
  viaAdded: (value: string) => `It added Via: ${value} (RFC 9110 §7.6.3).`,
  viaAppended: (entry: string) => `It appended ${entry} to Via (RFC 9110 §7.6.3).`,
  restUnchanged: 'Every other field went on unchanged, in order.',
  oldProxy:
    'This HTTP/1.0 proxy knows nothing of Connection: it forwarded every field unchanged and in order, added no Via, and sends HTTP/1.0.',
  oldBrief: 'This HTTP/1.0 proxy knows nothing of Connection: it forwards every field unchanged, and adds no Via.',
  oldMaxForwards: 'It does not know Max-Forwards either (an HTTP/1.1 field) and passed it on as it was.',
  hang: 'It forwarded Connection: keep-alive, so the server keeps the connection open for the proxy, the proxy waits for it to close, and the client\'s next request on its "kept-alive" connection is never answered (RFC 9112 Appendix C.2.2).',
  proxyConnectionOk:
    'The server does not know Proxy-Connection, so it closes the connection after its response and nothing hangs: that is why browsers sent Proxy-Connection to proxies (RFC 9112 Appendix C.2.2).',
  oldCloses: 'It cannot keep a connection open: the server closes the connection after its response.',
};

/** `a`, `a and b`, `a, b and c`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `a`, `a 和 b`, `a、b 和 c`. */
const listZh = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('、')} 和 ${names[names.length - 1]}`;

const ZH: Partial<typeof EN> = {
  targetOriginForm: (target) => `请求目标变成了 origin-form，${target}：只向服务器请求路径（RFC 9112 §3.2.1）。`,
  ownVersion: '它发送 HTTP/1.1，也就是它自己的版本，尽管它收到的是 HTTP/1.0（RFC 9110 §2.5）。',
  hostFromTarget: (authority) =>
    `Host 是 ${authority}，即目标 URL 的 authority；收到的 Host 被忽略（RFC 9112 §3.2.2）。`,
  hostAdded: (authority) => `它根据目标 URL 添加了 Host: ${authority}（RFC 9112 §3.2.2）。`,
  removedConnection: '它删除了 Connection：其中的选项只属于从客户端过来的这一跳（RFC 9110 §7.6.1）。',
  removedNamed: (names) => `它删除了 Connection 以及其中列出的字段 ${listZh(names)}（RFC 9110 §7.6.1）。`,
  removedSpecific: (names) =>
    `它删除了 ${listZh(names)}：连接专用的字段即使没有被 Connection 列出也要删除（RFC 9110 §7.6.1）。`,
  removedProxyAuthorization: '它删除了 Proxy-Authorization：这些凭据是给这个代理本身的（RFC 9110 §11.7.2）。',
  dechunked: (bytes) =>
    `它解码了分块的消息体，用 Content-Length 发送这 ${bytes} 字节：Transfer-Encoding 只为一跳分帧（RFC 9112 §7.1）。`,
  trailersDropped: (names) => `它丢弃了尾部字段 ${listZh(names)}。`,
  maxForwards: (from, to) => `Max-Forwards 从 ${from} 变为 ${to}（RFC 9110 §7.6.2）。`,
  maxForwardsZero: (method) => `Max-Forwards 为 0：代理自己应答这个 ${method}，什么也不转发（RFC 9110 §7.6.2）。`,
  viaAdded: (value) => `它添加了 Via: ${value}（RFC 9110 §7.6.3）。`,
  viaAppended: (entry) => `它把 ${entry} 追加到 Via 上（RFC 9110 §7.6.3）。`,
  restUnchanged: '其余字段都原样按顺序转发。',
  oldProxy: '这个 HTTP/1.0 代理对 Connection 一无所知：它把每个字段原样按顺序转发，不添加 Via，并发送 HTTP/1.0。',
  oldBrief: '这个 HTTP/1.0 代理对 Connection 一无所知：它原样转发每个字段，也不添加 Via。',
  oldMaxForwards: '它也不认识 Max-Forwards（一个 HTTP/1.1 字段），原样把它转发了。',
  hang: '它转发了 Connection: keep-alive，于是服务器为代理保持连接打开，代理却在等连接关闭，客户端在它那条“保持活动”的连接上发出的下一个请求永远得不到应答（RFC 9112 附录 C.2.2）。',
  proxyConnectionOk:
    '服务器不认识 Proxy-Connection，所以它在响应之后关闭连接，什么也不会挂起：这正是浏览器向代理发送 Proxy-Connection 的原因（RFC 9112 附录 C.2.2）。',
  oldCloses: '它不能保持连接打开：服务器在响应之后关闭连接。',
};

/** The sentences the forwarding says, in every language they are written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const FORWARD_PHRASES = book;

const has = (list: readonly string[], name: string) => list.some((n) => sameName(n, name));

/** Whether a Connection field's options include keep-alive (case-insensitive). */
export function asksKeepAlive(fields: readonly HttpField[]): boolean {
  return has(listMembers(fields, 'Connection'), 'keep-alive');
}

/** Forwards one request through a proxy in `mode`. The request must have passed `targetProblem`. */
export function forward(request: HttpRequest, options: ForwardOptions): ForwardResult {
  return options.mode === 'rfc' ? forwardRfc(request, options.proxyName) : forwardHttp10(request);
}

function summary(fields: LineChange[]) {
  const of = (mark: Mark) => fields.filter((f) => f.mark === mark).map((f) => f.name);
  return { removed: of('remove'), added: of('add'), changed: of('change') };
}

function forwardHttp10(request: HttpRequest): ForwardResult {
  const abs = absoluteForm(request.target);
  const target = abs ? abs.originForm : request.target;
  const forwarded: HttpRequest = { ...request, target, version: '1.0', fields: request.fields.map((f) => ({ ...f })) };
  const received = requestLine(request);
  const sent = requestLine(forwarded);
  const hang = asksKeepAlive(request.fields);
  const why: LocalText[] = [say('oldProxy')];
  if (abs) why.push(say('targetOriginForm', target));
  if (
    (MAX_FORWARDS_METHODS as readonly string[]).includes(request.method) &&
    request.fields.some((f) => sameName(f.name, 'Max-Forwards'))
  )
    why.push(say('oldMaxForwards'));
  if (hang) why.push(say('hang'));
  else if (has(listMembers(request.fields, 'Proxy-Connection'), 'keep-alive')) why.push(say('proxyConnectionOk'));
  else why.push(say('oldCloses'));
  return {
    forwarded,
    line: { text: sent, ...(sent === received ? {} : { was: received }) },
    fields: request.fields.map((f) => ({ mark: 'keep', name: f.name, value: f.value })),
    removed: [],
    added: [],
    changed: [],
    outcome: hang ? 'hang' : 'ok',
    why: joinTexts(why, SENTENCES),
    brief: say('oldBrief'),
  };
}

function forwardRfc(request: HttpRequest, proxyName: string): ForwardResult {
  const received = requestLine(request);
  const abs = absoluteForm(request.target);
  const countsHops = (MAX_FORWARDS_METHODS as readonly string[]).includes(request.method);
  const maxForwards = countsHops ? request.fields.find((f) => sameName(f.name, 'Max-Forwards')) : undefined;
  if (maxForwards && Number(maxForwards.value) === 0) {
    return {
      forwarded: null,
      line: { text: received },
      fields: request.fields.map((f) => ({ mark: 'keep', name: f.name, value: f.value })),
      removed: [],
      added: [],
      changed: [],
      outcome: 'ok',
      why: say('maxForwardsZero', request.method),
      brief: say('maxForwardsZero', request.method),
    };
  }
  const named = listMembers(request.fields, 'Connection');
  const chunked = request.fields.some((f) => sameName(f.name, 'Transfer-Encoding'))
    ? readChunked(request.body, 1)
    : undefined;
  const decoded = chunked?.ok ? chunked : undefined;
  const lines: LineChange[] = [];
  let framed = false;
  for (const f of request.fields) {
    const remove = (reason: Reason) => lines.push({ mark: 'remove', name: f.name, value: f.value, reason });
    if (sameName(f.name, 'Connection')) remove('connection');
    else if (has(named, f.name)) remove('named');
    else if (has(CONNECTION_SPECIFIC, f.name))
      remove(sameName(f.name, 'Transfer-Encoding') ? 'framing' : 'connection-specific');
    else if (sameName(f.name, 'Proxy-Authorization')) remove('proxy-authorization');
    else if (sameName(f.name, 'Host') && abs) {
      lines.push(
        f.value === abs.authority
          ? { mark: 'keep', name: f.name, value: f.value }
          : { mark: 'change', name: f.name, value: abs.authority, was: f.value, reason: 'host' },
      );
    } else if (f === maxForwards) {
      const to = String(Number(f.value) - 1);
      lines.push({ mark: 'change', name: f.name, value: to, was: f.value, reason: 'max-forwards' });
    } else lines.push({ mark: 'keep', name: f.name, value: f.value });
    // The body's new framing takes the place of the old.
    if (decoded && !framed && sameName(f.name, 'Transfer-Encoding')) {
      framed = true;
      lines.push({ mark: 'add', name: 'Content-Length', value: String(decoded.content.length), reason: 'framing' });
    }
  }
  if (abs && !request.fields.some((f) => sameName(f.name, 'Host'))) {
    lines.unshift({ mark: 'add', name: 'Host', value: abs.authority, reason: 'host' });
  }
  const entry = `${request.version} ${proxyName}`;
  const lastVia = lines.findLastIndex((l) => l.mark !== 'remove' && sameName(l.name, 'Via'));
  if (lastVia >= 0) {
    const via = lines[lastVia]!;
    lines[lastVia] = {
      mark: 'change',
      name: via.name,
      value: `${via.value}, ${entry}`,
      was: via.was ?? via.value,
      reason: 'via',
    };
  } else lines.push({ mark: 'add', name: 'Via', value: entry, reason: 'via' });

  const target = abs ? abs.originForm : request.target;
  const forwarded: HttpRequest = {
    method: request.method,
    target,
    version: '1.1',
    fields: lines.filter((l) => l.mark !== 'remove').map((l) => ({ name: l.name, value: l.value })),
    body: decoded ? decoded.content : request.body,
  };
  const sent = requestLine(forwarded);
  return {
    forwarded,
    line: { text: sent, ...(sent === received ? {} : { was: received }) },
    fields: lines,
    ...summary(lines),
    outcome: 'ok',
    why: rfcWhy(request, lines, { abs: abs !== undefined, target, decoded, entry }),
    brief: rfcWhy(request, lines, { abs: false, target, decoded, entry, brief: true }),
  };
}

function rfcWhy(
  request: HttpRequest,
  lines: LineChange[],
  at: {
    abs: boolean;
    target: string;
    decoded?: { content: string; trailers: HttpField[] };
    entry: string;
    /** The rules behind the fields' marks only: not the request line, not what is unchanged. */
    brief?: boolean;
  },
): LocalText {
  const why: LocalText[] = [];
  const version: HttpVersion = request.version;
  if (at.abs) why.push(say('targetOriginForm', at.target));
  if (version === '1.0' && !at.brief) why.push(say('ownVersion'));
  const host = lines.find((l) => l.reason === 'host');
  if (host) why.push(say(host.mark === 'add' ? 'hostAdded' : 'hostFromTarget', host.value));
  const removed = (reason: Reason) =>
    lines.filter((l) => l.mark === 'remove' && l.reason === reason).map((l) => l.name);
  if (removed('connection').length > 0) {
    const named = removed('named');
    why.push(named.length > 0 ? say('removedNamed', named) : say('removedConnection'));
  }
  const specific = [...removed('connection-specific'), ...removed('framing')];
  if (specific.length > 0) why.push(say('removedSpecific', specific));
  if (removed('proxy-authorization').length > 0) why.push(say('removedProxyAuthorization'));
  if (at.decoded) {
    why.push(say('dechunked', at.decoded.content.length));
    if (at.decoded.trailers.length > 0)
      why.push(
        say(
          'trailersDropped',
          at.decoded.trailers.map((t) => t.name),
        ),
      );
  }
  const mf = lines.find((l) => l.reason === 'max-forwards');
  if (mf) why.push(say('maxForwards', mf.was!, mf.value));
  const via = lines.find((l) => l.reason === 'via');
  if (via) why.push(via.mark === 'add' ? say('viaAdded', via.value) : say('viaAppended', at.entry));
  if (lines.some((l) => l.mark === 'keep') && !at.brief) why.push(say('restUnchanged'));
  return joinTexts(why, SENTENCES);
}
