// How a kind of interactive model is drawn and driven: its keys (actions for
// its reducer in core/models) and its lines for the screen. A view draws what
// it is given and reads nothing else.
import type { LocalText } from '../../core/i18n/localize.js';
import type { Binding } from '../keymap.js';
import type { UiLine } from '../ui-line.js';
import type { Theme } from '../theme.js';

/** The question the model asks, as the screen shows it (already in the learner's language). */
export interface QuestionView {
  question: string;
  choices: string[];
  cursor: number;
  /** The hints asked for so far. */
  hints: string[];
  verdict?: {
    correct: boolean;
    expected: string;
    feedback: string[];
    /** The choice answered, and the choices the model accepts: marked on the list (✗ on a wrong one, ✓ on the right). */
    chosen?: number;
    right?: number[];
  };
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
  /** The language `tr` speaks (English with --ascii-only; English when not given): for a diagram's own notes. */
  locale?: string;
}

/** What a view drew, with what it wants handed back to its keys. */
export interface ModelDrawing {
  lines: UiLine[];
  /**
   * Anything a key's action needs to know about this drawing (how far a diagram can scroll, how many rows
   * make a page): a binding whose `action` is a function gets it with the next key.
   */
  shown?: unknown;
}

export interface ModelView<State> {
  readonly kind: string;
  /** The model's keys: intent 'model', each with the action it sends. Shown in the status bar and the help. */
  readonly bindings: readonly Binding[];
  /** At most `height` lines, each at most `width` wide: lines, or lines with what the keys need to know. */
  lines(state: State, options: DrawOptions): UiLine[] | ModelDrawing;
  /**
   * The rows the model needs to show all its text whole and a useful part of its drawing. The page's own
   * text is shown above the model when it fits in the rest, else one line says `i` shows it. Without it,
   * the page's text is shown whenever it fits in the page at all.
   */
  need?(state: State, options: DrawOptions): number;
  /** The model's texts in full for the `i` screen (what it runs, what it shows now), under the page's text. */
  info?(state: State, options: DrawOptions): UiLine[];
}

export type AnyModelView = ModelView<unknown>;

export function defineView<State>(view: ModelView<State>): AnyModelView {
  return view as unknown as AnyModelView;
}
