// Every kind of screen of the tutorial in one session's states, reached with
// the session's reducer over the shipped lessons: the home screen (with
// notices, and lessons in progress and done), each page of each lesson, each
// exercise with a hint, the solution asked for and shown, and a verdict; each
// model page with its question, a hint and a verdict; the help, the notices,
// the page in full (i). And how to draw one with the app, at a size, in a
// language: for the tests that read the screens in Chinese.
import { cleanup } from 'ink-testing-library';
import type { Lesson } from '../../src/core/lessons/types.js';
import { findKind } from '../../src/core/models/registry.js';
import { emptyProgress, recordAnswer, recordPage } from '../../src/core/progress/merge.js';
import type { Progress } from '../../src/core/progress/types.js';
import {
  type TutorAction,
  type TutorState,
  currentExercise,
  initialTutorState,
  tutorReducer,
} from '../../src/core/tutor/machine.js';
import { noticeText } from '../../src/node/notices.js';
import { App } from '../../src/ui/App.js';
import { modeOf } from '../../src/ui/intents.js';
import { viewFor } from '../../src/ui/models/registry.js';
import { makeTheme } from '../../src/ui/theme.js';
import { builtinLessons } from './builtin-lessons.js';
import { renderTui } from './render.js';

const NOW = '2026-01-01T00:00:00.000Z';

export interface Screen {
  /** What the screen is, for messages: "home", "teardown/fin-ack: verdict". */
  name: string;
  state: TutorState;
}

const run = (s: TutorState, ...actions: TutorAction[]): TutorState => actions.reduce(tutorReducer, s);

/** Progress with the first lesson done and the second begun: the list shows every status. */
function someProgress(lessons: readonly Lesson[]): Progress {
  let p = emptyProgress();
  const [first, second] = lessons;
  if (first) {
    for (const page of first.pages) {
      p = recordPage(p, first.id, page.id, NOW);
      if (page.exercise)
        p = recordAnswer(p, first.id, page.exercise.id, { correct: true, hintsUsed: 0, solutionShown: false, at: NOW });
    }
  }
  if (second?.pages[0]) p = recordPage(p, second.id, second.pages[0].id, NOW);
  return p;
}

function start(progress: Progress = emptyProgress()): TutorState {
  return initialTutorState({
    now: NOW,
    lessons: builtinLessons,
    progress,
    seed: 11,
    notices: [noticeText('lessonReplaced', 'my-teardown', '/home/learner/lessons')],
  });
}

/** The state on page `index` of `lesson`. */
function onPage(lesson: Lesson, index: number): TutorState {
  let s = run(start(), { type: 'lesson/open', lessonId: lesson.id });
  while (s.pageIndex < index) s = run(s, { type: 'page/next' });
  return s;
}

/** An answer of the right shape (not necessarily right): a mark, the order as it is, or something typed. */
function answered(s: TutorState): TutorState {
  const e = currentExercise(s);
  if (!e) return s;
  if (e.type === 'short')
    return run(s, { type: 'answer/focus' }, { type: 'answer/type', text: '42' }, { type: 'answer/submit' });
  if (e.type === 'ordering') return run(s, { type: 'answer/submit' });
  return run(s, { type: 'answer/toggle' }, { type: 'answer/submit' });
}

/** Keys of the model's view pressed until the model asks its question: forward steps first, then every key in turn. */
function untilAsked(s: TutorState, tries = 80): TutorState {
  const bindings = (s.model && viewFor(s.model.kind)?.bindings) ?? [];
  const actions = bindings
    .filter((b) => b.intent === 'model' && b.action !== undefined && typeof b.action !== 'function')
    .map((b) => b.action);
  const forward = actions.find((a) => JSON.stringify(a).includes('"delta":1'));
  let state = s;
  for (let i = 0; i < tries / 2 && !state.prediction && forward; i++)
    state = run(state, { type: 'model', action: forward });
  // Then each key once, followed by forward steps (a question may wait for another setting or condition).
  for (let i = 0; i < actions.length && !state.prediction; i++) {
    state = run(state, { type: 'model', action: actions[i] });
    for (let j = 0; j < tries / 4 && !state.prediction && forward; j++)
      state = run(state, { type: 'model', action: forward });
  }
  return state;
}

/** The screens of one page: as it opens, and for an exercise or a model's question, what follows. */
function pageScreens(lesson: Lesson, index: number, full: boolean, helpFor: Set<string>): Screen[] {
  const page = lesson.pages[index]!;
  const screens: Screen[] = [];
  const add = (what: string, state: TutorState) =>
    screens.push({ name: `${lesson.id}/${page.id}${what ? `: ${what}` : ''}`, state });
  /** The help of a screen, once per kind of screen. */
  const help = (state: TutorState) => {
    const mode = modeOf(state);
    if (helpFor.has(mode)) return;
    helpFor.add(mode);
    add(`help (${mode})`, run(state, { type: 'help/toggle' }));
  };
  const s = onPage(lesson, index);
  add('', s);
  help(s);
  if (page.exercise) {
    const e = page.exercise;
    const hinted = e.hints.length > 0 ? run(s, { type: 'hint' }) : s;
    if (full) add('hint', hinted);
    const verdict = answered(hinted);
    add('verdict', verdict);
    help(verdict);
    if (full) {
      let asking = verdict;
      for (let i = 0; i <= e.hints.length && asking.overlay !== 'confirm-solution'; i++)
        asking = run(asking, { type: 'hint' });
      add('show the solution?', asking);
      help(asking);
      add('solution', run(asking, { type: 'solution/confirm', yes: true }));
      if (e.type === 'ordering') {
        const carrying = run(s, { type: 'answer/toggle' });
        add('carrying an item', carrying);
        help(carrying);
      }
      if (e.type === 'short') {
        const stopped = run(s, { type: 'back' });
        add('not typing', stopped);
        help(stopped);
      }
      // A key that cannot do its usual thing says why.
      add('a message', run(s, { type: 'answer/focus' }, { type: 'answer/submit' }));
    }
  }
  if (s.model) {
    if (full) add('info', run(s, { type: 'info/toggle' }));
    const asked = untilAsked(s);
    if (asked.prediction) {
      if (asked !== s) add('question', asked);
      help(asked);
      const hinted = asked.prediction.hints.length > 0 ? run(asked, { type: 'predict/hint' }) : asked;
      if (full) add('question, hint', hinted);
      // A wrong choice when there is one (the verdict then says why), else the first.
      const p = hinted.prediction!;
      const wrong = p.choices.findIndex((_, i) => i > 0);
      const moved = wrong > 0 ? run(hinted, { type: 'predict/move', delta: wrong }) : hinted;
      const judged = run(moved, { type: 'predict/submit' });
      add('question, verdict', judged);
      help(judged);
      if (full) add('question, verdict, info', run(judged, { type: 'info/toggle' }));
    }
  }
  return screens;
}

/** The home screen: lessons done, in progress and not started, a notice; its help and the notices. */
export function homeScreens(lessons: readonly Lesson[] = builtinLessons): Screen[] {
  const home = start(someProgress(lessons));
  return [
    { name: 'home', state: home },
    { name: 'home: help', state: run(home, { type: 'help/toggle' }) },
    { name: 'home: notices', state: run(home, { type: 'notices/toggle' }) },
  ];
}

/**
 * One screen of every kind, in full: the home screen, a text page, each type of exercise (its hint, verdict,
 * the solution asked for and shown, an item carried, a message), each kind of model (its page, the page in
 * full, its question, a hint, the verdict), the last page of a lesson done, and the help of each.
 */
export function screenKinds(lessons: readonly Lesson[] = builtinLessons): Screen[] {
  const screens = homeScreens(lessons);
  const helpFor = new Set<string>(['home']);
  const seen = new Set<string>();
  for (const lesson of lessons) {
    lesson.pages.forEach((page, index) => {
      // A model page where the model asks a question, for each kind (a gateway's `who` too).
      const asks = page.model
        ? (findKind(page.model.kind)
            ?.questionIds(page.model.settings)
            .map(() => JSON.stringify(page.model!.settings).match(/"ask":"(\w+)"/)?.[1] ?? 'a question')[0] ?? '')
        : '';
      const kind = page.exercise
        ? `exercise ${page.exercise.type}`
        : page.model
          ? `model ${page.model.kind} ${asks}`
          : 'text';
      if (seen.has(kind) || (page.model && !asks)) return;
      seen.add(kind);
      screens.push(...pageScreens(lesson, index, true, helpFor));
    });
  }
  // The last page of a lesson done: the lesson's score, and how to go back.
  const first = lessons[0]!;
  let done = run(start(someProgress(lessons)), { type: 'lesson/open', lessonId: first.id });
  while (done.pageIndex < first.pages.length - 1) done = run(done, { type: 'page/next' });
  screens.push({ name: `${first.id}: done`, state: done });
  return screens;
}

/** Every page of every lesson as it opens, each exercise's verdict, each model's question and verdict. */
export function everyPage(lessons: readonly Lesson[] = builtinLessons): Screen[] {
  const helpFor = new Set<string>(Object.keys({ home: 1 }));
  return lessons.flatMap((lesson) => lesson.pages.flatMap((_, index) => pageScreens(lesson, index, false, helpFor)));
}

/** The app drawn in `state`, at a size and in a language: the last frame. */
export async function drawScreen(
  state: TutorState,
  size: { columns: number; rows: number },
  locale = 'zh-CN',
  ascii = false,
): Promise<string> {
  const ui = await renderTui(
    <App
      initial={state}
      theme={makeTheme({ color: false, ascii })}
      locale={locale}
      progressFile="/tmp/progress.json"
      onSave={() => undefined}
    />,
    size,
  );
  const frame = ui.frame();
  cleanup();
  return frame;
}
