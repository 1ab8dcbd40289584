// What the HTTP versions model says in words, in English and Chinese: the
// modes' names and titles, the settings, the legend, the questions it asks
// and why an answer is right or wrong. Choices are graded as they are in
// English (`HTTP/1.1 pipelining`, `700 ms`); a mode is shown by its name in the
// reader's language (modeName: HTTP/1.1 管线化).
import { type LocalText, text } from '../../i18n/localize.js';
import { phraseBook } from '../../i18n/phrases.js';
import type { VersionMode } from './timeline.js';

/** A mode as a choice and in titles: the same in every language. */
export function modeLabel(mode: VersionMode, connections: number): string {
  switch (mode) {
    case '1.0':
      return 'HTTP/1.0';
    case '1.1':
      return 'HTTP/1.1';
    case '1.1-pipelined':
      return 'HTTP/1.1 pipelining';
    case '1.1-parallel':
      return `HTTP/1.1 ×${connections}`;
    case '2':
      return 'HTTP/2';
  }
}

/** A mode's name in every language: only pipelining is a word to translate (管线化). */
export function modeName(mode: VersionMode, connections: number): LocalText {
  return mode === '1.1-pipelined'
    ? { en: modeLabel(mode, connections), 'zh-CN': 'HTTP/1.1 管线化' }
    : modeLabel(mode, connections);
}

const HOW_EN: Record<VersionMode, (k: number) => string> = {
  '1.0': () => 'a new connection for each request',
  '1.1': () => 'one persistent connection, one request at a time',
  '1.1-pipelined': () => 'one connection, all requests at once, answered in order',
  '1.1-parallel': (k) => `up to ${k} persistent connections`,
  '2': () => 'one connection, each request a stream',
};

const HOW_ZH: Record<VersionMode, (k: number) => string> = {
  '1.0': () => '每个请求一个新连接',
  '1.1': () => '一个持久连接，一次一个请求',
  '1.1-pipelined': () => '一个连接，请求一次全部发出，按顺序响应',
  '1.1-parallel': (k) => `最多 ${k} 个持久连接`,
  '2': () => '一个连接，每个请求一个流',
};

const EN = {
  title: (mode: VersionMode, k: number, total: number) => `${modeLabel(mode, k)} — ${HOW_EN[mode](k)}: ${total} ms`,
  requests: (n: number) => `${n} request${n === 1 ? '' : 's'}`,
  rtt: (ms: number) => `RTT ${ms} ms`,
  server: (ms: number) => `server ${ms} ms each`,
  slow: (i: number, ms: number) => `request ${i} takes ${ms} ms`,
  connections: (k: number) => `up to ${k} parallel connections`,
  legendWait: 'waiting',
  legendHandshake: 'TCP handshake (1 RTT)',
  legendFlight: 'request or response on its way (half an RTT)',
  legendServerWait: 'at the server, behind an earlier response',
  legendServer: 'server working',
  hidden: 'The picture comes back once you answer.',
  nextAny: 'A question comes when you change something: +/-, s, [ ], t or k.',
  nextRequests: 'A question comes when you change the number of requests: + or -.',
  nextSlow: 'A question comes when you change the slow request: s, or [ and ].',
  nextRtt: 'A question comes when you change the RTT: t or T.',
  nextConnections: 'A question comes when you change the number of connections: k or K.',
  fewest: '1 request is the fewest.',
  most: (n: number) => `${n} requests is the most here.`,
  pickSlow: 'Pick a slow request with s first.',
  slowest: (ms: number) => `${ms} ms is the slowest here.`,
  fastest: 'A server time of 0 ms is the fastest.',
  rttLowest: (ms: number) => `${ms} ms is the shortest RTT here.`,
  rttHighest: (ms: number) => `${ms} ms is the longest RTT here.`,
  kLowest: '1 connection is the fewest.',
  kHighest: (k: number) => `${k} connections is the most here (browsers open 6 per origin).`,
  reset: "Back to the page's settings.",
  nothingToReset: "These are the page's settings already.",
  allModes: 'All five ways are shown.',
  pageModes: "The page's ways are shown.",
  askFirst: (n: number) => `Which finishes all ${n} requests first now?`,
  askDone: (i: number, label: string) =>
    `When has the response to request ${i} fully arrived over ${label}? (ms after the first SYN)`,
  askTotal: (n: number, label: string) => `How long does ${label} take for all ${n} requests? (ms after the first SYN)`,
  totalOf: (label: string, total: number) => `${label}: ${total} ms`,
  tie: (labels: string) => `A tie: ${labels} finish together.`,
  why10: (i: number, rtt: number, sum: number, done: number) =>
    `A new connection per request, one after another: ${i} × (handshake ${rtt} + round trip ${rtt}) + server ${sum} = ${done} ms.`,
  why11: (i: number, rtt: number, sum: number, done: number) =>
    `One handshake (${rtt} ms), then one request at a time, each a round trip plus its server time: ${rtt} + ${i} × ${rtt} + ${sum} = ${done} ms.`,
  whyPipelined: (i: number, rtt: number, half: number, sum: number, done: number) =>
    `All requests leave after the handshake (${rtt} ms) and arrive ${half} ms later; answers go in order, after the server times of requests 1 to ${i} (${sum} ms): ${rtt} + ${half} + ${sum} + ${half} = ${done} ms.`,
  whyParallelNew: (i: number, c: number, rtt: number, s: number, done: number) =>
    `Request ${i} opens connection ${c}: handshake ${rtt} + round trip ${rtt} + server ${s} = ${done} ms.`,
  whyParallelReuse: (i: number, c: number, free: number, rtt: number, s: number, done: number) =>
    `Request ${i} waits for connection ${c}, the first free, at ${free} ms: ${free} + round trip ${rtt} + server ${s} = ${done} ms.`,
  why2: (rtt: number, s: number, done: number) =>
    `HTTP/2 sends every request after the handshake, each on its own stream, and each answer goes when it is ready: ${rtt} + ${rtt} + ${s} = ${done} ms.`,
  firstWhy2:
    'HTTP/2 sends every request at once and the server answers each stream when it is ready: after two round trips, only the slowest response is waited for.',
  firstWhyParallel: (k: number) =>
    `${k} connections fetch ${k} requests at a time; the others follow as connections come free.`,
  firstWhyPipelined:
    'Pipelining sends every request at once, with no round trip between them; the responses still come one after another, in order.',
  firstWhy11: 'One persistent connection: one handshake in all, instead of one per request.',
  lastIs: (i: number) => `The last response to arrive is request ${i}'s.`,
  chosenOther: (value: number, label: string) => `${value} ms is when it arrives over ${label}.`,
  chosenShort: (value: number, rtt: number) => `${value} ms is one round trip (${rtt} ms) short.`,
  chosenLong: (value: number, rtt: number) => `${value} ms is one round trip (${rtt} ms) too many.`,
  chosenOff: (value: number) => `${value} ms does not add up: count the round trips and the server times.`,
  more: (arrows: string) => `${arrows} more: ↑/↓ scroll the picture`,
  framesTitle: 'HTTP/2: the same requests as frames on one TCP connection, in the order they leave',
  framesNote: (half: number) =>
    `After the handshake the client sends the connection preface and SETTINGS, then a HEADERS frame per request; each frame arrives ${half} ms (half a round trip) after it leaves. Stream 0 is the connection's own.`,
  framesFrom: 'dir',
  framesFrame: 'frame',
  screenMode: (title: string, connections: number) =>
    `${title}, over ${connections} connection${connections === 1 ? '' : 's'}.`,
  screenRequest: (i: number, c: number, sent: number, done: number) =>
    `Request ${i}, connection ${c}: sent at ${sent} ms, response arrived at ${done} ms.`,
};

const ZH: Partial<typeof EN> = {
  title: (mode, k, total) => `${text(modeName(mode, k), 'zh-CN')} — ${HOW_ZH[mode](k)}：${total} ms`,
  requests: (n) => `${n} 个请求`,
  rtt: (ms) => `RTT ${ms} ms`,
  server: (ms) => `服务器每个 ${ms} ms`,
  slow: (i, ms) => `请求 ${i} 要 ${ms} ms`,
  connections: (k) => `最多 ${k} 个并行连接`,
  legendWait: '等待',
  legendHandshake: 'TCP 握手（1 个 RTT）',
  legendFlight: '请求或响应在路上（半个 RTT）',
  legendServerWait: '在服务器上，排在前一个响应之后',
  legendServer: '服务器处理',
  hidden: '回答之后，图才会重新出现。',
  nextAny: '改变任何设置时会出现一个问题：+/-、s、[ ]、t 或 k。',
  nextRequests: '改变请求数量时会出现一个问题：+ 或 -。',
  nextSlow: '改变慢请求时会出现一个问题：s，或 [ 和 ]。',
  nextRtt: '改变 RTT 时会出现一个问题：t 或 T。',
  nextConnections: '改变连接数时会出现一个问题：k 或 K。',
  fewest: '最少 1 个请求。',
  most: (n) => `这里最多 ${n} 个请求。`,
  pickSlow: '先用 s 选一个慢请求。',
  slowest: (ms) => `这里最慢 ${ms} ms。`,
  fastest: '服务器时间最少 0 ms。',
  rttLowest: (ms) => `这里最短的 RTT 是 ${ms} ms。`,
  rttHighest: (ms) => `这里最长的 RTT 是 ${ms} ms。`,
  kLowest: '最少 1 个连接。',
  kHighest: (k) => `这里最多 ${k} 个连接（浏览器对每个源开 6 个）。`,
  reset: '回到本页的设置。',
  nothingToReset: '现在已经是本页的设置。',
  allModes: '显示全部五种方式。',
  pageModes: '显示本页的几种方式。',
  askFirst: (n) => `现在，哪一种最先完成全部 ${n} 个请求？`,
  askDone: (i, label) => `通过 ${label}，请求 ${i} 的响应在什么时候完整到达？（从第一个 SYN 起的 ms）`,
  askTotal: (n, label) => `${label} 完成全部 ${n} 个请求要多久？（从第一个 SYN 起的 ms）`,
  totalOf: (label, total) => `${label}：${total} ms`,
  tie: (labels) => `平局：${labels} 同时完成。`,
  why10: (i, rtt, sum, done) =>
    `每个请求一个新连接，一个接一个：${i} × (握手 ${rtt} + 往返 ${rtt}) + 服务器 ${sum} = ${done} ms。`,
  why11: (i, rtt, sum, done) =>
    `握手一次（${rtt} ms），然后一次一个请求，每个一次往返加上它的服务器时间：${rtt} + ${i} × ${rtt} + ${sum} = ${done} ms。`,
  whyPipelined: (i, rtt, half, sum, done) =>
    `握手（${rtt} ms）之后所有请求一起发出，${half} ms 后到达；响应按顺序发出，要等请求 1 到 ${i} 的服务器时间（${sum} ms）：${rtt} + ${half} + ${sum} + ${half} = ${done} ms。`,
  whyParallelNew: (i, c, rtt, s, done) =>
    `请求 ${i} 打开连接 ${c}：握手 ${rtt} + 往返 ${rtt} + 服务器 ${s} = ${done} ms。`,
  whyParallelReuse: (i, c, free, rtt, s, done) =>
    `请求 ${i} 等最先空闲的连接 ${c}（${free} ms 空闲）：${free} + 往返 ${rtt} + 服务器 ${s} = ${done} ms。`,
  why2: (rtt, s, done) =>
    `HTTP/2 在握手之后发出所有请求，每个请求一个流，哪个响应准备好就先发哪个：${rtt} + ${rtt} + ${s} = ${done} ms。`,
  firstWhy2: 'HTTP/2 一次发出所有请求，服务器哪个流准备好就先响应哪个：两个往返之后，只需等最慢的那个响应。',
  firstWhyParallel: (k) => `${k} 个连接同时取 ${k} 个请求；其余的请求等连接空出来再发。`,
  firstWhyPipelined: '管线化一次发出所有请求，请求之间不再等一个往返；但响应仍然按顺序一个接一个地到达。',
  firstWhy11: '一个持久连接：总共只握手一次，而不是每个请求一次。',
  lastIs: (i) => `最后到达的是请求 ${i} 的响应。`,
  chosenOther: (value, label) => `${value} ms 是通过 ${label} 到达的时间。`,
  chosenShort: (value, rtt) => `${value} ms 少算了一次往返（${rtt} ms）。`,
  chosenLong: (value, rtt) => `${value} ms 多算了一次往返（${rtt} ms）。`,
  chosenOff: (value) => `${value} ms 对不上：数一数往返次数和服务器时间。`,
  more: (arrows) => `${arrows} 还有更多：↑/↓ 滚动图`,
  framesTitle: 'HTTP/2：同样的请求，作为帧在一个 TCP 连接上，按发出的顺序',
  framesNote: (half) =>
    `握手之后，客户端先发连接前言和 SETTINGS，再为每个请求发一个 HEADERS 帧；每个帧在发出 ${half} ms（半个往返）后到达。流 0 属于连接本身。`,
  framesFrom: '方向',
  framesFrame: '帧',
  screenMode: (title, connections) => `${title}，使用 ${connections} 个连接。`,
  screenRequest: (i, c, sent, done) => `请求 ${i}，连接 ${c}：${sent} ms 发出，${done} ms 响应到达。`,
};

const { book, say, sayWith } = phraseBook(EN, { 'zh-CN': ZH });
export const VERSIONS_PHRASES = book;
export { say as versionsText, sayWith as versionsTextWith };
