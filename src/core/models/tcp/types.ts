// The TCP model's settings, questions and queries, as a lesson writes them.
import type { LocalText } from '../../i18n/localize.js';
import type { Side, SimEventType } from '../../tcp/types.js';

/** A page's TCP player: a scenario and the questions asked on the way. */
export interface TcpSettings {
  /** A built-in scenario name, or a path relative to the lesson folder. */
  scenario: string;
  /** Predict questions asked when the player reaches given events. */
  predict?: PredictPoint[];
}

export interface PredictPoint {
  id: string;
  /** Pause before the event this selector finds. */
  before: EventSelector;
  ask: PredictAsk;
  hints: LocalText[];
}

export const PREDICT_ASKS = ['next-state', 'next-flags', 'next-ack', 'next-seq'] as const;
export type PredictAsk = (typeof PREDICT_ASKS)[number];

export interface EventSelector {
  type: SimEventType;
  side?: Side;
  /** 1-based among the events that match type (and side); default 1. */
  nth?: number;
}

/** A computed short answer: run a scenario, changed by `set`, and read one value of the run. */
export interface TcpQuery {
  /** Built-in scenario name or a path relative to the lesson folder. */
  scenario: string;
  /** Scenario fields to override, e.g. {"client.isn": "{isn}"}; `{param}` is substituted. */
  set?: Record<string, string | number>;
  /** Which value of the run is the answer. */
  query: SimQuery;
}

export const SEGMENT_FIELDS = ['seq', 'ack', 'len', 'flags'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

export type SimQuery =
  | { segment: SegmentSelector; field: SegmentField }
  | { state: { side: Side; nth: number } }
  | { final: Side }
  | { count: SegmentSelector };

export interface SegmentSelector {
  side?: Side;
  nth?: number;
  flags?: string[];
}
