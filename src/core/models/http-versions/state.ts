// The HTTP versions model as the learner drives it: more or fewer requests,
// which one is slow and by how much, the RTT, the connections of HTTP/1.1
// ×K; the waterfall or the HTTP/2 frames; and the questions, each asked
// when its setting changes, with the picture hidden until it is answered.
import type { LocalText } from '../../i18n/localize.js';
import { versionsText } from './phrases.js';
import { requestOf } from './questions.js';
import {
  MODES,
  type VersionMode,
  type VersionSettings,
  type VersionsResult,
  firstDone,
  runVersions,
} from './timeline.js';
import { type Change, DEFAULT_SLOW, RTT_STEPS, SLOW_STEP, UI_LIMITS, type View, type VersionsPage } from './types.js';

export interface Asking {
  /** Index in the page's questions. */
  index: number;
  answered: boolean;
}

export interface VersionsState {
  page: VersionsPage;
  settings: VersionSettings;
  /** The slow request's server time, kept while no request is slow (s brings it back). */
  slowMs: number;
  result: VersionsResult;
  /** All five modes, instead of the page's. */
  allModes: boolean;
  view: View;
  /** Rows the picture is scrolled by, from where it sits by itself (the top, or the mode `focus`). */
  scroll: number;
  /** What the picture shows first, once a question about it is answered: a mode, and a request of it. */
  focus: { mode: VersionMode; request?: number } | null;
  /** The next question to ask (the page's questions' length once all are asked). */
  next: number;
  /** The question on screen. */
  asking: Asking | null;
  /** Said once, after a key that could not do its usual thing. */
  message: LocalText | null;
}

export type VersionsAction =
  | { type: 'requests'; delta: number }
  | { type: 'slow/next'; delta: number }
  | { type: 'slow/ms'; delta: number }
  | { type: 'rtt'; delta: number }
  | { type: 'connections'; delta: number }
  | { type: 'view/toggle' }
  | { type: 'modes/toggle' }
  | { type: 'reset' }
  | { type: 'scroll'; delta: number; min?: number; max?: number }
  | { type: 'answered' }
  | { type: 'tick' };

/** The settings a page starts with. */
export function pageSettings(page: VersionsPage): VersionSettings {
  return {
    requests: page.requests,
    rtt: page.rtt,
    server: page.server,
    slow: page.slow ? { [page.slow.request]: page.slow.server } : {},
    connections: page.connections,
  };
}

/** The modes on screen. */
export function shownModes(state: VersionsState): readonly VersionMode[] {
  return state.allModes ? MODES : state.page.modes;
}

/** The slow request, if any (the tutorial has one at most). */
export function slowRequest(s: VersionSettings): number | null {
  const keys = Object.keys(s.slow);
  return keys.length > 0 ? Number(keys[0]) : null;
}

export function initialVersionsState(page: VersionsPage): VersionsState {
  const settings = pageSettings(page);
  const first = page.questions[0];
  const asking = first?.after === 'start' ? { index: 0, answered: false } : null;
  return {
    page,
    settings,
    slowMs: page.slow?.server ?? DEFAULT_SLOW,
    result: runVersions(settings),
    allModes: false,
    view: page.view,
    scroll: 0,
    focus: null,
    next: asking ? 1 : 0,
    asking,
    message: null,
  };
}

const same = (a: VersionSettings, b: VersionSettings) => JSON.stringify(a) === JSON.stringify(b);

/** The next RTT in the steps, up or down from `rtt` (which may lie between two steps). */
function stepRtt(rtt: number, delta: number): number | null {
  if (delta > 0) return RTT_STEPS.find((r) => r > rtt) ?? null;
  return [...RTT_STEPS].reverse().find((r) => r < rtt) ?? null;
}

/** New settings and what changed, or a message saying why nothing could. */
function changed(
  state: VersionsState,
  action: VersionsAction,
): { settings: VersionSettings; slowMs?: number; change: Change } | { message: LocalText } {
  const s = state.settings;
  const slow = slowRequest(s);
  switch (action.type) {
    case 'requests': {
      const requests = s.requests + action.delta;
      if (requests < UI_LIMITS.requests[0]) return { message: versionsText('fewest') };
      if (requests > UI_LIMITS.requests[1]) return { message: versionsText('most', UI_LIMITS.requests[1]) };
      // A slow request beyond the last one is gone with it.
      const keep = slow !== null && slow <= requests ? { [slow]: s.slow[slow]! } : {};
      return { settings: { ...s, requests, slow: keep }, change: 'requests' };
    }
    case 'slow/next': {
      // none → 1 → 2 → … → N → none (or back).
      const order = [null, ...Array.from({ length: s.requests }, (_, k) => k + 1)];
      const at = order.indexOf(slow);
      const next = order[(at + action.delta + order.length) % order.length]!;
      return { settings: { ...s, slow: next === null ? {} : { [next]: state.slowMs } }, change: 'slow' };
    }
    case 'slow/ms': {
      if (slow === null) return { message: versionsText('pickSlow') };
      const ms = s.slow[slow]! + action.delta * SLOW_STEP;
      if (ms > UI_LIMITS.slow[1]) return { message: versionsText('slowest', UI_LIMITS.slow[1]) };
      if (ms < UI_LIMITS.slow[0]) return { message: versionsText('fastest') };
      return { settings: { ...s, slow: { [slow]: ms } }, slowMs: ms, change: 'slow' };
    }
    case 'rtt': {
      const rtt = stepRtt(s.rtt, action.delta);
      if (rtt === null)
        return {
          message:
            action.delta > 0
              ? versionsText('rttHighest', RTT_STEPS[RTT_STEPS.length - 1]!)
              : versionsText('rttLowest', RTT_STEPS[0]),
        };
      return { settings: { ...s, rtt }, change: 'rtt' };
    }
    case 'connections': {
      const connections = s.connections + action.delta;
      if (connections < UI_LIMITS.connections[0]) return { message: versionsText('kLowest') };
      if (connections > UI_LIMITS.connections[1])
        return { message: versionsText('kHighest', UI_LIMITS.connections[1]) };
      return { settings: { ...s, connections }, change: 'connections' };
    }
    default:
      return { message: versionsText('nothingToReset') };
  }
}

/** After a change of settings: the answered question goes, and the next one comes if the change is its trigger. */
function afterChange(state: VersionsState, change: Change | 'reset'): Pick<VersionsState, 'asking' | 'next'> {
  const asking = state.asking?.answered ? null : state.asking;
  if (asking) return { asking, next: state.next };
  const q = state.page.questions[state.next];
  if (q && (q.after === 'any' || q.after === change)) {
    return { asking: { index: state.next, answered: false }, next: state.next + 1 };
  }
  return { asking: null, next: state.next };
}

function withSettings(state: VersionsState, settings: VersionSettings, change: Change | 'reset'): VersionsState {
  return {
    ...state,
    settings,
    result: runVersions(settings),
    scroll: 0,
    focus: null,
    message: null,
    ...afterChange(state, change),
  };
}

export function versionsReducer(state: VersionsState, action: VersionsAction): VersionsState {
  switch (action.type) {
    case 'tick':
      return state;
    case 'answered': {
      if (!state.asking) return state;
      // The answer is in the picture: it opens at the mode asked about (the winner, for which is first).
      const q = state.page.questions[state.asking.index];
      const mode = q?.mode ?? firstDone(state.result, shownModes(state)).at(-1);
      const focus = mode
        ? { mode, ...(q?.ask === 'done' ? { request: requestOf(q, state.settings.requests) } : {}) }
        : null;
      return { ...state, asking: { ...state.asking, answered: true }, focus, scroll: 0 };
    }
    // Another picture: an answered question leaves the screen to it (a waiting one keeps the keys from here).
    case 'view/toggle':
      if (state.asking && !state.asking.answered) return state;
      return {
        ...state,
        view: state.view === 'waterfall' ? 'frames' : 'waterfall',
        asking: null,
        scroll: 0,
        focus: null,
        message: null,
      };
    case 'modes/toggle': {
      if (state.asking && !state.asking.answered) return state;
      const allModes = !state.allModes;
      const message = versionsText(allModes ? 'allModes' : 'pageModes');
      return { ...state, allModes, asking: null, scroll: 0, focus: null, message };
    }
    case 'scroll': {
      const min = action.min ?? 0;
      const max = action.max ?? Number.POSITIVE_INFINITY;
      const scroll = Math.max(min, Math.min(max, state.scroll + action.delta));
      return scroll === state.scroll ? state : { ...state, scroll, message: null };
    }
    case 'reset': {
      if (state.asking && !state.asking.answered) return state;
      const settings = pageSettings(state.page);
      if (same(settings, state.settings)) return { ...state, message: versionsText('nothingToReset') };
      const next = withSettings(state, settings, 'reset');
      return { ...next, slowMs: state.page.slow?.server ?? DEFAULT_SLOW, message: versionsText('reset') };
    }
    default: {
      // While a question waits for its answer the picture is fixed: it is what the question is about.
      if (state.asking && !state.asking.answered) return state;
      const c = changed(state, action);
      if ('message' in c) return { ...state, message: c.message };
      const next = withSettings(state, c.settings, c.change);
      return c.slowMs === undefined ? next : { ...next, slowMs: c.slowMs };
    }
  }
}
