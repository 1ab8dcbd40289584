// Every sentence the User-Agent model writes, in a phrase book (core/i18n):
// English and Chinese. Field names and values, client ids, page names,
// HIT and MISS stay as they are on the wire in every language.
import { type LocalText, text } from '../../i18n/localize.js';
import { phraseBook } from '../../i18n/phrases.js';

const EN = {
  // What the origin's responses say, per setting: in a few words, then in full.
  'name:no-vary': 'no Vary',
  'name:vary-ua': 'Vary: User-Agent',
  'name:private': 'Cache-Control: private',
  'name:client-hints': 'Vary: Sec-CH-UA-Mobile',
  'sends:no-vary': 'The origin sends Cache-Control: max-age=300, and no Vary.',
  'sends:vary-ua': 'The origin sends Cache-Control: max-age=300 and Vary: User-Agent.',
  'sends:private': 'The origin sends Cache-Control: private, max-age=300 and Vary: User-Agent.',
  'sends:client-hints':
    'The origin reads Sec-CH-UA-Mobile and sends Vary: Sec-CH-UA-Mobile; without the hint it reads the User-Agent and sends Vary: Sec-CH-UA-Mobile, User-Agent.',
  rule: 'Its rule: a User-Agent with "bot" or "curl" in it gets 403; one with "Mobi" mobile.html; any other desktop.html.',

  // Where the run is.
  requestOf: (n: number, of: number) => `request ${n}/${of}`,
  storedCount: (n: number) => `${n} stored`,
  originCount: (n: number) => `origin asked ${n}×`,
  position: (n: number, of: number) => `${n}/${of}`,

  // The table.
  colClient: 'client',
  colCache: 'cache',
  colServed: 'gets',
  stored: 'stored',
  notStored: 'not stored',
  originWould: (page: string) => `origin: ${page}`,

  // The request on screen.
  requestTitle: (n: number, id: string) => `Request ${n}: ${id} asks for /`,
  howToStart: "→ sends the next request, v changes what the origin's responses say, c the next request's client.",

  // What happened to a request, and why.
  missEmpty: 'MISS: the cache holds nothing for / yet, so it sends the request on to the origin.',
  missPrivate:
    'MISS: the cache has stored nothing, because the responses say Cache-Control: private, which a shared cache must not store (RFC 9111 §5.2.2.7).',
  missNoMatch: (count: number, field: string) =>
    count === 1
      ? `MISS: the cache holds 1 response for /, but its Vary names ${field}, and this request's ${field} is not the one that stored it (RFC 9111 §4.1).`
      : `MISS: the cache holds ${count} responses for /, but none fits: this request's ${field} is not the one that stored any of them (RFC 9111 §4.1).`,
  missAbsent: (count: number, field: string) =>
    count === 1
      ? `MISS: the cache holds 1 response for /, but its Vary names ${field}, which this request does not send and the one that stored it did (RFC 9111 §4.1).`
      : `MISS: the cache holds ${count} responses for /, but none fits: this request sends no ${field}, and the requests that stored them did (RFC 9111 §4.1).`,
  hitNoVary: (k: number) =>
    `HIT: the cache answers with the response stored at request ${k}: it has no Vary, so it fits every request for /.`,
  hitVary: (k: number, fields: string) =>
    `HIT: the response stored at request ${k} says Vary: ${fields}, and this request has the same ${fields} as request ${k} had.`,
  hitSameUa: (id: string) => `Its User-Agent is, byte for byte, the one ${id} sent: nothing tells the two apart.`,
  originBot: (word: string) =>
    `The origin found "${word}" in the User-Agent and refused: 403 Forbidden, with Cache-Control: no-store.`,
  originMobi: 'The origin found "Mobi" in the User-Agent: mobile.html.',
  originNoMobi: 'No "Mobi" in the User-Agent: the origin sent desktop.html.',
  originHint: (value: string, page: string) => `The origin read Sec-CH-UA-Mobile: ${value}: ${page}.`,
  originFallback: 'No Sec-CH-UA-Mobile in the request, so the origin read the User-Agent.',
  storedNoVary: 'The cache stored it with no Vary: it will use it for any request for /.',
  storedKey: (fields: string) => `The cache stored it, kept apart from others by ${fields}.`,
  notStoredPrivate: 'Not stored: Cache-Control: private.',
  notStoredNoStore: 'Not stored: Cache-Control: no-store.',
  wrongPage: (page: string) => `The origin would have sent ${page}: this client got a page chosen for another.`,
  blockSkipped: 'The origin would have refused it, but its check never ran: the request never reached it.',

  // The stored responses, for the `i` screen.
  storedTitle: (n: number) => (n === 1 ? 'The cache holds 1 response for /:' : `The cache holds ${n} responses for /:`),
  storedNone: 'The cache holds nothing for /.',
  entry: (k: number, page: string) => `from request ${k}: ${page}`,
  keyAny: 'used for any request (no Vary)',
  absent: '(not sent)',
  requestsTitle: 'The requests so far:',

  // Messages after a key.
  responseNow: (name: string) => `The origin's responses now say ${name}. The cache starts empty.`,
  onlyOneResponse: 'This page shows one setting of the responses only.',
  nextClient: (n: number, id: string) => `Request ${n} will come from ${id}.`,
  addedClient: (n: number, id: string) => `Request ${n} added: it will come from ${id}.`,
  tooMany: (max: number) => `At most ${max} requests: ← goes back, r draws new clients.`,
  randomDrawn: 'New clients, drawn at random. The cache starts empty.',
  allSent: 'That was the last request: c adds one more, r draws new clients, Home starts again.',

  // The questions the model asks, before a request's outcome is shown.
  askPage: (n: number, id: string) => `Request ${n}: ${id} asks for /. What does it get?`,
  askCache: (n: number, id: string) =>
    `Request ${n}: ${id} asks for /. Does the cache answer it (HIT) or send it to the origin (MISS)?`,
  askEntries: (n: number, id: string) =>
    `Request ${n}: ${id} asks for /. How many responses will the cache hold for / after it?`,

  // Why a choice is wrong, before the rule of what happened.
  notOriginsChoice:
    'That is what the origin would choose for this request, but the request never reaches the origin: the cache answers it.',
  cannotUse: (page: string, k: number) =>
    `The cache holds ${page} from request ${k}, but it may not use it for this request, which goes to the origin.`,
  notABot: (id: string) =>
    `Nothing in this request says bot: its User-Agent is ${id}'s, byte for byte, and the origin sees only what the client sends.`,
  notHit: 'No stored response may be used for it.',
  notMiss: 'A stored response may be used for it.',
  entriesPerRequest:
    'That is one per request so far, but a HIT stores nothing, and neither does a 403 (no-store) or a private response.',
  entriesPerUa: 'That is one per User-Agent string, what Vary: User-Agent would keep.',
  entriesPerHint: 'That is what Vary: Sec-CH-UA-Mobile would keep: one per hint value, and per User-Agent without one.',
  entriesNoVary: 'That is what responses without Vary give: one stored response, used for every request for /.',
  entriesNone: 'Nothing stored is what Cache-Control: private gives (or a run of 403s).',
  entriesPerPage:
    'That is one per page, but the cache does not know which page it holds: it keeps responses apart only by the request fields their Vary names.',
  entriesOther: 'Count the MISSes whose response was stored: a HIT adds nothing.',
  entriesAfter: (n: number, count: number) =>
    count === 1
      ? `After request ${n} the cache holds 1 response for /: each MISS whose response may be stored adds one, a HIT none.`
      : `After request ${n} the cache holds ${count} responses for /: each MISS whose response may be stored adds one, a HIT none.`,
};

const ZH: Partial<typeof EN> = {
  'name:no-vary': '不带 Vary',
  'name:vary-ua': 'Vary: User-Agent',
  'name:private': 'Cache-Control: private',
  'name:client-hints': 'Vary: Sec-CH-UA-Mobile',
  'sends:no-vary': '源服务器发送 Cache-Control: max-age=300，不带 Vary。',
  'sends:vary-ua': '源服务器发送 Cache-Control: max-age=300 和 Vary: User-Agent。',
  'sends:private': '源服务器发送 Cache-Control: private, max-age=300 和 Vary: User-Agent。',
  'sends:client-hints':
    '源服务器读取 Sec-CH-UA-Mobile，并发送 Vary: Sec-CH-UA-Mobile；没有这个提示时，它读取 User-Agent，并发送 Vary: Sec-CH-UA-Mobile, User-Agent。',
  rule: '它的规则：User-Agent 中含有 "bot" 或 "curl" 的得到 403；含有 "Mobi" 的得到 mobile.html；其他的得到 desktop.html。',

  requestOf: (n: number, of: number) => `第 ${n}/${of} 个请求`,
  storedCount: (n: number) => `已缓存 ${n} 个`,
  originCount: (n: number) => `源服务器收到 ${n} 个`,
  position: (n: number, of: number) => `${n}/${of}`,

  colClient: '客户端',
  colCache: '缓存',
  colServed: '得到',
  stored: '已存储',
  notStored: '未存储',
  originWould: (page: string) => `源服务器：${page}`,

  requestTitle: (n: number, id: string) => `请求 ${n}：${id} 请求 /`,
  howToStart: '按 → 发送下一个请求，v 改变源服务器响应中的字段，c 改变下一个请求的客户端。',

  missEmpty: 'MISS：缓存中还没有 / 的任何响应，所以它把请求转发给源服务器。',
  missPrivate:
    'MISS：缓存什么也没存，因为响应带有 Cache-Control: private，共享缓存不得存储这样的响应（RFC 9111 §5.2.2.7）。',
  missNoMatch: (count: number, field: string) =>
    count === 1
      ? `MISS：缓存中有 / 的 1 个响应，但它的 Vary 列出了 ${field}，而这个请求的 ${field} 与存入它的那个请求不同（RFC 9111 §4.1）。`
      : `MISS：缓存中有 / 的 ${count} 个响应，但没有一个可用：这个请求的 ${field} 与存入它们的请求都不同（RFC 9111 §4.1）。`,
  missAbsent: (count: number, field: string) =>
    count === 1
      ? `MISS：缓存中有 / 的 1 个响应，但它的 Vary 列出了 ${field}，这个请求没有发送它，而存入该响应的请求发送了（RFC 9111 §4.1）。`
      : `MISS：缓存中有 / 的 ${count} 个响应，但没有一个可用：这个请求没有发送 ${field}，而存入它们的请求都发送了（RFC 9111 §4.1）。`,
  hitNoVary: (k: number) => `HIT：缓存用第 ${k} 个请求时存下的响应作答：它没有 Vary，所以适用于 / 的任何请求。`,
  hitVary: (k: number, fields: string) =>
    `HIT：第 ${k} 个请求时存下的响应带有 Vary: ${fields}，而这个请求的 ${fields} 与第 ${k} 个请求的相同。`,
  hitSameUa: (id: string) => `它的 User-Agent 与 ${id} 发送的逐字节相同：没有任何东西能把两者区分开。`,
  originBot: (word: string) =>
    `源服务器在 User-Agent 中发现了 "${word}"，于是拒绝：403 Forbidden，并带有 Cache-Control: no-store。`,
  originMobi: '源服务器在 User-Agent 中发现了 "Mobi"：mobile.html。',
  originNoMobi: 'User-Agent 中没有 "Mobi"：源服务器发送 desktop.html。',
  originHint: (value: string, page: string) => `源服务器读取 Sec-CH-UA-Mobile: ${value}：${page}。`,
  originFallback: '请求中没有 Sec-CH-UA-Mobile，所以源服务器读取 User-Agent。',
  storedNoVary: '缓存存下了它，没有 Vary：它会把它用于 / 的任何请求。',
  storedKey: (fields: string) => `缓存存下了它，用 ${fields} 与其他响应区分开。`,
  notStoredPrivate: '未存储：Cache-Control: private。',
  notStoredNoStore: '未存储：Cache-Control: no-store。',
  wrongPage: (page: string) => `源服务器本会发送 ${page}：这个客户端得到的是为别的客户端选的页面。`,
  blockSkipped: '源服务器本会拒绝它，但它的检查根本没有执行：请求没有到达源服务器。',

  storedTitle: (n: number) => `缓存中有 / 的 ${n} 个响应：`,
  storedNone: '缓存中没有 / 的任何响应。',
  entry: (k: number, page: string) => `来自第 ${k} 个请求：${page}`,
  keyAny: '用于任何请求（没有 Vary）',
  absent: '（未发送）',
  requestsTitle: '到目前为止的请求：',

  responseNow: (name: string) => `源服务器的响应现在带有 ${name}。缓存清空，从头开始。`,
  onlyOneResponse: '本页只展示一种响应设置。',
  nextClient: (n: number, id: string) => `第 ${n} 个请求将来自 ${id}。`,
  addedClient: (n: number, id: string) => `已添加第 ${n} 个请求：它将来自 ${id}。`,
  tooMany: (max: number) => `最多 ${max} 个请求：← 后退，r 随机抽取新的客户端。`,
  randomDrawn: '随机抽取了新的客户端。缓存清空，从头开始。',
  allSent: '这是最后一个请求：c 再添加一个，r 随机抽取新的客户端，Home 从头开始。',

  askPage: (n: number, id: string) => `请求 ${n}：${id} 请求 /。它会得到什么？`,
  askCache: (n: number, id: string) => `请求 ${n}：${id} 请求 /。是缓存直接应答（HIT），还是转发给源服务器（MISS）？`,
  askEntries: (n: number, id: string) => `请求 ${n}：${id} 请求 /。在它之后，缓存中会有 / 的几个响应？`,

  notOriginsChoice: '这是源服务器会为这个请求选择的响应，但请求根本到不了源服务器：缓存直接应答了。',
  cannotUse: (page: string, k: number) =>
    `缓存中有第 ${k} 个请求存下的 ${page}，但不能把它用于这个请求，这个请求要转发给源服务器。`,
  notABot: (id: string) =>
    `这个请求中没有任何东西表明它是 bot：它的 User-Agent 与 ${id} 的逐字节相同，而源服务器只能看到客户端发送的内容。`,
  notHit: '没有一个已存储的响应可以用于它。',
  notMiss: '有一个已存储的响应可以用于它。',
  entriesPerRequest: '这是每个请求一个，但 HIT 不存储任何东西，403（no-store）和 private 响应也不会被存储。',
  entriesPerUa: '这是每个 User-Agent 字符串一个，即 Vary: User-Agent 会保留的数量。',
  entriesPerHint: '这是 Vary: Sec-CH-UA-Mobile 会保留的数量：每个提示值一个，没有提示的则每个 User-Agent 一个。',
  entriesNoVary: '这是不带 Vary 的响应的结果：只存一个响应，用于 / 的所有请求。',
  entriesNone: '什么都不存，是 Cache-Control: private 的结果（或者一连串 403）。',
  entriesPerPage: '这是每个页面一个，但缓存并不知道自己存的是哪个页面：它只按 Vary 列出的请求字段区分响应。',
  entriesOther: '数一数响应被存储的 MISS：HIT 不增加任何东西。',
  entriesAfter: (n: number, count: number) =>
    `第 ${n} 个请求之后，缓存中有 / 的 ${count} 个响应：每个响应可被存储的 MISS 增加一个，HIT 不增加。`,
};

const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
/** The User-Agent model's phrases, in every language they are written in. */
export const UA_CACHE_PHRASES = book;
export { say as uaText };

/** The languages this book is written in. */
const LOCALES = ['en', 'zh-CN'] as const;

/** A phrase whose argument is itself a text in several languages: each language's sentence from its own part. */
export function uaTextWith(key: 'responseNow', inner: LocalText): LocalText {
  const out: Record<string, string> = {};
  for (const locale of LOCALES) {
    const table = (locale === 'en' ? EN : ZH) as Partial<typeof EN>;
    out[locale] = (table[key] ?? EN[key])(text(inner, locale));
  }
  return out as LocalText;
}
