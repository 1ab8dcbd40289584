// The questions the proxy model asks while a request waits at the first proxy,
// graded by the forwarding itself: which fields reach the server, which Via
// reaches it, and what happens to the client's next request. The wrong
// choices are what the common mistakes would forward (the study notes' "headers
// pass unchanged", "only Connection is hop-by-hop", a missing Via…), each with
// the why that corrects it.
import type { Verdict } from '../../answers/verdict.js';
import type { LocalText } from '../../i18n/localize.js';
import { phraseBook } from '../../i18n/phrases.js';
import { ownEntry, setOwnEntry } from '../../own.js';
import { CONNECTION_SPECIFIC, type LineChange, type ProxyMode, forward } from './forward.js';
import type { Journey } from './journey.js';
import { type HttpField, type HttpRequest, sameName } from './message.js';

export const PROXY_ASKS = ['reaches-server', 'via', 'outcome'] as const;
export type ProxyAsk = (typeof PROXY_ASKS)[number];

const EN = {
  askFields: (proxies: number) =>
    `${proxies === 1 ? 'The proxy forwards' : 'Two proxies forward'} this request. Which fields reach the server, in order?`,
  askVia: (proxies: number) =>
    `What does ${proxies === 1 ? 'the proxy' : 'each proxy'} add to this request about itself? Which Via field reaches the server?`,
  askOutcome:
    'The response gets back to the client, which then sends its next request on the same connection. What happens to that request?',
  nothingReaches: 'nothing: a proxy answers itself',
  noVia: 'no Via field',
  outcomeKept: 'answered on the same connection',
  outcomeClosed: 'answered, on a new connection',
  outcomeHang: 'never answered: it hangs',
  outcome400: 'refused with 400 Bad Request',
  whyUnchanged:
    'No: that is the request as the client sent it. Headers do not pass through a proxy unchanged: it removes Connection and the fields it names, and adds Via (RFC 9110 §7.6.1, §7.6.3).',
  whyOnlyConnection:
    'No: Connection goes, and so does every field it names, and the connection-specific fields (Keep-Alive, TE, Upgrade, Proxy-Connection): they describe the hop from the client, not the request (RFC 9110 §7.6.1).',
  whyNoVia: 'No: a proxy adds Via to every message it forwards (RFC 9110 §7.6.3).',
  whyKeepCustom:
    'No: Connection can name any field, an X- field of its own too; every field it names is removed, whatever its name (RFC 9110 §7.6.1).',
  whyDropHost:
    'No: Host stays: every HTTP/1.1 request carries it, and the proxy sets it from the target URL (RFC 9112 §3.2, §3.2.2).',
  whyRfcInOld:
    'No: that is what a conforming HTTP/1.1 proxy sends. This old HTTP/1.0 proxy knows nothing of Connection: it forwards every field as it came.',
  whyOldNoConnection: 'No: this HTTP/1.0 proxy does not know Connection, so it does not remove it.',
  whyOldVia: 'No: this old HTTP/1.0 proxy adds no Via: Via came with HTTP/1.1.',
  whyReaches: 'No: Max-Forwards reaches 0 at a proxy, which then answers the request itself (RFC 9110 §7.6.2).',
  whyNothing:
    'No: Max-Forwards counts only TRACE and OPTIONS, and it does not reach 0 on the way here (RFC 9110 §7.6.2).',
  whyViaVersion:
    'No: Via records the version each proxy received, not the one it sends: the first proxy got the client’s version, the next one got HTTP/1.1 from the proxy before it (RFC 9110 §7.6.3).',
  whyViaReplaced:
    'No: a proxy appends its entry to a Via that is already there, joined with ", ": it does not replace it (RFC 9110 §7.6.3).',
  whyViaOrder:
    'No: each proxy appends its entry at the end, so the entries read in the order of the hops (RFC 9110 §7.6.3).',
  whyViaNone: 'No: a proxy that follows RFC 9110 adds Via to every message it forwards (§7.6.3).',
  whyViaOld: 'No: this old HTTP/1.0 proxy adds no Via: Via came with HTTP/1.1.',
  whyOutcomeHang:
    'No: nothing hangs here. A request hangs when an old proxy forwards Connection: keep-alive, so the server keeps the connection open while the proxy waits for it to close (RFC 9112 Appendix C.2.2).',
  whyOutcomeKeptOld:
    'No: an HTTP/1.0 proxy cannot keep a connection open; without a forwarded keep-alive the server closes, and so does the proxy.',
  whyOutcomeKeptHang:
    'No: the client believes so, but the proxy is still waiting for the server to close the connection, and the server keeps it open: the request is never answered (RFC 9112 Appendix C.2.2).',
  whyOutcomeKeptRfc10:
    'No: a proxy must not keep a persistent connection with an HTTP/1.0 client (RFC 9112 §9.3): it closes after the response.',
  whyOutcomeKeptClose: 'No: the client asked for Connection: close, so the proxy closes after the response.',
  whyOutcomeClosedRfc:
    'No: HTTP/1.1 connections are persistent unless a side says close (RFC 9112 §9.3), and the proxy keeps its connection to the client open.',
  whyOutcomeClosedHang:
    'No: the client does not know the server kept the connection open for the proxy: it sends on the connection it has, and the proxy never reads it (RFC 9112 Appendix C.2.2).',
  whyOutcome400:
    'No: nothing here is malformed. Connection: keep-alive was an HTTP/1.0 extension that servers understood (RFC 9112 Appendix C.2.2).',
  explainChain: 'The second proxy finds nothing more to remove, and appends itself to Via.',
};

const ZH: Partial<typeof EN> = {
  askFields: (proxies) => `${proxies === 1 ? '代理转发' : '两个代理转发'}这个请求。哪些字段按什么顺序到达服务器？`,
  askVia: (proxies) =>
    `${proxies === 1 ? '代理' : '每个代理'}在这个请求上添加了关于自己的什么信息？到达服务器的 Via 字段是什么？`,
  askOutcome: '响应回到客户端，客户端接着在同一个连接上发出下一个请求。这个请求会怎样？',
  nothingReaches: '什么也没有：代理自己应答',
  noVia: '没有 Via 字段',
  outcomeKept: '在同一个连接上得到应答',
  outcomeClosed: '得到应答，但用的是新连接',
  outcomeHang: '永远得不到应答：它挂起了',
  outcome400: '被 400 Bad Request 拒绝',
  whyUnchanged:
    '不对：这是客户端发出时的请求。首部字段不会原样穿过代理：代理删除 Connection 和其中列出的字段，并添加 Via（RFC 9110 §7.6.1、§7.6.3）。',
  whyOnlyConnection:
    '不对：删除的不只是 Connection，还有它列出的每个字段，以及连接专用的字段（Keep-Alive、TE、Upgrade、Proxy-Connection）：它们描述的是从客户端过来的这一跳，而不是请求本身（RFC 9110 §7.6.1）。',
  whyNoVia: '不对：代理在它转发的每一个消息上都添加 Via（RFC 9110 §7.6.3）。',
  whyKeepCustom:
    '不对：Connection 可以列出任何字段，包括自定义的 X- 字段；它列出的每个字段都会被删除，不管叫什么名字（RFC 9110 §7.6.1）。',
  whyDropHost: '不对：Host 保留：每个 HTTP/1.1 请求都带 Host，代理根据目标 URL 设置它（RFC 9112 §3.2、§3.2.2）。',
  whyRfcInOld:
    '不对：这是遵循规范的 HTTP/1.1 代理发送的内容。这个旧的 HTTP/1.0 代理对 Connection 一无所知：它把每个字段按收到的样子转发。',
  whyOldNoConnection: '不对：这个 HTTP/1.0 代理不认识 Connection，所以不会删除它。',
  whyOldVia: '不对：这个旧的 HTTP/1.0 代理不添加 Via：Via 是随 HTTP/1.1 出现的。',
  whyReaches: '不对：Max-Forwards 在某个代理处减到 0，于是那个代理自己应答这个请求（RFC 9110 §7.6.2）。',
  whyNothing: '不对：Max-Forwards 只对 TRACE 和 OPTIONS 计数，而且在到这里的路上它没有减到 0（RFC 9110 §7.6.2）。',
  whyViaVersion:
    '不对：Via 记录的是每个代理收到的版本，而不是它发送的版本：第一个代理收到的是客户端的版本，下一个代理收到的是前一个代理发出的 HTTP/1.1（RFC 9110 §7.6.3）。',
  whyViaReplaced: '不对：代理把自己的条目追加到已有的 Via 后面，用 ", " 连接：它不会替换原来的值（RFC 9110 §7.6.3）。',
  whyViaOrder: '不对：每个代理都把条目追加在末尾，所以条目按各跳的顺序排列（RFC 9110 §7.6.3）。',
  whyViaNone: '不对：遵循 RFC 9110 的代理在它转发的每一个消息上都添加 Via（§7.6.3）。',
  whyViaOld: '不对：这个旧的 HTTP/1.0 代理不添加 Via：Via 是随 HTTP/1.1 出现的。',
  whyOutcomeHang:
    '不对：这里什么也不会挂起。只有当旧代理转发了 Connection: keep-alive，服务器保持连接打开而代理在等连接关闭时，请求才会挂起（RFC 9112 附录 C.2.2）。',
  whyOutcomeKeptOld: '不对：HTTP/1.0 代理不能保持连接打开；没有转发 keep-alive，服务器会关闭连接，代理也会关闭。',
  whyOutcomeKeptHang:
    '不对：客户端是这么以为的，但代理仍在等服务器关闭连接，而服务器保持着连接：这个请求永远得不到应答（RFC 9112 附录 C.2.2）。',
  whyOutcomeKeptRfc10: '不对：代理不得与 HTTP/1.0 客户端保持持久连接（RFC 9112 §9.3）：它在响应之后关闭连接。',
  whyOutcomeKeptClose: '不对：客户端要求 Connection: close，所以代理在响应之后关闭连接。',
  whyOutcomeClosedRfc:
    '不对：HTTP/1.1 的连接是持久连接，除非某一方要求关闭（RFC 9112 §9.3），代理会保持它到客户端的连接打开。',
  whyOutcomeClosedHang:
    '不对：客户端不知道服务器为代理保持着连接：它在已有的连接上发送请求，而代理根本不会读它（RFC 9112 附录 C.2.2）。',
  whyOutcome400:
    '不对：这里没有任何格式错误。Connection: keep-alive 是服务器都能理解的 HTTP/1.0 扩展（RFC 9112 附录 C.2.2）。',
  explainChain: '第二个代理没有更多要删除的，只是把自己追加到 Via 上。',
};

/** The questions' words, in every language they are written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const QUESTION_PHRASES = book;

/** A choice that is a sentence: the value graded (English) and how it is shown in each language. */
const worded = (key: 'nothingReaches' | 'noVia' | 'outcomeKept' | 'outcomeClosed' | 'outcomeHang' | 'outcome400') => {
  const label = say(key);
  return { value: typeof label === 'string' ? label : label.en, label };
};

export interface BuiltQuestion {
  ask: ProxyAsk;
  question: LocalText;
  /** What the learner picks from, in a stable order: the values graded. */
  choices: string[];
  /** How a choice that is a sentence is shown, in every language (the others are shown as they are). */
  labels: Record<string, LocalText>;
  right: string;
  /** Why each wrong choice is wrong. */
  whys: Record<string, LocalText>;
  /** Why the right answer is right: what the proxies did. */
  explain: LocalText[];
}

/** Names as the question shows them: `Host, Accept, Via`. */
const nameList = (fields: readonly HttpField[]) => fields.map((f) => f.name).join(', ');

/** A mistaken proxy: what it does with each line a conforming proxy would change. */
type Mistake = (line: LineChange) => LineChange[];
const undoRemoval =
  (which: (line: LineChange) => boolean): Mistake =>
  (l) =>
    l.mark === 'remove' && which(l) ? [{ ...l, mark: 'keep' }] : [l];

/** The fields that reach the server through a chain of proxies that each make `mistake`; null if none gets there. */
function mistakenChain(request: HttpRequest, names: readonly string[], mistake: Mistake): HttpField[] | null {
  let current = request;
  for (const proxyName of names) {
    const result = forward(current, { mode: 'rfc', proxyName });
    if (!result.forwarded) return null;
    const fields = result.fields
      .flatMap(mistake)
      .filter((l) => l.mark !== 'remove')
      .map((l) => ({ name: l.name, value: l.value }));
    current = { ...result.forwarded, fields };
  }
  return current.fields;
}

/** The right choice and up to three others, each with its why, in a stable order (never the right one always first). */
function choicesOf(right: string, candidates: Array<[HttpField[] | string | null, LocalText]>) {
  const whys: Record<string, LocalText> = {};
  const choices = [right];
  for (const [candidate, why] of candidates) {
    const choice = candidate === null || typeof candidate === 'string' ? candidate : nameList(candidate);
    if (choice === null || choices.includes(choice) || choices.length >= 4) continue;
    choices.push(choice);
    setOwnEntry(whys, choice, why);
  }
  return { choices: choices.sort((a, b) => a.localeCompare(b, 'en')), whys };
}

/** "Which fields reach the server?" */
function fieldsQuestion(request: HttpRequest, mode: ProxyMode, names: readonly string[], j: Journey): BuiltQuestion {
  const nothing = worded('nothingReaches');
  const right = j.atServer ? nameList(j.atServer.fields) : nothing.value;
  const candidates: Array<[HttpField[] | string | null, LocalText]> = [];
  const unchanged = request.fields;
  if (!j.atServer) {
    // A proxy answered itself: what the first proxy sent on, or the request as it was, reach no server.
    candidates.push([j.results[0]?.forwarded?.fields ?? null, say('whyReaches')]);
    candidates.push([unchanged, say('whyReaches')]);
  } else if (mode === 'http10') {
    candidates.push([mistakenChain(request, names, (l) => [l]), say('whyRfcInOld')]);
    candidates.push([unchanged.filter((f) => !sameName(f.name, 'Connection')), say('whyOldNoConnection')]);
    candidates.push([[...unchanged, { name: 'Via', value: '' }], say('whyOldVia')]);
  } else {
    candidates.push([unchanged, say('whyUnchanged')]);
    candidates.push([
      mistakenChain(
        request,
        names,
        undoRemoval((l) => l.reason !== 'connection'),
      ),
      say('whyOnlyConnection'),
    ]);
    candidates.push([
      mistakenChain(
        request,
        names,
        undoRemoval((l) => l.reason === 'named' && !CONNECTION_SPECIFIC.some((n) => sameName(n, l.name))),
      ),
      say('whyKeepCustom'),
    ]);
    // A proxy that forgets Via: it adds none, and leaves one that is there as it was.
    const noVia: Mistake = (l) =>
      l.reason !== 'via' ? [l] : l.mark === 'add' ? [] : [{ ...l, mark: 'keep', value: l.was! }];
    candidates.push([mistakenChain(request, names, noVia), say('whyNoVia')]);
    candidates.push([mistakenChain(request, names, (l) => (sameName(l.name, 'Host') ? [] : [l])), say('whyDropHost')]);
  }
  return {
    ask: 'reaches-server',
    question: say('askFields', names.length),
    ...choicesOf(right, candidates),
    labels: { [nothing.value]: nothing.label },
    right,
    explain: explainChain(j),
  };
}

const viaOf = (request: HttpRequest | null) =>
  request
    ? request.fields
        .filter((f) => sameName(f.name, 'Via'))
        .map((f) => f.value)
        .join(', ')
    : '';

/** "Which Via field reaches the server?" */
function viaQuestion(request: HttpRequest, mode: ProxyMode, j: Journey, names: readonly string[]): BuiltQuestion {
  const proxies = names.length;
  const none = worded('noVia');
  const line = (value: string) => (value === '' ? none.value : `Via: ${value}`);
  const right = line(viaOf(j.atServer));
  const received = viaOf(request);
  const prior = received === '' ? [] : [received];
  const versions = [request.version, ...names.slice(1).map(() => '1.1')];
  const entries = names.map((n, i) => `${versions[i]} ${n}`);
  const flip = (v: string) => (v === '1.0' ? '1.1' : '1.0');
  const candidates: Array<[string | null, LocalText]> = [];
  if (mode === 'rfc') {
    candidates.push([
      line([...prior, `${flip(versions[0]!)} ${names[0]}`, ...entries.slice(1)].join(', ')),
      say('whyViaVersion'),
    ]);
    if (prior.length > 0 || proxies > 1) candidates.push([line(entries[entries.length - 1]!), say('whyViaReplaced')]);
    if (proxies > 1) candidates.push([line([...prior, ...[...entries].reverse()].join(', ')), say('whyViaOrder')]);
    candidates.push([line(received), say('whyViaNone')]);
    candidates.push([line([...prior, ...names.map((n) => `1.1 ${n}`)].join(', ')), say('whyViaVersion')]);
  } else {
    candidates.push([line([...prior, ...entries].join(', ')), say('whyViaOld')]);
    candidates.push([line([...prior, ...names.map((n) => `1.0 ${n}`)].join(', ')), say('whyViaOld')]);
    candidates.push([line([...prior, ...names.map((n) => `1.1 ${n}`)].join(', ')), say('whyViaOld')]);
  }
  return {
    ask: 'via',
    question: say('askVia', proxies),
    ...choicesOf(right, candidates),
    labels: { [none.value]: none.label },
    right,
    explain: explainChain(j),
  };
}

/** "What happens to the client's next request?" */
function outcomeQuestion(request: HttpRequest, mode: ProxyMode, j: Journey): BuiltQuestion {
  const outcomes = (['outcomeKept', 'outcomeClosed', 'outcomeHang', 'outcome400'] as const).map(worded);
  const text = (key: 'outcomeKept' | 'outcomeClosed' | 'outcomeHang' | 'outcome400') => worded(key).value;
  const right =
    j.client === 'hung' ? text('outcomeHang') : j.client === 'kept' ? text('outcomeKept') : text('outcomeClosed');
  const whyKept =
    j.client === 'hung'
      ? say('whyOutcomeKeptHang')
      : mode === 'http10'
        ? say('whyOutcomeKeptOld')
        : request.version === '1.0'
          ? say('whyOutcomeKeptRfc10')
          : say('whyOutcomeKeptClose');
  const whyClosed = j.client === 'hung' ? say('whyOutcomeClosedHang') : say('whyOutcomeClosedRfc');
  const whys: Record<string, LocalText> = {
    [text('outcomeKept')]: whyKept,
    [text('outcomeClosed')]: whyClosed,
    [text('outcomeHang')]: say('whyOutcomeHang'),
    [text('outcome400')]: say('whyOutcome400'),
  };
  delete whys[right];
  return {
    ask: 'outcome',
    question: say('askOutcome'),
    // In the order a story goes: fine, fine but slower, stuck, refused.
    choices: outcomes.map((o) => o.value),
    labels: Object.fromEntries(outcomes.map((o) => [o.value, o.label])),
    right,
    whys,
    explain: [...j.steps.slice(j.askAt + 1).map((s) => s.sentence)].slice(-1),
  };
}

/** What the proxies did: the first hop's why, and a word on the second. */
function explainChain(j: Journey): LocalText[] {
  const first = j.results[0];
  if (!first) return [];
  const out: LocalText[] = [first.brief];
  const second = j.results[1];
  if (second) out.push(second.forwarded && second.removed.length === 0 ? say('explainChain') : second.brief);
  return out;
}

export function buildQuestion(
  ask: ProxyAsk,
  request: HttpRequest,
  mode: ProxyMode,
  names: readonly string[],
  j: Journey,
): BuiltQuestion {
  switch (ask) {
    case 'reaches-server':
      return fieldsQuestion(request, mode, names, j);
    case 'via':
      return viaQuestion(request, mode, j, names);
    case 'outcome':
      return outcomeQuestion(request, mode, j);
  }
}

/** Grades a choice: right or not, the right answer, the chosen one's why and what the proxies did. */
export function gradeQuestion(q: BuiltQuestion, choice: string): Verdict {
  const correct = choice === q.right;
  // Any string may be given: only the question's own whys and labels are looked up (core/own.ts).
  const why = correct ? undefined : ownEntry(q.whys, choice);
  return {
    correct,
    expected: [ownEntry(q.labels, q.right) ?? q.right],
    feedback: [...(why ? [why] : []), ...q.explain],
  };
}
