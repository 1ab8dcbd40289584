// The lesson model: what a lesson file holds once validated.
// The file format itself is documented in docs/authoring.md.
import type { ShortAnswerKind } from '../answers/normalize.js';
import type { LocalText } from '../i18n/localize.js';
import type { ModelRef } from '../models/registry.js';
import type { Scenario } from '../tcp/types.js';

export interface Lesson {
  id: string;
  order: number;
  title: LocalText;
  summary: LocalText;
  pages: Page[];
  /** Where it came from: absolute path of its lesson.jsonc (for messages). */
  source: string;
  /** 'builtin' for the lessons shipped in the package, else the --lessons folder. */
  pack: string;
  /** Scenario files of the lesson folder, by the relative path the lesson uses. */
  scenarios?: Record<string, Scenario>;
}

/**
 * A page is prose with at most one interactive block: an exercise, a model (see core/models), or a review of
 * another lesson's exercise or model page. Once the lessons are put together (core/lessons/review.ts), a review
 * page also holds that exercise or model, and the origin's title and text unless it has its own.
 */
export interface Page {
  id: string;
  title?: LocalText;
  text?: LocalText;
  exercise?: Exercise;
  model?: PageModel;
  review?: Review;
}

/**
 * A page's model: its kind and settings, and the ids of the questions it asks, as its kind says when the lesson
 * is read (core/lessons/parse.ts). Kept with the page so that counting a lesson's graded items (the scores on the
 * home screen, review pages) needs no model kind: the home screen is drawn before any kind has loaded.
 */
export interface PageModel extends ModelRef {
  questionIds: readonly string[];
}

/** A page that asks what another lesson wrote: `"review": { "from": "<lesson-id>/<exercise-or-question-id>" }`. */
export interface Review {
  /** As written: the lesson's id and the id of one of its exercises or of a question one of its models asks. */
  from: string;
  /** The line of `from` in lesson.jsonc, for messages (problems are found once every lesson is loaded). */
  line?: number;
  /** Where it comes from, filled in when the lessons are put together; absent until then. */
  origin?: ReviewOrigin;
}

export interface ReviewOrigin {
  lesson: string;
  lessonTitle: LocalText;
  page: string;
  pageTitle?: LocalText;
  /** The origin lesson's scenario files: its exercise and its model run with them, as in their own lesson. */
  scenarios?: Record<string, Scenario>;
}

export interface ChoiceOption {
  id: string;
  text: LocalText;
  /** Why this option is right or wrong; shown after the learner answers. */
  why: LocalText;
}

export interface OrderItem {
  id: string;
  text: LocalText;
}

/** Random parameters drawn per attempt; `{name}` in texts is replaced by the value. */
export type ParamSpec = { int: [number, number] } | { choice: Array<string | number> };

/** Where a short answer's expected value comes from. */
export type AnswerSource = { value: string | number } | { model: ModelRef } | { expr: string };

interface ExerciseBase {
  id: string;
  prompt: LocalText;
  /** Escalating hints; the last may be the solution (asked for with a confirmation). */
  hints: LocalText[];
  /** Shown after any answer: the general why. */
  explanation?: LocalText;
  params?: Record<string, ParamSpec>;
}

export interface SingleChoiceExercise extends ExerciseBase {
  type: 'single';
  options: ChoiceOption[];
  answer: string;
}

export interface MultipleChoiceExercise extends ExerciseBase {
  type: 'multiple';
  options: ChoiceOption[];
  answer: string[];
}

export interface OrderingExercise extends ExerciseBase {
  type: 'ordering';
  /** Listed in the order shown to the learner (which must not be the answer). */
  items: OrderItem[];
  answer: string[];
  /** Per item: why it goes where it goes (shown at the first wrong position). */
  why?: Record<string, LocalText>;
}

export interface ShortAnswerExercise extends ExerciseBase {
  type: 'short';
  kind: ShortAnswerKind;
  answer: AnswerSource;
  /** Other accepted spellings (normalised the same way). */
  accept?: string[];
  /** Explanations for expected mistakes: an answer matching `answer` (normalised) gets `why`. */
  mistakes?: Array<{ id: string; answer: string | number | { expr: string }; why: LocalText }>;
}

export type Exercise = SingleChoiceExercise | MultipleChoiceExercise | OrderingExercise | ShortAnswerExercise;

/** A problem found in a lesson file. */
export interface LessonProblem {
  file: string;
  /** 1-based line in the file, when the format has lines and the field was found. */
  line?: number;
  /** A path such as `pages[2].exercise.options[0].why`, or '' for the whole file. */
  field: string;
  message: string;
}
