// The User-Agent model as a plug-in kind, `"kind": "http-ua-cache"`: clients
// asking for / through a shared cache to an origin that answers by
// User-Agent. A page's settings give the clients in order, the setting of
// the origin's responses shown first and those `v` cycles through, and the
// questions asked before a request's outcome is shown. A computed short
// answer runs clients (which may come from the attempt's parameters) under a
// setting and reads a figure off the run: the responses stored at the end,
// the requests that reached the origin, the HITs, the requests served a page
// chosen for another client, or what the last one got.
import { interpolate } from '../../i18n/localize.js';
import type { Checker, FieldProblem, Json, JsonObject } from '../../schema/checker.js';
import { firstName, nameList, rawQuestionIds, readQuestions } from '../block.js';
import { defineKind, type Params } from '../kind.js';
import { figures, runRequests } from './cache.js';
import {
  CLIENT_IDS,
  type ClientId,
  isClientId,
  isResponseSetting,
  RESPONSES,
  type ResponseSetting,
} from './clients.js';
import {
  choicesFor,
  gradeQuestion,
  initialUaState,
  MAX_REQUESTS,
  questionById,
  questionText,
  UA_ASKS,
  type UaCacheAction,
  type UaCacheSettings,
  type UaCacheState,
  type UaQuestion,
  uaReducer,
} from './model.js';

/** What a computed answer reads off a run. */
export const UA_QUERIES = ['entries', 'misses', 'hits', 'wrong', 'last'] as const;
export type UaQueryField = (typeof UA_QUERIES)[number];

export interface UaQuery {
  /** Client ids, each possibly a text with `{param}` that becomes one. */
  clients: string[];
  /** A setting, or a text with `{param}` that becomes one. */
  response: string;
  query: UaQueryField;
}

/** The sequence a page starts with when it names none. */
export const DEFAULT_CLIENTS: ClientId[] = ['iphone-safari', 'windows-chrome', 'android-chrome', 'curl', 'fake-chrome'];

const hasParam = (s: string) => /\{\w+\}/.test(s);

function clientList(c: Checker, v: Json, path: string, max: number): ClientId[] | undefined {
  const list = c.array(v, path, { min: 1, what: 'client ids' });
  if (!list) return undefined;
  if (list.length > max) {
    c.problem(path, `expected at most ${max} clients, found ${list.length}`);
    return undefined;
  }
  const out = list.map((x, i) => c.oneOf(x, `${path}[${i}]`, CLIENT_IDS));
  return out.every((x) => x !== undefined) ? (out as ClientId[]) : undefined;
}

/** The block's questions: one per request and setting, each before a request of the page, under one of its settings. */
function questions(
  c: Checker,
  block: JsonObject,
  path: string,
  page: { clients?: ClientId[]; response?: ResponseSetting; responses?: ResponseSetting[] },
): UaQuestion[] | undefined {
  const taken = new Map<string, number>();
  return readQuestions(c, block, path, {
    keys: ['at', 'ask', 'response'],
    read(o, p, i) {
      const max = page.clients?.length ?? MAX_REQUESTS;
      const at = c.number(o.at, `${p}.at`, { integer: true, min: 1, max });
      const ask = c.oneOf(o.ask, `${p}.ask`, UA_ASKS);
      const response = o.response === undefined ? page.response : c.oneOf(o.response, `${p}.response`, RESPONSES);
      if (o.response !== undefined && response && page.responses && !page.responses.includes(response)) {
        c.problem(
          `${p}.response`,
          `"${response}" is not among the page's responses (${page.responses.join(', ')}): the learner could never reach it`,
        );
        return null;
      }
      if (at !== undefined && response) {
        const slot = `${at} ${response}`;
        const other = taken.get(slot);
        if (other !== undefined) {
          c.problem(
            `${p}.at`,
            `one question per request and setting: request ${at} is asked at ${path}.questions[${other}] already`,
          );
          return null;
        }
        taken.set(slot, i);
      }
      return at !== undefined && ask && response ? { at, ask, response } : undefined;
    },
  });
}

/** The clients and the setting of one attempt, or why they cannot be. */
function resolveQuery(q: UaQuery, params: Params): { clients: ClientId[]; response: ResponseSetting } | string {
  const clients: ClientId[] = [];
  for (const raw of q.clients) {
    const id = interpolate(raw, params).trim();
    if (!isClientId(id)) return `"${id}" is not a client (${CLIENT_IDS.join(', ')})`;
    clients.push(id);
  }
  const response = interpolate(q.response, params).trim();
  if (!isResponseSetting(response)) return `"${response}" is not a response setting (${RESPONSES.join(', ')})`;
  return { clients, response };
}

export function runUaQuery(q: UaQuery, params: Params): { value: string } | { error: string } {
  const resolved = resolveQuery(q, params);
  if (typeof resolved === 'string') return { error: resolved };
  const f = figures(runRequests(resolved.clients, resolved.response));
  switch (q.query) {
    case 'entries':
      return { value: String(f.entries) };
    case 'misses':
      return { value: String(f.misses) };
    case 'hits':
      return { value: String(f.hits) };
    case 'wrong':
      return { value: String(f.wrong) };
    case 'last':
      return { value: f.last ?? '' };
  }
}

export const httpUaCacheKind = defineKind<UaCacheSettings, UaCacheState, UaCacheAction, UaQuery>({
  kind: 'http-ua-cache',

  parseBlock(c, raw, path) {
    c.keys(raw, path, ['kind', 'clients', 'response', 'responses', 'questions', 'hints']);
    const clients =
      raw.clients === undefined ? [...DEFAULT_CLIENTS] : clientList(c, raw.clients, `${path}.clients`, MAX_REQUESTS);
    const responses = nameList(c, raw.responses, `${path}.responses`, RESPONSES, 'response settings');
    const response = firstName(c, raw.response, `${path}.response`, RESPONSES, responses, 'responses');
    const qs = questions(c, raw, path, {
      ...(clients ? { clients } : {}),
      ...(response ? { response } : {}),
      ...(responses ? { responses } : {}),
    });
    if (!clients || !responses || !response || !qs) return undefined;
    return { clients, response, responses, questions: qs };
  },

  // Everything is known from the block itself: parseBlock has checked it all.
  checkBlock: (): FieldProblem[] => [],

  questionIds: (settings) => settings.questions.map((q) => q.id),
  rawQuestionIds: (raw) => rawQuestionIds(raw),

  start: (settings, ctx) => initialUaState(settings, ctx.seed),
  reduce: uaReducer,
  tick: { type: 'tick' },
  tickMs: () => null,

  question(state) {
    const a = state.asking;
    const q = a && questionById(state, a.id);
    if (!a || !q) return null;
    return {
      id: q.id,
      question: questionText(q, state),
      choices: choicesFor(state, q),
      hints: q.hints,
      answered: a.answered,
    };
  },

  answer(state, choice) {
    const q = state.asking && questionById(state, state.asking.id);
    if (!q) return { state, verdict: { correct: false, expected: [], feedback: [] } };
    return { state: uaReducer(state, { type: 'answered' }), verdict: gradeQuestion(state, q, choice) };
  },

  parseQuery(c, raw, path) {
    c.keys(raw, path, ['kind', 'clients', 'response', 'query']);
    const list = c.array(raw.clients, `${path}.clients`, { min: 1, what: 'client ids' });
    let clients: string[] | undefined;
    if (list) {
      if (list.length > MAX_REQUESTS) c.problem(`${path}.clients`, `expected at most ${MAX_REQUESTS} clients`);
      const out = list.map((x, i) => {
        const p = `${path}.clients[${i}]`;
        if (typeof x === 'string' && (isClientId(x) || hasParam(x))) return x;
        c.oneOf(x, p, CLIENT_IDS);
        return undefined;
      });
      if (list.length <= MAX_REQUESTS && out.every((x) => x !== undefined)) clients = out as string[];
    }
    let response: string | undefined;
    if (typeof raw.response === 'string' && hasParam(raw.response)) response = raw.response;
    else response = c.oneOf(raw.response, `${path}.response`, RESPONSES);
    const query = c.oneOf(raw.query, `${path}.query`, UA_QUERIES);
    if (!clients || !response || !query) return undefined;
    return { clients, response, query };
  },

  runQuery: (q, params) => runUaQuery(q, params),
});
