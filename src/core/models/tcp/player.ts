// The simulation player as a pure reducer: which event is shown, playback,
// the learner's changes (drop or duplicate a segment, the what-if) and the
// predict questions. Every change re-runs the engine from the start.
import type { EventSelector, PredictPoint } from './types.js';
import type { LocalText } from '../../i18n/localize.js';
import { phraseBook } from '../../i18n/phrases.js';
import { simulate } from '../../tcp/simulate.js';
import type { Fault, Scenario, SimEvent, SimResult } from '../../tcp/types.js';
import { faultForNextSegment, toggleWhatIf } from '../../tcp/what-if.js';
import { ZH } from './player.zh-CN.js';

const EN = {
  speed: (speed: number) => `speed ×${speed}`,
  restarted: 'restarted: your changes are undone',
  nothingToDrop: 'no segment is sent after this point to drop',
  nothingToDuplicate: 'no segment is sent after this point to duplicate',
  dropping: (nth: number, side: string, event: number) =>
    `segment ${nth} the ${side} sends is now lost: the run is worked out again with it, and you stay at event ${event}`,
  duplicating: (nth: number, side: string, event: number) =>
    `segment ${nth} the ${side} sends now arrives twice: the run is worked out again with it, and you stay at event ${event}`,
  twoWay: 'what-if: a two-way handshake; the run starts again from the beginning',
  noTimeWait: 'what-if: no TIME-WAIT; the run starts again from the beginning',
  realTcp: 'real TCP again; the run starts again from the beginning',
  pausedSmall: 'paused while the terminal was too small: Space plays on',
};

/** What the player says, in every language it is written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const PLAYER_PHRASES = book;

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PredictState {
  point: PredictPoint;
  /** The event index the question is about: the answer is what happens next after it. */
  at: number;
  answered: boolean;
  correct?: boolean;
}

export interface PlayerState {
  base: Scenario;
  /** The scenario as the learner changed it. */
  scenario: Scenario;
  baseResult: SimResult;
  result: SimResult;
  /** Faults the learner added, in order (shown as a list). */
  added: Fault[];
  whatIf: boolean;
  /** Index of the last event shown; -1 before the first. */
  index: number;
  playing: boolean;
  speed: number;
  compare: boolean;
  predict: PredictState | null;
  /** Ids of predict points already asked in this run. */
  asked: string[];
  /** Predict points of the lesson page (only asked while the scenario is unchanged). */
  points: PredictPoint[];
  message?: LocalText;
  /**
   * Rows the ladder is scrolled from where it follows the run (negative: towards the start). 0 follows the
   * current event; stepping, playing or changing the run comes back to it.
   */
  ladderOffset: number;
}

/** The offsets a scroll may reach (what the view last drew allows): beyond them nothing more is shown. */
export interface ScrollRange {
  min: number;
  max: number;
}

export type PlayerAction =
  | { type: 'play/toggle' }
  | { type: 'tick' }
  | { type: 'step'; delta: number }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'speed'; delta: number }
  | { type: 'restart' }
  | { type: 'fault'; kind: 'drop' | 'duplicate' }
  | { type: 'what-if/toggle' }
  | { type: 'compare/toggle' }
  | { type: 'predict/answered'; correct: boolean }
  | { type: 'predict/dismiss' }
  /** Scrolls the ladder by `delta` rows without moving the current event, within `range` when it is known. */
  | { type: 'ladder/scroll'; delta: number; range?: ScrollRange }
  /** Stops playing (the terminal became too small); nothing starts it again but the learner. */
  | { type: 'pause' };

export function findEvent(events: readonly SimEvent[], selector: EventSelector): number {
  let seen = 0;
  const wanted = selector.nth ?? 1;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== selector.type) continue;
    if (selector.side && e.side !== selector.side) continue;
    seen += 1;
    if (seen === wanted) return i;
  }
  return -1;
}

export function initialPlayerState(scenario: Scenario, points: PredictPoint[] = []): PlayerState {
  const result = simulate(scenario);
  return {
    base: scenario,
    scenario,
    baseResult: result,
    result,
    added: [],
    whatIf: false,
    index: -1,
    playing: false,
    speed: 1,
    compare: false,
    predict: null,
    asked: [],
    points,
    ladderOffset: 0,
  };
}

const unchanged = (s: PlayerState) => s.added.length === 0 && !s.whatIf;

/** Moves to `target`, stopping before an event a predict question is about. */
function advanceTo(state: PlayerState, target: number): PlayerState {
  const last = state.result.events.length - 1;
  let index = Math.max(-1, Math.min(target, last));
  if (index > state.index && unchanged(state) && !state.predict) {
    // The earliest question on the way is asked first, whatever order the lesson lists them in.
    const due = state.points
      .filter((point) => !state.asked.includes(point.id))
      .map((point) => ({ point, at: findEvent(state.result.events, point.before) }))
      .filter(({ at }) => at >= 0 && at - 1 >= state.index && at <= index)
      .sort((a, b) => a.at - b.at)[0];
    if (due) {
      // Ask when the learner is about to see the event: stop just before it.
      index = due.at - 1;
      return {
        ...state,
        index,
        playing: false,
        predict: { point: due.point, at: index, answered: false },
        asked: [...state.asked, due.point.id],
      };
    }
  }
  return { ...state, index, playing: state.playing && index < last };
}

function rerun(
  state: PlayerState,
  scenario: Scenario,
  added: Fault[],
  whatIf: boolean,
  message: LocalText,
): PlayerState {
  return {
    ...state,
    scenario,
    added,
    whatIf,
    result: simulate(scenario),
    index: -1,
    playing: false,
    predict: null,
    message,
    ladderOffset: 0,
  };
}

/** Actions after which the ladder follows the current event again. */
const FOLLOWS: ReadonlySet<PlayerAction['type']> = new Set([
  'play/toggle',
  'tick',
  'step',
  'home',
  'end',
  'restart',
  'fault',
  'what-if/toggle',
  'compare/toggle',
]);

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

export function playerReducer(current: PlayerState, action: PlayerAction): PlayerState {
  const next = reduce(current, action);
  // Stepping (or anything that moves the run) brings the ladder back to the current event.
  return next !== current && next.ladderOffset !== 0 && FOLLOWS.has(action.type) ? { ...next, ladderOffset: 0 } : next;
}

function reduce(current: PlayerState, action: PlayerAction): PlayerState {
  let state = current;
  // An answered question goes away as soon as the run moves on.
  if (state.predict?.answered && ['play/toggle', 'tick', 'step', 'end', 'home'].includes(action.type)) {
    state = { ...state, predict: null };
  }
  const last = state.result.events.length - 1;
  if (state.predict && !state.predict.answered && action.type !== 'predict/answered') {
    // The question must be answered (or dismissed) before the run goes on. Comparing has nothing to show
    // either: questions are only asked while the run is unchanged.
    if (action.type !== 'predict/dismiss') return state;
  }
  switch (action.type) {
    case 'play/toggle':
      if (state.playing) return { ...state, playing: false };
      return {
        ...(state.index >= last ? { ...state, index: -1, asked: [] } : state),
        playing: true,
        message: undefined,
      };
    case 'tick':
      if (!state.playing) return state;
      return advanceTo(state, state.index + 1);
    case 'step':
      return advanceTo({ ...state, playing: false, message: undefined }, state.index + action.delta);
    case 'home':
      return { ...state, index: -1, playing: false, predict: null };
    case 'end':
      return advanceTo({ ...state, playing: false }, last);
    case 'speed': {
      const i = SPEEDS.indexOf(state.speed as (typeof SPEEDS)[number]);
      const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 2 : i) + action.delta))]!;
      return { ...state, speed: next, message: say('speed', next) };
    }
    case 'restart':
      return rerun(state, state.base, [], false, say('restarted'));
    case 'fault': {
      const fault = faultForNextSegment(state.result, state.index, action.kind);
      if (!fault)
        return {
          ...state,
          message: say(action.kind === 'drop' ? 'nothingToDrop' : 'nothingToDuplicate'),
        };
      const added = [...state.added, fault];
      const scenario = { ...state.scenario, faults: [...state.scenario.faults, fault] };
      const at = state.index;
      const next = rerun(
        state,
        scenario,
        added,
        state.whatIf,
        say(action.kind === 'drop' ? 'dropping' : 'duplicating', fault.nth, fault.side, at + 1),
      );
      // Keep the learner where they were: the change only affects what follows.
      return { ...next, index: Math.min(at, next.result.events.length - 1) };
    }
    case 'what-if/toggle': {
      const whatIf = !state.whatIf;
      const scenario = whatIf
        ? toggleWhatIf(state.scenario)
        : { ...state.base, faults: [...state.base.faults, ...state.added] };
      const label =
        scenario.options.handshake === 'two-way'
          ? say('twoWay')
          : scenario.options.timeWait === false
            ? say('noTimeWait')
            : say('realTcp');
      return rerun(state, scenario, state.added, whatIf, label);
    }
    case 'compare/toggle':
      return { ...state, compare: !state.compare };
    case 'predict/answered':
      if (!state.predict) return state;
      return { ...state, predict: { ...state.predict, answered: true, correct: action.correct } };
    case 'predict/dismiss':
      return { ...state, predict: null };
    case 'ladder/scroll': {
      const range = action.range ?? { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
      const ladderOffset = clamp(state.ladderOffset + action.delta, Math.min(0, range.min), Math.max(0, range.max));
      return ladderOffset === state.ladderOffset ? state : { ...state, ladderOffset };
    }
    case 'pause':
      return state.playing ? { ...state, playing: false, message: say('pausedSmall') } : state;
  }
}

/** Index of the first event where two runs differ, or -1 when they are the same. */
export function firstDivergence(a: SimResult, b: SimResult): number {
  const n = Math.max(a.events.length, b.events.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(a.events[i]) !== JSON.stringify(b.events[i])) return i;
  }
  return -1;
}
