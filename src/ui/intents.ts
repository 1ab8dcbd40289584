// Keys become the session's actions here: the key table says what a key means
// in the current mode, and the mode is read from the state the key arrives in
// (not the one last drawn), so keys typed quickly never reach a stale screen.
import type { Key } from 'ink';
import { type TutorAction, type TutorState, currentExercise, tutorReducer } from '../core/tutor/machine.js';
import { nextLocale } from '../core/i18n/localize.js';
import { type Binding, type Mode, bindingFor } from './keymap.js';
import { modelBindings } from './models/registry.js';

export function modeOf(state: TutorState): Mode {
  if (state.overlay === 'help') return 'help';
  if (state.overlay === 'notices') return 'notices';
  if (state.overlay === 'info') return 'info';
  if (state.overlay === 'confirm-solution') return 'confirm';
  if (state.screen === 'home') return 'home';
  if (state.model) return state.prediction && !state.prediction.verdict ? 'predict' : 'player';
  const exercise = currentExercise(state);
  const attempt = state.attempt;
  if (!exercise || !attempt) return 'page';
  if (attempt.verdict) return 'verdict';
  if (exercise.type === 'short') return attempt.typing ? 'typing' : 'short-answer';
  if (exercise.type === 'ordering') return attempt.grabbed ? 'ordering-grabbed' : 'ordering';
  return 'choice';
}

function actionFor(
  mode: Mode,
  binding: Binding,
  bodyMax: number,
  pageRows: number,
  input = '',
  shownTop?: number,
  modelShown?: unknown,
  locale = 'en',
): TutorAction | undefined {
  const intent = binding.intent;
  switch (intent) {
    case 'model':
      return {
        type: 'model',
        action: typeof binding.action === 'function' ? binding.action(modelShown) : binding.action,
      };
    case 'quit':
      return { type: 'quit' };
    case 'help':
      return { type: 'help/toggle' };
    case 'notices':
      return { type: 'notices/toggle' };
    case 'info':
      return { type: 'info/toggle' };
    case 'back':
      return mode === 'confirm' ? { type: 'solution/confirm', yes: false } : { type: 'back' };
    case 'next-page':
      return { type: 'page/next' };
    case 'prev-page':
      return { type: 'page/prev' };
    case 'hint':
      return mode === 'predict' ? { type: 'predict/hint' } : { type: 'hint' };
    case 'yes':
      return { type: 'solution/confirm', yes: true };
    case 'no':
      return { type: 'solution/confirm', yes: false };
    case 'submit':
      return mode === 'predict' ? { type: 'predict/submit' } : { type: 'answer/submit' };
    case 'retry':
      return { type: 'answer/retry' };
    case 'toggle':
      return { type: 'answer/toggle' };
    case 'erase':
      return { type: 'answer/erase' };
    case 'focus-answer':
      return { type: 'answer/focus' };
    case 'select':
      return { type: 'home/open' };
    case 'open-nth':
      return { type: 'home/open', index: Number(input) - 1 };
    case 'first':
    case 'last':
      return { type: 'home/jump', to: intent };
    case 'language':
      return { type: 'locale/set', locale: nextLocale(locale) };
    case 'up':
    case 'down': {
      const delta = intent === 'up' ? -1 : 1;
      if (mode === 'home') return { type: 'home/move', delta };
      if (mode === 'help' || mode === 'notices' || mode === 'info')
        return { type: 'overlay/scroll', delta, max: bodyMax };
      if (mode === 'predict') return { type: 'predict/move', delta };
      if (mode === 'page' || mode === 'short-answer' || mode === 'verdict')
        return { type: 'page/scroll', delta, max: bodyMax, from: shownTop };
      return { type: 'answer/move', delta };
    }
    case 'page-up':
    case 'page-down': {
      const delta = (intent === 'page-up' ? -1 : 1) * pageRows;
      return mode === 'help' || mode === 'notices' || mode === 'info'
        ? { type: 'overlay/scroll', delta, max: bodyMax }
        : { type: 'page/scroll', delta, max: bodyMax, from: shownTop };
    }
  }
}

/**
 * Keys typed faster than they are read (or sent in one packet over SSH) reach the app as one chunk, which
 * Ink passes on as a single "paste". Taken apart here, one key each, so `nnn` turns three pages and a
 * Space and an Enter that arrived together mark and then submit. Control characters become the keys
 * they are (Enter, Tab, Backspace, Ctrl+C).
 */
export function splitChunk(input: string, key: Key): Array<{ input: string; key: Key }> {
  if (input.length <= 1 || key.ctrl || key.meta || key.escape || key.return || key.tab) return [{ input, key }];
  const plain: Key = { ...key, shift: false };
  return Array.from(input).map((ch) => {
    if (ch === '\r' || ch === '\n') return { input: '', key: { ...plain, return: true } };
    if (ch === '\t') return { input: '', key: { ...plain, tab: true } };
    if (ch === '\u007f' || ch === '\b') return { input: '', key: { ...plain, delete: true } };
    if (ch === '\u0003') return { input: 'c', key: { ...plain, ctrl: true } };
    return { input: ch, key: { ...plain, shift: /[A-Z]/.test(ch) } };
  });
}

export type KeyAction = {
  type: 'key';
  input: string;
  key: Key;
  bodyMax: number;
  pageRows: number;
  /** The first body line on screen when the key came. */
  shownTop?: number;
  /** What the page's model view drew when the key came (its `shown`): a model key's action may depend on it. */
  modelShown?: unknown;
  /** When the key came (ISO 8601): what the session records are stamped with. */
  at: string;
  /** The session's language when the key came (the home screen's L goes on to the next one). */
  locale?: string;
};

export function appReducer(state: TutorState, action: TutorAction | KeyAction): TutorState {
  if (action.type !== 'key') return tutorReducer(state, action);
  // A message answers one key: the next key clears it (and may set another).
  state = tutorReducer(state, { type: 'message/clear', at: action.at });
  const { input, key } = action;
  const mode = modeOf(state);
  const binding = bindingFor(mode, input, key, modelBindings(state.model?.kind));
  if (binding) {
    const next = actionFor(
      mode,
      binding,
      action.bodyMax,
      action.pageRows,
      input,
      action.shownTop,
      action.modelShown,
      action.locale,
    );
    return next ? tutorReducer(state, next) : state;
  }
  if (mode === 'typing' && input && !key.ctrl && !key.meta && !key.escape) {
    const printable = Array.from(input)
      .filter((ch) => ch >= ' ' && ch !== '\u007f')
      .join('');
    if (printable) return tutorReducer(state, { type: 'answer/type', text: printable });
  }
  return state;
}
