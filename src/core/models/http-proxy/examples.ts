// Requests the proxy model starts from: built-in examples, each showing one
// rule, and requests built at random for questions that must not be learnt by
// heart. Every request is addressed to a proxy, so its target is the whole
// URL (absolute-form, RFC 9112 §3.2.2).
import type { LocalText } from '../../i18n/localize.js';
import { phraseBook } from '../../i18n/phrases.js';
import { type HttpField, type HttpRequest, parseRequest } from './message.js';

const EN = {
  'keep-alive': 'A browser asks to keep the connection alive',
  'named-field': 'Connection names a field of its own',
  upgrade: 'A request to upgrade to WebSocket',
  'te-trailers': 'TE: trailers, for this hop',
  chunked: 'A chunked upload',
  'via-already': 'A request that has passed a proxy already',
  'max-forwards': 'OPTIONS with Max-Forwards: 1',
  'http10-keep-alive': 'An HTTP/1.0 browser asks for keep-alive',
  'proxy-connection': 'A browser sends Proxy-Connection to its proxy',
  random: 'A request built at random',
};

const ZH: Partial<typeof EN> = {
  'keep-alive': '浏览器请求保持连接',
  'named-field': 'Connection 列出了一个自定义字段',
  upgrade: '升级到 WebSocket 的请求',
  'te-trailers': 'TE: trailers，只针对这一跳',
  chunked: '分块上传',
  'via-already': '已经经过一个代理的请求',
  'max-forwards': '带 Max-Forwards: 1 的 OPTIONS',
  'http10-keep-alive': 'HTTP/1.0 浏览器请求 keep-alive',
  'proxy-connection': '浏览器向它的代理发送 Proxy-Connection',
  random: '随机构造的请求',
};

/** The examples' titles, in every language they are written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const EXAMPLE_PHRASES = book;

const SOURCES: Record<Exclude<keyof typeof EN, 'random'>, string[]> = {
  'keep-alive': [
    'GET http://example.com/news HTTP/1.1',
    'Host: example.com',
    'User-Agent: Mozilla/5.0',
    'Accept: text/html',
    'Connection: keep-alive',
    'Keep-Alive: timeout=5',
  ],
  'named-field': [
    'GET http://shop.example/cart HTTP/1.1',
    'Host: shop.example',
    'Connection: close, X-Debug',
    'X-Debug: 1',
    'Cookie: id=42',
    'Accept: */*',
  ],
  upgrade: [
    'GET http://chat.example/live HTTP/1.1',
    'Host: chat.example',
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZQ==',
    'Sec-WebSocket-Version: 13',
  ],
  'te-trailers': [
    'GET http://api.example/items HTTP/1.1',
    'Host: api.example',
    'TE: trailers',
    'Connection: TE',
    'Accept: application/json',
  ],
  chunked: [
    'POST http://api.example/notes HTTP/1.1',
    'Host: api.example',
    'Transfer-Encoding: chunked',
    'Content-Type: text/plain',
    '',
    '5',
    'hello',
    '6',
    ' world',
    '0',
    '',
    '',
  ],
  'via-already': ['GET http://example.com/ HTTP/1.1', 'Host: example.com', 'Via: 1.1 corp-gw', 'Accept: */*'],
  'max-forwards': ['OPTIONS http://example.com/ HTTP/1.1', 'Host: example.com', 'Max-Forwards: 1'],
  'http10-keep-alive': ['GET http://example.com/ HTTP/1.0', 'User-Agent: Mozilla/4.0', 'Connection: keep-alive'],
  'proxy-connection': ['GET http://example.com/ HTTP/1.0', 'User-Agent: Mozilla/4.0', 'Proxy-Connection: keep-alive'],
};

export type ExampleId = keyof typeof SOURCES;
export const EXAMPLE_IDS = Object.keys(SOURCES) as ExampleId[];

export interface Example {
  id: ExampleId | 'random';
  title: LocalText;
  request: HttpRequest;
}

/** Reads a request written as lines (CRLF between them; the empty line added when there is no body). */
export function requestFromLines(lines: readonly string[]): HttpRequest {
  const raw = lines.includes('') ? lines.join('\r\n') : `${lines.join('\r\n')}\r\n\r\n`;
  const parsed = parseRequest(raw);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
  return parsed.request;
}

const EXAMPLES = new Map<ExampleId, Example>(
  EXAMPLE_IDS.map((id) => [id, { id, title: say(id), request: requestFromLines(SOURCES[id]) }]),
);

export function example(id: ExampleId): Example {
  return EXAMPLES.get(id)!;
}

// ---------------------------------------------------------------------------------------------
// Requests built at random: a few end-to-end fields, and hop-by-hop ones that a well-formed
// client sends: options named in Connection (RFC 9110 §7.6.1 asks a sender of TE or Upgrade to
// name them there), a field of its own named there, or a Proxy-Connection. No body and no
// Proxy-Authorization: what proxies do with those varies (they may keep chunked framing; a
// chain of proxies may pass credentials on), and a question must not grade "sometimes" as
// "always".

const HOSTS = ['example.com', 'shop.example', 'api.example.net', 'news.example.org'];
const PATHS = ['/', '/index.html', '/cart?id=7', '/api/v1/items', '/search?q=proxy'];
const END_TO_END: HttpField[] = [
  { name: 'User-Agent', value: 'curl/8.5.0' },
  { name: 'Accept', value: '*/*' },
  { name: 'Accept-Language', value: 'en, zh-CN;q=0.8' },
  { name: 'Cookie', value: 'session=c0ffee' },
  { name: 'Authorization', value: 'Bearer 3f9a' },
  { name: 'Cache-Control', value: 'no-cache' },
  { name: 'Referer', value: 'http://example.com/' },
  { name: 'X-Request-Id', value: '42a7' },
];

/** Groups of hop-by-hop fields: the Connection options they need, and the fields. */
interface HopGroup {
  options: string[];
  fields: HttpField[];
  /** Only in HTTP/1.1 requests (TE and Upgrade are HTTP/1.1's). */
  http11?: boolean;
}
const HOP_GROUPS: HopGroup[] = [
  { options: ['keep-alive'], fields: [{ name: 'Keep-Alive', value: 'timeout=5, max=100' }] },
  { options: ['Upgrade'], fields: [{ name: 'Upgrade', value: 'websocket' }], http11: true },
  { options: ['TE'], fields: [{ name: 'TE', value: 'trailers' }], http11: true },
  { options: ['X-Trace'], fields: [{ name: 'X-Trace', value: 'on' }] },
  { options: ['X-Debug'], fields: [{ name: 'X-Debug', value: '1' }] },
  { options: [], fields: [{ name: 'Proxy-Connection', value: 'keep-alive' }] },
  { options: ['close'], fields: [] },
];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

/** `n` distinct items of `list`, in a random order. */
function sample<T>(rng: () => number, list: readonly T[], n: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

/** A request as a browser or a script sends it to a proxy: Host, two or three end-to-end fields, one or two hop-by-hop groups. */
export function randomRequest(rng: () => number): HttpRequest {
  const host = pick(rng, HOSTS);
  const version = rng() < 0.2 ? '1.0' : '1.1';
  const endToEnd = sample(rng, END_TO_END, 2 + Math.floor(rng() * 2));
  const allowed = HOP_GROUPS.filter((g) => version === '1.1' || !g.http11);
  let groups = sample(rng, allowed, 1 + Math.floor(rng() * 2));
  // keep-alive and close do not go together; keep the first of them drawn.
  const firstPersistence = groups.find((g) => g.options[0] === 'keep-alive' || g.options[0] === 'close');
  groups = groups.filter((g) => !(g.options[0] === 'keep-alive' || g.options[0] === 'close') || g === firstPersistence);
  // Something beyond Connection itself to remove.
  if (groups.every((g) => g.fields.length === 0)) groups.push(HOP_GROUPS[3]!);
  const options = groups.flatMap((g) => g.options);
  const hop = groups.flatMap((g) => g.fields);
  const connection: HttpField[] =
    options.length === 0
      ? []
      : options.length >= 2 && rng() < 0.3
        ? // Sometimes over two Connection lines: a list field may be split (RFC 9110 §5.3).
          [
            { name: 'Connection', value: options.slice(0, 1).join(', ') },
            { name: 'Connection', value: options.slice(1).join(', ') },
          ]
        : [{ name: 'Connection', value: options.join(', ') }];
  // Host first, as clients write it; the rest in a random order.
  const rest = sample(rng, [...endToEnd, ...hop, ...connection], endToEnd.length + hop.length + connection.length);
  return {
    method: 'GET',
    target: `http://${host}${pick(rng, PATHS)}`,
    version,
    fields: [{ name: 'Host', value: host }, ...rest],
    body: '',
  };
}

export function randomExample(rng: () => number): Example {
  return { id: 'random', title: say('random'), request: randomRequest(rng) };
}
