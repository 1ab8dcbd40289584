import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../src/core/progress/merge.js';
import {
  type TutorAction,
  type TutorState,
  currentPage,
  initialTutorState,
  tutorReducer,
} from '../../../src/core/tutor/machine.js';
import type { Lesson } from '../../../src/core/lessons/types.js';
import { sampleLesson, secondLesson } from '../../fixtures/lessons.js';

const start = (extra: Partial<Parameters<typeof initialTutorState>[0]> = {}) =>
  initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: [sampleLesson, secondLesson],
    progress: emptyProgress(),
    seed: 42,
    ...extra,
  });

const run = (state: TutorState, ...actions: TutorAction[]) => actions.reduce(tutorReducer, state);

const toPage = (pageId: string) => {
  const s = run(start(), { type: 'home/open', index: 0 });
  const index = sampleLesson.pages.findIndex((p) => p.id === pageId);
  return run(s, ...Array.from({ length: index }, () => ({ type: 'page/next' }) as const));
};

describe('tutor session', () => {
  it('opens a lesson at its first page and records the page as seen', () => {
    const s = run(start(), { type: 'home/move', delta: 1 }, { type: 'home/move', delta: -1 }, { type: 'home/open' });
    expect(s.screen).toBe('lesson');
    expect(currentPage(s)?.id).toBe('intro');
    expect(s.progress.lessons.sample?.seen).toContain('intro');
  });

  it('jumps to the last and the first lesson on the home screen, where 1-9 cannot reach a tenth', () => {
    const lessons = Array.from({ length: 12 }, (_, i) => ({ ...secondLesson, id: `l${i + 1}` }));
    const last = run(start({ lessons }), { type: 'home/jump', to: 'last' });
    expect(last.homeIndex).toBe(11);
    expect(run(last, { type: 'home/open' }).lessonIndex).toBe(11);
    expect(run(last, { type: 'home/move', delta: -2 }, { type: 'home/jump', to: 'first' }).homeIndex).toBe(0);
    // Only on the home screen.
    const inLesson = run(start({ lessons }), { type: 'home/open', index: 3 }, { type: 'home/jump', to: 'last' });
    expect(inLesson.homeIndex).toBe(3);
  });

  it('stamps what it records with the time its actions carry, never a clock of its own', () => {
    const opened = run(start(), { type: 'home/open', index: 0, at: '2026-03-01T10:00:00.000Z' });
    expect(opened.progress.lessons.sample?.updatedAt).toBe('2026-03-01T10:00:00.000Z');
    // An action without a time is stamped with the latest time the session was given.
    const next = run(opened, { type: 'page/next' });
    expect(next.progress.lessons.sample?.updatedAt).toBe('2026-03-01T10:00:00.000Z');
    const later = run(next, { type: 'page/next', at: '2026-03-01T10:05:00.000Z' });
    expect(later.progress.lessons.sample?.updatedAt).toBe('2026-03-01T10:05:00.000Z');
    expect(run(start(), { type: 'home/open', index: 0 }).progress.lessons.sample?.updatedAt).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('resumes a lesson at the page the learner left', () => {
    const left = run(toPage('q-order'), { type: 'back' });
    expect(left.screen).toBe('home');
    const again = run(left, { type: 'home/open' });
    expect(currentPage(again)?.id).toBe('q-order');
  });

  it('jumps into a lesson given on the command line', () => {
    const s = start({ startLesson: 'second' });
    expect(s.screen).toBe('lesson');
    expect(currentPage(s)?.id).toBe('only');
  });

  it('stays within the pages', () => {
    const s = run(start(), { type: 'home/open' }, { type: 'page/prev' });
    expect(s.pageIndex).toBe(0);
    const end = run(s, ...Array.from({ length: 10 }, () => ({ type: 'page/next' }) as const));
    expect(end.pageIndex).toBe(sampleLesson.pages.length - 1);
  });

  it('grades a right single choice, records it as solved and asks for a save', () => {
    const s = run(toPage('q-single'), { type: 'answer/move', delta: 1 }, { type: 'answer/submit' });
    expect(s.attempt?.verdict?.correct).toBe(true);
    expect(s.progress.lessons.sample?.exercises['isn-carrier']?.solved).toBe(true);
    expect(s.saveRequests).toBe(1);
  });

  it('explains a wrong single choice and lets the learner try again', () => {
    const wrong = run(toPage('q-single'), { type: 'answer/submit' });
    expect(wrong.attempt?.verdict?.correct).toBe(false);
    expect(JSON.stringify(wrong.attempt?.verdict?.feedback)).toContain('client ISN');
    expect(wrong.progress.lessons.sample?.exercises['isn-carrier']?.solved).toBe(false);
    const retry = run(wrong, { type: 'answer/retry' });
    expect(retry.attempt?.verdict).toBeNull();
    const right = run(retry, { type: 'answer/move', delta: 1 }, { type: 'answer/submit' });
    expect(right.attempt?.verdict?.correct).toBe(true);
    expect(right.progress.lessons.sample?.exercises['isn-carrier']?.attempts).toBe(2);
  });

  it('needs every right option marked in a multiple choice', () => {
    const one = run(toPage('q-multiple'), { type: 'answer/toggle' }, { type: 'answer/submit' });
    expect(one.attempt?.verdict?.correct).toBe(false);
    const both = run(
      toPage('q-multiple'),
      { type: 'answer/toggle' },
      { type: 'answer/move', delta: 1 },
      { type: 'answer/toggle' },
      { type: 'answer/submit' },
    );
    expect(both.attempt?.verdict?.correct).toBe(true);
  });

  it('does not submit a multiple choice with nothing marked', () => {
    const s = run(toPage('q-multiple'), { type: 'answer/submit' });
    expect(s.attempt?.verdict).toBeNull();
  });

  it('moves a picked-up ordering item and names the first wrong position', () => {
    const shown = run(toPage('q-order'), { type: 'answer/submit' });
    expect(shown.attempt?.verdict?.correct).toBe(false);
    expect(shown.attempt?.verdict?.firstWrongPosition).toBe(0);
    // ack, syn, synack → pick up ack and move it to the bottom.
    const s = run(
      toPage('q-order'),
      { type: 'answer/toggle' },
      { type: 'answer/move', delta: 1 },
      { type: 'answer/move', delta: 1 },
      { type: 'answer/toggle' },
    );
    expect(s.attempt?.order).toEqual(['syn', 'synack', 'ack']);
    expect(run(s, { type: 'answer/submit' }).attempt?.verdict?.correct).toBe(true);
  });

  it('types a short answer computed from the drawn parameter', () => {
    const s = toPage('q-short');
    expect(s.attempt?.typing).toBe(true);
    expect(s.attempt?.params.isn).toBe(1000);
    const typed = run(s, { type: 'answer/type', text: '10012' }, { type: 'answer/erase' }, { type: 'answer/submit' });
    expect(typed.attempt?.verdict?.correct).toBe(true);
  });

  it('escalates hints, then shows the solution only after a confirmation, and counts both', () => {
    let s = run(toPage('q-single'), { type: 'hint' });
    expect(s.attempt?.hintsShown).toBe(1);
    s = run(s, { type: 'hint' }, { type: 'hint' });
    expect(s.attempt?.hintsShown).toBe(2);
    expect(s.overlay).toBe('confirm-solution');
    const declined = run(s, { type: 'solution/confirm', yes: false });
    expect(declined.attempt?.solutionShown).toBe(false);
    const shown = run(s, { type: 'solution/confirm', yes: true });
    expect(shown.attempt?.solutionShown).toBe(true);
    expect(shown.attempt?.solution).toContain('SYN,ACK');
    expect(shown.progress.lessons.sample?.exercises['isn-carrier']?.solutionShown).toBe(true);
    expect(shown.progress.lessons.sample?.exercises['isn-carrier']?.hintsUsed).toBe(2);
  });

  it('asks to quit without losing the session', () => {
    const before = run(toPage('q-single'), { type: 'answer/move', delta: 1 }, { type: 'hint' });
    const s = run(before, { type: 'quit' });
    expect(s.quitRequested).toBe(true);
    // Only the request changes: the progress to save, the page and the answer being given stay as they were.
    expect({ ...s, quitRequested: before.quitRequested }).toEqual(before);
    expect(s.progress.lessons.sample?.seen).toEqual(['intro', 'q-single']);
    expect(s.progress.lessons.sample?.exercises['isn-carrier']?.hintsUsed).toBe(1);
  });

  describe('on a page with a model', () => {
    const withPlayer: Lesson = {
      ...secondLesson,
      id: 'player',
      pages: [
        { id: 'text', text: 'Read me.' },
        {
          id: 'watch',
          text: 'Watch it.',
          model: {
            kind: 'tcp',
            settings: {
              scenario: 'handshake',
              predict: [{ id: 'p1', before: { type: 'send', side: 'server', nth: 1 }, ask: 'next-ack', hints: [] }],
            },
            questionIds: ['p1'],
          },
        },
      ],
    };
    const open = () => start({ lessons: [withPlayer], startLesson: 'player' });

    it('opens and closes the page and the model in full (i), only where there is a model', () => {
      expect(run(open(), { type: 'info/toggle' }).overlay).toBeNull();
      const onModel = run(open(), { type: 'page/next' });
      const info = run(onModel, { type: 'info/toggle' }, { type: 'overlay/scroll', delta: 2, max: 5 });
      expect(info.overlay).toBe('info');
      expect(info.overlayScroll).toBe(2);
      // The model waits while it is read: neither keys nor ticks reach it.
      expect(run(info, { type: 'model', action: { type: 'step', delta: 1 } })).toEqual(info);
      expect(run(info, { type: 'info/toggle' }).overlay).toBeNull();
      expect(run(info, { type: 'back' }).overlay).toBeNull();
      // Not over another overlay.
      const help = run(onModel, { type: 'help/toggle' });
      expect(run(help, { type: 'info/toggle' }).overlay).toBe('help');
    });

    it('keeps, after a predict answer, which choice was made and which the model accepts', () => {
      const asked = run(open(), { type: 'page/next' }, { type: 'model', action: { type: 'end' } });
      const p = asked.prediction!;
      expect(p.choices).toContain('1001');
      const wrongAt = p.choices.findIndex((c) => c !== '1001');
      const answered = run(asked, { type: 'predict/move', delta: wrongAt }, { type: 'predict/submit' });
      expect(answered.prediction?.verdict?.correct).toBe(false);
      expect(answered.prediction?.cursor).toBe(wrongAt);
      expect(answered.prediction?.right).toEqual([p.choices.indexOf('1001')]);
    });
  });
});
