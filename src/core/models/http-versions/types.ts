// The HTTP versions model as a lesson page writes it: the starting settings,
// the modes shown, the view, and the questions it asks as the learner
// changes things; and the computed answers it gives.
import type { LocalText } from '../../i18n/localize.js';
import type { VersionMode } from './timeline.js';

/** What makes a question come: the page opening ("start", the first question only), or a change of a setting. */
export const TRIGGERS = ['start', 'any', 'requests', 'slow', 'rtt', 'connections'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** What a setting change was, to match a question's trigger. */
export type Change = Exclude<Trigger, 'start' | 'any'>;

export const ASKS = ['first-done', 'done', 'total'] as const;
export type Ask = (typeof ASKS)[number];

export const VIEWS = ['waterfall', 'frames'] as const;
export type View = (typeof VIEWS)[number];

export interface VersionsQuestion {
  id: string;
  /**
   * first-done: which of the modes shown finishes all the requests first; done: when a request's response has
   * arrived over `mode`; total: how long `mode` takes for all of them.
   */
  ask: Ask;
  mode?: VersionMode;
  /** For done: a request number (the last one when there are fewer), or "last". */
  request?: number | 'last';
  after: Trigger;
  hints: LocalText[];
}

/** A page's model: where the learner starts, and what it asks. */
export interface VersionsPage {
  requests: number;
  rtt: number;
  server: number;
  /** The slow request and its server time, if any. */
  slow: { request: number; server: number } | null;
  connections: number;
  /** The modes drawn, in order. */
  modes: VersionMode[];
  view: View;
  questions: VersionsQuestion[];
}

/** A value in a computed answer: a number, or a text with `{param}` that becomes one. */
export type Value = number | string;

export type VersionsQueryWhat =
  | { total: VersionMode }
  | { done: { mode: VersionMode; request: Value } }
  | { sent: { mode: VersionMode; request: Value } }
  | { connections: VersionMode };

/** A computed short answer: the settings (with parameters), and which value of the run is the answer. */
export interface VersionsQuery {
  requests: Value;
  rtt: Value;
  server: Value;
  slow?: { request: Value; server: Value };
  connections: Value;
  query: VersionsQueryWhat;
}

/** The ranges the tutorial's keys move within (the command allows more). */
export const UI_LIMITS = {
  requests: [1, 12],
  rtt: [20, 400],
  server: [0, 1000],
  slow: [0, 3000],
  connections: [1, 8],
} as const;

/** The RTTs `t` and `T` step through. */
export const RTT_STEPS = [20, 40, 60, 80, 100, 150, 200, 300, 400] as const;
/** How much `]` and `[` add to or take from the slow request's server time. */
export const SLOW_STEP = 100;
/** The server time a request gets when `s` first makes it slow, unless the page says otherwise. */
export const DEFAULT_SLOW = 600;
