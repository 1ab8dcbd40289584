// An interactive model is a plug-in: a lesson page names its `kind`, and the
// kind brings everything the tutorial needs from it — the settings' parser,
// a pure state machine the learner drives, the questions it asks as it goes
// and how they are graded, and the answers it computes for short-answer
// exercises. The tutor, the scores and the lesson checks ask the registry
// (registry.ts), never a kind by name. docs/models.md says how to add one.
import type { Verdict } from '../answers/verdict.js';
import type { LocalText } from '../i18n/localize.js';
import type { Checker, FieldProblem, JsonObject } from '../schema/checker.js';
import type { Scenario } from '../tcp/types.js';

/** What a kind may read besides its own settings: the lesson folder's data files. */
export interface KindContext {
  /** Scenario files of the lesson folder, by the relative path the lesson uses. */
  scenarios?: Readonly<Record<string, Scenario>>;
  /** A random number (a 32-bit seed) drawn for this visit of the page, for a model that builds examples at random. */
  seed?: number;
}

/** An exercise's random parameters for one attempt. */
export type Params = Record<string, string | number>;

/** A question the model asks while it runs ("what comes next?"), graded by the model itself. */
export interface ModelQuestion {
  id: string;
  question: LocalText;
  /** What the learner picks from: the values `answer` grades. */
  choices: string[];
  /**
   * How each choice is shown, where it is a word (`origin` is 源服务器 in Chinese): the same length as
   * `choices`, undefined where a choice is shown as it is (a number, a state, a field). Without it, every one is.
   */
  labels?: (LocalText | undefined)[];
  /** The lesson's hints for this question. */
  hints: LocalText[];
  /** Answered already: the model shows the verdict until it moves on. */
  answered: boolean;
}

export interface ModelKind<Settings, State, Action, Query> {
  readonly kind: string;
  /** Reads the page block's fields (besides `kind`); problems go to `c` with paths under `path`. */
  parseBlock(c: Checker, raw: JsonObject, path: string, ctx: KindContext): Settings | undefined;
  /** Problems only running the model can find; `field` is relative to the block ("predict[0].before"). */
  checkBlock(settings: Settings, ctx: KindContext): FieldProblem[];
  /** Ids of the questions in the block: each counts in the lesson's score like an exercise. */
  questionIds(settings: Settings): string[];
  /**
   * The same ids read from the block as written, before it is parsed: their texts (hints) are found in the
   * locale files and handed back to parseBlock as `hints: { <id>: [texts…] }`.
   */
  rawQuestionIds(raw: JsonObject): string[];
  /** The model of a page, as the learner first sees it. */
  start(settings: Settings, ctx: KindContext): State;
  reduce(state: State, action: Action): State;
  /** Milliseconds until the next `tick` while the model animates; null when it is still (no timer runs then). */
  tickMs(state: State): number | null;
  readonly tick: Action;
  /**
   * Stops the model animating, when the shell cannot show it (the terminal is too small): after it, tickMs is
   * null until the learner starts the model again. Without it, the shell only stops sending ticks.
   */
  readonly pause?: Action;
  /** The question on screen, if any. */
  question(state: State): ModelQuestion | null;
  /** Grades `choice` for the question on screen. */
  answer(state: State, choice: string): { state: State; verdict: Verdict };
  /** A computed short answer, `"answer": { "model": { "kind": …, … } }`: its fields besides `kind`. */
  parseQuery(c: Checker, raw: JsonObject, path: string, ctx: KindContext): Query | undefined;
  runQuery(query: Query, params: Params, ctx: KindContext): { value: string } | { error: string };
}

/** A kind as the registry holds it: its own types are its business. */
export type AnyModelKind = ModelKind<unknown, unknown, unknown, unknown>;

export function defineKind<Settings, State, Action, Query>(
  kind: ModelKind<Settings, State, Action, Query>,
): AnyModelKind {
  return kind as unknown as AnyModelKind;
}
