// The whole learning session as a pure reducer: where the learner is, the
// exercise being answered, hints, verdicts and the progress record. The UI
// only turns keys into these actions and draws the state.
import type { Exercise, Lesson, Page } from '../lessons/types.js';
import type { LocalText } from '../i18n/localize.js';
import type { Progress } from '../progress/types.js';
import { nextRandom } from '../random.js';
import type { Verdict } from '../answers/verdict.js';
import { drawParams } from '../grading/grade.js';
import type { AnyModelKind } from '../models/kind.js';
import { findKind } from '../models/registry.js';
import { gradedKey, pageScenarios } from '../lessons/review.js';
import { recordAnswer, recordHint, recordLanguage, recordPage } from '../progress/merge.js';
import { exerciseRecord, lessonRecord } from '../progress/records.js';
import { ownEntry } from '../own.js';
import { type Answer, gradeExercise, solutionOf } from './content.js';

/** `info`: on a page with a model, the page's text and the model's own texts (what it runs, what it shows now) in full. */
export type Overlay = 'help' | 'notices' | 'confirm-solution' | 'info' | null;

/** `scroll` right after an answer: the view shows the verdict from its first line, wherever that is. */
export const SCROLL_TO_VERDICT = -1;

export interface Attempt {
  exerciseId: string;
  params: Record<string, string | number>;
  /** Highlighted row of a choice or ordering list. */
  cursor: number;
  /** Marked option ids (single and multiple choice). */
  marked: string[];
  /** Current order of item ids (ordering). */
  order: string[];
  /** An ordering item is picked up and moves with the cursor. */
  grabbed: boolean;
  /** Where the carried item was picked up, and the order then: Esc puts it back. */
  carriedFrom?: { cursor: number; order: string[] };
  /** Text typed (short answer). */
  input: string;
  /** Short answers: keys go to the text field. */
  typing: boolean;
  verdict: Verdict | null;
  /** Hints shown so far on this exercise (across attempts). */
  hintsShown: number;
  solutionShown: boolean;
  solution?: LocalText[];
}

/**
 * A one-line answer to a key that could not do what it usually does (the UI
 * words it): turning past the last or first page, submitting with nothing
 * marked or typed, asking for a hint when none is left.
 */
export type TutorMessage =
  | 'last-page'
  | 'first-page'
  | 'mark-first'
  | 'type-first'
  | 'no-more-hints'
  | 'no-more-question-hints'
  | 'no-question-hints';

export interface TutorState {
  lessons: Lesson[];
  progress: Progress;
  screen: 'home' | 'lesson';
  homeIndex: number;
  lessonIndex: number;
  pageIndex: number;
  /** First visible line of the page body. */
  scroll: number;
  overlay: Overlay;
  /** First visible line of the overlay (the help, the notices), kept apart from the page's scroll. */
  overlayScroll: number;
  attempt: Attempt | null;
  /** Notices to show once on the home screen (bad lesson files, a corrupt progress file…). */
  notices: LocalText[];
  /** Bumped whenever a graded answer changed progress: the shell saves then. */
  saveRequests: number;
  quitRequested: boolean;
  /** The interactive model of the current page (the TCP player, …), if it has one. */
  model: ModelState | null;
  /** The question the model asks: its choices, the highlighted one, the verdict. */
  prediction: Prediction | null;
  /** State of the pseudo-random generator used for exercise parameters. */
  seed: number;
  /** The time (ISO 8601) of the latest action that carried one: what progress records are stamped with. */
  now: string;
  /** Said once in the status area, until the next key. */
  message: TutorMessage | null;
  /**
   * Answers being worked on but not submitted, by lesson and exercise id: leaving a page (or the lesson)
   * and coming back in the same session finds the answer as it was left, with the same numbers.
   */
  drafts: Record<string, Attempt>;
  /**
   * The language the learner switched to on the home screen (L), recorded in progress too; undefined until
   * then: the session's language is the one it started in (--lang, the saved choice, LANG).
   */
  locale?: string;
}

/** A page's model as it runs: its kind (see core/models) and the state only that kind reads. */
export interface ModelState {
  kind: string;
  state: unknown;
}

export interface Prediction {
  pointId: string;
  question: LocalText;
  choices: string[];
  /** How each choice is shown, where it is a word to translate (the model grades `choices`). */
  labels?: (LocalText | undefined)[];
  hints: LocalText[];
  /** Hints shown so far (h); each is counted in the question's score, as for exercises. */
  hintsShown: number;
  cursor: number;
  verdict: Verdict | null;
  /** Once answered: the choices the model accepts (the one chosen is at `cursor`). */
  right?: number[];
}

/**
 * What can happen in a session. The clock comes in with the actions: an action may carry `at` (ISO 8601), and
 * anything recorded from then on is stamped with it, so the reducer never reads a clock itself.
 */
export type TutorAction = TutorIntent & { at?: string };

type TutorIntent =
  | { type: 'model'; action: unknown }
  | { type: 'predict/move'; delta: number }
  | { type: 'predict/submit' }
  | { type: 'predict/hint' }
  | { type: 'home/move'; delta: number }
  | { type: 'home/jump'; to: 'first' | 'last' }
  | { type: 'home/open'; index?: number }
  /** The learner chose a language on the home screen: it is recorded with the progress (and saved). */
  | { type: 'locale/set'; locale: string }
  | { type: 'lesson/open'; lessonId: string }
  | { type: 'page/next' }
  | { type: 'page/prev' }
  | { type: 'page/scroll'; delta: number; max: number; from?: number }
  | { type: 'overlay/scroll'; delta: number; max: number }
  | { type: 'back' }
  | { type: 'help/toggle' }
  | { type: 'notices/toggle' }
  | { type: 'info/toggle' }
  | { type: 'answer/focus' }
  | { type: 'answer/move'; delta: number }
  | { type: 'answer/toggle' }
  | { type: 'answer/type'; text: string }
  | { type: 'answer/erase' }
  | { type: 'answer/submit' }
  | { type: 'answer/retry' }
  | { type: 'hint' }
  | { type: 'solution/confirm'; yes: boolean }
  | { type: 'notices/dismiss' }
  | { type: 'message/clear' }
  | { type: 'quit' };

export function initialTutorState(input: {
  lessons: Lesson[];
  progress: Progress;
  notices?: LocalText[];
  seed?: number;
  startLesson?: string;
  /** When the session starts (ISO 8601). */
  now: string;
}): TutorState {
  const base: TutorState = {
    lessons: input.lessons,
    progress: input.progress,
    screen: 'home',
    homeIndex: 0,
    lessonIndex: 0,
    pageIndex: 0,
    scroll: 0,
    overlay: null,
    overlayScroll: 0,
    attempt: null,
    notices: input.notices ?? [],
    saveRequests: 0,
    quitRequested: false,
    model: null,
    prediction: null,
    seed: (input.seed ?? 1) >>> 0 || 1,
    now: input.now,
    message: null,
    drafts: {},
  };
  if (input.startLesson) return tutorReducer(base, { type: 'lesson/open', lessonId: input.startLesson });
  return base;
}

export const currentLesson = (s: TutorState): Lesson | undefined =>
  s.screen === 'lesson' ? s.lessons[s.lessonIndex] : undefined;

export const currentPage = (s: TutorState): Page | undefined => currentLesson(s)?.pages[s.pageIndex];

export const currentExercise = (s: TutorState): Exercise | undefined => currentPage(s)?.exercise;

function newAttempt(state: TutorState, exercise: Exercise, hintsShown: number): { attempt: Attempt; seed: number } {
  let seed = state.seed;
  const rng = () => {
    const r = nextRandom(seed);
    seed = r.state;
    return r.value;
  };
  const params = drawParams(exercise, rng);
  return {
    attempt: {
      exerciseId: exercise.id,
      params,
      cursor: 0,
      marked: [],
      order: exercise.type === 'ordering' ? exercise.items.map((i) => i.id) : [],
      grabbed: false,
      input: '',
      typing: exercise.type === 'short',
      verdict: null,
      hintsShown,
      solutionShown: false,
    },
    seed,
  };
}

const draftKey = (lessonId: string, exerciseId: string) => `${lessonId}/${exerciseId}`;

/** Keeps the attempt being left as a draft, unless it was answered (then the next visit starts afresh). */
function keepDraft(state: TutorState): TutorState {
  const lesson = currentLesson(state);
  const page = currentPage(state);
  const attempt = state.attempt;
  if (!lesson || !page || !attempt) return state;
  const key = draftKey(lesson.id, gradedKey(page, attempt.exerciseId));
  const { [key]: _old, ...others } = state.drafts;
  const drafts = attempt.verdict
    ? others
    : { ...others, [key]: { ...attempt, grabbed: false, carriedFrom: undefined } };
  return { ...state, drafts };
}

/** Enter a page: record it as seen and prepare its exercise, if any (the draft left there, if there is one). */
/**
 * The question a model asks now, as the session keeps it: the one already on screen (with its cursor, hints and
 * verdict) while the model asks the same, a fresh one when it asks another that is not answered yet, else none.
 */
function enterPage(current: TutorState, pageIndex: number): TutorState {
  const lesson = current.lessons[current.lessonIndex];
  const page = lesson?.pages[pageIndex];
  if (!lesson || !page) return current;
  const state = keepDraft(current);
  const progress = recordPage(state.progress, lesson.id, page.id, state.now);
  let next: TutorState = {
    ...state,
    pageIndex,
    scroll: 0,
    overlay: null,
    attempt: null,
    model: null,
    prediction: null,
    progress,
  };
  const kind = page.model && findKind(page.model.kind);
  if (page.model && kind) {
    // A model that draws (a random body to ask about) gets a seed of its own, new at each visit.
    const r = nextRandom(next.seed);
    const modelState = kind.start(page.model.settings, {
      scenarios: pageScenarios(lesson, page),
      seed: Math.floor(r.value * 0x100000000),
    });
    next = {
      ...next,
      seed: r.state,
      model: { kind: page.model.kind, state: modelState },
      // A model may ask its question at once, before any key.
      prediction: askedBy(kind, modelState, null),
    };
  }
  if (page.exercise) {
    const record = exerciseRecord(lessonRecord(progress, lesson.id), gradedKey(page, page.exercise.id));
    const draft = ownEntry(state.drafts, draftKey(lesson.id, gradedKey(page, page.exercise.id)));
    if (draft) {
      const hintsShown = Math.max(draft.hintsShown, record?.hintsUsed ?? 0);
      next = { ...next, attempt: { ...draft, hintsShown, typing: page.exercise.type === 'short' } };
    } else {
      const { attempt, seed } = newAttempt(next, page.exercise, record?.hintsUsed ?? 0);
      next = { ...next, attempt, seed };
    }
  }
  return next;
}

/**
 * The question a model asks in `modelState`, as the session keeps it: the one on screen while it is the same
 * question (with its verdict, once answered), a new one when the model asks another, or the same one again
 * after its verdict (a new attempt: the hints already seen stay counted).
 */
function askedBy(kind: AnyModelKind, modelState: unknown, current: Prediction | null): Prediction | null {
  const q = kind.question(modelState);
  if (!q) return null;
  const same = current !== null && current.pointId === q.id;
  if (same && !(current.verdict && !q.answered)) return current;
  if (q.answered) return null;
  return {
    pointId: q.id,
    question: q.question,
    choices: q.choices,
    ...(q.labels ? { labels: q.labels } : {}),
    hints: q.hints,
    hintsShown: same ? current.hintsShown : 0,
    cursor: 0,
    verdict: null,
  };
}

function openLesson(state: TutorState, lessonIndex: number): TutorState {
  const lesson = state.lessons[lessonIndex];
  if (!lesson || lesson.pages.length === 0) return state;
  const record = lessonRecord(state.progress, lesson.id);
  const resumeAt = record?.page ? lesson.pages.findIndex((p) => p.id === record.page) : -1;
  return enterPage({ ...state, screen: 'lesson', lessonIndex, homeIndex: lessonIndex }, Math.max(0, resumeAt));
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function optionCount(exercise: Exercise): number {
  return exercise.type === 'ordering' ? exercise.items.length : exercise.type === 'short' ? 0 : exercise.options.length;
}

function answerOf(exercise: Exercise, attempt: Attempt): Answer | undefined {
  switch (exercise.type) {
    case 'single':
      return attempt.marked[0] ?? exercise.options[attempt.cursor]?.id;
    case 'multiple':
      return attempt.marked.length > 0 ? attempt.marked : undefined;
    case 'ordering':
      return attempt.order;
    case 'short':
      return attempt.input.trim() === '' ? undefined : attempt.input;
  }
}

function updateAttempt(state: TutorState, change: (a: Attempt, e: Exercise) => Attempt): TutorState {
  const exercise = currentExercise(state);
  if (!state.attempt || !exercise) return state;
  return { ...state, attempt: change(state.attempt, exercise) };
}

export function tutorReducer(current: TutorState, action: TutorAction): TutorState {
  const state = action.at && action.at !== current.now ? { ...current, now: action.at } : current;
  switch (action.type) {
    case 'home/move':
      if (state.screen !== 'home' || state.lessons.length === 0) return state;
      return { ...state, homeIndex: clamp(state.homeIndex + action.delta, 0, state.lessons.length - 1) };
    case 'home/jump':
      if (state.screen !== 'home' || state.lessons.length === 0) return state;
      return { ...state, homeIndex: action.to === 'first' ? 0 : state.lessons.length - 1 };
    case 'locale/set':
      if (state.screen !== 'home' || state.overlay) return state;
      return {
        ...state,
        locale: action.locale,
        progress: recordLanguage(state.progress, action.locale, state.now),
        saveRequests: state.saveRequests + 1,
      };
    case 'home/open':
      if (state.screen !== 'home') return state;
      return openLesson(state, action.index ?? state.homeIndex);
    case 'lesson/open': {
      const index = state.lessons.findIndex((l) => l.id === action.lessonId);
      return index < 0 ? state : openLesson({ ...state, screen: 'home' }, index);
    }
    case 'page/next':
    case 'page/prev': {
      const lesson = currentLesson(state);
      if (!lesson || state.overlay) return state;
      if (state.attempt?.grabbed) return state;
      const target = state.pageIndex + (action.type === 'page/next' ? 1 : -1);
      if (target < 0) return { ...state, message: 'first-page' };
      if (target >= lesson.pages.length) return { ...state, message: 'last-page' };
      return enterPage(state, target);
    }
    case 'page/scroll': {
      // Until the learner scrolls, a verdict is shown from its start: scrolling goes on from what is shown.
      const from = state.scroll === SCROLL_TO_VERDICT ? (action.from ?? 0) : state.scroll;
      return { ...state, scroll: clamp(from + action.delta, 0, Math.max(0, action.max)) };
    }
    case 'overlay/scroll':
      if (!state.overlay) return state;
      return { ...state, overlayScroll: clamp(state.overlayScroll + action.delta, 0, Math.max(0, action.max)) };
    case 'back':
      if (state.overlay) return { ...state, overlay: null };
      if (state.attempt?.grabbed)
        // Cancels the move: the carried item goes back where it was picked up.
        return updateAttempt(state, (a) => ({
          ...a,
          grabbed: false,
          order: a.carriedFrom?.order ?? a.order,
          cursor: a.carriedFrom?.cursor ?? a.cursor,
          carriedFrom: undefined,
        }));
      if (state.attempt?.typing) return updateAttempt(state, (a) => ({ ...a, typing: false }));
      if (state.screen === 'lesson') return { ...keepDraft(state), screen: 'home', attempt: null, scroll: 0 };
      return state;
    case 'help/toggle':
      return {
        ...state,
        overlay: state.overlay === 'help' ? null : state.overlay ? state.overlay : 'help',
        overlayScroll: 0,
      };
    case 'notices/toggle':
      if (state.overlay && state.overlay !== 'notices') return state;
      return { ...state, overlay: state.overlay === 'notices' ? null : 'notices', overlayScroll: 0 };
    case 'info/toggle':
      if (!state.model || (state.overlay && state.overlay !== 'info')) return state;
      return { ...state, overlay: state.overlay === 'info' ? null : 'info', overlayScroll: 0 };
    case 'answer/focus':
      return updateAttempt(state, (a, e) => (e.type === 'short' && !a.verdict ? { ...a, typing: true } : a));
    case 'answer/move':
      return updateAttempt(state, (a, e) => {
        if (a.verdict) return a;
        const count = optionCount(e);
        if (count === 0) return a;
        const cursor = clamp(a.cursor + action.delta, 0, count - 1);
        if (e.type === 'ordering' && a.grabbed && cursor !== a.cursor) {
          const order = [...a.order];
          const [moved] = order.splice(a.cursor, 1);
          order.splice(cursor, 0, moved!);
          return { ...a, cursor, order };
        }
        return { ...a, cursor };
      });
    case 'answer/toggle':
      return updateAttempt(state, (a, e) => {
        if (a.verdict) return a;
        if (e.type === 'ordering')
          return a.grabbed
            ? { ...a, grabbed: false, carriedFrom: undefined }
            : { ...a, grabbed: true, carriedFrom: { cursor: a.cursor, order: a.order } };
        if (e.type === 'single') {
          const id = e.options[a.cursor]?.id;
          return id ? { ...a, marked: [id] } : a;
        }
        if (e.type === 'multiple') {
          const id = e.options[a.cursor]?.id;
          if (!id) return a;
          return { ...a, marked: a.marked.includes(id) ? a.marked.filter((m) => m !== id) : [...a.marked, id] };
        }
        return a;
      });
    case 'answer/type':
      return updateAttempt(state, (a) =>
        a.typing && !a.verdict ? { ...a, input: (a.input + action.text).slice(0, 200) } : a,
      );
    case 'answer/erase':
      return updateAttempt(state, (a) =>
        a.typing && !a.verdict ? { ...a, input: Array.from(a.input).slice(0, -1).join('') } : a,
      );
    case 'answer/submit': {
      const lesson = currentLesson(state);
      const page = currentPage(state);
      const exercise = currentExercise(state);
      const attempt = state.attempt;
      if (!lesson || !page || !exercise || !attempt || attempt.verdict || attempt.grabbed) return state;
      const answer = answerOf(exercise, attempt);
      if (answer === undefined) return { ...state, message: exercise.type === 'short' ? 'type-first' : 'mark-first' };
      const verdict = gradeExercise(lesson, page, exercise, answer, attempt.params);
      const progress = recordAnswer(state.progress, lesson.id, gradedKey(page, exercise.id), {
        correct: verdict.correct,
        hintsUsed: attempt.hintsShown,
        solutionShown: attempt.solutionShown,
        at: state.now,
      });
      return {
        ...state,
        progress,
        scroll: SCROLL_TO_VERDICT,
        // A single choice is answered with the highlighted option: it stays shown as the one chosen.
        attempt: {
          ...attempt,
          verdict,
          typing: false,
          marked: typeof answer === 'string' && exercise.type === 'single' ? [answer] : attempt.marked,
        },
        saveRequests: state.saveRequests + 1,
      };
    }
    case 'answer/retry': {
      const exercise = currentExercise(state);
      if (!exercise || !state.attempt?.verdict) return state;
      const { attempt, seed } = newAttempt(state, exercise, state.attempt.hintsShown);
      return { ...state, seed, attempt: { ...attempt, solutionShown: state.attempt.solutionShown } };
    }
    case 'hint': {
      const exercise = currentExercise(state);
      const lesson = currentLesson(state);
      const page = currentPage(state);
      const attempt = state.attempt;
      if (!exercise || !lesson || !page || !attempt || state.overlay) return state;
      if (attempt.hintsShown < exercise.hints.length) {
        const hintsShown = attempt.hintsShown + 1;
        return {
          ...state,
          attempt: { ...attempt, hintsShown },
          progress: recordHint(state.progress, lesson.id, gradedKey(page, exercise.id), {
            hintsUsed: hintsShown,
            solutionShown: false,
            at: state.now,
          }),
          saveRequests: state.saveRequests + 1,
        };
      }
      if (attempt.solutionShown) return { ...state, message: 'no-more-hints' };
      return { ...state, overlay: 'confirm-solution' };
    }
    case 'solution/confirm': {
      if (state.overlay !== 'confirm-solution') return state;
      const exercise = currentExercise(state);
      const lesson = currentLesson(state);
      const page = currentPage(state);
      const attempt = state.attempt;
      if (!action.yes || !exercise || !lesson || !page || !attempt) return { ...state, overlay: null };
      return {
        ...state,
        overlay: null,
        attempt: { ...attempt, solutionShown: true, solution: solutionOf(lesson, page, exercise, attempt.params) },
        progress: recordHint(state.progress, lesson.id, gradedKey(page, exercise.id), {
          hintsUsed: attempt.hintsShown,
          solutionShown: true,
          at: state.now,
        }),
        saveRequests: state.saveRequests + 1,
      };
    }
    case 'model': {
      const kind = state.model && findKind(state.model.kind);
      if (!state.model || !kind || state.overlay) return state;
      const model = { ...state.model, state: kind.reduce(state.model.state, action.action) };
      return { ...state, model, prediction: askedBy(kind, model.state, state.prediction) };
    }
    case 'predict/move': {
      const p = state.prediction;
      if (!p || p.verdict) return state;
      return { ...state, prediction: { ...p, cursor: clamp(p.cursor + action.delta, 0, p.choices.length - 1) } };
    }
    case 'predict/hint': {
      const p = state.prediction;
      const lesson = currentLesson(state);
      const page = currentPage(state);
      if (!p || !lesson || !page) return state;
      if (p.hintsShown >= p.hints.length) {
        return { ...state, message: p.hints.length ? 'no-more-question-hints' : 'no-question-hints' };
      }
      const hintsShown = p.hintsShown + 1;
      return {
        ...state,
        prediction: { ...p, hintsShown },
        progress: recordHint(state.progress, lesson.id, gradedKey(page, p.pointId), {
          hintsUsed: hintsShown,
          solutionShown: false,
          at: state.now,
        }),
        saveRequests: state.saveRequests + 1,
      };
    }
    case 'predict/submit': {
      const p = state.prediction;
      const kind = state.model && findKind(state.model.kind);
      const lesson = currentLesson(state);
      const page = currentPage(state);
      if (!p || p.verdict || !state.model || !kind || !lesson || !page) return state;
      const answer = p.choices[p.cursor];
      if (answer === undefined) return state;
      const { state: modelState, verdict } = kind.answer(state.model.state, answer);
      const progress = recordAnswer(state.progress, lesson.id, gradedKey(page, p.pointId), {
        correct: verdict.correct,
        hintsUsed: p.hintsShown,
        solutionShown: false,
        at: state.now,
      });
      // Which choices are right, as the model grades them: the screen marks them beside the one chosen.
      const model = state.model;
      const right = p.choices.flatMap((choice, i) => (kind.answer(model.state, choice).verdict.correct ? [i] : []));
      return {
        ...state,
        progress,
        prediction: { ...p, verdict, right },
        model: { ...state.model, state: modelState },
        saveRequests: state.saveRequests + 1,
      };
    }
    case 'notices/dismiss':
      return { ...state, notices: [] };
    case 'message/clear':
      return state.message ? { ...state, message: null } : state;
    case 'quit':
      return { ...state, quitRequested: true };
  }
}
