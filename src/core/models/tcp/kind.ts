// The TCP model: the simulation player of core/tcp as a plug-in. A page's
// settings are a scenario and its predict questions; the state is the
// player's; its questions are graded by the engine's next event; its queries
// read one value out of a run (a segment's seq or ack, a state, a count).
import { interpolate } from '../../i18n/localize.js';
import { hasOwnEntry, ownEntry, setOwnEntry } from '../../own.js';
import { findScenario } from '../../scenario/builtins.js';
import { parseScenario } from '../../scenario/validate.js';
import type { Checker, FieldProblem, Json, JsonObject } from '../../schema/checker.js';
import { simulate } from '../../tcp/simulate.js';
import { FLAG_ORDER, SIDES, SIM_EVENT_TYPES, type Scenario, type SimResult } from '../../tcp/types.js';
import { rawQuestionIds, readQuestions } from '../block.js';
import { defineKind, type KindContext, type Params } from '../kind.js';
import { type PlayerAction, type PlayerState, findEvent, initialPlayerState, playerReducer } from './player.js';
import { gradePredict, predictChoices, predictExpected, predictQuestion } from './predict.js';
import { runQuery } from './query.js';
import {
  type EventSelector,
  PREDICT_ASKS,
  type PredictPoint,
  SEGMENT_FIELDS,
  type SimQuery,
  type TcpQuery,
  type TcpSettings,
} from './types.js';

/** Milliseconds between two events while the player plays at ×1. */
const TICK_MS = 700;

function scenarioName(c: Checker, v: Json, path: string, ctx: KindContext): string | undefined {
  const name = c.string(v, path);
  if (name && !findScenario(name, ctx.scenarios)) {
    c.problem(path, `no built-in scenario or scenario file named "${name}" (see \`nettutor sim --list\`)`);
    return undefined;
  }
  return name;
}

function selector(c: Checker, v: Json, path: string, { withType }: { withType: boolean }) {
  const o = c.object(v, path);
  if (!o) return undefined;
  c.keys(o, path, withType ? ['type', 'side', 'nth'] : ['side', 'nth', 'flags']);
  const type = withType ? c.oneOf(o.type, `${path}.type`, SIM_EVENT_TYPES) : undefined;
  const side = o.side === undefined ? undefined : c.oneOf(o.side, `${path}.side`, SIDES);
  const nth = o.nth === undefined ? undefined : c.number(o.nth, `${path}.nth`, { integer: true, min: 1 });
  let flags: string[] | undefined;
  if (!withType && o.flags !== undefined) {
    const list = c.array(o.flags, `${path}.flags`, { min: 1, what: 'flags' });
    if (list) {
      flags = [];
      list.forEach((f, i) => {
        const x = c.oneOf(f, `${path}.flags[${i}]`, FLAG_ORDER);
        if (x) flags!.push(x);
      });
    }
  }
  return { type, side, nth, flags };
}

function query(c: Checker, v: Json, path: string): SimQuery | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  if ('segment' in o) {
    c.keys(o, path, ['segment', 'field']);
    const s = selector(c, o.segment, `${path}.segment`, { withType: false });
    const field = c.oneOf(o.field, `${path}.field`, SEGMENT_FIELDS);
    return s && field ? { segment: { side: s.side, nth: s.nth, flags: s.flags }, field } : undefined;
  }
  if ('state' in o) {
    c.keys(o, path, ['state']);
    const s = c.object(o.state, `${path}.state`);
    if (!s) return undefined;
    c.keys(s, `${path}.state`, ['side', 'nth']);
    const side = c.oneOf(s.side, `${path}.state.side`, SIDES);
    const nth = c.number(s.nth, `${path}.state.nth`, { integer: true, min: 1 });
    return side && nth ? { state: { side, nth } } : undefined;
  }
  if ('final' in o) {
    c.keys(o, path, ['final']);
    const side = c.oneOf(o.final, `${path}.final`, SIDES);
    return side ? { final: side } : undefined;
  }
  if ('count' in o) {
    c.keys(o, path, ['count']);
    const s = selector(c, o.count, `${path}.count`, { withType: false });
    if (s?.nth !== undefined) {
      c.problem(
        `${path}.count.nth`,
        'a count counts every matching segment: "nth" picks one, so it does not apply here',
      );
      return undefined;
    }
    return s ? { count: { side: s.side, flags: s.flags } } : undefined;
  }
  c.problem(path, 'expected {"segment": …, "field": …}, {"state": {"side", "nth"}}, {"final": side} or {"count": …}');
  return undefined;
}

/** The block's predict questions: each pauses the player before an event and asks what comes next. */
function predictPoints(c: Checker, block: JsonObject, path: string): PredictPoint[] | undefined {
  return readQuestions(c, block, path, {
    field: 'predict',
    what: 'predict questions',
    keys: ['before', 'ask'],
    read(o, p) {
      const sel = selector(c, o.before, `${p}.before`, { withType: true });
      const ask = c.oneOf(o.ask, `${p}.ask`, PREDICT_ASKS);
      if (!sel?.type || !ask) return undefined;
      const before: EventSelector = {
        type: sel.type,
        ...(sel.side ? { side: sel.side } : {}),
        ...(sel.nth ? { nth: sel.nth } : {}),
      };
      return { before, ask };
    },
  });
}

/**
 * Sets `client.isn`-style paths in a copy of the scenario: fields the scenario has itself, never one every object
 * inherits (`client.constructor`, `__proto__.toString` name no field: setting them would change Object.prototype).
 */
function applySettings(scenario: Scenario, set: Params, params: Params): Scenario {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  for (const [path, raw] of Object.entries(set)) {
    const text = typeof raw === 'string' ? interpolate(raw, params) : raw;
    const value = typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
    const keys = path.split('.');
    let target = copy;
    for (const key of keys.slice(0, -1)) {
      const next = ownEntry(target, key);
      if (typeof next !== 'object' || next === null) throw new Error(`scenario has no field '${path}'`);
      target = next as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    // A list's length is no field of the scenario file (`actions.length` would drop or add actions).
    if (!hasOwnEntry(target, last) || (Array.isArray(target) && last === 'length')) {
      throw new Error(`scenario has no field '${path}'`);
    }
    target[last] = value;
  }
  // What was set must still make a scenario (a number where a number goes, no emptied list of actions…): checked
  // as a scenario file is, so a mistake is named rather than run.
  const checked = parseScenario(copy);
  if (!checked.ok) {
    const p = checked.problems[0]!;
    throw new Error(`"set" ${Object.keys(set).join(', ')} makes the scenario invalid: ${p.field}: ${p.message}`);
  }
  return copy as unknown as Scenario;
}

/** Runs a lesson's scenario (its own files first, then the built-ins) with settings applied. */
function makeRunScenario(lesson: KindContext): (name: string, set: Params) => SimResult {
  const cache = new Map<string, SimResult>();
  return (name, set) => {
    const key = `${name}\u0000${JSON.stringify(set)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const base = findScenario(name, lesson.scenarios);
    if (!base) throw new Error(`no scenario named '${name}'`);
    const result = simulate(applySettings(base, set, {}));
    cache.set(key, result);
    return result;
  };
}

/** Runs of one lesson's scenarios, kept while the lesson is in use: grading asks for the same run often. */
const runs = new WeakMap<object, (name: string, set: Params) => SimResult>();
const BUILTINS = {};

function runScenario(ctx: KindContext, name: string, set: Params): SimResult {
  const key = ctx.scenarios ?? BUILTINS;
  let run = runs.get(key);
  if (!run) runs.set(key, (run = makeRunScenario(ctx)));
  return run(name, set);
}

export const tcpKind = defineKind<TcpSettings, PlayerState, PlayerAction, TcpQuery>({
  kind: 'tcp',

  parseBlock(c, raw, path, ctx) {
    c.keys(raw, path, ['kind', 'scenario', 'predict', 'hints']);
    const scenario = scenarioName(c, raw.scenario, `${path}.scenario`, ctx);
    const predict = raw.predict === undefined ? undefined : predictPoints(c, raw, path);
    if (!scenario) return undefined;
    return { scenario, ...(predict ? { predict } : {}) };
  },

  checkBlock(settings, ctx) {
    const problems: FieldProblem[] = [];
    const scenario = findScenario(settings.scenario, ctx.scenarios);
    if (!scenario || !settings.predict?.length) return problems;
    // Each question must point at an event the run really has, with an answer after it.
    const run = simulate(scenario);
    settings.predict.forEach((q, j) => {
      const at = findEvent(run.events, q.before);
      if (at < 0) {
        problems.push({
          field: `predict[${j}].before`,
          message: `the run of "${settings.scenario}" has no such event (${JSON.stringify(q.before)})`,
        });
      } else if (at === 0) {
        problems.push({
          field: `predict[${j}].before`,
          message: 'selects the very first event: there is nothing before it to pause at',
        });
      } else if (predictExpected(run, at - 1, q.ask) === undefined) {
        problems.push({
          field: `predict[${j}].ask`,
          message: `nothing answers "${q.ask}" after that point of the run`,
        });
      }
    });
    return problems;
  },

  questionIds: (settings) => (settings.predict ?? []).map((q) => q.id),
  rawQuestionIds: (raw) => rawQuestionIds(raw, 'predict'),

  start(settings, ctx) {
    const scenario = findScenario(settings.scenario, ctx.scenarios);
    if (!scenario) throw new Error(`no scenario named '${settings.scenario}'`);
    return initialPlayerState(scenario, settings.predict ?? []);
  },

  reduce: playerReducer,
  tick: { type: 'tick' },
  pause: { type: 'pause' },
  tickMs: (state) => (state.playing ? Math.round(TICK_MS / state.speed) : null),

  question(state) {
    const p = state.predict;
    if (!p) return null;
    return {
      id: p.point.id,
      question: predictQuestion(state.result, p.at, p.point.ask),
      choices: predictChoices(state.result, p.at, p.point.ask),
      hints: p.point.hints,
      answered: p.answered,
    };
  },

  answer(state, choice) {
    const p = state.predict;
    if (!p) return { state, verdict: { correct: false, expected: [], feedback: [] } };
    const verdict = gradePredict(state.result, p.at, p.point.ask, choice);
    return { state: playerReducer(state, { type: 'predict/answered', correct: verdict.correct }), verdict };
  },

  parseQuery(c, raw, path, ctx) {
    c.keys(raw, path, ['kind', 'scenario', 'set', 'query']);
    const scenario = scenarioName(c, raw.scenario, `${path}.scenario`, ctx);
    let set: Record<string, string | number> | undefined;
    if (raw.set !== undefined) {
      const so = c.object(raw.set, `${path}.set`);
      if (so) {
        set = {};
        for (const [k, val] of Object.entries(so)) {
          if (typeof val !== 'string' && typeof val !== 'number')
            c.problem(`${path}.set.${k}`, 'expected a string or a number');
          else setOwnEntry(set, k, val);
        }
      }
    }
    const q = query(c, raw.query, `${path}.query`);
    return scenario && q ? { scenario, ...(set ? { set } : {}), query: q } : undefined;
  },

  runQuery(q, params, ctx) {
    const set: Params = {};
    for (const [k, v] of Object.entries(q.set ?? {}))
      setOwnEntry(set, k, typeof v === 'string' ? interpolate(v, params) : v);
    try {
      return runQuery(runScenario(ctx, q.scenario, set), q.query);
    } catch (error) {
      return { error: (error as Error).message };
    }
  },
});
