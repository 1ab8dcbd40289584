// Reducer rules for what a new learner trips over: a carried ordering item,
// answers that cannot be graded yet, pages at either end, drafts.
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../src/core/progress/merge.js';
import { type TutorAction, type TutorState, initialTutorState, tutorReducer } from '../../../src/core/tutor/machine.js';
import { sampleLesson, secondLesson } from '../../fixtures/lessons.js';

const start = () =>
  initialTutorState({
    lessons: [sampleLesson, secondLesson],
    progress: emptyProgress(),
    seed: 42,
    startLesson: 'sample',
  });

const run = (state: TutorState, ...actions: TutorAction[]) => actions.reduce(tutorReducer, state);

const toPage = (pageId: string) => {
  const index = sampleLesson.pages.findIndex((p) => p.id === pageId);
  return run(start(), ...Array.from({ length: index }, () => ({ type: 'page/next' }) as const));
};

describe('carrying an ordering item', () => {
  it('puts it back where it was picked up on back (Esc)', () => {
    const carried = run(
      toPage('q-order'),
      { type: 'answer/move', delta: 1 },
      { type: 'answer/toggle' },
      { type: 'answer/move', delta: 1 },
      { type: 'answer/move', delta: -2 },
    );
    expect(carried.attempt?.order).toEqual(['syn', 'ack', 'synack']);
    const cancelled = run(carried, { type: 'back' });
    expect(cancelled.attempt?.grabbed).toBe(false);
    expect(cancelled.attempt?.order).toEqual(['ack', 'syn', 'synack']);
    expect(cancelled.attempt?.cursor).toBe(1);
    expect(cancelled.screen).toBe('lesson');
  });

  it('keeps the new place when put down, and the help does not drop it', () => {
    const carried = run(toPage('q-order'), { type: 'answer/toggle' }, { type: 'answer/move', delta: 2 });
    const helped = run(carried, { type: 'help/toggle' }, { type: 'back' });
    expect(helped.attempt?.grabbed).toBe(true);
    const down = run(helped, { type: 'answer/toggle' });
    expect(down.attempt?.order).toEqual(['syn', 'synack', 'ack']);
  });
});
