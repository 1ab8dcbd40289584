// The gateway model as a plug-in kind, `"kind": "http-gateway"`. A page's
// settings choose which conditions upstream the learner cycles through, the
// one shown first, and the questions asked on the way (which code, or who
// generates it). A computed short answer asks the model for one value of an
// exchange — its status, reason phrase, who generated it, or when the
// response reaches the client — for a condition and a timing that may come
// from the attempt's random parameters.
import { interpolate } from '../../i18n/localize.js';
import type { Checker, FieldProblem, Json, JsonObject } from '../../schema/checker.js';
import { firstName, nameList, rawQuestionIds, readQuestions } from '../block.js';
import { defineKind, type Params } from '../kind.js';
import {
  CONDITIONS,
  type Condition,
  TIMING_FIELDS,
  type Timing,
  TimingError,
  exchangeFor,
  isCondition,
} from './exchange.js';
import {
  ASKS,
  type GatewayAction,
  type GatewayQuestion,
  type GatewaySettings,
  type GatewayState,
  gatewayReducer,
  questionById,
  startState,
} from './player.js';
import { choicesFor, gradeQuestion, labelsFor, questionText } from './questions.js';

/** Milliseconds between two steps while the exchange plays. */
export const TICK_MS = 600;

/** What a computed answer reads from the exchange. */
export const GATEWAY_QUERIES = ['status', 'reason', 'generatedBy', 'respondedAt'] as const;
export type GatewayQueryField = (typeof GATEWAY_QUERIES)[number];

export interface GatewayQuery {
  /** A condition, or a text with `{param}` that becomes one. */
  upstream: string;
  query: GatewayQueryField;
  /** Timing to change, each a number or a text with `{param}` that becomes one. */
  set?: Partial<Record<keyof Timing, string | number>>;
}

/** The block's questions: one per condition, each among the page's conditions. */
function questions(
  c: Checker,
  block: JsonObject,
  path: string,
  conditions: readonly Condition[] | undefined,
): GatewayQuestion[] | undefined {
  const byCondition = new Map<string, number>();
  return readQuestions(c, block, path, {
    keys: ['condition', 'ask'],
    read(o, p, i) {
      const condition = c.oneOf(o.condition, `${p}.condition`, CONDITIONS);
      const ask = c.oneOf(o.ask, `${p}.ask`, ASKS);
      if (condition && conditions && !conditions.includes(condition)) {
        c.problem(
          `${p}.condition`,
          `"${condition}" is not among the page's conditions (${conditions.join(', ')}): the learner could never reach it`,
        );
        return null;
      }
      if (condition) {
        const other = byCondition.get(condition);
        if (other !== undefined) {
          c.problem(
            `${p}.condition`,
            `one question per condition: "${condition}" is asked at ${path}.questions[${other}] already`,
          );
          return null;
        }
        byCondition.set(condition, i);
      }
      return condition && ask ? { condition, ask } : undefined;
    },
  });
}

/** A timing value: a whole number ≥ 0, or a text that becomes one (`"{timeout}"`). */
function timingSet(c: Checker, v: Json, path: string): GatewayQuery['set'] | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  c.keys(o, path, TIMING_FIELDS);
  const out: Partial<Record<keyof Timing, string | number>> = {};
  for (const field of TIMING_FIELDS) {
    const x = o[field];
    if (x === undefined) continue;
    if (typeof x === 'number') {
      const n = c.number(x, `${path}.${field}`, { integer: true, min: 0 });
      if (n !== undefined) out[field] = n;
    } else if (typeof x === 'string' && /\{\w+\}/.test(x)) out[field] = x;
    else c.problem(`${path}.${field}`, 'expected a whole number of ms, or a text with a {parameter}');
  }
  return out;
}

/** The condition and the timing of one attempt, or why they cannot be. */
function resolveQuery(q: GatewayQuery, params: Params): { condition: Condition; timing: Partial<Timing> } | string {
  const condition = interpolate(q.upstream, params).trim();
  if (!isCondition(condition)) return `"${condition}" is not an upstream condition (${CONDITIONS.join(', ')})`;
  const timing: Partial<Timing> = {};
  for (const [field, raw] of Object.entries(q.set ?? {}) as Array<[keyof Timing, string | number]>) {
    const value = typeof raw === 'number' ? raw : interpolate(raw, params).trim();
    const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n)) return `${field} is "${value}", not a whole number of ms`;
    timing[field] = n;
  }
  return { condition, timing };
}

export function runGatewayQuery(q: GatewayQuery, params: Params): { value: string } | { error: string } {
  const resolved = resolveQuery(q, params);
  if (typeof resolved === 'string') return { error: resolved };
  try {
    const e = exchangeFor(resolved.condition, resolved.timing);
    switch (q.query) {
      case 'status':
        return { value: String(e.status) };
      case 'reason':
        return { value: e.reason };
      case 'generatedBy':
        return { value: e.generatedBy };
      case 'respondedAt':
        return { value: String(e.respondedAt) };
    }
  } catch (error) {
    if (error instanceof TimingError) return { error: error.message };
    throw error;
  }
}

export const httpGatewayKind = defineKind<GatewaySettings, GatewayState, GatewayAction, GatewayQuery>({
  kind: 'http-gateway',

  parseBlock(c, raw, path) {
    c.keys(raw, path, ['kind', 'conditions', 'start', 'questions', 'hints']);
    const conditions = nameList(c, raw.conditions, `${path}.conditions`, CONDITIONS, 'conditions');
    const start = firstName(c, raw.start, `${path}.start`, CONDITIONS, conditions, 'conditions');
    const qs = questions(c, raw, path, conditions);
    if (!conditions || !start || !qs) return undefined;
    return { conditions, start, questions: qs };
  },

  // Everything is known from the block itself: parseBlock has checked it all.
  checkBlock: (): FieldProblem[] => [],

  questionIds: (settings) => settings.questions.map((q) => q.id),
  rawQuestionIds: (raw) => rawQuestionIds(raw),

  start: (settings) => startState(settings),
  reduce: gatewayReducer,
  tick: { type: 'tick' },
  pause: { type: 'pause' },
  tickMs: (state) => (state.playing ? TICK_MS : null),

  question(state) {
    const a = state.asking;
    const q = a && questionById(state, a.id);
    if (!a || !q) return null;
    return {
      id: q.id,
      question: questionText(q.ask),
      choices: choicesFor(state.exchange, q.ask),
      labels: labelsFor(state.exchange, q.ask),
      hints: q.hints,
      answered: a.answered,
    };
  },

  answer(state, choice) {
    const q = state.asking && questionById(state, state.asking.id);
    if (!q) return { state, verdict: { correct: false, expected: [], feedback: [] } };
    return {
      state: gatewayReducer(state, { type: 'answered' }),
      verdict: gradeQuestion(state.exchange, q.ask, choice),
    };
  },

  parseQuery(c, raw, path) {
    c.keys(raw, path, ['kind', 'upstream', 'query', 'set']);
    const upstream = c.string(raw.upstream, `${path}.upstream`);
    if (upstream !== undefined && !isCondition(upstream) && !/\{\w+\}/.test(upstream)) {
      c.oneOf(upstream, `${path}.upstream`, CONDITIONS);
    }
    const query = c.oneOf(raw.query, `${path}.query`, GATEWAY_QUERIES);
    const set = raw.set === undefined ? undefined : timingSet(c, raw.set, `${path}.set`);
    if (upstream === undefined || !query || (raw.set !== undefined && !set)) return undefined;
    if (!isCondition(upstream) && !/\{\w+\}/.test(upstream)) return undefined;
    return { upstream, query, ...(set ? { set } : {}) };
  },

  runQuery: (q, params) => runGatewayQuery(q, params),
});
