// The HTTP versions model as a plug-in kind: a page's block gives the
// starting settings, the modes shown, the view and the questions; the state
// is the learner's (state.ts); its questions are graded by the model
// (questions.ts); its queries compute a mode's total, a request's sent or
// done time, or a mode's connections for short answers.
import { interpolate } from '../../i18n/localize.js';
import { ownEntry } from '../../own.js';
import type { Checker, FieldProblem, Json, JsonObject } from '../../schema/checker.js';
import { nameList, rawQuestionIds, readQuestions } from '../block.js';
import { defineKind, type Params } from '../kind.js';
import { askQuestion, gradeAsked } from './questions.js';
import { type VersionsAction, type VersionsState, initialVersionsState, shownModes, versionsReducer } from './state.js';
import { MODES, type VersionMode, type VersionSettings, runVersions } from './timeline.js';
import {
  ASKS,
  TRIGGERS,
  UI_LIMITS,
  VIEWS,
  type Value,
  type VersionsPage,
  type VersionsQuery,
  type VersionsQueryWhat,
  type VersionsQuestion,
} from './types.js';

const BLOCK_KEYS = [
  'kind',
  'requests',
  'rtt',
  'server',
  'slow',
  'connections',
  'modes',
  'view',
  'questions',
  'hints',
] as const;
const QUERY_KEYS = ['kind', 'requests', 'rtt', 'server', 'slow', 'connections', 'query'] as const;

/** The ranges a computed answer's settings must fall in, once its parameters are filled in. */
const QUERY_LIMITS = { requests: [1, 50], rtt: [2, 10_000], server: [0, 60_000], connections: [1, 100] } as const;

function evenRtt(c: Checker, v: Json, path: string): number | undefined {
  const rtt = c.number(v, path, { integer: true, min: UI_LIMITS.rtt[0], max: UI_LIMITS.rtt[1] });
  if (rtt !== undefined && rtt % 2 !== 0) {
    c.problem(path, `expected an even number of ms (half of it is one way), found ${rtt}`);
    return undefined;
  }
  return rtt;
}

/** The block's questions: what each asks, about which mode and request, and what brings it. */
function questions(c: Checker, block: JsonObject, path: string): VersionsQuestion[] | undefined {
  return readQuestions(c, block, path, {
    keys: ['ask', 'mode', 'request', 'after'],
    read(o, p, i) {
      const ask = c.oneOf(o.ask, `${p}.ask`, ASKS);
      const after = o.after === undefined ? (i === 0 ? 'start' : 'any') : c.oneOf(o.after, `${p}.after`, TRIGGERS);
      if (after === 'start' && i > 0) {
        c.problem(`${p}.after`, '"start" is for the first question only: a later one comes when a setting changes');
      }
      let mode: VersionMode | undefined;
      if (ask === 'first-done') {
        if (o.mode !== undefined) c.problem(`${p}.mode`, 'a "first-done" question compares the modes shown: no mode');
        if (o.request !== undefined) c.problem(`${p}.request`, 'only a "done" question names a request');
      } else if (ask) {
        mode = c.oneOf(o.mode, `${p}.mode`, MODES);
        if (ask === 'total' && o.request !== undefined)
          c.problem(`${p}.request`, 'only a "done" question names a request');
      }
      let request: number | 'last' | undefined;
      if (ask === 'done') {
        if (o.request === 'last') request = 'last';
        else request = c.number(o.request, `${p}.request`, { integer: true, min: 1, max: UI_LIMITS.requests[1] });
      }
      if (!ask || !after || (ask !== 'first-done' && !mode) || (ask === 'done' && request === undefined))
        return undefined;
      return { ask, after, ...(mode ? { mode } : {}), ...(request !== undefined ? { request } : {}) };
    },
  });
}

/** A value of a computed answer's settings: a whole number, or a text with `{param}` in it. */
function value(c: Checker, v: Json, path: string): Value | undefined {
  if (typeof v === 'number') return c.number(v, path, { integer: true, min: 0 });
  if (typeof v === 'string' && /\{\w+\}/.test(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  c.problem(path, `expected a whole number or a text with a {parameter}, found ${JSON.stringify(v) ?? 'nothing'}`);
  return undefined;
}

function queryWhat(c: Checker, v: Json, path: string): VersionsQueryWhat | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const keys = Object.keys(o);
  if (keys.length !== 1 || !['total', 'done', 'sent', 'connections'].includes(keys[0]!)) {
    c.problem(
      path,
      'expected one of {"total": mode}, {"done": {"mode", "request"}}, {"sent": {…}} or {"connections": mode}',
    );
    return undefined;
  }
  if ('total' in o) {
    const mode = c.oneOf(o.total, `${path}.total`, MODES);
    return mode ? { total: mode } : undefined;
  }
  if ('connections' in o) {
    const mode = c.oneOf(o.connections, `${path}.connections`, MODES);
    return mode ? { connections: mode } : undefined;
  }
  const which = 'done' in o ? 'done' : 'sent';
  const r = c.object(o[which], `${path}.${which}`);
  if (!r) return undefined;
  c.keys(r, `${path}.${which}`, ['mode', 'request']);
  const mode = c.oneOf(r.mode, `${path}.${which}.mode`, MODES);
  const request = value(c, r.request, `${path}.${which}.request`);
  if (!mode || request === undefined) return undefined;
  return which === 'done' ? { done: { mode, request } } : { sent: { mode, request } };
}

/** A computed answer's value, its parameters filled in: a whole number in range, or why not. */
function resolve(v: Value, params: Params, name: string, [lo, hi]: readonly [number, number]): number {
  const raw = typeof v === 'number' ? String(v) : interpolate(v, params);
  if (!/^\s*\d+\s*$/.test(raw)) throw new Error(`${name} is "${raw}", not a whole number`);
  const n = Number(raw);
  if (n < lo || n > hi) throw new Error(`${name} is ${n}, out of range: ${lo} to ${hi}`);
  return n;
}

export function runVersionsQuery(q: VersionsQuery, params: Params): { value: string } | { error: string } {
  try {
    const requests = resolve(q.requests, params, 'requests', QUERY_LIMITS.requests);
    const rtt = resolve(q.rtt, params, 'rtt', QUERY_LIMITS.rtt);
    if (rtt % 2 !== 0) throw new Error(`rtt is ${rtt}: it must be even`);
    const server = resolve(q.server, params, 'server', QUERY_LIMITS.server);
    const connections = resolve(q.connections, params, 'connections', QUERY_LIMITS.connections);
    const slow: Record<number, number> = {};
    if (q.slow) {
      const i = resolve(q.slow.request, params, 'slow.request', [1, requests]);
      slow[i] = resolve(q.slow.server, params, 'slow.server', QUERY_LIMITS.server);
    }
    const settings: VersionSettings = { requests, rtt, server, slow, connections };
    const result = runVersions(settings);
    const w = q.query;
    if ('total' in w) return { value: String(result.modes[w.total].total) };
    if ('connections' in w) return { value: String(result.modes[w.connections].connections) };
    const { mode, request } = 'done' in w ? w.done : w.sent;
    const i = resolve(request, params, 'request', [1, requests]);
    const r = result.modes[mode].requests[i - 1]!;
    return { value: String('done' in w ? r.done : r.sent) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function parseBlock(c: Checker, raw: JsonObject, path: string): VersionsPage | undefined {
  c.keys(raw, path, BLOCK_KEYS);
  const num = (key: 'requests' | 'server' | 'connections', fallback: number) =>
    raw[key] === undefined
      ? fallback
      : c.number(raw[key], `${path}.${key}`, { integer: true, min: UI_LIMITS[key][0], max: UI_LIMITS[key][1] });
  const requests = num('requests', 6);
  const rtt = raw.rtt === undefined ? 100 : evenRtt(c, raw.rtt, `${path}.rtt`);
  const server = num('server', 50);
  const connections = num('connections', 6);
  let slow: VersionsPage['slow'] | undefined = null;
  if (raw.slow !== undefined) {
    const o = c.object(raw.slow, `${path}.slow`, 'an object {"request", "server"}');
    if (o) {
      c.keys(o, `${path}.slow`, ['request', 'server']);
      const request = c.number(o.request, `${path}.slow.request`, { integer: true, min: 1, max: requests ?? 1 });
      const ms = c.number(o.server, `${path}.slow.server`, {
        integer: true,
        min: UI_LIMITS.slow[0],
        max: UI_LIMITS.slow[1],
      });
      slow = request !== undefined && ms !== undefined ? { request, server: ms } : undefined;
    } else slow = undefined;
  }
  const modes = nameList(c, raw.modes, `${path}.modes`, MODES, 'modes');
  const view = raw.view === undefined ? 'waterfall' : c.oneOf(raw.view, `${path}.view`, VIEWS);
  const qs = questions(c, raw, path);
  if (
    requests === undefined ||
    rtt === undefined ||
    server === undefined ||
    connections === undefined ||
    slow === undefined ||
    !modes ||
    !view ||
    !qs
  )
    return undefined;
  return { requests, rtt, server, slow, connections, modes, view, questions: qs };
}

export const httpVersionsKind = defineKind<VersionsPage, VersionsState, VersionsAction, VersionsQuery>({
  kind: 'http-versions',

  parseBlock: (c, raw, path) => parseBlock(c, raw, path),

  checkBlock(page) {
    const problems: FieldProblem[] = [];
    page.questions.forEach((q, j) => {
      if (q.mode && !page.modes.includes(q.mode)) {
        problems.push({
          field: `questions[${j}].mode`,
          message: `"${q.mode}" is not among the modes the page shows (${page.modes.join(', ')}): the answer would never be seen`,
        });
      }
      if (q.ask === 'first-done' && page.modes.length < 2) {
        problems.push({
          field: `questions[${j}].ask`,
          message: 'a "first-done" question needs at least two modes shown',
        });
      }
    });
    return problems;
  },

  questionIds: (page) => page.questions.map((q) => q.id),
  rawQuestionIds: (raw) => rawQuestionIds(raw),

  start: (page) => initialVersionsState(page),
  reduce: versionsReducer,
  tick: { type: 'tick' },
  tickMs: () => null,

  question(state) {
    if (!state.asking) return null;
    const q = state.page.questions[state.asking.index]!;
    const asked = askQuestion(q, state.result, shownModes(state));
    return {
      id: q.id,
      question: asked.text,
      choices: asked.choices,
      ...(asked.labels ? { labels: asked.choices.map((c) => ownEntry(asked.labels, c)) } : {}),
      hints: q.hints,
      answered: state.asking.answered,
    };
  },

  answer(state, choice) {
    if (!state.asking) return { state, verdict: { correct: false, expected: [], feedback: [] } };
    const q = state.page.questions[state.asking.index]!;
    const verdict = gradeAsked(askQuestion(q, state.result, shownModes(state)), choice);
    return { state: versionsReducer(state, { type: 'answered' }), verdict };
  },

  parseQuery(c, raw, path) {
    c.keys(raw, path, QUERY_KEYS);
    const requests = value(c, raw.requests, `${path}.requests`);
    const rtt = value(c, raw.rtt, `${path}.rtt`);
    const server = value(c, raw.server, `${path}.server`);
    const connections = raw.connections === undefined ? 6 : value(c, raw.connections, `${path}.connections`);
    let slow: VersionsQuery['slow'];
    if (raw.slow !== undefined) {
      const o = c.object(raw.slow, `${path}.slow`, 'an object {"request", "server"}');
      if (o) {
        c.keys(o, `${path}.slow`, ['request', 'server']);
        const request = value(c, o.request, `${path}.slow.request`);
        const ms = value(c, o.server, `${path}.slow.server`);
        if (request !== undefined && ms !== undefined) slow = { request, server: ms };
      }
    }
    const query = queryWhat(c, raw.query, `${path}.query`);
    if (requests === undefined || rtt === undefined || server === undefined || connections === undefined || !query)
      return undefined;
    return { requests, rtt, server, connections, ...(slow ? { slow } : {}), query };
  },

  runQuery: (q, params) => runVersionsQuery(q, params),
});
