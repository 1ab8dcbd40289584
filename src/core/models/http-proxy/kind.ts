// The proxy model as a plug-in kind: a request walked from the client through
// one or two proxies to the server (rfc, or an old HTTP/1.0 proxy), the header
// block at each hop with what changed marked; questions asked while the
// request waits at the first proxy, graded by the forwarding itself; and
// computed short answers read off a walk (the Via or the Max-Forwards that
// reaches the server…).
import { interpolate } from '../../i18n/localize.js';
import { ownEntry } from '../../own.js';
import type { FieldProblem } from '../../schema/checker.js';
import { rawQuestionIds, readQuestions } from '../block.js';
import { defineKind } from '../kind.js';
import { EXAMPLE_IDS, type ExampleId, example } from './examples.js';
import { PROXY_MODES, PROXY_NAME, type ProxyMode, listNames, targetProblem } from './forward.js';
import { type Journey, journey } from './journey.js';
import { type HttpRequest, parseRequest, requestLine, sameName } from './message.js';
import {
  type ProxyAction,
  type ProxySettings,
  type ProxyState,
  type QuestionSpec,
  initialProxyState,
  proxyReducer,
} from './model.js';
import { PROXY_ASKS, gradeQuestion } from './questions.js';

/** What a computed answer reads off a walk through the chain. */
export const PROXY_QUERY_ASKS = ['via', 'max-forwards', 'fields', 'removed', 'request-line', 'outcome'] as const;
export type ProxyQueryAsk = (typeof PROXY_QUERY_ASKS)[number];

export interface ProxyQuery {
  /** A built-in example's id, or a request written out (lines joined by \n), `{param}` replaced. */
  request: string;
  /** The proxies' names, in order from the client; `{param}` replaced. */
  proxies: string[];
  mode: ProxyMode;
  ask: ProxyQueryAsk;
}

/** The request a query names: an example's, or the one written out, read as `nettutor http forward` reads it. */
function queryRequest(text: string): { request: HttpRequest } | { error: string } {
  if ((EXAMPLE_IDS as readonly string[]).includes(text)) {
    return { request: example(text as ExampleId).request };
  }
  const parsed = parseRequest(text);
  if (!parsed.ok)
    return { error: `the request${parsed.line === undefined ? '' : `, line ${parsed.line}`}: ${parsed.message}` };
  const problem = targetProblem(parsed.request);
  return problem ? { error: `the request: ${problem}` } : { request: parsed.request };
}

/** The value a query reads off a walk. */
function readWalk(walk: Journey, ask: ProxyQueryAsk): { value: string } | { error: string } {
  const at = walk.atServer;
  if (ask === 'outcome') return { value: walk.outcome };
  if (ask === 'removed') return { value: walk.results.flatMap((r) => r.removed).join(', ') };
  if (!at) return { error: 'the request does not reach the server: a proxy answers it itself (Max-Forwards 0)' };
  if (ask === 'fields') return { value: at.fields.map((f) => f.name).join(', ') };
  if (ask === 'request-line') return { value: requestLine(at) };
  const name = ask === 'via' ? 'Via' : 'Max-Forwards';
  const values = at.fields.filter((f) => sameName(f.name, name)).map((f) => f.value);
  if (values.length === 0) return { error: `no ${name} field reaches the server` };
  return { value: values.join(', ') };
}

export const httpProxyKind = defineKind<ProxySettings, ProxyState, ProxyAction, ProxyQuery>({
  kind: 'http-proxy',

  parseBlock(c, raw, path) {
    c.keys(raw, path, ['kind', 'examples', 'random', 'mode', 'proxies', 'questions', 'hints']);
    let examples: ExampleId[] | undefined = [];
    if (raw.examples !== undefined) {
      const list = c.array(raw.examples, `${path}.examples`, { min: 1, what: 'example ids' });
      examples = list?.map((e, i) => c.oneOf(e, `${path}.examples[${i}]`, EXAMPLE_IDS)).filter((e) => e !== undefined);
      if (list && examples && examples.length !== list.length) examples = undefined;
    }
    const random = raw.random === undefined ? false : c.boolean(raw.random, `${path}.random`);
    const mode = raw.mode === undefined ? 'rfc' : c.oneOf(raw.mode, `${path}.mode`, PROXY_MODES);
    const proxies =
      raw.proxies === undefined ? 1 : c.number(raw.proxies, `${path}.proxies`, { integer: true, min: 1, max: 2 });
    const qs: QuestionSpec[] | undefined = readQuestions(c, raw, path, {
      keys: ['ask'],
      read(o, p) {
        const ask = c.oneOf(o.ask, `${p}.ask`, PROXY_ASKS);
        return ask ? { ask } : undefined;
      },
    });
    if (examples === undefined || random === undefined || !mode || proxies === undefined || !qs) return undefined;
    if (examples.length === 0 && !random) examples = [...EXAMPLE_IDS];
    return { examples, random, mode, proxies: proxies as 1 | 2, questions: qs };
  },

  checkBlock(settings): FieldProblem[] {
    return settings.random || settings.examples.length > 0
      ? []
      : [{ field: 'examples', message: 'the model needs a request: list examples, or set "random": true' }];
  },

  questionIds: (settings) => settings.questions.map((q) => q.id),
  rawQuestionIds: (raw) => rawQuestionIds(raw),

  start: (settings, ctx) => initialProxyState(settings, ctx.seed),
  reduce: proxyReducer,
  tick: { type: 'tick' },
  tickMs: () => null,

  question(state) {
    const p = state.pending;
    if (!p) return null;
    return {
      id: p.spec.id,
      question: p.built.question,
      choices: p.built.choices,
      labels: p.built.choices.map((choice) => ownEntry(p.built.labels, choice)),
      hints: p.spec.hints,
      answered: p.answered,
    };
  },

  answer(state, choice) {
    const p = state.pending;
    if (!p) return { state, verdict: { correct: false, expected: [], feedback: [] } };
    const verdict = gradeQuestion(p.built, choice);
    return { state: proxyReducer(state, { type: 'answered', correct: verdict.correct }), verdict };
  },

  parseQuery(c, raw, path) {
    c.keys(raw, path, ['kind', 'request', 'proxies', 'mode', 'ask']);
    const request = c.string(raw.request, `${path}.request`, {
      what: `a built-in example (${listNames(EXAMPLE_IDS)}) or a request written out`,
    });
    let proxies: string[] | undefined = ['proxy'];
    if (raw.proxies !== undefined) {
      const list = c.array(raw.proxies, `${path}.proxies`, { min: 1, what: 'proxy names' });
      proxies = list?.map((p, i) => c.string(p, `${path}.proxies[${i}]`)).filter((p) => p !== undefined);
      if (list && proxies && proxies.length !== list.length) proxies = undefined;
      if (proxies && proxies.length > 2) {
        c.problem(`${path}.proxies`, `expected one or two proxies, found ${proxies.length}`);
        proxies = undefined;
      }
    }
    const mode = raw.mode === undefined ? 'rfc' : c.oneOf(raw.mode, `${path}.mode`, PROXY_MODES);
    const ask = c.oneOf(raw.ask, `${path}.ask`, PROXY_QUERY_ASKS);
    return request && proxies && mode && ask ? { request, proxies, mode, ask } : undefined;
  },

  runQuery(q, params) {
    const read = queryRequest(interpolate(q.request, params));
    if ('error' in read) return read;
    const names = q.proxies.map((p) => interpolate(p, params));
    const bad = names.find((n) => !PROXY_NAME.test(n));
    if (bad !== undefined) return { error: `${JSON.stringify(bad)} is not a name Via can carry` };
    return readWalk(journey(read.request, q.mode, names), q.ask);
  },
});
