// Reducer rules for what a new learner trips over: a carried ordering item,
// answers that cannot be graded yet, pages at either end, drafts.
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../src/core/progress/merge.js';
import { type TutorAction, type TutorState, initialTutorState, tutorReducer } from '../../../src/core/tutor/machine.js';
import { sampleLesson, secondLesson } from '../../fixtures/lessons.js';

const start = () =>
  initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
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

describe('keys that cannot do their usual thing say why', () => {
  it('says so at the last and the first page, and stays there', () => {
    const first = run(start(), { type: 'page/prev' });
    expect(first.pageIndex).toBe(0);
    expect(first.message).toBe('first-page');
    const last = toPage('q-short');
    const past = run(last, { type: 'page/next' });
    expect(past.pageIndex).toBe(last.pageIndex);
    expect(past.message).toBe('last-page');
    expect(run(past, { type: 'message/clear' }).message).toBeNull();
  });

  it('asks for a mark or a typed answer before grading', () => {
    const nothing = run(toPage('q-multiple'), { type: 'answer/submit' });
    expect(nothing.attempt?.verdict).toBeNull();
    expect(nothing.message).toBe('mark-first');
    expect(nothing.saveRequests).toBe(0);
    const empty = run(toPage('q-short'), { type: 'answer/type', text: '   ' }, { type: 'answer/submit' });
    expect(empty.attempt?.verdict).toBeNull();
    expect(empty.message).toBe('type-first');
  });

  it('says there is no more hint once the solution is shown', () => {
    const shown = run(
      toPage('q-multiple'),
      { type: 'hint' },
      { type: 'hint' },
      { type: 'solution/confirm', yes: true },
      { type: 'hint' },
    );
    expect(shown.attempt?.solutionShown).toBe(true);
    expect(shown.overlay).toBeNull();
    expect(shown.message).toBe('no-more-hints');
  });
});

describe('drafts', () => {
  it('keeps a typed answer, with its numbers, when the learner turns away and back', () => {
    const typed = run(toPage('q-short'), { type: 'answer/type', text: '10' });
    const params = typed.attempt?.params;
    const back = run(typed, { type: 'page/prev' }, { type: 'page/next' });
    expect(back.attempt?.input).toBe('10');
    expect(back.attempt?.params).toEqual(params);
    expect(back.attempt?.typing).toBe(true);
  });

  it('keeps marks and orders across leaving the lesson, until the answer is graded', () => {
    const marked = run(toPage('q-multiple'), { type: 'answer/move', delta: 1 }, { type: 'answer/toggle' });
    const reopened = run(marked, { type: 'back' }, { type: 'home/open', index: 0 });
    expect(reopened.attempt?.marked).toEqual(['tw']);
    const graded = run(reopened, { type: 'answer/submit' }, { type: 'page/prev' }, { type: 'page/next' });
    expect(graded.attempt?.verdict).toBeNull();
    expect(graded.attempt?.marked).toEqual([]);
  });
});
