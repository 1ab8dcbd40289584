// One table drives both input handling and the key hints on screen.
import type { Key } from 'ink';

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
  | 'play'
  | 'step-forward'
  | 'step-back'
  | 'first-event'
  | 'last-event'
  | 'faster'
  | 'slower'
  | 'restart'
  | 'drop'
  | 'duplicate'
  | 'what-if'
  | 'compare';

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

type KeySpec = { name: KeyName } | { char: string } | { ctrl: string };

interface Binding {
  intent: Intent;
  keys: KeySpec[];
  /** How the keys are written in hints, e.g. "n/→". */
  label: string;
  /** What the key does, in a word or two. */
  does: string;
  /** Shown in the status bar (false: only in the ? help). */
  hint?: boolean;
}

const k = (name: KeyName): KeySpec => ({ name });
const c = (char: string): KeySpec => ({ char });

const QUIT: Binding = { intent: 'quit', keys: [c('q'), { ctrl: 'c' }], label: 'q', does: 'quit', hint: true };
const QUIT_CTRL_C: Binding = { intent: 'quit', keys: [{ ctrl: 'c' }], label: 'Ctrl+C', does: 'quit' };
const HELP: Binding = { intent: 'help', keys: [c('?')], label: '?', does: 'help', hint: true };
const MOVE: Binding = { intent: 'up', keys: [k('up'), c('k')], label: '↑/k', does: 'up' };
const MOVE_DOWN: Binding = { intent: 'down', keys: [k('down'), c('j')], label: '↓/j', does: 'down' };
const MOVE_HINT: Binding = { intent: 'up', keys: [], label: '↑↓', does: 'move', hint: true };
const NEXT: Binding = { intent: 'next-page', keys: [c('n'), k('right')], label: 'n/→', does: 'next page', hint: true };
const PREV: Binding = { intent: 'prev-page', keys: [c('p'), k('left')], label: 'p/←', does: 'previous', hint: true };
const HINT: Binding = { intent: 'hint', keys: [c('h')], label: 'h', does: 'hint', hint: true };
const BACK: Binding = { intent: 'back', keys: [k('escape')], label: 'Esc', does: 'lessons', hint: true };
const SCROLL_UP: Binding = { intent: 'page-up', keys: [k('pageup')], label: 'PgUp', does: 'scroll up' };
const SCROLL_DOWN: Binding = { intent: 'page-down', keys: [k('pagedown')], label: 'PgDn', does: 'scroll down' };

/** Answering a choice or ordering question: the same keys, Space doing what the question needs. */
function answering(space: string): Binding[] {
  return [
    MOVE,
    MOVE_DOWN,
    MOVE_HINT,
    { intent: 'toggle', keys: [k('space')], label: 'Space', does: space, hint: true },
    { intent: 'submit', keys: [k('return')], label: 'Enter', does: 'submit', hint: true },
    HINT,
    NEXT,
    PREV,
    BACK,
    HELP,
    QUIT,
  ];
}

/** Turning pages and scrolling a page. */
const READING: Binding[] = [
  NEXT,
  PREV,
  { ...MOVE, does: 'scroll' },
  { ...MOVE_DOWN, does: 'scroll' },
  SCROLL_UP,
  SCROLL_DOWN,
];

export const KEYMAP: Record<Mode, Binding[]> = {
  home: [
    MOVE,
    MOVE_DOWN,
    MOVE_HINT,
    { intent: 'select', keys: [k('return')], label: 'Enter', does: 'open', hint: true },
    {
      intent: 'open-nth',
      keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(c),
      label: '1-9',
      does: 'open that lesson',
    },
    HELP,
    QUIT,
  ],
  page: [...READING, BACK, HELP, QUIT],
  'short-answer': [
    { intent: 'focus-answer', keys: [k('return'), k('tab')], label: 'Enter', does: 'type the answer', hint: true },
    ...READING,
    HINT,
    BACK,
    HELP,
    QUIT,
  ],
  choice: answering('mark'),
  ordering: answering('pick up'),
  'ordering-grabbed': [
    { ...MOVE, does: 'move item up' },
    { ...MOVE_DOWN, does: 'move item down' },
    { ...MOVE_HINT, does: 'move item' },
    { intent: 'toggle', keys: [k('space'), k('return')], label: 'Space', does: 'put down', hint: true },
    { intent: 'back', keys: [k('escape')], label: 'Esc', does: 'cancel move', hint: true },
    HELP,
    QUIT,
  ],
  typing: [
    { intent: 'submit', keys: [k('return')], label: 'Enter', does: 'submit', hint: true },
    // Arrows type nothing, so they still turn pages while the answer field has the keys.
    { intent: 'next-page', keys: [k('right')], label: '→', does: 'next page' },
    { intent: 'prev-page', keys: [k('left')], label: '←', does: 'previous page' },
    { intent: 'erase', keys: [k('backspace')], label: 'Backspace', does: 'erase' },
    {
      intent: 'back',
      keys: [k('escape'), k('tab')],
      label: 'Esc',
      does: 'stop typing (then h, n, p, q work)',
      hint: true,
    },
    QUIT_CTRL_C,
  ],
  verdict: [
    NEXT,
    { intent: 'retry', keys: [c('r'), k('return')], label: 'r', does: 'try again', hint: true },
    PREV,
    { ...MOVE, does: 'scroll' },
    { ...MOVE_DOWN, does: 'scroll' },
    HINT,
    BACK,
    HELP,
    QUIT,
  ],
  help: [
    {
      intent: 'back',
      keys: [k('escape'), c('?'), c('q'), k('return')],
      label: 'Esc/?',
      does: 'close help',
      hint: true,
    },
    QUIT_CTRL_C,
  ],
  player: [
    { intent: 'play', keys: [k('space')], label: 'Space', does: 'play/pause', hint: true },
    { intent: 'step-forward', keys: [k('right'), c('l')], label: '→/←', does: 'step', hint: true },
    { intent: 'step-back', keys: [k('left')], label: '←', does: 'step back' },
    { intent: 'first-event', keys: [k('home'), c('g')], label: 'Home/g', does: 'first event' },
    { intent: 'last-event', keys: [k('end'), c('G')], label: 'End/G', does: 'last event' },
    { intent: 'faster', keys: [c('+'), c('=')], label: '+/-', does: 'speed' },
    { intent: 'slower', keys: [c('-')], label: '-', does: 'slower' },
    { intent: 'drop', keys: [c('d')], label: 'd', does: 'drop next', hint: true },
    { intent: 'duplicate', keys: [c('u')], label: 'u', does: 'duplicate next', hint: true },
    { intent: 'what-if', keys: [c('w')], label: 'w', does: 'what-if', hint: true },
    { intent: 'compare', keys: [c('c')], label: 'c', does: 'compare', hint: true },
    { intent: 'restart', keys: [c('r')], label: 'r', does: 'restart' },
    { intent: 'next-page', keys: [c('n')], label: 'n/p', does: 'page', hint: true },
    { intent: 'prev-page', keys: [c('p')], label: 'p', does: 'previous page' },
    BACK,
    HELP,
    QUIT,
  ],
  predict: [
    MOVE,
    MOVE_DOWN,
    MOVE_HINT,
    { intent: 'submit', keys: [k('return')], label: 'Enter', does: 'answer', hint: true },
    { intent: 'compare', keys: [c('c')], label: 'c', does: 'compare' },
    BACK,
    HELP,
    QUIT,
  ],
  confirm: [
    { intent: 'yes', keys: [c('y')], label: 'y', does: 'yes', hint: true },
    { intent: 'no', keys: [c('n'), k('escape'), k('return')], label: 'n/Esc', does: 'no', hint: true },
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

/** The intent a key has in a mode, or undefined. */
export function intentFor(mode: Mode, input: string, key: Key): Intent | undefined {
  for (const binding of KEYMAP[mode]) {
    if (binding.keys.some((spec) => matches(spec, input, key))) return binding.intent;
  }
  return undefined;
}

export interface KeyHint {
  keys: string;
  does: string;
}

/** The status-bar hints of a mode; `ascii` spells arrows as words. */
export function hintsFor(mode: Mode, ascii: boolean, all = false): KeyHint[] {
  return KEYMAP[mode]
    .filter((b) => all || b.hint)
    .filter((b, i, list) => list.findIndex((o) => o.label === b.label && o.does === b.does) === i)
    .map((b) => ({ keys: ascii ? asciiLabel(b.label) : b.label, does: b.does }));
}

export function asciiLabel(label: string): string {
  return label
    .replaceAll('↑↓', 'Up/Down')
    .replaceAll('↑', 'Up')
    .replaceAll('↓', 'Down')
    .replaceAll('←', 'Left')
    .replaceAll('→', 'Right');
}
