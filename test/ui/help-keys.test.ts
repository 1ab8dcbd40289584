// The ? help of every screen lists each of its keys once, and only keys that
// do something there: each listed key, pressed in a typical state of that
// screen, changes the session.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { none } from '../helpers/keys.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { type TutorAction, type TutorState, initialTutorState, tutorReducer } from '../../src/core/tutor/machine.js';
import { appReducer, modeOf } from '../../src/ui/intents.js';
import { text } from '../../src/core/i18n/localize.js';
import { helpLines } from '../../src/ui/chrome.js';
import { KEYMAP, type KeySpec, type Mode } from '../../src/ui/keymap.js';
import { makeTheme } from '../../src/ui/theme.js';
import { sampleLesson, secondLesson } from '../fixtures/lessons.js';

const FLAGS: Record<string, keyof Key> = {
  up: 'upArrow',
  down: 'downArrow',
  left: 'leftArrow',
  right: 'rightArrow',
  return: 'return',
  escape: 'escape',
  tab: 'tab',
  backspace: 'backspace',
  pageup: 'pageUp',
  pagedown: 'pageDown',
  home: 'home',
  end: 'end',
};

/** What Ink reports for a key. */
function press(spec: KeySpec): { input: string; key: Key } {
  if ('ctrl' in spec) return { input: spec.ctrl, key: { ...none, ctrl: true } };
  if ('char' in spec) return { input: spec.char, key: none };
  if (spec.name === 'space') return { input: ' ', key: none };
  return { input: '', key: { ...none, [FLAGS[spec.name]!]: true } };
}

// A lesson with every kind of page, none of them first or last, so paging works both ways.
const tour: Lesson = {
  ...sampleLesson,
  id: 'tour',
  pages: [
    { id: 'start', text: 'Start.' },
    { id: 'middle', text: 'Middle.' },
    sampleLesson.pages[1]!,
    sampleLesson.pages[3]!,
    sampleLesson.pages[4]!,
    {
      id: 'sim',
      text: 'Watch.',
      model: {
        kind: 'tcp',
        settings: {
          scenario: 'handshake',
          predict: [
            { id: 'p1', before: { type: 'send', side: 'server', nth: 1 }, ask: 'next-ack', hints: ['One more.'] },
          ],
        },
        questionIds: ['p1'],
      },
    },
    { id: 'end', text: 'End.' },
  ],
};
const extra = Array.from({ length: 9 }, (_, i) => ({ ...secondLesson, id: `extra-${i}`, order: 10 + i }));

const run = (s: TutorState, ...actions: TutorAction[]) => actions.reduce(tutorReducer, s);
const base = () =>
  initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: [tour, ...extra],
    progress: emptyProgress(),
    seed: 3,
    startLesson: 'tour',
  });
const onPage = (id: string, ...actions: TutorAction[]) => {
  const s = base();
  const index = tour.pages.findIndex((p) => p.id === id);
  return run(s, ...Array.from({ length: index }, () => ({ type: 'page/next' }) as const), ...actions);
};
const scrolled = (s: TutorState): TutorState => ({ ...s, scroll: 5, overlayScroll: 5 });

/** A typical state of each screen, where its keys can act. */
const STATES: Record<Mode, () => TutorState> = {
  home: () => ({ ...run(base(), { type: 'back' }), homeIndex: 4 }),
  page: () => scrolled(onPage('middle')),
  choice: () => onPage('q-single', { type: 'answer/move', delta: 1 }),
  ordering: () => onPage('q-order', { type: 'answer/move', delta: 1 }),
  'ordering-grabbed': () => onPage('q-order', { type: 'answer/move', delta: 1 }, { type: 'answer/toggle' }),
  typing: () => onPage('q-short', { type: 'answer/type', text: '12' }),
  'short-answer': () => scrolled(onPage('q-short', { type: 'back' })),
  verdict: () => scrolled(onPage('q-single', { type: 'answer/submit' })),
  player: () => onPage('sim', { type: 'model', action: { type: 'step', delta: 1 } }),
  predict: () => onPage('sim', { type: 'model', action: { type: 'end' } }, { type: 'predict/move', delta: 1 }),
  help: () => scrolled(onPage('q-single', { type: 'help/toggle' })),
  notices: () => scrolled(onPage('q-single', { type: 'notices/toggle' })),
  info: () => scrolled(onPage('sim', { type: 'info/toggle' })),
  confirm: () => onPage('q-single', { type: 'hint' }, { type: 'hint' }, { type: 'hint' }),
};

const MODES = Object.keys(KEYMAP) as Mode[];

const NAMES: Record<string, KeySpec> = {
  '↑': { name: 'up' },
  '↓': { name: 'down' },
  '←': { name: 'left' },
  '→': { name: 'right' },
  Enter: { name: 'return' },
  Esc: { name: 'escape' },
  Space: { name: 'space' },
  Tab: { name: 'tab' },
  Backspace: { name: 'backspace' },
  PgUp: { name: 'pageup' },
  PgDn: { name: 'pagedown' },
  Home: { name: 'home' },
  End: { name: 'end' },
  'Ctrl+C': { ctrl: 'c' },
};

/** The keys a help entry names: "n/→" is n and →, "1-9" is each digit, "↑↓" is both arrows. */
function keysOf(label: string): KeySpec[] {
  const range = /^(\d)-(\d)$/.exec(label);
  if (range) {
    const out: KeySpec[] = [];
    for (let d = Number(range[1]); d <= Number(range[2]); d++) out.push({ char: String(d) });
    return out;
  }
  return label.split('/').flatMap((token): KeySpec[] => {
    if (token in NAMES) return [NAMES[token]!];
    if (token === '↑↓') return [NAMES['↑']!, NAMES['↓']!];
    if (token.length === 1) return [{ char: token }];
    throw new Error(`unknown key name in the help: ${token}`);
  });
}

/** The entries of the ? help as drawn: the keys column and what they do. */
function helpOf(mode: Mode): Array<{ keys: KeySpec[]; label: string; does: string }> {
  return helpLines(mode, makeTheme({ color: false, ascii: false }), [], (t) => text(t, 'en'))
    .filter((line) => line.length === 2 && line[0]!.text.startsWith('  '))
    .map((line) => ({ label: line[0]!.text.trim(), keys: keysOf(line[0]!.text.trim()), does: line[1]!.text }));
}

describe('the ? help of each screen', () => {
  it('has a typical state for every screen', () => {
    for (const mode of MODES) expect(modeOf(STATES[mode]())).toBe(mode);
  });

  for (const mode of MODES) {
    it(`${mode}: lists each key once, each entry saying something different`, () => {
      const entries = helpOf(mode);
      expect(entries.length).toBeGreaterThan(1);
      const seen = new Map<string, string>();
      for (const entry of entries) {
        for (const spec of entry.keys) {
          const id = JSON.stringify(spec);
          expect(seen.get(id), `${mode}: ${id} listed under "${seen.get(id)}" and "${entry.label}"`).toBeUndefined();
          seen.set(id, entry.label);
        }
      }
      const does = entries.map((e) => e.does);
      expect(new Set(does).size, `${mode}: ${does.join(' | ')}`).toBe(does.length);
    });

    it(`${mode}: lists only keys that do something there`, () => {
      for (const entry of helpOf(mode)) {
        for (const spec of entry.keys) {
          const before = STATES[mode]();
          const { input, key } = press(spec);
          const after = appReducer(before, { type: 'key', input, key, bodyMax: 20, pageRows: 5, at: before.now });
          expect(after, `${mode}: ${entry.label} (${entry.does}) does nothing`).not.toEqual(before);
        }
      }
    });
  }

  it('lists every key the screen answers to', () => {
    for (const mode of MODES) {
      const listed = new Set(helpOf(mode).flatMap((e) => e.keys.map((k) => JSON.stringify(k))));
      for (const binding of KEYMAP[mode]) {
        for (const spec of binding.keys)
          expect(listed, `${mode}: ${JSON.stringify(spec)}`).toContain(JSON.stringify(spec));
      }
    }
  });
});
