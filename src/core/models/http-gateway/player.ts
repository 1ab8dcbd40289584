// The gateway model as the learner drives it: the condition upstream (chosen
// among the page's), the exchange it gives unfolding step by step, and the
// questions the page asks: once per condition that has one, the exchange
// stops just before the client's response is first sent (by the upstream, or
// by the gateway), and asks which code it carries, or who generates it. Pure:
// state + action → state.
import type { LocalText } from '../../i18n/localize.js';
import { type Condition, type Exchange, exchangeFor, responseStep } from './exchange.js';
import { GATEWAY_TEXT as T } from './phrases.js';

export const ASKS = ['status', 'who'] as const;
export type Ask = (typeof ASKS)[number];

export interface GatewayQuestion {
  id: string;
  /** Asked the first time this condition's exchange reaches the response. */
  condition: Condition;
  /** `status`: which code the client gets; `who`: who generates it (origin or gateway). */
  ask: Ask;
  hints: LocalText[];
}

export interface GatewaySettings {
  /** The conditions the learner can choose, in the order ↑/↓ cycles them. */
  conditions: Condition[];
  /** The condition shown first. */
  start: Condition;
  questions: GatewayQuestion[];
}

export interface GatewayState {
  settings: GatewaySettings;
  /** Index in settings.conditions. */
  at: number;
  exchange: Exchange;
  /** The last step shown; -1 before the first. */
  step: number;
  playing: boolean;
  /** Ids of the questions answered on this visit. */
  answered: readonly string[];
  /** The question on screen: asked, and answered or not yet. */
  asking: { id: string; answered: boolean } | null;
  /** A short message about the last key (a condition changed, nothing else to choose). */
  message: LocalText | null;
}

export type GatewayAction =
  | { type: 'tick' }
  | { type: 'play/toggle' }
  | { type: 'step'; delta: 1 | -1 }
  | { type: 'condition'; delta: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'restart' }
  | { type: 'pause' }
  | { type: 'answered' };

/** The exchanges of the conditions, computed once each (with the default timing). */
const exchanges = new Map<Condition, Exchange>();
export function exchangeOf(condition: Condition): Exchange {
  let e = exchanges.get(condition);
  if (!e) exchanges.set(condition, (e = exchangeFor(condition)));
  return e;
}

export function startState(settings: GatewaySettings): GatewayState {
  const at = Math.max(0, settings.conditions.indexOf(settings.start));
  return {
    settings,
    at,
    exchange: exchangeOf(settings.conditions[at]!),
    step: -1,
    playing: false,
    answered: [],
    asking: null,
    message: null,
  };
}

/** The question of the current condition that is still to be answered, if any. */
export function pendingQuestion(state: GatewayState): GatewayQuestion | undefined {
  const condition = state.exchange.condition;
  return state.settings.questions.find((q) => q.condition === condition && !state.answered.includes(q.id));
}

export function questionById(state: GatewayState, id: string): GatewayQuestion | undefined {
  return state.settings.questions.find((q) => q.id === id);
}

const lastStep = (s: GatewayState) => s.exchange.steps.length - 1;

/** One step on, unless a question stops it first (just before the response is first sent). */
function advance(state: GatewayState): GatewayState {
  if (state.asking && !state.asking.answered) return state;
  const next = state.step + 1;
  if (next > lastStep(state)) return { ...state, playing: false };
  const q = pendingQuestion(state);
  if (q && next === responseStep(state.exchange)) {
    return { ...state, playing: false, asking: { id: q.id, answered: false } };
  }
  const moved = { ...state, step: next, asking: null };
  return next === lastStep(state) ? { ...moved, playing: false } : moved;
}

export function gatewayReducer(state: GatewayState, action: GatewayAction): GatewayState {
  // A question on screen is answered before anything else moves (the shell sends no other key meanwhile).
  if (state.asking && !state.asking.answered && action.type !== 'answered' && action.type !== 'pause') return state;
  // A message answers one key: the next key clears it (a tick is not a key).
  const s = state.message && action.type !== 'tick' ? { ...state, message: null } : state;
  switch (action.type) {
    case 'tick':
      return s.playing ? advance(s) : s;
    case 'play/toggle':
      if (s.playing) return { ...s, playing: false };
      // At the end, play starts the exchange again.
      return { ...(s.step >= lastStep(s) ? { ...s, step: -1, asking: null } : s), playing: true };
    case 'step':
      if (action.delta > 0) return advance({ ...s, playing: false });
      return { ...s, playing: false, asking: null, step: Math.max(-1, s.step - 1) };
    case 'home':
      return { ...s, playing: false, asking: null, step: -1 };
    case 'end': {
      // As far as the exchange goes, or up to its question.
      let next: GatewayState = { ...s, playing: false };
      for (let guard = 0; guard <= lastStep(s) + 1; guard++) {
        const after = advance(next);
        if (after === next || after.step === next.step) {
          next = after;
          break;
        }
        next = after;
      }
      return { ...next, playing: false };
    }
    case 'restart':
      return { ...s, step: -1, asking: null, playing: true };
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'condition': {
      const n = s.settings.conditions.length;
      if (n < 2) return { ...s, message: T.onlyOne() };
      const at = (s.at + action.delta + n) % n;
      const exchange = exchangeOf(s.settings.conditions[at]!);
      return {
        ...s,
        at,
        exchange,
        step: -1,
        asking: null,
        playing: true,
      };
    }
    case 'answered': {
      const a = state.asking;
      if (!a || a.answered) return state;
      return { ...state, asking: { ...a, answered: true }, answered: [...state.answered, a.id] };
    }
  }
}
