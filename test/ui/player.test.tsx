import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lessons/types.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { App } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';
import { KEYS, renderTui } from '../helpers/render.js';

afterEach(() => {
  cleanup();
  delete process.env.INK_SCREEN_READER;
});

const lesson: Lesson = {
  id: 'sim',
  order: 1,
  title: 'Simulation',
  summary: 's',
  source: '/x',
  pack: 'builtin',
  pages: [
    {
      id: 'watch',
      text: 'Watch it.',
      simulation: {
        scenario: 'lost-final-ack',
        predict: [{ id: 'p1', before: { type: 'send', side: 'server', nth: 1 }, ask: 'next-ack', hints: [] }],
      },
    },
  ],
};

async function setup(columns = 80, rows = 24) {
  const initial = initialTutorState({ lessons: [lesson], progress: emptyProgress(), seed: 1, startLesson: 'sim' });
  return renderTui(
    <App
      initial={initial}
      theme={makeTheme({ color: false, ascii: false })}
      locale="en"
      progressFile="/x"
      onSave={() => undefined}
    />,
    { columns, rows },
  );
}

describe('the simulation player', () => {
  it('steps through the run, showing the states and what a segment means', async () => {
    const ui = await setup();
    await ui.waitForFrame('event 0/41');
    expect(ui.frame()).toContain('Space play/pause');
    // Help and quit stay on the status bar however many keys the screen has.
    expect(ui.frame()).toMatch(/\? help · q quit\s*$/);
    await ui.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    const frame = await ui.waitForFrame('event 5/41');
    expect(frame).toContain('client SYN-SENT');
    expect(frame).toContain('Opens a connection');
    await ui.press(KEYS.left);
    await ui.waitForFrame('event 4/41');
  });

  it('asks a predict question and grades it against the engine', async () => {
    const ui = await setup();
    await ui.waitForFrame('event 0/41');
    for (let i = 0; i < 10; i++) await ui.press(KEYS.right);
    await ui.waitForFrame('What acknowledgment number does the server');
    // The choices are sorted; 1001 is the second.
    await ui.press(KEYS.down, KEYS.enter);
    const frame = await ui.waitForFrame('Right: 1001');
    expect(frame).toContain('✓');
  });

  it('drops the next segment, shows the change, and compares with the original run', async () => {
    const ui = await setup(120, 30);
    await ui.waitForFrame('event 0/41');
    await ui.press('d');
    await ui.waitForFrame('your changes: drop client #1');
    await ui.press('c');
    const frame = await ui.waitForFrame('first difference at event');
    expect(frame).toContain('without your change');
    expect(frame).toContain('with it');
  });

  it('draws the ladder at the smallest terminal, and side by side from 120 columns', async () => {
    const small = await setup(60, 16);
    await small.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    const frame = await small.waitForFrame('event 5/41');
    expect(frame).toContain('SYN-SENT');
    expect(frame).not.toContain('too narrow');
    cleanup();
    const wide = await setup(120, 30);
    await wide.press('d', 'c');
    const compare = await wide.waitForFrame('first difference');
    expect(compare).not.toContain('too narrow');
    expect(compare.split('\n').some((l) => (l.match(/server/g) ?? []).length === 2)).toBe(true);
  });

  it('switches the what-if on and off', async () => {
    const ui = await setup();
    await ui.waitForFrame('event 0/41');
    await ui.press('w');
    await ui.waitForFrame('what-if: no TIME-WAIT');
    await ui.press(KEYS.end);
    await ui.waitForFrame('! reset');
    await ui.press('w');
    await ui.waitForFrame('real TCP again');
  });

  it('speaks events as sentences for a screen reader instead of drawing the ladder', async () => {
    process.env.INK_SCREEN_READER = 'true';
    const ui = await setup();
    await ui.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    const frame = await ui.waitForFrame('10 ms: the client sends SYN seq=1000');
    expect(frame).not.toContain('┬');
  });
});
