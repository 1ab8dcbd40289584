// How a kind of interactive model is drawn and driven: its keys (actions for
// its reducer in core/models) and its lines for the screen. A view draws what
// it is given and reads nothing else.
import type { LocalText } from '../../core/i18n/localize.js';
import type { Binding } from '../keymap.js';
import type { UiLine } from '../lines.js';
import type { Theme } from '../theme.js';

/** The question the model asks, as the screen shows it (already in the learner's language). */
export interface QuestionView {
  question: string;
  choices: string[];
  cursor: number;
  /** The hints asked for so far. */
  hints: string[];
  verdict?: { correct: boolean; expected: string; feedback: string[] };
}

export interface DrawOptions {
  width: number;
  height: number;
  theme: Theme;
  question: QuestionView | null;
  /** Sentences instead of a diagram (INK_SCREEN_READER). */
  screenReader: boolean;
  /** A text the model generates (core/i18n), in the learner's language, ready to measure (folded with --ascii-only). */
  tr: (text: LocalText) => string;
}

export interface ModelView<State> {
  readonly kind: string;
  /** The model's keys: intent 'model', each with the action it sends. Shown in the status bar and the help. */
  readonly bindings: readonly Binding[];
  /** At most `height` lines, each at most `width` wide. */
  lines(state: State, options: DrawOptions): UiLine[];
}

export type AnyModelView = ModelView<unknown>;

export function defineView<State>(view: ModelView<State>): AnyModelView {
  return view as unknown as AnyModelView;
}
