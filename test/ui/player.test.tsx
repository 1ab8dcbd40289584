import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { tcpOf } from '../helpers/tcp-page.js';
import { predictChoices, predictExpected } from '../../src/core/models/tcp/predict.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { findEvent } from '../../src/core/models/tcp/player.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { getBuiltinScenario } from '../../src/core/scenario/builtins.js';
import { simulate } from '../../src/core/tcp/simulate.js';
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
      model: {
        kind: 'tcp',
        settings: {
          scenario: 'lost-final-ack',
          predict: [
            {
              id: 'p1',
              before: { type: 'send', side: 'server', nth: 1 },
              ask: 'next-ack',
              hints: ['A SYN occupies one sequence number.'],
            },
          ],
        },
        questionIds: ['p1'],
      },
    },
  ],
};

// The run the page plays, and where its predict question stops it.
const run = simulate(getBuiltinScenario('lost-final-ack')!);
const EVENTS = run.events.length;
const point = tcpOf(lesson.pages[0])!.predict![0]!;
const STOP = findEvent(run.events, point.before) - 1;

async function setup(columns = 80, rows = 24) {
  const initial = initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: [lesson],
    progress: emptyProgress(),
    seed: 1,
    startLesson: 'sim',
  });
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
    await ui.waitForFrame(`event 0/${EVENTS}`);
    expect(ui.frame()).toContain('Space play/pause');
    // Help and quit stay on the status bar however many keys the screen has.
    expect(ui.frame()).toMatch(/\? help · q quit\s*$/);
    await ui.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    const frame = await ui.waitForFrame(`event 5/${EVENTS}`);
    expect(frame).toContain('client SYN-SENT');
    expect(frame).toContain('Opens a connection');
    await ui.press(KEYS.left);
    await ui.waitForFrame(`event 4/${EVENTS}`);
  });

  it('asks a predict question and grades it against the engine', async () => {
    const ui = await setup();
    await ui.waitForFrame(`event 0/${EVENTS}`);
    // Stepping on, the player stops before the server's first segment to ask.
    for (let i = 0; i <= STOP + 1; i++) await ui.press(KEYS.right);
    await ui.waitForFrame('What acknowledgment number does the server');
    expect(ui.frame()).toContain(`event ${STOP + 1}/${EVENTS}`);
    // h shows the question's hint, and says so when there is none left.
    await ui.press('h');
    await ui.waitForFrame('Hint 1: A SYN occupies one sequence number.');
    await ui.press('h');
    await ui.waitForFrame('No more hints for this question');
    // Its SYN,ACK acknowledges the client's SYN: ISN 1000 + 1. Choose it among the sorted choices.
    expect(predictExpected(run, STOP, 'next-ack')).toBe('1001');
    const choices = predictChoices(run, STOP, 'next-ack');
    await ui.press(...choices.slice(0, choices.indexOf('1001')).map(() => KEYS.down), KEYS.enter);
    const frame = await ui.waitForFrame('Right: 1001');
    expect(frame).toContain('✓');
  });

  it('drops the next segment, shows the change, and compares with the original run', async () => {
    const ui = await setup(120, 30);
    await ui.waitForFrame(`event 0/${EVENTS}`);
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
    const frame = await small.waitForFrame(`event 5/${EVENTS}`);
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
    await ui.waitForFrame(`event 0/${EVENTS}`);
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
