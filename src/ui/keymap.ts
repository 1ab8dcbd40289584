// One table drives both input handling and the key hints on screen. What a key
// does is a LocalText (src/ui/strings.ts), said in the learner's language.
import type { Key } from 'ink';
import { type LocalText, text } from '../core/i18n/localize.js';
import { keyText as K } from './strings.js';

export type Intent =
  | 'quit'
  | 'help'
  | 'back'
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'select'
  | 'open-nth'
  /** The first or the last lesson on the home screen. */
  | 'first'
  | 'last'
  /** The next language (English, Chinese), on the home screen. */
  | 'language'
  | 'next-page'
  | 'prev-page'
  | 'hint'
  | 'toggle'
  | 'submit'
  | 'retry'
  | 'yes'
  | 'no'
  | 'erase'
  | 'focus-answer'
  | 'notices'
  /** The page and its model in full (a page with a model). */
  | 'info'
  /** A key of the page's model (see src/ui/models): the binding carries the model's action. */
  | 'model';

/** Where the learner is; each mode has its own bindings. */
export type Mode =
  | 'home'
  | 'page'
  | 'short-answer'
  | 'choice'
  | 'ordering'
  | 'ordering-grabbed'
  | 'typing'
  | 'verdict'
  | 'help'
  | 'notices'
  | 'info'
  | 'confirm'
  | 'player'
  | 'predict';

type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'return'
  | 'escape'
  | 'space'
  | 'tab'
  | 'backspace'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end';

export type KeySpec = { name: KeyName } | { char: string } | { ctrl: string };

export interface Binding {
  intent: Intent;
  /**
   * With intent 'model': the action the model's reducer gets, or a function that makes it from what the
   * model's view last drew (its `shown`, see src/ui/models/view.ts), e.g. how far its diagram can scroll.
   */
  action?: unknown;
  /** The keys; none for a status-bar summary of other bindings (e.g. "↑↓ move"). */
  keys: KeySpec[];
  /** What the keys do, in a few words. */
  does: LocalText;
  /** Fewer words for the status bar, where room is short (the help says `does`). */
  brief?: LocalText;
  /** Shown in the status bar (false: only in the ? help). */
  hint?: boolean;
  /** How the status bar writes the keys when not all of them (e.g. "Enter" for Enter and Tab); the help always lists every key. */
  label?: string;
}

export const k = (name: KeyName): KeySpec => ({ name });
export const c = (char: string): KeySpec => ({ char });
/** A status-bar summary of bindings listed one by one in the help. */
export const summary = (intent: Intent, label: string, does: LocalText): Binding => ({
  intent,
  keys: [],
  label,
  does,
  hint: true,
});

const QUIT: Binding = { intent: 'quit', keys: [c('q'), { ctrl: 'c' }], label: 'q', does: K('quit'), hint: true };
const QUIT_CTRL_C: Binding = { intent: 'quit', keys: [{ ctrl: 'c' }], does: K('quit') };
const HELP: Binding = { intent: 'help', keys: [c('?')], does: K('help'), hint: true };
const UP: Binding = { intent: 'up', keys: [k('up'), c('k')], does: K('moveUp') };
const DOWN: Binding = { intent: 'down', keys: [k('down'), c('j')], does: K('moveDown') };
const MOVE_HINT = summary('up', '↑↓', K('move'));
const NEXT: Binding = { intent: 'next-page', keys: [c('n'), k('right')], does: K('nextPage'), hint: true };
const PREV: Binding = { intent: 'prev-page', keys: [c('p'), k('left')], does: K('previousPage'), hint: true };
const HINT: Binding = { intent: 'hint', keys: [c('h')], does: K('hint'), hint: true };
/** Notices (a lesson file skipped, progress not saved…) in full; the screen says so when one is cut. */
const NOTICES: Binding = { intent: 'notices', keys: [c('!')], does: K('notices') };
const BACK: Binding = { intent: 'back', keys: [k('escape')], does: K('lessons'), hint: true };
/**
 * On a page with a model: the page's text, what the model runs and what it shows now, in full. A model's view
 * may list it among its own keys, to place it in the status bar; it is listed once all the same.
 */
export const INFO: Binding = {
  intent: 'info',
  keys: [c('i')],
  does: K('info'),
  brief: K('infoBrief'),
  hint: true,
};
const SCROLL: Binding[] = [
  { ...UP, does: K('scrollUp') },
  { ...DOWN, does: K('scrollDown') },
  { intent: 'page-up', keys: [k('pageup')], does: K('scrollUpScreen') },
  { intent: 'page-down', keys: [k('pagedown')], does: K('scrollDownScreen') },
];

/** Answering a choice or ordering question: the same keys, Space doing what the question needs. */
function answering(space: LocalText): Binding[] {
  return [
    UP,
    DOWN,
    MOVE_HINT,
    { intent: 'toggle', keys: [k('space')], does: space, hint: true },
    { intent: 'submit', keys: [k('return')], does: K('submit'), hint: true },
    HINT,
    NEXT,
    PREV,
    NOTICES,
    BACK,
    HELP,
    QUIT,
  ];
}

/** n and p alone turn the pages of a model's page: its own keys (→ steps the player) keep the arrows. */
const MODEL_NEXT: Binding = { intent: 'next-page', keys: [c('n')], does: K('nextPage') };
const MODEL_PREV: Binding = { intent: 'prev-page', keys: [c('p')], does: K('previousPage') };

/** Turning pages and scrolling a page. */
const READING: Binding[] = [NEXT, PREV, ...SCROLL];

export const KEYMAP: Record<Mode, Binding[]> = {
  home: [
    UP,
    DOWN,
    MOVE_HINT,
    { intent: 'select', keys: [k('return')], does: K('open'), hint: true },
    { intent: 'open-nth', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(c), does: K('openNth') },
    { intent: 'first', keys: [k('home'), c('g')], does: K('firstLesson') },
    { intent: 'last', keys: [k('end'), c('G')], does: K('lastLesson') },
    { intent: 'language', keys: [c('L')], does: K('language'), brief: K('languageBrief'), hint: true },
    NOTICES,
    HELP,
    QUIT,
  ],
  page: [...READING, NOTICES, BACK, HELP, QUIT],
  'short-answer': [
    { intent: 'focus-answer', keys: [k('return'), k('tab')], label: 'Enter', does: K('typeAnswer'), hint: true },
    ...READING,
    HINT,
    NOTICES,
    BACK,
    HELP,
    QUIT,
  ],
  choice: answering(K('mark')),
  ordering: answering(K('pickUp')),
  // Put down and cancel first: on a narrow terminal the status bar keeps them (the page says how to move).
  'ordering-grabbed': [
    { intent: 'toggle', keys: [k('space'), k('return')], label: 'Space', does: K('putDown'), hint: true },
    { intent: 'back', keys: [k('escape')], does: K('cancelMove'), hint: true },
    { ...UP, does: K('moveItemUp') },
    { ...DOWN, does: K('moveItemDown') },
    summary('up', '↑↓', K('moveItem')),
    HELP,
    QUIT,
  ],
  typing: [
    { intent: 'submit', keys: [k('return')], does: K('submit'), hint: true },
    // Arrows type nothing, so they still turn pages while the answer field has the keys.
    { intent: 'next-page', keys: [k('right')], does: K('nextPage') },
    { intent: 'prev-page', keys: [k('left')], does: K('previousPage') },
    { intent: 'erase', keys: [k('backspace')], does: K('erase') },
    {
      intent: 'back',
      keys: [k('escape'), k('tab')],
      label: 'Esc',
      does: K('stopTyping'),
      hint: true,
    },
    QUIT_CTRL_C,
  ],
  verdict: [
    NEXT,
    { intent: 'retry', keys: [c('r'), k('return')], label: 'r', does: K('tryAgain'), hint: true },
    PREV,
    ...SCROLL,
    HINT,
    NOTICES,
    BACK,
    HELP,
    QUIT,
  ],
  help: [
    {
      intent: 'back',
      keys: [k('escape'), c('?'), c('q'), k('return')],
      label: 'Esc/?',
      does: K('closeHelp'),
      hint: true,
    },
    ...SCROLL,
    summary('down', '↑↓', K('scroll')),
    QUIT_CTRL_C,
  ],
  notices: [
    {
      intent: 'back',
      keys: [k('escape'), c('!'), c('q'), k('return')],
      label: 'Esc/!',
      does: K('closeNotices'),
      hint: true,
    },
    ...SCROLL,
    summary('down', '↑↓', K('scroll')),
    QUIT_CTRL_C,
  ],
  info: [
    {
      intent: 'back',
      keys: [k('escape'), c('i'), c('q'), k('return')],
      label: 'Esc/i',
      does: K('close'),
      hint: true,
    },
    ...SCROLL,
    summary('down', '↑↓', K('scroll')),
    QUIT_CTRL_C,
  ],
  // The model's own keys (src/ui/models) come first; these are the page's.
  player: [INFO, MODEL_NEXT, MODEL_PREV, summary('next-page', 'n/p', K('page')), NOTICES, BACK, HELP, QUIT],
  predict: [
    UP,
    DOWN,
    summary('up', '↑↓', K('choose')),
    { intent: 'submit', keys: [k('return')], does: K('answer'), hint: true },
    HINT,
    INFO,
    // A question asked as its page opens must not hold the learner on it.
    MODEL_NEXT,
    MODEL_PREV,
    NOTICES,
    BACK,
    HELP,
    QUIT,
  ],
  confirm: [
    { intent: 'yes', keys: [c('y')], does: K('yesSolution'), label: 'y', hint: true },
    { intent: 'no', keys: [c('n'), k('escape'), k('return')], label: 'n/Esc', does: K('no'), hint: true },
    QUIT_CTRL_C,
  ],
};

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if ('ctrl' in spec) return key.ctrl && input === spec.ctrl;
  if ('char' in spec) return !key.ctrl && !key.meta && input === spec.char;
  switch (spec.name) {
    case 'up':
      return key.upArrow;
    case 'down':
      return key.downArrow;
    case 'left':
      return key.leftArrow;
    case 'right':
      return key.rightArrow;
    case 'return':
      return key.return;
    case 'escape':
      return key.escape;
    case 'tab':
      return key.tab;
    case 'space':
      return input === ' ';
    case 'backspace':
      // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
      return key.backspace || key.delete;
    case 'pageup':
      return key.pageUp;
    case 'pagedown':
      return key.pageDown;
    case 'home':
      return key.home;
    case 'end':
      return key.end;
  }
}

/** The bindings of a mode, with `extra` (the page model's keys) first. */
export function bindingsOf(mode: Mode, extra: readonly Binding[] = []): Binding[] {
  return mode === 'player' ? [...extra, ...KEYMAP[mode].filter((b) => !extra.includes(b))] : KEYMAP[mode];
}

/** The binding a key has in a mode, or undefined. */
export function bindingFor(mode: Mode, input: string, key: Key, extra: readonly Binding[] = []): Binding | undefined {
  return bindingsOf(mode, extra).find((binding) => binding.keys.some((spec) => matches(spec, input, key)));
}

/** The intent a key has in a mode, or undefined. */
export function intentFor(mode: Mode, input: string, key: Key, extra: readonly Binding[] = []): Intent | undefined {
  return bindingFor(mode, input, key, extra)?.intent;
}

export interface KeyHint {
  keys: string;
  does: string;
  intent: Intent;
}

/** A key's description in the learner's language; English unless a localizer is given. */
export type Localize = (t: LocalText) => string;
const english: Localize = (t) => text(t, 'en');

const KEY_NAMES: Record<KeyName, [string, string]> = {
  up: ['↑', 'Up'],
  down: ['↓', 'Down'],
  left: ['←', 'Left'],
  right: ['→', 'Right'],
  return: ['Enter', 'Enter'],
  escape: ['Esc', 'Esc'],
  space: ['Space', 'Space'],
  tab: ['Tab', 'Tab'],
  backspace: ['Backspace', 'Backspace'],
  pageup: ['PgUp', 'PgUp'],
  pagedown: ['PgDn', 'PgDn'],
  home: ['Home', 'Home'],
  end: ['End', 'End'],
};

function keyName(spec: KeySpec, ascii: boolean): string {
  if ('ctrl' in spec) return `Ctrl+${spec.ctrl.toUpperCase()}`;
  if ('char' in spec) return spec.char;
  return KEY_NAMES[spec.name][ascii ? 1 : 0];
}

/** Every key of a binding, as the help writes them: "n/→", "1-9". */
function keysLabel(keys: KeySpec[], ascii: boolean): string {
  const names = keys.map((spec) => keyName(spec, ascii));
  const digits = names.every((n) => /^[1-9]$/.test(n)) && names.length > 2;
  return digits ? `${names[0]}-${names[names.length - 1]}` : names.join('/');
}

/** The status-bar hints of a mode; `ascii` spells arrows as words. */
export function statusHints(
  mode: Mode,
  ascii: boolean,
  extra: readonly Binding[] = [],
  tr: Localize = english,
): KeyHint[] {
  return bindingsOf(mode, extra)
    .filter((b) => b.hint)
    .map((b) => ({
      keys: b.label ? asciiLabel(b.label, ascii) : keysLabel(b.keys, ascii),
      does: tr(b.brief ?? b.does),
      intent: b.intent,
    }));
}

/** The ? help of a mode: every binding with its keys, each key once; status-bar summaries are left out. */
export function helpEntries(
  mode: Mode,
  ascii: boolean,
  extra: readonly Binding[] = [],
  tr: Localize = english,
): KeyHint[] {
  return bindingsOf(mode, extra)
    .filter((b) => b.keys.length > 0)
    .map((b) => ({ keys: keysLabel(b.keys, ascii), does: tr(b.does), intent: b.intent }));
}

/** The status-bar hints of a mode, or with `all` the entries of its help. */
export function hintsFor(
  mode: Mode,
  ascii: boolean,
  all = false,
  extra: readonly Binding[] = [],
  tr: Localize = english,
): KeyHint[] {
  return all ? helpEntries(mode, ascii, extra, tr) : statusHints(mode, ascii, extra, tr);
}

function asciiLabel(label: string, ascii: boolean): string {
  if (!ascii) return label;
  return label
    .replaceAll('↑↓', 'Up/Down')
    .replaceAll('↑', 'Up')
    .replaceAll('↓', 'Down')
    .replaceAll('←', 'Left')
    .replaceAll('→', 'Right');
}
